// After a refused form the focus moves to the error summary at the top of the form, and each of its links moves
// the focus into its field: in Chromium, with the server's real Content-Security-Policy.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser } from '../support/browser';
import { testUsers } from '../support/users';

let browser: Browser;
let page: Page;
const url = (path: string) => new URL(path, inject('baseUrl')).toString();
const focused = () => page.evaluate(() => ({ id: document.activeElement?.id ?? '', summary: document.activeElement?.hasAttribute('data-error-summary') ?? false }));

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ locale: 'de-DE' });
  await page.goto(url('/verwaltung/anmelden'));
  await page.getByLabel('E-Mail-Adresse').fill(testUsers.clerk.email);
  await page.getByLabel('Passwort').fill(testUsers.clerk.password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.waitForURL(/\/verwaltung$/);
});
afterAll(async () => {
  await browser?.close();
});

describe('error summary', () => {
  it('takes the focus after a refused form and its links focus the fields, keeping what was typed', async () => {
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/Content[- ]Security[- ]Policy/i.test(message.text())) blocked.push(message.text());
    });
    await page.goto(url('/verwaltung/vorlagen/neu'));
    // Blanks pass the browser's own check of a required field; the server refuses them.
    await page.getByLabel('Titel', { exact: false }).first().fill('   ');
    await page.getByLabel('Datum der Vorlage').fill('2026-11-05');
    await page.getByLabel('Text (Markdown)').fill('Dieser Text darf nicht verloren gehen.');
    await page.getByRole('button', { name: 'Als Entwurf speichern' }).click();

    const summary = page.locator('[data-error-summary]');
    await summary.waitFor();
    expect(await summary.getAttribute('role')).toBe('alert');
    await expect.poll(focused).toEqual({ id: '', summary: true });
    expect(await page.getByLabel('Text (Markdown)').inputValue()).toBe('Dieser Text darf nicht verloren gehen.');
    await expectNoAxeViolations(page);

    await summary.getByRole('link', { name: 'Bitte geben Sie einen Titel an.' }).click();
    await expect.poll(focused).toEqual({ id: 'feld-name', summary: false });
    expect(blocked).toEqual([]);
  });

  it('takes the focus for a refused follow-up correction inside its folded form too', async () => {
    await page.goto(url('/verwaltung/vorlagen/neu'));
    await page.getByLabel('Titel', { exact: false }).first().fill('Vorlage für die Fehlerübersicht');
    await page.getByLabel('Datum der Vorlage').fill('2026-11-05');
    await page.getByRole('button', { name: 'Als Entwurf speichern' }).click();
    await page.waitForURL(/hinweis=gespeichert/);
    await page.getByLabel('Kurztitel der Forderung').fill('Forderung für die Fehlerübersicht');
    await page.getByLabel('Text der Forderung (Markdown)').fill('Text');
    await page.getByRole('button', { name: 'Forderung hinzufügen' }).click();
    await page.getByRole('link', { name: '1. Forderung für die Fehlerübersicht' }).click();
    await page.getByLabel('Text (Markdown)').fill('Erster Sachstand');
    await page.getByRole('button', { name: 'Sachstand hinzufügen' }).click();
    await page.waitForURL(/hinweis=sachstand/);

    await page.locator('details summary').first().click();
    const correction = page.locator('details').first();
    await correction.getByLabel('Text (Markdown)').fill('  ');
    await correction.getByRole('button', { name: /speichern$/ }).click();
    await page.locator('[data-error-summary]').waitFor();
    await expect.poll(focused).toEqual({ id: '', summary: true });
    await page.locator('[data-error-summary] a').first().click();
    await expect.poll(async () => (await focused()).id).toMatch(/^sachstand-\d+-text$/);
  });
});
