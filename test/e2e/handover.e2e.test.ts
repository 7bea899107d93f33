/**
 * End-to-end: a return file handed over between organisations, in the built web app on the real
 * server (demo seed), in Chromium. The counsellor of Lumen Return Counselling takes a demo case
 * returning to Iraq, records the principal applicant's consent to a referral to Tigris Reintegration
 * Services in the consent dialog, chooses Tigris as partner and Nordmark Federal Return Office as
 * funding authority in the Referral tab (which says what each will receive) and submits. Nordmark's
 * coordinator lands on the work queues, opens the application and validates it (the dialog says who
 * receives what); Tigris's case worker accepts the referral from the inbox and reads the shared case
 * (only the consented categories); the coordinator confirms departure from the shared cases; the case
 * worker follows the notification and confirms arrival. Axe on every page and dialog visited (no
 * serious or critical violations), the work queues and the shared case once in Arabic
 * (right-to-left), and no script errors or CSP violations. Set-up that is not under test (moving the
 * case to the application stage, enrolling it in a Nordmark programme) goes through the API.
 */
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, onTestFailed, test } from 'vitest';
import { REPO_ROOT, startServer, type RunningServer } from './server.ts';

const PASSWORD = 'homeward-demo';
const COUNSELLOR = 'counsellor@lumen-counselling.example';
const COORDINATOR = 'coordinator@nordmark-return-office.example';
const CASE_WORKER = 'caseworker@tigris-reintegration.example';
const TIGRIS = 'Tigris Reintegration Services';
const NORDMARK = 'Nordmark Federal Return Office';
/** The demo programmes Nordmark funds that cover Iraq. */
const NORDMARK_PROGRAMMES = ['TG-IRAQ-REBUILD', 'NM-RETURNSTART', 'NM-STARTPLUS'];
/** Set-up: the moves that bring a case to the application stage. */
const MOVES_TO_APPLICATION: Record<string, string[]> = {
  intake: ['counselling', 'application'],
  counselling: ['application'],
};
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface Eligibility {
  programmes: Array<{
    programmeId: string;
    code: string;
    status: string;
    totals: Array<{ amount: number }>;
  }>;
  enrolments: Array<{ programmeId: string; programmeCode?: string; status: string }>;
}

let server: RunningServer | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let page: Page;
/** Uncaught page errors and console errors (CSP violations show up here). */
const pageProblems: string[] = [];
/** GET /me before signing in answers 401; its console error is expected. */
const expectedStatuses = new Set(['401']);

/** A step failed: the following ones are skipped. */
let broken = false;
let caseId = '';
let reference = '';
/** The charter operation the coordinator announces. */
const operation = `CHARTER-${Date.now().toString(36).toUpperCase()}`;

async function expectAccessible(label: string): Promise<void> {
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

async function heading(name: string | RegExp, level = 1): Promise<void> {
  await page.getByRole('heading', { level, name }).waitFor();
}

async function openTab(name: string | RegExp): Promise<void> {
  const tab = page.getByRole('tab', { name });
  await tab.click();
  await poll(() => tab.getAttribute('aria-selected')).toBe('true');
}

async function pick(input: Locator, search: string, option: string | RegExp): Promise<void> {
  await input.click();
  await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
  if ((await input.getAttribute('aria-expanded')) === 'true') await page.keyboard.press('Tab');
}

/** Chooses an option of a select that is not searchable. */
async function choose(input: Locator, option: string): Promise<void> {
  await input.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Waits for a value that changes after a request (the machine may be slow). */
function poll<T>(read: () => Promise<T> | T) {
  return expect.poll(read, { timeout: 30_000, interval: 250 });
}

/** A fresh browser session (its own cookies and language), signed in as this account. */
async function signInAs(email: string): Promise<void> {
  await context?.close();
  context = await browser!.newContext({
    baseURL: server!.baseUrl,
    locale: 'en-GB',
    timezoneId: 'UTC',
    viewport: { width: 1366, height: 768 },
    reducedMotion: 'reduce',
  });
  page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (error) => pageProblems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    const status = /Failed to load resource: the server responded with a status of (\d+)/.exec(text)?.[1];
    if (status && expectedStatuses.has(status)) return;
    pageProblems.push(`console error: ${text}`);
  });
  await page.goto('/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

async function navigate(name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
}

async function api<T>(method: 'GET' | 'POST', path: string, body?: unknown, headers = {}): Promise<T> {
  const csrf = (await (await page.request.get('/api/v1/me')).json()) as { csrfToken: string };
  const response =
    method === 'GET'
      ? await page.request.get(`/api/v1${path}`)
      : await page.request.post(`/api/v1${path}`, {
          data: body ?? {},
          headers: { 'X-CSRF-Token': csrf.csrfToken, ...headers },
        });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

function sharedStage(): Promise<string | null> {
  return page.locator('[data-relation][data-stage]').first().getAttribute('data-stage');
}

describe('hand-over of a case between organisations', () => {
  beforeAll(async () => {
    // The first start seeds the demo data: on a busy machine that takes a minute or more.
    server = await startServer({ readyTimeoutMs: 180_000 });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
  }, 240_000);

  beforeEach((testContext) => {
    // Each step builds on the one before: after a failure the rest would only wait and fail too.
    if (broken) testContext.skip();
    onTestFailed(async () => {
      broken = true;
      const name = testContext.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
      await (page as Page | undefined)?.screenshot({
        path: join(REPO_ROOT, 'test-results', `e2e-handover-${name}.png`),
        fullPage: true,
      });
    });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  }, 30_000);

  test('the counsellor records the consent, chooses partner and funder in the Referral tab, and submits', async () => {
    await signInAs(COUNSELLOR);
    await heading('Cases');

    // A demo case to Iraq, not yet submitted, eligible for (or enrolled in) a Nordmark programme.
    const list = await api<{ items: Array<{ id: string; reference: string; stage: string }> }>(
      'GET',
      '/cases?returnCountry=IQ&limit=100',
    );
    let programmeId: string | null = null;
    for (const c of list.items.filter((x) => ['intake', 'counselling', 'application'].includes(x.stage))) {
      const e = await api<Eligibility>('GET', `/cases/${c.id}/eligibility?lang=en`);
      const enrolled = e.programmes.find(
        (p) =>
          NORDMARK_PROGRAMMES.includes(p.code) &&
          e.enrolments.some((x) => x.status === 'active' && x.programmeId === p.programmeId),
      );
      const eligible = e.programmes.find(
        (p) =>
          NORDMARK_PROGRAMMES.includes(p.code) &&
          p.status === 'eligible' &&
          p.totals.some((x) => x.amount > 0),
      );
      if (enrolled || eligible) {
        caseId = c.id;
        reference = c.reference;
        programmeId = enrolled ? null : eligible!.programmeId;
        // Set-up, not under test: the application stage and the enrolment.
        const moves = MOVES_TO_APPLICATION[c.stage] ?? [];
        for (const to of moves) {
          const current = await api<{ version: number }>('GET', `/cases/${c.id}`);
          await api('POST', `/cases/${c.id}/transitions`, { to }, { 'If-Match': `"${current.version}"` });
        }
        if (programmeId) await api('POST', `/cases/${c.id}/enrolments`, { programmeId, lang: 'en' });
        break;
      }
    }
    expect(reference, 'a demo case to Iraq for a Nordmark programme').not.toBe('');

    await page.goto(`/cases/${caseId}?tab=referral`);
    await heading(reference);
    await heading('Referral and funding', 2);
    await expectAccessible('case page: referral tab');

    // Tigris as partner, Nordmark as funding authority.
    await pick(page.getByRole('combobox', { name: /^Reintegration partner/ }), 'Tigris', `${TIGRIS} (Iraq)`);
    await choose(page.getByRole('combobox', { name: /^Funding authority/ }), NORDMARK);
    await page.getByRole('button', { name: 'Save the choices' }).click();
    await page.getByText('The referral choices were saved.').waitFor();
    const partnerCard = page.locator('[data-recipient="partner"]');
    await partnerCard.getByText(TIGRIS).waitFor();
    await page.locator('[data-recipient="funder"]').getByText(NORDMARK).waitFor();

    // Without a consent in force the partner would receive nothing: record it in the consent dialog.
    if ((await partnerCard.locator('[data-consent]').getAttribute('data-consent')) === 'missing') {
      await page.getByTestId('blockers').locator('[data-blocker="partnerOrganisationId"]').waitFor();
      await expectAccessible('case page: referral tab, consent missing');
      await partnerCard.getByRole('button', { name: 'Go to the Consent tab' }).click();
      await poll(() => page.getByRole('tab', { name: 'Consent' }).getAttribute('aria-selected')).toBe('true');
      await page.getByRole('button', { name: 'Record a consent' }).click();
      const dialog = page.getByRole('dialog', { name: 'Record a consent' });
      await dialog.waitFor();
      await dialog.getByRole('radio', { name: 'Referral to a reintegration partner' }).check();
      await pick(
        dialog.getByRole('combobox', { name: 'Recipient organisation' }),
        'Tigris',
        `${TIGRIS} (Reintegration partner, Iraq)`,
      );
      await dialog.getByRole('checkbox', { name: 'Identity' }).check();
      await dialog.getByRole('checkbox', { name: 'Travel' }).check();
      await dialog.getByRole('radio', { name: 'Signed consent sheet' }).check();
      await expectAccessible('consent dialog');
      await dialog.getByRole('button', { name: 'Save the consent' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText('The consent was recorded.').waitFor();
      await openTab('Referral');
    }
    await poll(() => partnerCard.locator('[data-consent]').getAttribute('data-consent')).toBe('in-force');
    expect(await page.getByTestId('partner-receives').innerText()).toMatch(
      /^Will receive: .*Identity.*Travel/,
    );
    await page.getByTestId('no-blockers').waitFor();
    await expectAccessible('case page: referral tab, ready');

    await page.getByRole('button', { name: 'Submit the application for validation' }).click();
    await page.getByText('The case moved to the stage “Submitted for validation”.').waitFor();
    await page.getByTestId('choices-locked').waitFor();
  });

  test('the coordinator lands on the work queues and validates the application', async () => {
    await signInAs(COORDINATOR);
    await heading('Work queues');
    expect(new URL(page.url()).pathname).toBe('/work');
    const queue = page.locator('[data-queue="applications_to_validate"]');
    await queue.getByRole('link', { name: reference }).waitFor();
    await expectAccessible('work queues');

    await queue.getByRole('link', { name: reference }).click();
    await heading(reference);
    expect(new URL(page.url()).pathname).toBe(`/shared/${caseId}`);
    await page.locator('[data-relation="funder"]').first().waitFor();
    await page.getByTestId('dataset').getByText('Identity').waitFor();
    await page.getByTestId('shared-overview').waitFor();
    await expectAccessible('shared case (funder)');

    await page.getByRole('button', { name: 'Validate the application' }).click();
    const dialog = page.getByRole('dialog', { name: `Validate the application ${reference}?` });
    await dialog.waitFor();
    await dialog
      .getByTestId('validation-recipients')
      .getByText(new RegExp(`^${TIGRIS} receives the referral and: .*Identity.*Travel`))
      .waitFor();
    await expectAccessible('validation dialog');
    await dialog.getByRole('button', { name: 'Validate the application' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`Application ${reference} was validated and referred.`).waitFor();
    await poll(sharedStage).toBe('validated');

    await openTab('Timeline');
    await page.getByTestId('shared-timeline').locator('[data-event="referral.sent"]').waitFor();
    await expectAccessible('shared case timeline');
  });

  test('the Tigris case worker accepts the referral from the inbox and reads only the consented data', async () => {
    await signInAs(CASE_WORKER);
    await heading('Work queues');
    await page.locator('[data-queue="referrals_to_answer"]').getByRole('link', { name: reference }).waitFor();
    await navigate('Referrals inbox');
    await heading('Referrals inbox');
    const row = page.getByTestId('inbox-table').locator(`tr[data-case="${reference}"]`).first();
    await row.getByText('Awaiting response').waitFor();
    await expectAccessible('referrals inbox');

    await row.getByRole('button', { name: `Accept the referral of ${reference}` }).click();
    await page.getByTestId('inbox-notice').getByText(`You accepted the referral of ${reference}.`).waitFor();
    await poll(() => row.getAttribute('data-referral')).toBe('accepted');
    await page.getByTestId('inbox-notice').getByRole('link', { name: 'Open the case' }).click();
    await heading(reference);
    await page.locator('[data-relation="partner"]').first().waitFor();
    await poll(sharedStage).toBe('pre_departure');
    // The partner receives what the consent names: identity and travel, not the legal situation.
    const dataset = await page.getByTestId('dataset').innerText();
    expect(dataset).toContain('Identity');
    expect(dataset).toContain('Travel');
    expect(dataset).not.toContain('Legal situation');
    expect(await page.locator('[data-section="shared-legal"]').count()).toBe(0);
    await page.locator('[data-section="shared-travel"]').waitFor();
    await expectAccessible('shared case (partner)');

    await navigate('Shared cases');
    await heading('Shared cases');
    await page.getByTestId('my-cases-table').getByRole('link', { name: reference }).waitFor();
    await expectAccessible('shared cases (partner)');
  });

  test('the coordinator confirms departure; the work queues and the shared case in Arabic', async () => {
    await signInAs(COORDINATOR);
    await heading('Work queues');
    await navigate('Shared cases');
    await heading('Shared cases');
    await page.getByTestId('my-cases-table').getByRole('link', { name: reference }).click();
    await heading(reference);
    await page.getByRole('button', { name: 'Confirm departure' }).click();
    const dialog = page.getByRole('dialog', { name: 'Confirm departure' });
    await dialog.waitFor();
    expect(await dialog.getByLabel(/^Day of departure/).inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expectAccessible('confirm departure dialog');
    await dialog.getByRole('button', { name: 'Confirm departure' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(new RegExp(`^The departure of ${reference} on .* was confirmed\\.$`)).waitFor();
    await poll(sharedStage).toBe('departed');

    // A group return of two places announced to Tigris, without identities.
    await navigate('Group returns');
    await heading('Group returns');
    await expectAccessible('group returns (authority)');
    await page.getByRole('button', { name: 'Announce a group return' }).click();
    const announce = page.getByRole('dialog', { name: 'Announce a group return' });
    await announce.waitFor();
    await pick(
      announce.getByRole('combobox', { name: /^Reintegration partner/ }),
      'Tigris',
      `${TIGRIS} (Iraq)`,
    );
    await announce.getByLabel(/^Operation reference/).fill(operation);
    await announce.getByLabel(/^Day of the operation/).fill(new Date().toISOString().slice(0, 10));
    await pick(announce.getByRole('combobox', { name: /^Country of return/ }), 'Iraq', 'Iraq');
    await announce.getByLabel(/^Number of places/).fill('2');
    await expectAccessible('announce a group return dialog');
    await announce.getByRole('button', { name: 'Announce the operation' }).click();
    await heading(operation);
    await poll(() => page.getByTestId('booking-places').locator('tbody tr').count()).toBe(2);
    await expectAccessible('group return (authority)');

    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ar');
    await poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expectAccessible('group return (Arabic)');
    await navigate('قوائم العمل');
    await heading('قوائم العمل');
    await page.getByTestId('work-queues').waitFor();
    await expectAccessible('work queues (Arabic)');
    await navigate('الملفات المشتركة');
    await heading('الملفات المشتركة');
    await page.getByTestId('my-cases-table').getByRole('link', { name: reference }).click();
    await heading(reference);
    await page.getByText('دورك: جهة التمويل').waitFor();
    await page.getByTestId('dataset').getByText('الهوية').waitFor();
    await expectAccessible('shared case (Arabic)');
  });

  test('the case worker follows the notification and confirms arrival', async () => {
    await signInAs(CASE_WORKER);
    await heading('Work queues');
    const bell = page.getByRole('link', { name: /^Notifications: \d+ unread$/ });
    await bell.waitFor();
    await bell.click();
    await heading('Notifications');
    const item = page
      .getByTestId('notifications')
      .locator('[data-notification="departure.confirmed"]')
      .filter({ hasText: reference })
      .first();
    await item.waitFor();
    await expectAccessible('notifications');
    await item.getByRole('link', { name: `Open case ${reference}` }).click();
    await heading(reference);
    await poll(sharedStage).toBe('departed');

    await page.getByRole('button', { name: 'Confirm arrival' }).click();
    const dialog = page.getByRole('dialog', { name: 'Confirm arrival' });
    await dialog.waitFor();
    await expectAccessible('confirm arrival dialog');
    await dialog.getByRole('button', { name: 'Confirm arrival' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(new RegExp(`^The arrival of ${reference} on .* was confirmed\\.$`)).waitFor();
    await poll(sharedStage).toBe('arrived');
    await page.getByText('Arrived on').waitFor();
    await expectAccessible('shared case after arrival');
  });

  test('the case worker registers the household of a group-return place; the page for returns registered after the fact', async () => {
    await navigate('Group returns');
    await heading('Group returns');
    await page.getByTestId('group-bookings-table').getByRole('link', { name: operation }).click();
    await heading(operation);
    await expectAccessible('group return (partner)');
    await page.getByRole('button', { name: 'Register the household of place 1' }).click();
    const dialog = page.getByRole('dialog', { name: 'Register the household of place 1' });
    await dialog.waitFor();
    await dialog.getByLabel(/^Given names/).fill('Huda');
    await dialog.getByLabel(/^Family name/).fill('Karim');
    await dialog.getByRole('radio', { name: 'Female' }).check();
    await expectAccessible('register the household of a place dialog');
    await dialog.getByRole('button', { name: 'Register the household' }).click();
    await page.getByText(/^Place 1 was registered as case HW-/).waitFor();
    await page.locator('[data-relation="owner"]').first().waitFor();
    await expectAccessible('shared case registered from a place');

    await navigate('Registered after return');
    await heading('Registered after return');
    await expectAccessible('registered after return');
    await page.getByRole('button', { name: 'Register a returned household' }).click();
    const register = page.getByRole('dialog', { name: 'Register a household that already returned' });
    await register.waitFor();
    await register.getByRole('button', { name: 'Register the household' }).click();
    await register.getByText('Enter the given names.').waitFor();
    await expectAccessible('register a returned household dialog with errors');
    await register.getByRole('button', { name: 'Cancel' }).click();
    await register.waitFor({ state: 'hidden' });
  });

  test('no script errors or CSP violations happened in the page', () => {
    expect(pageProblems).toEqual([]);
  });
});
