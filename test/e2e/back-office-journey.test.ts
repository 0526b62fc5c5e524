// A clerk's day in Chromium: log in, write a motion with three demands, publish it, add a reply as a follow-up,
// and find it all on the public pages. Every back-office page on the way passes axe (WCAG 2.1 AA).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser } from '../support/browser';
import { accountFor } from '../support/back-office';
import { uniqueName } from '../support/unique';

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

const title = uniqueName('Antrag: Mehrsprachige Beratung im Kreishaus');
const demands = ['Dolmetscherpool einrichten', 'Formulare in leichter Sprache', 'Jährlicher Bericht an den Kreistag'];

describe('back-office journey', () => {
  // The back office ships no client-side JavaScript but the error summary's focus script on refused forms (none here,
  // checked below), so these are plain HTML form posts.
  it('a clerk writes, publishes and follows up a motion that the public then sees', async () => {
    await page.goto(url('/verwaltung/vorlagen/neu'));
    expect(page.url()).toContain('/verwaltung/anmelden');
    expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);
    await expectNoAxeViolations(page);
    // This file's own clerk: no other test file can end its sessions meanwhile.
    const clerk = await accountFor('clerk');
    await page.getByLabel('E-Mail-Adresse').fill(clerk.email);
    await page.getByLabel('Passwort').fill(clerk.password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL((u) => u.pathname === '/verwaltung/vorlagen/neu');
    await expectNoAxeViolations(page);

    await page.getByLabel('Titel', { exact: false }).first().fill(title);
    await page.getByLabel('Art der Vorlage').selectOption('antrag');
    await page.getByLabel('Körperschaft').selectOption({ label: 'Landkreis Grafschaft Bentheim' });
    await page.getByLabel('Datum der Vorlage').fill('2026-11-05');
    await page.getByLabel('Text (Markdown)').fill('Der Kreistag möge beschließen:\n\n- **Beratung** in mehreren Sprachen');
    await page.getByRole('button', { name: 'Vorschau' }).click();
    await expect.poll(() => page.locator('.preview strong').textContent()).toBe('Beratung');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Als Entwurf speichern' }).click();
    await page.waitForURL(/\/verwaltung\/vorlagen\/\d+\?hinweis=gespeichert/);
    const editUrl = page.url().split('?')[0]!;

    for (const demand of demands) {
      await page.getByLabel('Kurztitel der Forderung').fill(demand);
      await page.getByLabel('Text der Forderung (Markdown)').fill(`Die Verwaltung wird gebeten: ${demand}.`);
      await page.getByRole('button', { name: 'Forderung hinzufügen' }).click();
      await expect.poll(() => page.locator('.demands').textContent()).toContain(demand);
    }
    await expectNoAxeViolations(page);
    // Still a draft: the public does not find it.
    await page.goto(url(`/vorlagen?q=${encodeURIComponent(title)}`));
    expect(await page.getByRole('link', { name: title }).count()).toBe(0);

    await page.goto(editUrl);
    await page.getByRole('button', { name: 'Speichern und veröffentlichen' }).click();
    await page.waitForURL(/hinweis=veroeffentlicht/);

    await page.getByRole('link', { name: `1. ${demands[0]}` }).click();
    await expectNoAxeViolations(page);
    await page.getByLabel('Art', { exact: true }).selectOption('reply');
    await page.getByLabel('Text (Markdown)').fill('Die Verwaltung richtet den Pool zum 1. März ein.');
    await page.getByLabel('Status der Forderung danach').selectOption('in_beratung');
    await page.getByRole('button', { name: 'Sachstand hinzufügen' }).click();
    await page.waitForURL(/hinweis=sachstand/);
    expect(await page.locator('section[aria-labelledby="sachstaende"]').textContent()).toContain('Die Verwaltung richtet den Pool');
    await page.locator('details summary').first().click();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Versionen und Änderungen' }).click();
    await expectNoAxeViolations(page);
    for (const path of ['/verwaltung', '/verwaltung/vorlagen', '/verwaltung/papierkorb', '/verwaltung/protokoll', '/verwaltung/sitzungen', '/verwaltung/sitzungen/neu', '/verwaltung/sitzungen/1', '/verwaltung/tagesordnungspunkte/1', '/verwaltung/stammdaten/personen', '/verwaltung/stammdaten/personen/1', '/verwaltung/stammdaten/gremien/1', '/verwaltung/stammdaten/koerperschaften/neu']) {
      await page.goto(url(path));
      await expectNoAxeViolations(page);
    }

    // Found by its title, as a citizen would (the list's first page shows the newest papers of every test file).
    await page.goto(url(`/vorlagen?q=${encodeURIComponent(title)}`));
    await page.getByRole('link', { name: title }).click();
    await page.waitForURL(/\/vorlagen\/[^/?]+$/);
    const publicText = (await page.locator('main').textContent()) ?? '';
    for (const demand of demands) expect(publicText).toContain(demand);
    expect(publicText).toContain('In Beratung');
    expect(publicText).toContain('Beratung in mehreren Sprachen');
    // Signed in, the public page says so (it is rendered for the clerk, never from the cache) and leads to the editor.
    const sessionBar = page.locator('.session-bar');
    expect(await sessionBar.textContent()).toContain(`Angemeldet als ${clerk.name}`);
    await expectNoAxeViolations(page);
    await sessionBar.getByRole('link', { name: 'Diese Seite bearbeiten' }).click();
    await page.waitForURL(/\/verwaltung\/vorlagen\/\d+$/);
    expect(page.url().split('?')[0]).toBe(editUrl);
  });

  it('the user administration passes axe for admins', async () => {
    await page.context().clearCookies();
    await page.goto(url('/verwaltung/anmelden'));
    const admin = await accountFor('admin');
    await page.getByLabel('E-Mail-Adresse').fill(admin.email);
    await page.getByLabel('Passwort').fill(admin.password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL((u) => u.pathname === '/verwaltung');
    await page.goto(url('/verwaltung/benutzer'));
    expect(await page.locator('h1').textContent()).toBe('Benutzerkonten');
    await expectNoAxeViolations(page);
    // The legal texts, for admins too: the overview and the accessibility statement's editor (viewed, not saved).
    await page.goto(url('/verwaltung/rechtstexte'));
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Erklärung zur Barrierefreiheit bearbeiten (Landkreis Grafschaft Bentheim)' }).click();
    await page.waitForURL((u) => u.pathname.endsWith('/barrierefreiheit'));
    expect(await page.locator('h1').textContent()).toBe('Erklärung zur Barrierefreiheit: Landkreis Grafschaft Bentheim');
    await expectNoAxeViolations(page);
  });

  it('keyboard users reach the login form first after the skip link', async () => {
    await page.context().clearCookies();
    await page.goto(url('/verwaltung/anmelden'));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Zum Inhalt springen');
  });
});
