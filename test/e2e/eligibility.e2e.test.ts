/**
 * End-to-end: a case's eligibility for assistance and the comparison of programmes, in the built web
 * app on the real server (demo seed: demo cases and the demo programme catalogue), in Chromium. The
 * counsellor finds a demo case returning to Iraq from the case list, opens its Eligibility tab, reads
 * why a programme applies (a reason and an amount), shows the programmes of other countries, enrols
 * the case (the dialog shows the amounts to be frozen), finds the enrolment with its frozen totals
 * and explanation, is asked for a reason before withdrawing, then follows the link to the comparison
 * for Iraq (table and chart, then for a household of four). In Arabic the same screens are
 * right-to-left and the enrolment is withdrawn with a reason. Axe on every page, tab and dialog (no
 * serious or critical violations), a phone-width pass without sideways scrolling, and no script
 * errors or CSP violations.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, onTestFailed, test } from 'vitest';
import { expectAccessibleOn, launchChromium } from './browser.ts';
import { REPO_ROOT, startServer, type RunningServer } from './server.ts';

const COUNSELLOR = { email: 'counsellor@lumen-counselling.example', password: 'homeward-demo' };
const COUNTRY = 'IQ';
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };

interface Total {
  currency: string;
  amount: number;
}
interface Programme {
  programmeId: string;
  code: string;
  name: string;
  status: 'eligible' | 'not_eligible' | 'to_check';
  eligible: boolean;
  reasons: Array<{ outcome: string; text: string }>;
  components: Array<{
    name: string;
    eligible: boolean;
    amount: number | null;
    currency: string;
    upTo: boolean;
    actualCost: boolean;
  }>;
  totals: Total[];
}
interface Eligibility {
  programmes: Programme[];
  package: {
    excluded: Array<{ programmeCode: string }>;
    lines: Array<{ programmeCode: string; amount: number | null; currency: string }>;
  };
  enrolments: Array<{ programmeId: string; status: string }>;
}

let server: RunningServer | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let page: Page;
/** Uncaught page errors and console errors (CSP violations show up here). */
const pageProblems: string[] = [];
/** GET /me before signing in answers 401; its console error is expected. */
const expectedStatuses = new Set(['401']);

/** The demo case this run works on, and the programme it enrols in. */
let reference = '';
let caseId = '';
let chosen: Programme;
let frozenTotals = '';

function money(amount: number, currency: string): string {
  const whole = Math.round(amount * 100) % 100 === 0;
  return new Intl.NumberFormat('en', {
    style: 'currency',
    currency,
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(amount);
}

function sum(lines: ReadonlyArray<{ currency: string; amount: number | null }>): Total[] {
  const cents = new Map<string, number>();
  for (const l of lines) {
    if (l.amount !== null) cents.set(l.currency, (cents.get(l.currency) ?? 0) + Math.round(l.amount * 100));
  }
  return [...cents.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, c]) => ({ currency, amount: c / 100 }));
}

function totalsText(totals: readonly Total[]): string {
  return totals
    .filter((x) => x.amount > 0)
    .map((x) => money(x.amount, x.currency))
    .join(' + ');
}

async function expectAccessible(label: string): Promise<void> {
  await expectAccessibleOn(page, label);
}

async function heading(name: string | RegExp, level = 1): Promise<void> {
  await page.getByRole('heading', { level, name }).waitFor();
}

async function openTab(name: string | RegExp): Promise<void> {
  const tab = page.getByRole('tab', { name });
  await tab.click();
  await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
}

/** The page does not scroll sideways (tables scroll inside their own box). */
async function expectNoSidewaysScroll(label: string): Promise<void> {
  await expect
    .poll(
      () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      { message: `sideways scrolling on ${label}` },
    )
    .toBeLessThanOrEqual(0);
}

function programmeItem(code: string) {
  return page.getByTestId('eligibility-programmes').locator(`[data-programme="${code}"]`);
}

/** Opens a programme's part of the accordion (its control is the first button of the item). */
async function openProgramme(code: string): Promise<void> {
  const control = programmeItem(code).getByRole('button').first();
  if ((await control.getAttribute('aria-expanded')) !== 'true') await control.click();
  await expect.poll(() => control.getAttribute('aria-expanded')).toBe('true');
}

describe('eligibility and the comparison of programmes', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: 'en-GB',
      timezoneId: 'UTC',
      viewport: LAPTOP,
      reducedMotion: 'reduce',
    });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => pageProblems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      const status = /Failed to load resource: the server responded with a status of (\d+)/.exec(text)?.[1];
      if (status && expectedStatuses.has(status)) return;
      pageProblems.push(`console error: ${text}`);
    });
  }, 120_000);

  beforeEach((testContext) => {
    onTestFailed(async () => {
      const name = testContext.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
      await (page as Page | undefined)?.screenshot({
        path: join(REPO_ROOT, 'test-results', `e2e-eligibility-${name}.png`),
        fullPage: true,
      });
    });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  }, 30_000);

  test('the counsellor signs in and finds a demo case returning to Iraq from the case list', async () => {
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByLabel('Email address').fill(COUNSELLOR.email);
    await page.getByLabel(/^Password/).fill(COUNSELLOR.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await heading('Cases');

    // A demo case to Iraq not enrolled anywhere, with a programme it is eligible for (the demo cases
    // are generated, and a few are already on their way to a partner: the test asks the API which
    // one, as the counsellor).
    const list = (await (
      await page.request.get(`/api/v1/cases?returnCountry=${COUNTRY}&limit=100`)
    ).json()) as { items: Array<{ id: string; reference: string }> };
    expect(list.items.length).toBeGreaterThan(0);
    for (const c of list.items) {
      const e = (await (
        await page.request.get(`/api/v1/cases/${c.id}/eligibility?lang=en`)
      ).json()) as Eligibility;
      if (e.enrolments.some((x) => x.status === 'active')) continue;
      const found = e.programmes.find(
        (p) =>
          p.status === 'eligible' &&
          p.totals.some((x) => x.amount > 0) &&
          !e.enrolments.some((x) => x.status === 'active' && x.programmeId === p.programmeId) &&
          !e.package.excluded.some((x) => x.programmeCode === p.code),
      );
      if (found) {
        reference = c.reference;
        caseId = c.id;
        chosen = found;
        frozenTotals = totalsText(sum(e.package.lines.filter((l) => l.programmeCode === found.code)));
        break;
      }
    }
    expect(reference, 'a demo case to Iraq eligible for some programme').not.toBe('');

    await page.getByRole('searchbox', { name: 'Search cases' }).fill(reference);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByTestId('cases-table').getByRole('link', { name: reference }).click();
    await heading(reference);
    expect(new URL(page.url()).pathname).toBe(`/cases/${caseId}`);
  });

  test('the Eligibility tab explains each programme: the facts used, the reasons, the amounts', async () => {
    await openTab('Eligibility');
    await heading('Eligibility for assistance', 2);
    await heading('Facts used', 3);
    const facts = page.getByTestId('eligibility-facts');
    await facts.getByText('Adults').waitFor();
    await facts.getByText('Procedural stage').waitFor();
    // The counsellor may read special-category data: vulnerabilities counted, no note.
    expect(await page.getByTestId('vulnerabilities-hidden').count()).toBe(0);
    await heading(/^Programmes \(\d+\)$/, 3);
    await heading('Combined package', 3);
    await heading(/^Enrolments \(\d+\)$/, 3);
    expect(
      await page.getByRole('link', { name: 'Compare the programmes for Iraq' }).getAttribute('href'),
    ).toBe(`/programmes/compare?countryOfReturn=${COUNTRY}`);
    await expectAccessible('case page: eligibility');

    await openProgramme(chosen.code);
    const item = programmeItem(chosen.code);
    await item.locator('[data-status="eligible"]').first().waitFor();
    // A reason, with its outcome in words (not only an icon or a colour).
    const met = chosen.reasons.find((r) => r.outcome === 'met');
    expect(met).toBeDefined();
    const reason = item.locator('li[data-outcome="met"]').filter({ hasText: met!.text }).first();
    await reason.waitFor();
    expect(await reason.innerText()).toContain('Met');
    // An amount of one of its components, and the programme's total for the household.
    const paid = chosen.components.find((c) => c.eligible && c.amount !== null && c.amount > 0)!;
    await item
      .getByTestId('component-amount')
      .filter({ hasText: money(paid.amount!, paid.currency) })
      .first()
      .waitFor();
    await item.getByText(`Total for this household: ${totalsText(chosen.totals)}`).waitFor();
    await item.getByText('Calculation').first().waitFor();
    // The package holds the programme's lines and a total.
    await page.getByTestId('eligibility-package').locator(`[data-programme="${chosen.code}"]`).waitFor();
    expect((await page.getByTestId('package-total').innerText()).trim()).not.toBe('');
    await expectAccessible('case page: eligibility, a programme opened');
  });

  test('programmes of other countries can be shown too', async () => {
    const items = page.getByTestId('eligibility-programmes').locator('[data-programme]');
    const before = await items.count();
    await page.getByRole('switch', { name: 'Show programmes of other countries' }).click();
    await expect.poll(async () => (await items.count()) >= before).toBe(true);
    await expect.poll(() => page.locator('[data-scope]').getAttribute('data-scope')).toBe('all');
    await expect.poll(() => page.locator('[data-scope]').getAttribute('aria-busy')).toBe('false');
    await expectAccessible('case page: eligibility, all countries');
    await page.getByRole('switch', { name: 'Show programmes of other countries' }).click();
    await expect.poll(() => page.locator('[data-scope]').getAttribute('data-scope')).toBe('country');
  });

  test('enrols the case: the dialog shows the amounts to be frozen, the enrolment keeps them', async () => {
    await openProgramme(chosen.code);
    await programmeItem(chosen.code)
      .getByRole('button', { name: `Enrol the case in ${chosen.name}` })
      .click();
    const dialog = page.getByRole('dialog', { name: `Enrol in ${chosen.name}?` });
    await dialog.waitFor();
    await dialog.getByRole('table', { name: 'Amounts to be frozen' }).waitFor();
    expect(await dialog.getByTestId('enrol-total').innerText()).toBe(`Total frozen: ${frozenTotals}`);
    await expectAccessible('enrol dialog');
    await dialog.getByRole('button', { name: 'Enrol the case' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`The case was enrolled in ${chosen.name}.`).waitFor();

    const enrolment = page.getByTestId('enrolments').locator(`[data-programme="${chosen.code}"]`);
    await enrolment.waitFor();
    expect(await enrolment.getAttribute('data-enrolment')).toBe('active');
    expect(await enrolment.getByTestId('enrolment-totals').innerText()).toBe(frozenTotals);
    await enrolment.getByText('In force').waitFor();
    await heading('Enrolments (1)', 3);
    // The programme now says so, and offers no second enrolment.
    await openProgramme(chosen.code);
    await programmeItem(chosen.code).getByText('Enrolled', { exact: true }).waitFor();
    expect(
      await programmeItem(chosen.code)
        .getByRole('button', { name: `Enrol the case in ${chosen.name}` })
        .count(),
    ).toBe(0);
    await expectAccessible('case page: eligibility with an enrolment');

    await enrolment.getByRole('button', { name: `Show the frozen explanation of ${chosen.name}` }).click();
    const frozen = page.getByRole('dialog', { name: `Frozen explanation: ${chosen.name}` });
    await frozen.waitFor();
    await frozen.getByText(`Total for this household: ${totalsText(chosen.totals)}`).waitFor();
    await expectAccessible('frozen explanation dialog');
    await frozen.getByRole('button', { name: 'Close' }).last().click();
    await frozen.waitFor({ state: 'hidden' });

    await enrolment.getByRole('button', { name: `Withdraw the enrolment in ${chosen.name}` }).click();
    const withdraw = page.getByRole('dialog', { name: `Withdraw the enrolment in ${chosen.name}?` });
    await withdraw.waitFor();
    await withdraw.getByRole('button', { name: 'Withdraw the enrolment' }).click();
    await withdraw.getByText('Enter the reason for the withdrawal.').waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-invalid')))
      .toBe('true');
    await expectAccessible('withdraw enrolment dialog with an error');
    await withdraw.getByRole('button', { name: 'Cancel' }).click();
    await withdraw.waitFor({ state: 'hidden' });
  });

  test('the comparison for the case’s country: a table and a chart, then for a given household', async () => {
    await page.getByRole('link', { name: 'Compare the programmes for Iraq' }).click();
    await heading('Compare programmes');
    expect(new URL(page.url()).searchParams.get('countryOfReturn')).toBe(COUNTRY);
    expect(await page.getByRole('combobox', { name: /^Country of return/ }).inputValue()).toBe('Iraq');
    const table = page.getByTestId('compare-table');
    await table.waitFor();
    await heading(/^Programmes for Iraq \(\d+\)$/, 2);
    await table.locator(`tbody[data-programme="${chosen.code}"]`).waitFor();
    await table.getByRole('columnheader', { name: 'Before departure' }).waitFor();
    expect(await table.getByTestId('compare-total').count()).toBeGreaterThan(0);
    const chart = page.getByTestId('compare-chart');
    await chart.waitFor();
    await heading('Totals per programme', 2);
    await chart.getByRole('heading', { name: 'Totals in EUR' }).waitFor();
    await page
      .getByTestId('reference-household')
      .getByText(/^Reference household: adults: 1/)
      .waitFor();
    expect(await page.getByTestId('given-household').count()).toBe(0);
    await expectAccessible('comparison');

    await page.getByLabel('Adults', { exact: true }).fill('2');
    await page.getByLabel('Minors', { exact: true }).fill('x');
    await page.getByRole('button', { name: 'Compare for this household' }).click();
    await page.getByText('Enter a whole number from 0 to 20.').waitFor();
    await expectAccessible('comparison: household form with an error');
    await page.getByLabel('Minors', { exact: true }).fill('2');
    await page.getByRole('button', { name: 'Compare for this household' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('minors')).toBe('2');
    expect(new URL(page.url()).searchParams.get('adults')).toBe('2');
    await page
      .getByTestId('given-household')
      .getByText(/^Your household: adults: 2 · minors: 2/)
      .waitFor();
    await table.locator('tr[data-household="household"]').first().waitFor();
    await chart
      .getByText(/^Yours: /)
      .first()
      .waitFor();
    await expectAccessible('comparison for a household');
    await page.getByRole('button', { name: 'Clear the household' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe(`?countryOfReturn=${COUNTRY}`);
    await expect.poll(() => page.getByTestId('given-household').count()).toBe(0);
    expect(await page.getByLabel('Adults', { exact: true }).inputValue()).toBe('');
    await page.getByLabel('Adults', { exact: true }).fill('2');
    await page.getByLabel('Minors', { exact: true }).fill('2');
    // Where the household lives: programmes that run in Germany only are no longer "to check".
    const host = page.getByRole('combobox', { name: /^Host country/ });
    await host.click();
    await host.fill('Germany');
    await page.getByRole('option', { name: 'Germany', exact: true }).click();
    if ((await host.getAttribute('aria-expanded')) === 'true') await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Compare for this household' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('hostCountry')).toBe('DE');
    await page
      .getByTestId('given-household')
      .getByText(/ · living in Germany\.$/)
      .waitFor();
    expect(
      await table
        .locator(`tbody[data-programme="${chosen.code}"] tr[data-household="household"] [data-status]`)
        .getAttribute('data-status'),
    ).toBe('eligible');
    await expectAccessible('comparison for a household living in Germany');

    // On a phone the page does not scroll sideways: the table scrolls in its own box.
    await page.setViewportSize(PHONE);
    await expectNoSidewaysScroll('comparison on a phone');
    await expectAccessible('comparison on a phone');
    await page.goBack();
    await heading(reference);
    await openTab('Eligibility');
    await heading('Combined package', 3);
    await expectNoSidewaysScroll('eligibility tab on a phone');
    await expectAccessible('eligibility tab on a phone');
    await page.setViewportSize(LAPTOP);
  });

  test('in Arabic the screens are right-to-left and accessible; the enrolment is withdrawn with a reason', async () => {
    await page.setViewportSize(LAPTOP);
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ar');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await heading('الأهلية للمساعدة', 2);
    await heading('الحزمة المجمّعة', 3);
    // The explanation itself is asked in Arabic.
    await openProgramme(chosen.code);
    await programmeItem(chosen.code).locator('[data-status="eligible"]').first().waitFor();
    await programmeItem(chosen.code).getByText('متحقق').first().waitFor();
    await expectAccessible('eligibility (Arabic)');

    const enrolment = page.getByTestId('enrolments').locator(`[data-programme="${chosen.code}"]`);
    await enrolment.getByRole('button', { name: `عرض الشرح المثبَّت لـ ${chosen.name}` }).click();
    const frozen = page.getByRole('dialog', { name: `الشرح المثبَّت: ${chosen.name}` });
    await frozen.waitFor();
    await expectAccessible('frozen explanation (Arabic)');
    await page.keyboard.press('Escape');
    await frozen.waitFor({ state: 'hidden' });

    await enrolment.getByRole('button', { name: `سحب التسجيل في ${chosen.name}` }).click();
    const withdraw = page.getByRole('dialog', { name: `سحب التسجيل في ${chosen.name}؟` });
    await withdraw.waitFor();
    await expectAccessible('withdraw enrolment dialog (Arabic)');
    await withdraw.getByLabel(/^السبب/).fill('قرر الشخص البقاء لدى أسرته.');
    await withdraw.getByRole('button', { name: 'سحب التسجيل' }).click();
    await withdraw.waitFor({ state: 'hidden' });
    await page.getByText(`سُحب التسجيل في ${chosen.name}.`).waitFor();
    await expect.poll(() => enrolment.getAttribute('data-enrolment')).toBe('withdrawn');
    await enrolment.getByText('قرر الشخص البقاء لدى أسرته.').waitFor();
    // Enrolling again is offered once more (the programme's name now in Arabic, where it has one).
    const inArabic = (await (
      await page.request.get(`/api/v1/cases/${caseId}/eligibility?lang=ar`)
    ).json()) as Eligibility;
    const arabicName = inArabic.programmes.find((p) => p.code === chosen.code)!.name;
    await openProgramme(chosen.code);
    await programmeItem(chosen.code)
      .getByRole('button', { name: `تسجيل الملف في ${arabicName}` })
      .click();
    const enrol = page.getByRole('dialog', { name: `التسجيل في ${arabicName}؟` });
    await enrol.waitFor();
    await expectAccessible('enrol dialog (Arabic)');
    await enrol.getByRole('button', { name: 'إلغاء' }).click();
    await enrol.waitFor({ state: 'hidden' });

    await page.getByRole('link', { name: 'مقارنة البرامج الخاصة بـ العراق' }).click();
    await heading('مقارنة البرامج');
    await page.getByTestId('compare-table').waitFor();
    await page.getByTestId('compare-chart').waitFor();
    await expectAccessible('comparison (Arabic)');
  });

  test('no script errors or CSP violations happened in the page', () => {
    expect(pageProblems).toEqual([]);
  });
});
