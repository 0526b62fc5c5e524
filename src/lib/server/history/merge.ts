// Field-by-field merge of a save with what others saved since the version the form was loaded with: changes to
// different fields are combined; only a field both changed, to different values, is a conflict.

/** A field both the clerk and someone else changed: the value stored now and the clerk's value. */
export interface FieldConflict {
  name: string;
  theirs: unknown;
  mine: unknown;
}

/** The values to write, the fields taken over from the stored version, and the conflicts. */
export interface Merge {
  values: Record<string, unknown>;
  fromTheirs: string[];
  conflicts: FieldConflict[];
}

function normalized(value: unknown): unknown {
  if (value === undefined || value === '') return null;
  // Lists (ids of a multi-select) compare as sets: their order carries no meaning.
  if (Array.isArray(value)) return JSON.stringify(value.map(String).sort());
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return value;
}

/** Whether two stored or entered values mean the same: empty text is absent, lists compare as sets. */
export function sameValue(a: unknown, b: unknown): boolean {
  return normalized(a) === normalized(b);
}

/** The Markdown field an HTML field is rendered from (`textHtml` from `textMd`), when the save sets both. */
function sourceOf(key: string, mine: Record<string, unknown>): string | null {
  if (!key.endsWith('Html')) return null;
  const source = `${key.slice(0, -'Html'.length)}Md`;
  return source in mine ? source : null;
}

/**
 * Merges the clerk's values (`mine`) into the row as stored now (`current`), both descended from `base` (the
 * snapshot of the version the form was loaded with; null when the log has none, which makes every differing field
 * a conflict). A field the clerk left as it was takes the stored value; a field only the clerk changed takes theirs;
 * a field both changed to different values is a conflict (its value stays the clerk's, for the caller to decide).
 * Rendered HTML follows its Markdown source.
 */
export function mergeChanges(base: Record<string, unknown> | null, current: Record<string, unknown>, mine: Record<string, unknown>): Merge {
  const values: Record<string, unknown> = {};
  const fromTheirs: string[] = [];
  const conflicts: FieldConflict[] = [];
  for (const key of Object.keys(mine)) {
    if (sourceOf(key, mine)) continue;
    const known = base !== null && Object.hasOwn(base, key);
    const theirs = current[key];
    const value = mine[key];
    if (known && sameValue(value, base[key])) {
      values[key] = theirs;
      if (!sameValue(theirs, value)) fromTheirs.push(key);
    } else if ((known && sameValue(theirs, base[key])) || sameValue(value, theirs)) {
      values[key] = value;
    } else {
      values[key] = value;
      conflicts.push({ name: key, theirs, mine: value });
    }
  }
  for (const key of Object.keys(mine)) {
    const source = sourceOf(key, mine);
    if (source) values[key] = fromTheirs.includes(source) ? current[key] : mine[key];
  }
  return { values, fromTheirs, conflicts };
}
