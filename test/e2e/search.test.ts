// The search page in Chromium: results with highlighted excerpts, facets with counts, state in the URL,
// the back button, keyboard use and a live region; axe finds no WCAG 2.1 A/AA violations.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser } from '../support/browser';

let browser: Browser;
let page: Page;
const url = (path: string) => new URL(path, inject('baseUrl')).toString();
const status = () => page.locator('#suche-status');
const hitLinks = () => page.locator('#suche-treffer h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));

async function waitForStatus(pattern: RegExp): Promise<void> {
  await page.waitForFunction((source) => new RegExp(source).test(document.getElementById('suche-status')?.textContent ?? ''), pattern.source, { timeout: 15_000 });
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
    expect(dates[0]!.startsWith('2022')).toBe(true);
  });

  it('the search box in the header leads to /suche', async () => {
    await page.goto(url('/vorlagen'));
    await page.locator('#suche-kopf').fill('Willkommenskultur');
    await page.locator('#suche-kopf').press('Enter');
    await waitForStatus(/Treffer für „Willkommenskultur“/);
    expect(new URL(page.url()).pathname).toBe('/suche');
  });
});
