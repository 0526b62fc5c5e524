// Every public page template passes axe-core's WCAG 2.1 A/AA checks in Chromium and works by keyboard.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser } from '../support/browser';

let browser: Browser;
let page: Page;
const url = (path: string) => new URL(path, inject('baseUrl')).toString();

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ locale: 'de-DE' });
});
afterAll(async () => {
  await browser?.close();
});

const templates = {
  Startseite: '/',
  Vorlagenliste: '/vorlagen',
  'Vorlagenliste mit ungültigen Filtern': '/vorlagen?jahr=abc&gremium=unbekannt',
  'Vorlage mit vollem Text': '/vorlagen/3-2-0076-2014',
  'Antrag mit Zusammenfassung und Forderung': '/vorlagen/antrag-gruene-2014-03-05-willkommenskultur',
  Sitzungsliste: '/sitzungen',
  'Forderungen (Beschlusskontrolle)': '/forderungen',
  'Forderungen, gefiltert': '/forderungen?ueberfaellig=ja&koerperschaft=staedteregion-aachen',
  'Forderung mit Verlauf': '/forderungen/1',
  Sitzung: '/sitzungen/2022-02-02-integrationsrat',
  Gremienliste: '/gremien',
  Gremium: '/gremien/integrationsrat-staedteregion-aachen',
  Verwaltungseinheit: '/gremien/auslaenderamt-staedteregion-aachen',
  Personenliste: '/personen',
  Person: '/personen/joeris-staedteregion-aachen',
  Impressum: '/impressum',
  'Datenschutzerklärung': '/datenschutz',
  'Erklärung zur Barrierefreiheit': '/barrierefreiheit',
  'Nicht gefunden': '/vorlagen/gibt-es-nicht',
};

describe('accessibility of every page template', () => {
  for (const [name, path] of Object.entries(templates)) {
    it(`${name} (${path}) has no WCAG 2.1 A/AA violations`, async () => {
      await page.setViewportSize({ width: 1280, height: 900 });
      const response = await page.goto(url(path));
      expect(response?.status()).toBe(name === 'Nicht gefunden' ? 404 : 200);
      await expectNoAxeViolations(page);
    });
  }

  it('fits a phone screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of ['/', '/vorlagen', '/vorlagen/3-2-0076-2014', '/sitzungen/2022-02-02-integrationsrat', '/forderungen', '/forderungen/1', '/barrierefreiheit']) {
      await page.goto(url(path));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});

describe('keyboard use', () => {
  it('offers a skip link as the first stop that moves focus to the content', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(url('/vorlagen'));
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(focused).toBe('Zum Inhalt springen');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhalt');
  });

  it('filters the paper list with the keyboard alone', async () => {
    await page.goto(url('/vorlagen'));
    await page.focus('#f-art');
    await page.selectOption('#f-art', 'mitteilungsvorlage');
    await page.focus('button[type=submit] >> text=Anwenden');
    await page.keyboard.press('Enter');
    await page.waitForURL(/art=mitteilungsvorlage/);
    // Other test files add Mitteilungsvorlagen of their own meanwhile: every listed paper is one, the count says
    // how many are listed, and the seed's is among them.
    const listed = page.locator('main .item-list > li');
    const count = Number((await page.locator('main [role="status"]').textContent())!.match(/(\d+) Vorlagen? gefunden/)![1]);
    expect(await listed.count()).toBe(Math.min(count, 20));
    for (const meta of await listed.locator('.meta').allTextContents()) expect(meta).toMatch(/^\s*Mitteilungsvorlage/);
    expect(await page.locator('main a[href="/vorlagen/3-2-0076-2014"]').count()).toBe(1);
  });
});

describe('a citizen finds the minutes', () => {
  it('goes from the start page to the meeting and reads TOP Ö 13', async () => {
    await page.goto(url('/'));
    // Through the committee's page: the start page's list of recent meetings also shows other test files' meetings.
    await page.getByRole('link', { name: 'Integrationsrat der StädteRegion Aachen', exact: true }).click();
    await page.waitForURL(/\/gremien\/integrationsrat-staedteregion-aachen$/);
    await page.getByRole('link', { name: 'Sitzung des Integrationsrates' }).first().click();
    await page.waitForURL(/\/sitzungen\/2022-02-02-integrationsrat$/);
    await page.getByRole('link', { name: 'Vorstellung der neuen Leitung des Ausländeramts' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#top-oe-13');
    expect(await page.locator('#top-oe-13').textContent()).toContain('Herr Joeris erklärt sich bereit');
  });

  it('prints without navigation and filters', async () => {
    await page.goto(url('/vorlagen/3-2-0076-2014'));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header nav').isVisible()).toBe(false);
    expect(await page.locator('article h1').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });
});

describe('a council member checks what is overdue', () => {
  it('filters the tracker to overdue demands, opens one and follows its source to the minutes', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(url('/'));
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Forderungen' }).click();
    await page.waitForURL(/\/forderungen$/);
    await page.getByLabel('Nur überfällige').check();
    await page.getByRole('button', { name: 'Anwenden' }).click();
    await page.waitForURL(/ueberfaellig=ja/);
    // Other test files add overdue demands of their own meanwhile: look for the seed's one among those listed.
    const listed = page.locator('.tracker-list .item-title');
    expect(await listed.allTextContents()).toContain('Terminvergabe verbessern');
    await listed.filter({ hasText: /^Terminvergabe verbessern$/ }).click();
    await page.waitForURL(/\/forderungen\/\d+$/);
    expect(await page.locator('h1').textContent()).toBe('Terminvergabe verbessern');
    expect(await page.locator('dl.facts').textContent()).toContain('überfällig');
    await page.getByRole('link', { name: /Niederschrift Sitzung des Integrationsrates/ }).click();
    await page.waitForURL(/\/sitzungen\/2022-02-02-integrationsrat#top-oe-13$/);
    expect(await page.locator('#top-oe-13').textContent()).toContain('Online-Termin-Management, das voraussichtlich im Juni eingeführt sein werde');
  });
});
