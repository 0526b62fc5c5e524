// When the search page's first hit was painted, as the browser itself reports it (Element Timing): the page marks
// the first hit's title with FIRST_HIT_TIMING, so `npm run bench:search` times what the reader sees, without the
// round trips of the browser automation. The e2e search test checks that the page keeps reporting it.
import type { Page } from 'playwright-core';
import { FIRST_HIT_TIMING } from '@/lib/search-view';

/**
 * Paint time (ms since navigation start, on the page's clock) of the newest first hit painted after `after`.
 * Waits for that paint as long as the caller's own timeout allows; it never guesses with a timer.
 */
export async function firstHitPaintedAt(page: Page, after = 0): Promise<number> {
  return page.evaluate(
    ([name, after]) =>
      new Promise<number>((resolve) => {
        const observer = new PerformanceObserver((list) => {
          const times = (list.getEntries() as (PerformanceEntry & { identifier: string; renderTime: number })[])
            .filter((e) => e.identifier === name && e.renderTime > after)
            .map((e) => e.renderTime);
          if (!times.length) return;
          observer.disconnect();
          resolve(Math.max(...times));
        });
        // Buffered entries arrive in the observer's first callback; a paint still pending arrives when it happens.
        observer.observe({ type: 'element', buffered: true });
      }),
    [FIRST_HIT_TIMING, after] as const,
  );
}
