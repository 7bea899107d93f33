/**
 * What every end-to-end test file needs of the browser: Debian's Chromium started the same way, and
 * the axe check that fails on serious or critical violations, with a readable report.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's `chromium` at /usr/bin/chromium, or the browser named by CHROMIUM_PATH. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** axe on the page as it is now: no serious or critical violation. */
export async function expectAccessibleOn(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length > 0) {
    const report = bad
      .map(
        (v) =>
          `- [${v.impact ?? '?'}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
          v.nodes.map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary ?? ''}`).join('\n'),
      )
      .join('\n');
    console.error(`axe violations on ${label}:\n${report}`);
  }
  expect(
    bad.map((v) => `${v.id} (${v.nodes.length})`),
    `serious/critical axe violations on ${label}`,
  ).toEqual([]);
}
