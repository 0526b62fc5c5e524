// The error summary of a refused form: focus moves to it when the page loads, so keyboard and screen-reader users
// start at the list of what to fix; each of its links moves focus into its field (a plain #anchor only scrolls).

/** Focuses the page's error summary, if any, and makes its links focus their fields. */
export function startErrorSummary(doc: Document = document): void {
  const summary = doc.querySelector<HTMLElement>('[data-error-summary]');
  if (!summary) return;
  summary.focus();
  summary.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[href^="#"]');
    const field = link ? doc.getElementById(decodeURIComponent(link.hash.slice(1))) : null;
    if (!field) return;
    event.preventDefault();
    // A field inside a closed <details> (a follow-up's correction form) becomes visible first.
    const details = field.closest('details');
    if (details) details.open = true;
    const label = doc.querySelector(`label[for="${CSS.escape(field.id)}"]`);
    field.focus({ preventScroll: true });
    (label ?? field).scrollIntoView({ block: 'start' });
  });
}
