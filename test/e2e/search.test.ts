// The search page in Chromium: results with highlighted excerpts, facets with counts, state in the URL,
// the back button, keyboard use and a live region; axe finds no WCAG 2.1 A/AA violations.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser } from '../support/browser';
import { firstHitPaintedAt } from '../support/first-hit';

let browser: Browser;
let page: Page;
const url = (path: string) => new URL(path, inject('baseUrl')).toString();
const status = () => page.locator('#suche-status');
const hitLinks = () => page.locator('#suche-treffer h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));

async function waitForStatus(pattern: RegExp): Promise<void> {
  await page.waitForFunction((source) => new RegExp(source).test(document.getElementById('suche-status')?.textContent ?? ''), pattern.source);
}

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ locale: 'de-DE' });
});
afterAll(async () => {
  await browser?.close();
});

describe('search page', () => {
  it('shows results for a query from the URL with highlighted excerpts and facet counts, without axe violations', async () => {
    await page.goto(url('/suche?q=Ausl%C3%A4nderbeh%C3%B6rden'));
    await waitForStatus(/Treffer für „Ausländerbehörden“/);
    // The server renders the hits and the count; the facets are drawn once the browser's search has run.
    await page.locator('#suche-facetten label', { hasText: /^Mitteilungsvorlage \(1\)$/ }).waitFor();
    expect(await status().getAttribute('role')).toBe('status');
    expect(await hitLinks()).toContain('/vorlagen/3-2-0076-2014');
    expect(await page.locator('#suche-treffer mark').count()).toBeGreaterThan(0);
    expect(await page.locator('#suche-facetten label', { hasText: /^Mitteilungsvorlage \(1\)$/ }).count()).toBe(1);
    expect(await page.locator('#suche-ohne-js').isHidden()).toBe(true);
    await expectNoAxeViolations(page);
  });

  it('works by keyboard: type a query, submit with Enter, narrow with a facet, go back', async () => {
    await page.goto(url('/suche'));
    await waitForStatus(/Suchbegriff/);
    await page.locator('#suche-q').focus();
    await page.keyboard.type('Joeris');
    await page.keyboard.press('Enter');
    await waitForStatus(/Treffer für „Joeris“/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('Joeris');
    const all = await hitLinks();
    expect(all[0]).toBe('/sitzungen/2022-02-02-integrationsrat#top-oe-13');
    expect(all.length).toBeGreaterThan(1);

    // Tab to the facet "Tagesordnungspunkt" and tick it with the space bar.
    const facet = page.locator('#suche-facetten input[value="Tagesordnungspunkt"]');
    for (let i = 0; i < 30 && !(await facet.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await waitForStatus(/^1 Treffer für „Joeris“/);
    expect(new URL(page.url()).searchParams.getAll('art')).toEqual(['Tagesordnungspunkt']);
    expect(await hitLinks()).toEqual(['/sitzungen/2022-02-02-integrationsrat#top-oe-13']);
    expect(await facet.isChecked()).toBe(true);
    await expectNoAxeViolations(page);

    await page.goBack();
    await waitForStatus(new RegExp(`^${all.length} Treffer für „Joeris“`));
    expect(await page.locator('#suche-facetten input[value="Tagesordnungspunkt"]').isChecked()).toBe(false);
  });

  it('sorts by date across partitions, newest first', async () => {
    await page.goto(url('/suche?q=Ausl%C3%A4nder&sortierung=neueste'));
    await waitForStatus(/Treffer/);
    const dates = await page.locator('#suche-treffer .meta').evaluateAll((ps) => ps.map((p) => (/(\d{2})\.(\d{2})\.(\d{4})/.exec(p.textContent ?? '') ?? []).slice(1).reverse().join('-')));
    expect(dates.length).toBeGreaterThan(1);
    expect([...dates].sort().reverse()).toEqual(dates);
    // The newest partition (2022) is merged in; other test files' newer papers may come first.
    expect(dates[0]! >= '2022').toBe(true);
  });

  it('takes over the hits the server rendered without redrawing or duplicating them', async () => {
    const server = await (await fetch(url('/suche?q=Ausl%C3%A4nderbeh%C3%B6rden'))).text();
    const serverLinks = [...server.matchAll(/<li><h3[^>]*><a href="([^"]+)"/g)].map((m) => m[1]);
    expect(serverLinks).toContain('/vorlagen/3-2-0076-2014');
    const fresh = await browser.newPage({ locale: 'de-DE' });
    try {
      // Counts hits removed from the list from the first byte of the page on.
      await fresh.addInitScript(() => {
        const w = window as unknown as { removedHits: number };
        w.removedHits = 0;
        new MutationObserver((records) => {
          for (const r of records) if ((r.target as Element).id === 'suche-treffer') w.removedHits += r.removedNodes.length;
        }).observe(document, { childList: true, subtree: true });
      });
      await fresh.goto(url('/suche?q=Ausl%C3%A4nderbeh%C3%B6rden'));
      // The browser's search has run once the facets are drawn.
      await fresh.locator('#suche-facetten label', { hasText: /^Mitteilungsvorlage \(1\)$/ }).waitFor();
      expect(await fresh.locator('#suche-treffer h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(serverLinks);
      expect(await fresh.evaluate(() => (window as unknown as { removedHits: number }).removedHits)).toBe(0);
      expect(await fresh.locator('#suche-facetten-bereich').isVisible()).toBe(true);
      // Further queries are the browser's.
      await fresh.locator('#suche-q').fill('Joeris');
      await fresh.locator('#suche-q').press('Enter');
      await fresh.waitForFunction(() => /Treffer für „Joeris“/.test(document.getElementById('suche-status')?.textContent ?? ''));
      expect(await fresh.locator('#suche-treffer h3 a').first().getAttribute('href')).toBe('/sitzungen/2022-02-02-integrationsrat#top-oe-13');
    } finally {
      await fresh.close();
    }
  });

  it('works without JavaScript: the form submits to /suche and the server shows the hits, without axe violations', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'de-DE' });
    try {
      const plain = await context.newPage();
      await plain.goto(url('/suche'));
      await plain.locator('#suche-q').fill('Ausländerbehörden');
      await Promise.all([plain.waitForURL(/\/suche\?q=/), plain.locator('#suche-q').press('Enter')]);
      expect(new URL(plain.url()).searchParams.get('q')).toBe('Ausländerbehörden');
      expect(await plain.locator('#suche-status').textContent()).toMatch(/Treffer für „Ausländerbehörden“/);
      expect(await plain.locator('#suche-treffer h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toContain('/vorlagen/3-2-0076-2014');
      expect(await plain.locator('#suche-treffer mark').count()).toBeGreaterThan(0);
      expect(await plain.locator('#suche-ohne-js').isHidden()).toBe(true);
    } finally {
      await context.close();
    }
    // axe needs JavaScript itself: the same page with the page's own scripts blocked is what a reader without JavaScript gets.
    const scriptless = await browser.newContext({ locale: 'de-DE' });
    try {
      const plain = await scriptless.newPage();
      await plain.route(/\.m?js(\?|$)/, (route) => route.abort());
      await plain.goto(url('/suche?q=Ausl%C3%A4nderbeh%C3%B6rden'));
      expect(await plain.locator('#suche-treffer h3 a').count()).toBeGreaterThan(0);
      expect(await plain.locator('#suche-facetten-bereich').isHidden()).toBe(true);
      await expectNoAxeViolations(plain);
    } finally {
      await scriptless.close();
    }
  });

  it('reports when the first hit is painted, for hits from the server and from a typed query (npm run bench:search times these)', async () => {
    const fresh = await browser.newPage({ locale: 'de-DE' });
    try {
      await fresh.goto(url('/suche?q=Ausl%C3%A4nderbeh%C3%B6rden'));
      const served = await firstHitPaintedAt(fresh);
      const loaded = await fresh.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseEnd);
      expect(served).toBeGreaterThan(loaded);
      await fresh.locator('#suche-facetten label').first().waitFor();
      await fresh.locator('#suche-q').fill('Joeris');
      const enterAt = await fresh.evaluate(() => performance.now());
      await fresh.locator('#suche-q').press('Enter');
      await fresh.waitForFunction(() => /Treffer für „Joeris“/.test(document.getElementById('suche-status')?.textContent ?? ''));
      expect(await fresh.locator('#suche-treffer h3[elementtiming]').count()).toBe(1);
      expect(await firstHitPaintedAt(fresh, enterAt)).toBeGreaterThan(enterAt);
    } finally {
      await fresh.close();
    }
  });

  it('the search box in the header leads to /suche', async () => {
    await page.goto(url('/vorlagen'));
    await page.locator('#suche-kopf').fill('Willkommenskultur');
    await page.locator('#suche-kopf').press('Enter');
    await waitForStatus(/Treffer für „Willkommenskultur“/);
    expect(new URL(page.url()).pathname).toBe('/suche');
  });
});
