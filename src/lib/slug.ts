// The one slug function: URL slugs of new papers, meetings and master data, and the anchors of agenda items.
// @sindresorhus/slugify spells German letters out (ä → ae, ö → oe, ü → ue, ß → ss) and transliterates the rest
// (é → e, ł → l, ı → i). Stored slugs are never recomputed, so only records created from now on use it.
import slugifyText from '@sindresorhus/slugify';

/**
 * A URL slug: lowercase ASCII letters and digits joined by single hyphens, German umlauts spelled out
 * ("Ö 13" → "oe-13", "Straßenausbau für Schüler" → "strassenausbau-fuer-schueler"), at most `maxLength` characters
 * and never ending in a hyphen; "" when nothing is left.
 */
export function slugify(text: string, maxLength = 80): string {
  // NFKC first, so "CO₂" keeps its digit and a decomposed "ä" is still an umlaut. As the portal always did, "&"
  // separates words and "CamelCase" stays one word; no English words for "&" or "♥", "€" is "euro".
  const slug = slugifyText(text.normalize('NFKC'), {
    customReplacements: [['&', ' '], ['♥', ' '], ['🦄', ' '], ['€', ' euro ']],
    decamelize: false,
  });
  return slug.slice(0, maxLength).replace(/-+$/, '');
}
