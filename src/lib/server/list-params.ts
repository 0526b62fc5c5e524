// Parses list filters from the URL; an invalid value is dropped with a German notice, never a 500.
/** A filter definition: URL name, German label, and a check of the raw value. */
export interface FilterSpec<T> {
  name: string;
  label: string;
  parse: (raw: string) => T | undefined;
}

/** Result of parsing: the valid values and a notice for each value that was ignored. */
export interface ParsedFilters<T extends object> {
  values: Partial<T>;
  notices: string[];
}

/** Reads every spec'd parameter from `params`; empty values count as absent. */
export function parseFilters<T extends object>(params: URLSearchParams, specs: { [K in keyof T]: FilterSpec<T[K]> }): ParsedFilters<T> {
  const values: Partial<T> = {};
  const notices: string[] = [];
  for (const key of Object.keys(specs) as (keyof T)[]) {
    const spec = specs[key];
    const raw = params.get(spec.name)?.trim();
    if (!raw) continue;
    const value = raw.length <= 200 ? spec.parse(raw) : undefined;
    if (value === undefined) notices.push(`Der Wert „${raw.slice(0, 60)}“ für „${spec.label}“ ist ungültig und wurde nicht berücksichtigt.`);
    else values[key] = value;
  }
  return { values, notices };
}

/** A value from a fixed list. */
export function oneOf<T extends string>(allowed: readonly T[]): (raw: string) => T | undefined {
  return (raw) => (allowed as readonly string[]).includes(raw) ? (raw as T) : undefined;
}

/** A positive whole number within bounds. */
export function wholeNumber(min: number, max: number): (raw: string) => number | undefined {
  return (raw) => {
    if (!/^\d{1,9}$/.test(raw)) return undefined;
    const n = Number(raw);
    return n >= min && n <= max ? n : undefined;
  };
}

/** A URL slug. */
export function slugValue(raw: string): string | undefined {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(raw) ? raw : undefined;
}

/** Free text, trimmed. */
export function text(raw: string): string | undefined {
  return raw.length ? raw : undefined;
}

/** Pagination numbers for a list. */
export interface Page {
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
}

/** Clamps a requested page to the available ones, adding a notice if it was out of range. */
export function clampPage(requested: number, pageSize: number, total: number, notices: string[]): Page {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  let page = requested;
  if (page > pageCount) {
    notices.push(`Seite ${requested} gibt es nicht; angezeigt wird Seite ${pageCount}.`);
    page = pageCount;
  }
  return { page, pageSize, total, pageCount };
}
