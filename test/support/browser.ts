// For e2e tests: the system Chromium driven by playwright-core, and an axe-core accessibility check.
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

/** Where Debian's `chromium` package installs the browser; e2e tests use no downloaded browser. */
export const chromiumPath = '/usr/bin/chromium';

const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Launches headless Chromium; throws (so e2e tests fail, never skip) when it is not installed. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`Chromium fehlt unter ${chromiumPath}. Die e2e-Tests brauchen es: \`apt-get install -y chromium\` (so installiert es auch .ci/run).`);
  }
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}

/** The WCAG levels every page must meet. */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe on the page as it is now; fails with one line per violation (rule, help, affected elements). */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // Legacy (single-run) mode: the default mode opens a helper page in the page's context, which fails for pages
  // made by browser.newPage(). The portal embeds no cross-origin frames, so this run sees everything.
  const { violations } = await new AxeBuilder({ page }).withTags(axeTags).setLegacyMode().analyze();
  if (!violations.length) return;
  const list = violations
    .map((v) => `- ${v.id} (${v.impact ?? 'ohne Einstufung'}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')}\n    ${v.helpUrl}`)
    .join('\n');
  throw new Error(`Barrierefreiheit: ${violations.length} axe-Verstöße auf ${page.url()}:\n${list}`);
}
