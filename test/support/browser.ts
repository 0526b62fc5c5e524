// For e2e tests: the system Chromium driven by playwright-core, and an axe-core accessibility check.
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { TEST_FILE_HEADER } from './server-errors';
import { currentTestFile } from './test-file';

/** Where Debian's `chromium` package installs the browser; e2e tests use no downloaded browser. */
export const chromiumPath = '/usr/bin/chromium';

const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * How long one browser step (a click, a navigation, waiting for an element) may take before it counts as stuck.
 * A guard against hangs, not a speed requirement: a loaded 2-core machine may be slow, so it is generous.
 */
export const BROWSER_STEP_TIMEOUT_MS = 60_000;

/**
 * Launches headless Chromium; throws (so e2e tests fail, never skip) when it is not installed. Every page and
 * context it opens names the running test file in its requests (so the server's errors are reported by that file,
 * see server-errors.ts) and waits up to BROWSER_STEP_TIMEOUT_MS per step.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`Chromium fehlt unter ${chromiumPath}. Die e2e-Tests brauchen es: \`apt-get install -y chromium\` (so installiert es auch .ci/run).`);
  }
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  const tag = { [TEST_FILE_HEADER]: encodeURIComponent(currentTestFile()) };
  // browser.newPage() opens its context through browser.newContext(), so this covers both.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options = {}) => {
    const context = await newContext({ ...options, extraHTTPHeaders: { ...tag, ...options.extraHTTPHeaders } });
    context.setDefaultTimeout(BROWSER_STEP_TIMEOUT_MS);
    context.setDefaultNavigationTimeout(BROWSER_STEP_TIMEOUT_MS);
    return context;
  };
  return browser;
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
