// Parses list filters from the URL with the shared list-parameter blocks; an invalid value is dropped with a German
// notice, never a 500.
import type { z } from 'zod';
import { listParam } from '@/lib/validation/fields';
import { listMessages } from '@/lib/validation/messages';

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
    if (value === undefined) notices.push(listMessages.ignored(raw, spec.label));
    else values[key] = value;
  }
  return { values, notices };
}

/** A filter's check made from a zod block: the parsed value, or undefined when the block refuses it. */
export function fromSchema<T>(schema: z.ZodType<T>): (raw: string) => T | undefined {
  return (raw) => {
    const parsed = schema.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  };
}

/** A value from a fixed list. */
export function oneOf<T extends string>(allowed: readonly T[]): (raw: string) => T | undefined {
  return fromSchema(listParam.oneOf(allowed as unknown as readonly [T, ...T[]]) as unknown as z.ZodType<T>);
}

/** A positive whole number within bounds. */
export function wholeNumber(min: number, max: number): (raw: string) => number | undefined {
  return fromSchema(listParam.wholeNumber(min, max));
}

/** A URL slug. */
export const slugValue: (raw: string) => string | undefined = fromSchema(listParam.slug);

/** Free text, trimmed (the caller trims). */
export const text: (raw: string) => string | undefined = fromSchema(listParam.text());

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
    notices.push(listMessages.pageOutOfRange(requested, pageCount));
    page = pageCount;
  }
  return { page, pageSize, total, pageCount };
}
