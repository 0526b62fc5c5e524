// Values computed from the data (counts, facet options, the tracker's list) kept in memory until the data changes:
// a save in this process and, through the change log, a save in another instance drop them all.
// Keys should include whatever else the value depends on (today's date, a body id).

const values = new Map<string, Promise<unknown>>();

/** The value for `key`, loaded once and reused until the next change of any data; a failed load is not kept. */
export function untilNextChange<T>(key: string, load: () => Promise<T>): Promise<T> {
  const known = values.get(key);
  if (known) return known as Promise<T>;
  const loading = load();
  values.set(key, loading);
  loading.catch(() => {
    if (values.get(key) === loading) values.delete(key);
  });
  return loading;
}

/** Forgets every derived value; called for every change, local or reported by another instance. */
export function dropDerivedValues(): void {
  values.clear();
}
