// The tracker's charts stay readable on a phone: every label and number is at least 12 CSS px high at 375 px width,
// and the traffic light shows a declined demand in words and a symbol, not in green.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser';

let browser: Browser;
let page: Page;
const url = (path: string) => new URL(path, inject('baseUrl')).toString();

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ locale: 'de-DE', viewport: { width: 375, height: 812 } });
});
afterAll(async () => {
  await browser?.close();
});

/** Font size and rendered height of every visible chart label and legend entry. */
function visibleLabels(p: Page) {
  return p.$$eval('.chart .chart-label, .chart .legend li', (elements) =>
    elements
      .filter((e) => e.getClientRects().length > 0 && (e.textContent ?? '').trim() !== '')
      .map((e) => ({ text: e.textContent!.trim(), fontSize: parseFloat(getComputedStyle(e).fontSize), height: e.getBoundingClientRect().height })),
  );
}

describe('tracker charts at phone width (375 px)', () => {
  it('draws every label at 12 px or more', async () => {
    await page.goto(url('/forderungen'));
    const labels = await visibleLabels(page);
    // Both charts: the body names, the years, their totals and the legends.
    expect(labels.map((l) => l.text)).toEqual(expect.arrayContaining(['Landkreis Grafschaft Bentheim', 'StädteRegion Aachen', '2014', '2022', 'Überfällig']));
    for (const label of labels) {
      expect(label.fontSize, label.text).toBeGreaterThanOrEqual(12);
      expect(label.height, label.text).toBeGreaterThanOrEqual(12);
    }
  });

  it('keeps the charts within the screen', async () => {
    await page.goto(url('/forderungen'));
    const widest = await page.$$eval('.chart-plot', (plots) => Math.max(...plots.map((p) => p.getBoundingClientRect().right)));
    expect(widest).toBeLessThanOrEqual(375);
  });

  it('marks the declined motion with its name and a symbol, in a colour that is not green', async () => {
    await page.goto(url('/vorlagen/antrag-gruene-2014-03-05-willkommenskultur'));
    const mark = page.locator('.demands .status').first();
    expect(await mark.textContent()).toBe('Von der Verwaltung abgelehnt');
    expect(await mark.locator('svg.status-icon path').count()).toBe(1);
    const [r, g, b] = (await mark.evaluate((e) => getComputedStyle(e).color)).match(/\d+/g)!.map(Number);
    expect(g! > r! && g! > b!).toBe(false);
  });
});
