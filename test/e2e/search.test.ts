// The search page in Chromium: results with highlighted excerpts, facets with counts, state in the URL,
// the back button, keyboard use and a live region; axe finds no WCAG 2.1 A/AA violations.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '@db/schema';
import { openServerDatabase } from '../support/base-url';
import { loginAs, postForm } from '../support/back-office';
import { expectNoAxeViolations, launchBrowser } from '../support/browser';
import { firstHitPaintedAt } from '../support/first-hit';

let browser: Browser;
let page: Page;
const url = (path: string) => new URL(path, inject('baseUrl')).toString();
const status = () => page.locator('#suche-status');
const hitLinks = () => page.locator('#suche-treffer h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));

async function waitForStatus(pattern: RegExp, on: Page = page): Promise<void> {
  await on.waitForFunction((source) => new RegExp(source).test(document.getElementById('suche-status')?.textContent ?? ''), pattern.source);
}

const REPORT = '/vorlagen/3-2-0076-2014';

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

/** A paper a clerk writes in the back office, with Markdown and HTML in its text; returns its public path. */
async function publishClerkPaper(): Promise<string> {
  const [body] = await (async () => {
    const db = openServerDatabase();
    try {
      return await db.select({ id: t.body.id }).from(t.body).where(eq(t.body.slug, 'landkreis-grafschaft-bentheim'));
    } finally {
      db.$client.close();
    }
  })();
  const textMd = '## Begründung\n\nDie **Schulwegsicherung** ist laut [Lageplan](https://example.org/plan.pdf) _dringend_.\n\n<script>alert(1)</script>\n\n- Zebrastreifen <b>sofort</b> markieren';
  const response = await postForm('/verwaltung/vorlagen/neu', 'papers.save', { version: '0', bodyId: String(body!.id), paperType: 'antrag', date: '2026-01-22', name: 'Sichere Schulwege am Quokkasteg', textMd, intent: 'publish' }, await loginAs('clerk'));
  expect(response.status).toBe(303);
  const id = Number(response.headers.get('location')!.match(/vorlagen\/(\d+)/)![1]);
  const db = openServerDatabase();
  try {
    const [paper] = await db.select({ slug: t.paper.slug, publishedAt: t.paper.publishedAt }).from(t.paper).where(eq(t.paper.id, id));
    expect(paper!.publishedAt).not.toBeNull();
    return `/vorlagen/${paper!.slug}`;
  } finally {
    db.$client.close();
  }
}

describe('search for the people who read it', () => {
  let clerkPaper: string;

  beforeAll(async () => {
    // Newer papers whose titles carry "3.", in the newest partition (2026): Pagefind answered "3.2/0076/2014" there with
    // its prefix "3", so they filled the first page and the 2014 paper was never searched. Rows written straight into the
    // server's database; the clerk's save below rebuilds their partition.
    const db = openServerDatabase();
    try {
      const [body] = await db.select({ id: t.body.id }).from(t.body).where(eq(t.body.slug, 'landkreis-grafschaft-bentheim'));
      const publishedAt = new Date().toISOString();
      await db.insert(t.paper).values(
        Array.from({ length: 12 }, (_, i) => ({
          bodyId: body!.id,
          slug: `e2e-suche-quokkasteg-${i + 1}`,
          name: `Quokkasteg, 3. Bauabschnitt, Teil ${i + 1}`,
          paperType: 'beschlussvorlage' as const,
          date: `2026-01-${String(10 + i).padStart(2, '0')}`,
          textMd: 'Das Geländer am Quokkasteg wird erneuert.',
          textHtml: '<p>Das Geländer am Quokkasteg wird erneuert.</p>',
          publishedAt,
        })),
      );
    } finally {
      db.$client.close();
    }
    clerkPaper = await publishClerkPaper();
    // The save is searchable once the reindexer has swapped in the rebuilt partition (a condition, not a wait).
    const found = (query: string, href: string) => async () => {
      const html = await (await fetch(url(`/suche?q=${query}`))).text();
      if (!html.includes(`href="${href}"`)) throw new Error(`/suche?q=${query} findet ${href} noch nicht.`);
    };
    await vi.waitFor(found('Zebrastreifen', clerkPaper), { timeout: 30_000, interval: 100 });
    await vi.waitFor(found('Quokkasteg', '/vorlagen/e2e-suche-quokkasteg-1'), { timeout: 30_000, interval: 100 });
  });

  it('a Drucksachen-Nr. brings the paper with that number first, typed into the page and opened by URL', async () => {
    await page.goto(url('/suche'));
    await waitForStatus(/Suchbegriff/);
    await page.locator('#suche-q').fill('3.2/0076/2014');
    await page.locator('#suche-q').press('Enter');
    await waitForStatus(/Treffer für „3\.2\/0076\/2014“/);
    expect((await hitLinks())[0]).toBe(REPORT);
    expect(await page.locator('#suche-treffer h3', { hasText: 'Quokkasteg' }).count()).toBe(0);

    const fresh = await browser.newPage({ locale: 'de-DE' });
    try {
      await fresh.goto(url(`/suche?q=${encodeURIComponent('0076/2014')}`));
      // The browser's search has run once it drew the facets; it keeps the server's list.
      await fresh.locator('#suche-facetten label').first().waitFor({ timeout: 15_000 });
      expect(await fresh.locator('#suche-treffer h3 a').first().getAttribute('href')).toBe(REPORT);
    } finally {
      await fresh.close();
    }
  });

  it("shows excerpts of a clerk's paper as plain words: no Markdown syntax, no tags, no script text", async () => {
    const excerptOf = async (on: Page) => {
      const hit = on.locator('#suche-treffer > li', { has: on.locator(`h3 a[href="${clerkPaper}"]`) });
      expect(await hit.count()).toBe(1);
      const excerpt = hit.locator('p:not(.meta)');
      expect(await excerpt.evaluate((p) => [...p.querySelectorAll('*')].map((e) => e.localName))).not.toContain('b');
      expect(await excerpt.locator('mark').count()).toBeGreaterThan(0);
      return (await excerpt.textContent()) ?? '';
    };
    const expectPlain = (text: string) => {
      expect(text).toContain('Die Schulwegsicherung ist laut Lageplan dringend.');
      expect(text).toContain('Zebrastreifen sofort markieren');
      expect(text).not.toMatch(/\*\*|##|\]\(|https:|_dringend_|<|>|script|alert/);
    };
    // Rendered by the server …
    await page.goto(url('/suche?q=Zebrastreifen'));
    expectPlain(await excerptOf(page));
    // … and by the browser for a typed query.
    await page.locator('#suche-facetten label').first().waitFor({ timeout: 15_000 });
    await page.locator('#suche-q').fill('Schulwegsicherung');
    await page.locator('#suche-q').press('Enter');
    await waitForStatus(/Treffer für „Schulwegsicherung“/);
    expectPlain(await excerptOf(page));
  });

  it('on a phone (375 × 667) the first hit starts on the first screen; the facets are folded, open by keyboard, without axe violations', async () => {
    const phone = await browser.newPage({ locale: 'de-DE', viewport: { width: 375, height: 667 } });
    try {
      await phone.goto(url('/suche?q=Ausl%C3%A4nder'));
      // After the browser's search has drawn the facets (folded, so not visible) above the hits.
      await phone.locator('#suche-facetten label').first().waitFor({ state: 'attached', timeout: 15_000 });
      const top = () => phone.evaluate(() => document.querySelector('#suche-treffer > li')!.getBoundingClientRect().top + window.scrollY);
      expect(await top()).toBeLessThan(667);
      const fold = phone.locator('#suche-facetten-klappe');
      expect(await fold.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      expect(await phone.locator('#suche-facetten label').first().isVisible()).toBe(false);
      await expectNoAxeViolations(phone);
      // The summary is a button in the tab order: Enter opens the facets.
      await phone.locator('#suche-sortierung').focus();
      for (let i = 0; i < 10 && !(await phone.locator('#suche-facetten-klappe > summary').evaluate((el) => el === document.activeElement)); i++) await phone.keyboard.press('Tab');
      await phone.keyboard.press('Enter');
      expect(await fold.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      expect(await phone.locator('#suche-facetten label').first().isVisible()).toBe(true);
      await expectNoAxeViolations(phone);
    } finally {
      await phone.close();
    }
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'de-DE', viewport: { width: 375, height: 667 } });
    try {
      const plain = await context.newPage();
      await plain.goto(url('/suche?q=Ausl%C3%A4nder'));
      expect(await plain.evaluate(() => document.querySelector('#suche-treffer > li')!.getBoundingClientRect().top)).toBeLessThan(667);
    } finally {
      await context.close();
    }
  });

  it('without hits shows help instead of empty facets, with links that remove the filters, without axe violations', async () => {
    await page.goto(url('/suche?q=Ausl%C3%A4nderbeh%C3%B6rden&art=Vorlage'));
    await page.locator('#suche-facetten label', { hasText: /^Vorlage \(2\)$/ }).waitFor({ timeout: 15_000 });
    expect(await page.locator('#suche-hilfe').isHidden()).toBe(true);
    // A word that Pagefind answers with its prefix "der" (an indexed word): no such hits, the help instead.
    await page.locator('#suche-q').fill('Derxylophonkonzertsaal');
    await page.locator('#suche-q').press('Enter');
    await waitForStatus(/^Keine Treffer für „Derxylophonkonzertsaal“\.$/);
    expect(await page.locator('#suche-hilfe').isVisible()).toBe(true);
    expect(await hitLinks()).toEqual([]);
    // A typed query that the filter leaves nothing of: the browser renders the help.
    await page.locator('#suche-q').fill('Joeris');
    await page.locator('#suche-q').press('Enter');
    await waitForStatus(/^Keine Treffer für „Joeris“\.$/);
    expect(await page.locator('#suche-hilfe').isVisible()).toBe(true);
    expect(await page.locator('#suche-facetten-bereich').isHidden()).toBe(true);
    expect(await page.locator('#suche-hilfe a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(expect.arrayContaining(['/suche?q=Joeris', '/vorlagen', '/sitzungen', '/forderungen']));
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Art „Vorlage“ entfernen' }).click();
    await waitForStatus(/^\d+ Treffer für „Joeris“/);
    expect(new URL(page.url()).searchParams.getAll('art')).toEqual([]);
    expect((await hitLinks())[0]).toBe('/sitzungen/2022-02-02-integrationsrat#top-oe-13');
    expect(await page.locator('#suche-hilfe').isHidden()).toBe(true);
    // Keyboard users continue at the hits.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('treffer-titel');
  });
});
