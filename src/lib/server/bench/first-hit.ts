// When the search page's first hit was painted, as the browser itself reports it (Element Timing): the page marks
// the first hit's title with FIRST_HIT_TIMING, so `npm run bench:search` times what the reader sees, without the
// round trips of the browser automation.
import type { Page } from 'playwright-core';
import { FIRST_HIT_TIMING } from '../../search-view';

/** Paint time of the newest first hit on the page's clock (ms since navigation start), or NaN when none was painted. */
export async function firstHitPaintedAt(page: Page): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve) => {
        const times: number[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { identifier: string; renderTime: number })[]) if (e.identifier === name) times.push(e.renderTime);
        });
        observer.observe({ type: 'element', buffered: true });
        // Buffered entries arrive in the observer's first callback; a paint still pending comes within a frame or two.
        setTimeout(() => {
          observer.disconnect();
          resolve(times.length ? Math.max(...times) : NaN);
        }, 150);
      }),
    FIRST_HIT_TIMING,
  );
}
