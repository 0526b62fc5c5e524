// Ranking of full-text search, shared by the browser, the server's first page of hits and the relevance tests.
//
// Drucksachen-Nummern need help: Pagefind drops punctuation from a query ("3.2/0076/2014" becomes the one word
// "3200762014"), and a partition that lacks that word answers with the longest prefix it has, "3", so every demand
// numbered "3." matched, and the newest partition alone filled a page while the paper sat in an older one. A query
// that looks like a number is therefore searched as one exact word, which papers carry in their `referenceKeys`
// meta field (every ending of their number, so "0076/2014" finds "3.2/0076/2014"); the partitions of the year
// it names are searched first; and the record carrying exactly that number is put first.

/**
 * Pagefind ranking weights: no penalty for long documents, so minutes that discuss a topic at length
 * rank above short demands that merely mention it.
 */
export const searchRanking = { pageLength: 0 } as const;

/**
 * A query that is a Drucksachen-Nr.: letter and digit groups joined by ".", "/" or "-" (with at least one "/" or a "-"
 * between digits), optionally after a short word such as "DS" or "Drs.": "3.2/0076/2014", "0076/2014", "DS 12/2020",
 * "VO/2020/0123", "2021-0456".
 */
const REFERENCE = /^(?:\p{L}{1,12}\.?\s+)?[\p{L}\p{N}]+(?:\s?[./-]\s?[\p{L}\p{N}]+)+$/u;

/** The letter and digit groups of a number, lower case: "DS 12/2020" → ds, 12, 2020. */
function groups(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

const isWord = (group: string) => /^\p{L}+$/u.test(group);

/** What a Drucksachen-Nr. query searches for. */
export interface ReferenceQuery {
  /** All groups joined: "3200762014", "ds122020". */
  key: string;
  /** The one word searched for: the key without a leading word ("DS", "Drs."), so "DS 12/2020" also finds "12/2020". */
  word: string;
  /** Four-digit years the number names; their partitions are searched first. */
  years: string[];
}

/** The reference a query asks for, or null when the query is not a Drucksachen-Nr. */
export function referenceQuery(q: string): ReferenceQuery | null {
  const text = q.trim();
  if (text.length > 60 || !REFERENCE.test(text) || !(text.includes('/') || /\p{N}\s?-\s?\p{N}/u.test(text))) return null;
  const parts = groups(text);
  if (!parts.some((g) => /\p{N}/u.test(g))) return null;
  const bare = parts.length > 2 && isWord(parts[0]!) ? parts.slice(1) : parts;
  return { key: parts.join(''), word: bare.join(''), years: [...new Set(parts.filter((g) => /^(?:19|20)\d\d$/.test(g)))] };
}

/**
 * The search words of a paper's own Drucksachen-Nr. (its `referenceKeys` meta field): the whole number and each
 * ending of at least two groups, "3.2/0076/2014" → "3200762014 200762014 00762014", "DS 12/2020" → "ds122020 122020".
 */
export function referenceKeys(reference: string): string {
  const parts = groups(reference);
  const keys = parts.length ? [parts.join('')] : [];
  for (let i = 1; i < parts.length - 1; i++) keys.push(parts.slice(i).join(''));
  return keys.join(' ');
}

/**
 * How closely a hit matches a reference query, lower first; null when it does not carry the number. 0: the paper
 * with exactly this number; 1: another record with it (a demand of that paper); 2 and 3: the same for a number that
 * ends with the query or lacks its leading word ("0076/2014" → "3.2/0076/2014", "DS 12/2020" → "12/2020").
 */
export function referenceRank(query: ReferenceQuery, meta: Record<string, string>): number | null {
  if (!meta.reference) return null;
  const paper = meta.referenceKeys !== undefined;
  const own = groups(meta.reference).join('');
  if (own === query.key) return paper ? 0 : 1;
  const keys = referenceKeys(meta.reference).split(' ');
  if (keys.includes(query.word) || own === query.word) return paper ? 2 : 3;
  return null;
}
