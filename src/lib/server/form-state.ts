// The values a user submitted, so a page rendered after a refused post shows them again.
/** The posted form of this request (null for GET or unreadable bodies). */
export async function submittedForm(request: Request): Promise<FormData | null> {
  if (request.method !== 'POST') return null;
  try {
    return await request.clone().formData();
  } catch {
    return null;
  }
}

/** A posted text value, or the fallback (the stored value) when nothing was posted. */
export function keep(form: FormData | null, name: string, fallback: string | number | null | undefined): string {
  if (form) {
    const v = form.get(name);
    if (typeof v === 'string') return v;
  }
  return fallback === null || fallback === undefined ? '' : String(fallback);
}

/** Posted values of a multi-select, or the fallback. */
export function keepAll(form: FormData | null, name: string, fallback: (string | number)[], marker = 'version'): string[] {
  if (form && form.has(marker)) return form.getAll(name).filter((v): v is string => typeof v === 'string');
  return fallback.map(String);
}
