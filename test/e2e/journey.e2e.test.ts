/**
 * End-to-end: one whole return across three organisations, in the built web app on the real server
 * (demo seed), in Chromium. Lumen Return Counselling (counsellor), Nordmark Federal Return Office
 * (coordinator, and its programme manager for the one justification) and Tigris Reintegration
 * Services (case worker as focal point, and its coordinator).
 *
 * Set-up through the API, not under test: a household of Lumen returning to Iraq, at the application
 * stage and enrolled in Nordmark's TG-IRAQ-REBUILD, with no consent and no referral choices yet; and an
 * earlier return of the same principal applicant whose approved plan already pays for a training, so
 * that the duplicate-assistance guard has something to find.
 *
 * In the browser, for the same case from start to end:
 * 1. the counsellor chooses partner and funder in the Referral tab (which says what each receives),
 *    records the principal's consent in the consent dialog and submits;
 * 2. Nordmark's coordinator lands on the work queues, opens the application and validates it (the
 *    dialog says who receives what);
 * 3. Tigris's case worker accepts the referral from the inbox and reads only the consented data;
 * 4. the coordinator confirms departure (and announces a group return; the work queues and the shared
 *    case once in Arabic);
 * 5. the case worker follows the notification and confirms arrival (and registers a group-return
 *    place; the form for returns registered after the fact);
 * 6. the case worker assesses the needs and writes two budget lines, is refused over budget (component
 *    and amounts named), sees that the training is funded elsewhere, and submits;
 * 7. Tigris's coordinator opens the return dialog, then validates the plan;
 * 8. Nordmark's coordinator is refused the approval for duplicate assistance (the line named); its
 *    programme manager records a justification (at least 20 characters); the coordinator approves;
 * 9. the case worker is refused a delivery above what is left, then records two deliveries, each with
 *    a proof uploaded in the dialog; uploads refused as too large (with the limit) and as not a PDF;
 * 10. the case worker writes and submits the final report (spend and execution rate shown) and a
 *    message; Tigris's coordinator validates the report; Nordmark's coordinator, in Arabic
 *    (right-to-left), reads the message marked new and approves the report: the case is in monitoring.
 *
 * Axe on every page and dialog visited (no serious or critical violations), and no script errors or
 * CSP violations in any page.
 */
import { join } from 'node:path';
import {
  request as playwrightRequest,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, onTestFailed, test } from 'vitest';
import { expectAccessibleOn, launchChromium } from './browser.ts';
import { REPO_ROOT, startServer, type RunningServer } from './server.ts';

const PASSWORD = 'homeward-demo';
const COUNSELLOR = 'counsellor@lumen-counselling.example';
const COORDINATOR = 'coordinator@nordmark-return-office.example';
const PROGRAMME_MANAGER = 'programmes@nordmark-return-office.example';
const CASE_WORKER = 'caseworker@tigris-reintegration.example';
const PARTNER_COORDINATOR = 'coordinator@tigris-reintegration.example';
const TIGRIS = 'Tigris Reintegration Services';
const NORDMARK = 'Nordmark Federal Return Office';
const PROGRAMME = 'TG-IRAQ-REBUILD';
const UPLOAD_LIMIT = 256 * 1024;

/** A tiny but real PDF (the server tells the type from the first bytes). */
function pdf(text: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

let server: RunningServer | undefined;
let browser: Browser | undefined;
const apis: APIRequestContext[] = [];
/** One browser session per account, kept for the whole journey. */
const sessions = new Map<string, { context: BrowserContext; page: Page }>();
/** The page of the step being run. */
let page: Page;
/** Uncaught page errors and console errors (CSP violations show up here). */
const pageProblems: string[] = [];
/** GET /me before signing in answers 401 (expected); refused saves and uploads are tested. */
const expectedStatuses = new Set(['401', '413', '415', '422']);

/** A step failed: the following ones are skipped (each builds on the one before). */
let broken = false;
let caseId = '';
let reference = '';
let enrolmentId = '';
/** The charter operation the coordinator announces. */
const operation = `CHARTER-${Date.now().toString(36).toUpperCase()}`;

interface Api {
  get<T>(path: string): Promise<T>;
  send<T>(method: 'POST' | 'PUT', path: string, body?: unknown): Promise<T>;
}

/** Signs in through the API (set-up only): JSON calls with the session cookie and the CSRF token. */
async function apiAs(email: string): Promise<Api> {
  const ctx = await playwrightRequest.newContext({ baseURL: server!.baseUrl });
  apis.push(ctx);
  const login = await ctx.post('/api/v1/auth/login', { data: { email, password: PASSWORD } });
  expect(login.ok(), `login ${email}: ${login.status()}`).toBe(true);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const check = async (response: Awaited<ReturnType<APIRequestContext['get']>>, what: string) => {
    expect(response.ok(), `${what}: ${response.status()} ${await response.text()}`).toBe(true);
    return response.json();
  };
  return {
    get: async <T>(path: string) => (await check(await ctx.get(`/api/v1${path}`), `GET ${path}`)) as T,
    send: async <T>(method: 'POST' | 'PUT', path: string, body: unknown = {}) =>
      (await check(
        await ctx.fetch(`/api/v1${path}`, { method, data: body, headers: { 'X-CSRF-Token': csrfToken } }),
        `${method} ${path}`,
      )) as T,
  };
}

async function expectAccessible(label: string): Promise<void> {
  await expectAccessibleOn(page, label);
}

/** Waits for a value that changes after a request (the machine may be slow). */
function poll<T>(read: () => Promise<T> | T) {
  return expect.poll(read, { timeout: 30_000, interval: 250 });
}

async function heading(name: string | RegExp, level = 1): Promise<void> {
  await page.getByRole('heading', { level, name }).waitFor();
}

async function openTab(name: string | RegExp): Promise<void> {
  const tab = page.getByRole('tab', { name });
  await tab.click();
  await poll(() => tab.getAttribute('aria-selected')).toBe('true');
}

/** Chooses an option of a searchable select. */
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

async function navigate(name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
}

/**
 * Makes this account's browser session the current page: signed in through the login page the first
 * time (where the account lands is part of the test), and at `path` when the session already exists.
 */
async function as(email: string, path = '/work'): Promise<void> {
  const existing = sessions.get(email);
  if (existing) {
    page = existing.page;
    await page.goto(path);
    return;
  }
  const context = await browser!.newContext({
    baseURL: server!.baseUrl,
    locale: 'en-GB',
    timezoneId: 'UTC',
    viewport: { width: 1366, height: 768 },
    reducedMotion: 'reduce',
  });
  page = await context.newPage();
  sessions.set(email, { context, page });
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (error) => pageProblems.push(`${email}: page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    const status = /Failed to load resource: the server responded with a status of (\d+)/.exec(text)?.[1];
    if (status && expectedStatuses.has(status)) return;
    pageProblems.push(`${email}: console error: ${text}`);
  });
  await page.goto('/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

function sharedStage(): Promise<string | null> {
  return page.locator('[data-relation][data-stage]').first().getAttribute('data-stage');
}

/** Opens the shared case page on one of the panels' tabs. */
async function openSharedTab(tab: 'plan' | 'report' | 'documents' | 'messages'): Promise<void> {
  await page.goto(`/shared/${caseId}?tab=${tab}`);
  await heading(reference);
  await page.getByTestId(`${tab}-panel`).waitFor();
}

function status(which: 'plan' | 'report') {
  return page.getByTestId(`${which}-status`).getAttribute('data-status');
}

describe('a whole return across three organisations', () => {
  beforeAll(async () => {
    // The first start seeds the demo data: on a busy machine that takes a minute or more. A small
    // upload limit, so that a refused large file is cheap to send.
    server = await startServer({
      readyTimeoutMs: 180_000,
      env: { HOMEWARD_MAX_UPLOAD_BYTES: String(UPLOAD_LIMIT) },
    });
    browser = await launchChromium();

    const counsellor = await apiAs(COUNSELLOR);
    const funder = await apiAs(COORDINATOR);
    const worker = await apiAs(CASE_WORKER);
    const partnerCoordinator = await apiAs(PARTNER_COORDINATOR);
    const directory = await counsellor.get<{ items: Array<{ id: string; name: string }> }>(
      '/organisations/directory',
    );
    const tigris = directory.items.find((o) => o.name === TIGRIS)!;
    const nordmark = directory.items.find((o) => o.name === NORDMARK)!;
    const programmes = await counsellor.get<{ items: Array<{ id: string; code: string }> }>('/programmes');
    const programme = programmes.items.find((p) => p.code === PROGRAMME)!;
    expect(tigris && nordmark && programme, 'demo organisations and programme').toBeTruthy();
    const suffix = Math.random().toString(36).slice(2, 7);
    const principalPerson = {
      relationship: 'principal',
      givenNames: `Yusuf ${suffix}`,
      familyName: 'Haddad',
      sex: 'male',
      dateOfBirth: '1986-04-02',
      nationalities: ['IQ'],
      languages: ['ar'],
    };

    /** A case of Lumen to Iraq, enrolled in the programme and at the application stage. */
    async function applicationCase(persons: object[]) {
      const created = await counsellor.send<{
        id: string;
        reference: string;
        persons: Array<{ id: string; relationship: string }>;
      }>('POST', '/cases', {
        hostCountry: 'DE',
        returnCountry: 'IQ',
        returnType: 'assisted_voluntary',
        administrativeStatus: 'asylum_rejected',
        plannedDepartureDate: today(),
        persons,
      });
      const enrolment = await counsellor.send<{ id: string }>('POST', `/cases/${created.id}/enrolments`, {
        programmeId: programme.id,
        lang: 'en',
      });
      for (const to of ['counselling', 'application']) {
        await counsellor.send('POST', `/cases/${created.id}/transitions`, { to });
      }
      const principal = created.persons.find((p) => p.relationship === 'principal')!;
      return {
        id: created.id,
        reference: created.reference,
        principalId: principal.id,
        enrolmentId: enrolment.id,
      };
    }

    // An earlier return of the same person, taken to its arrival and an approved plan that already
    // pays for a training: the duplicate-assistance guard will find it.
    const earlier = await applicationCase([principalPerson]);
    await counsellor.send('POST', `/cases/${earlier.id}/consents`, {
      personId: earlier.principalId,
      purpose: 'referral_to_partner',
      recipientOrganisationId: tigris.id,
      dataCategories: ['identity', 'family', 'travel'],
      method: 'signed_sheet',
      givenAt: new Date(Date.now() - 60_000).toISOString(),
    });
    await counsellor.send('PUT', `/cases/${earlier.id}/application`, {
      partnerOrganisationId: tigris.id,
      fundingOrganisationId: nordmark.id,
    });
    await counsellor.send('POST', `/cases/${earlier.id}/transitions`, { to: 'submitted' });
    await funder.send('POST', `/cases/${earlier.id}/validation`, { decision: 'validate' });
    const inbox = await worker.get<{ items: Array<{ id: string; caseId: string }> }>(
      '/referrals?box=inbox&limit=200',
    );
    await worker.send('POST', `/referrals/${inbox.items.find((r) => r.caseId === earlier.id)!.id}/accept`);
    await funder.send('POST', `/cases/${earlier.id}/departure`, { outcome: 'departed' });
    await worker.send('POST', `/cases/${earlier.id}/arrival`, { arrivedOn: today() });
    await worker.send('PUT', `/cases/${earlier.id}/plan`, {
      needs: { economic: { level: 'high' } },
      lines: [
        {
          enrolmentId: earlier.enrolmentId,
          componentCode: 'vocational-training',
          modality: 'service',
          description: 'Welding course',
          amount: 500,
          dueDate: today(),
          beneficiaryPersonIds: [earlier.principalId],
        },
      ],
    });
    await worker.send('POST', `/cases/${earlier.id}/plan/submit`);
    await partnerCoordinator.send('POST', `/cases/${earlier.id}/plan/validate`);
    await funder.send('POST', `/cases/${earlier.id}/plan/approve`);

    // The case of the journey: the same principal applicant, now with a child.
    const main = await applicationCase([
      principalPerson,
      {
        relationship: 'child',
        givenNames: `Lina ${suffix}`,
        familyName: 'Haddad',
        sex: 'female',
        dateOfBirth: '2017-09-14',
        nationalities: ['IQ'],
      },
    ]);
    caseId = main.id;
    reference = main.reference;
    enrolmentId = main.enrolmentId;
  }, 300_000);

  beforeEach((testContext) => {
    if (broken) testContext.skip();
    onTestFailed(async () => {
      broken = true;
      const name = testContext.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
      await (page as Page | undefined)?.screenshot({
        path: join(REPO_ROOT, 'test-results', `e2e-journey-${name}.png`),
        fullPage: true,
      });
    });
  });

  afterAll(async () => {
    for (const { context } of sessions.values()) await context.close();
    for (const a of apis) await a.dispose();
    await browser?.close();
    await server?.stop();
  }, 30_000);

  test('1. the counsellor chooses partner and funder, records the consent, and submits', async () => {
    await as(COUNSELLOR);
    await heading('Cases');
    await page.goto(`/cases/${caseId}?tab=referral`);
    await heading(reference);
    await heading('Referral and funding', 2);
    await expectAccessible('case page: referral tab');

    await pick(page.getByRole('combobox', { name: /^Reintegration partner/ }), 'Tigris', `${TIGRIS} (Iraq)`);
    await choose(page.getByRole('combobox', { name: /^Funding authority/ }), NORDMARK);
    await page.getByRole('button', { name: 'Save the choices' }).click();
    await page.getByText('The referral choices were saved.').waitFor();
    const partnerCard = page.locator('[data-recipient="partner"]');
    await partnerCard.getByText(TIGRIS).waitFor();
    await page.locator('[data-recipient="funder"]').getByText(NORDMARK).waitFor();

    // Without a consent in force the partner would receive nothing: submission is blocked.
    await poll(() => partnerCard.locator('[data-consent]').getAttribute('data-consent')).toBe('missing');
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
    await dialog.getByRole('checkbox', { name: 'Family' }).check();
    await dialog.getByRole('checkbox', { name: 'Travel' }).check();
    await dialog.getByRole('radio', { name: 'Signed consent sheet' }).check();
    await expectAccessible('consent dialog');
    await dialog.getByRole('button', { name: 'Save the consent' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('The consent was recorded.').waitFor();

    await openTab('Referral');
    await poll(() => partnerCard.locator('[data-consent]').getAttribute('data-consent')).toBe('in-force');
    expect(await page.getByTestId('partner-receives').innerText()).toMatch(
      /^Will receive: .*Identity.*Family.*Travel/,
    );
    await page.getByTestId('no-blockers').waitFor();
    await expectAccessible('case page: referral tab, ready');

    await page.getByRole('button', { name: 'Submit the application for validation' }).click();
    await page.getByText('The case moved to the stage “Submitted for validation”.').waitFor();
    await page.getByTestId('choices-locked').waitFor();

    // The owner's view of what it shares: plan, documents and messages with the partners.
    await page.getByTestId('open-shared').click();
    await heading(reference);
    await page.locator('[data-relation="owner"][data-stage="submitted"]').waitFor();
    await expectAccessible('shared case (owner)');
  });

  test('2. the funding authority’s coordinator lands on the work queues and validates the application', async () => {
    await as(COORDINATOR);
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
      .getByText(new RegExp(`^${TIGRIS} receives the referral and: .*Identity.*Family.*Travel`))
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

  test('3. the partner’s case worker accepts the referral from the inbox and reads only the consented data', async () => {
    await as(CASE_WORKER);
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
    // The partner receives what the consent names: identity, family and travel, not the legal situation.
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

  test('4. the coordinator confirms departure, announces a group return; work queues and shared case in Arabic', async () => {
    await as(COORDINATOR);
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
    await announce.getByLabel(/^Day of the operation/).fill(today());
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
    // Back to English for the rest of the journey (the language is kept per account).
    await page.getByRole('combobox', { name: 'اللغة', exact: true }).selectOption('en');
    await poll(() => page.evaluate(() => document.documentElement.dir)).toBe('ltr');
  });

  test('5. the case worker follows the notification and confirms arrival; registers a group-return place', async () => {
    await as(CASE_WORKER);
    await heading('Work queues');
    const bell = page.getByRole('link', { name: /^Notifications: \d+ unread$/ });
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

    // The group return announced in step 4: the real household of place 1.
    await navigate('Group returns');
    await heading('Group returns');
    await page.getByTestId('group-bookings-table').getByRole('link', { name: operation }).click();
    await heading(operation);
    await expectAccessible('group return (partner)');
    await page.getByRole('button', { name: 'Register the household of place 1' }).click();
    const place = page.getByRole('dialog', { name: 'Register the household of place 1' });
    await place.waitFor();
    await place.getByLabel(/^Given names/).fill('Huda');
    await place.getByLabel(/^Family name/).fill('Karim');
    await place.getByRole('radio', { name: 'Female' }).check();
    await expectAccessible('register the household of a place dialog');
    await place.getByRole('button', { name: 'Register the household' }).click();
    await page.getByText(/^Place 1 was registered as case HW-/).waitFor();
    await page.locator('[data-relation="owner"]').first().waitFor();
    await expectAccessible('shared case registered from a place');

    // Returns registered after the fact: the list and the form's errors.
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

  test('6. the case worker assesses the needs and writes the budget lines, refused over budget, then submits', async () => {
    await as(CASE_WORKER, '/work');
    await openSharedTab('plan');
    const panel = page.getByTestId('plan-panel');
    await poll(() => status('plan')).toBe('none');
    await expectAccessible('plan panel, empty');

    const needs = panel.locator('[data-need="economic"]');
    await needs.getByLabel('Level of need').selectOption('high');
    await needs.getByLabel('Notes').fill('No income since the return; wants to repair phones again.');
    await panel.locator('[data-need="social"]').getByLabel('Level of need').selectOption('low');
    await panel.locator('[data-need="psychosocial"]').getByLabel('Level of need').selectOption('medium');

    // Line 1: vocational training, in euros and Iraqi dinars.
    await panel.getByRole('button', { name: 'Add a budget line' }).click();
    const line1 = panel.getByTestId('plan-line-editor').nth(0);
    await line1.getByLabel('Part of the programme').selectOption(`${enrolmentId}/vocational-training`);
    // The component's own modality is proposed.
    await poll(() => line1.getByLabel('Modality').inputValue()).toBe('service');
    await line1.getByLabel('Description').fill('Mobile phone repair course, three months');
    await line1.getByLabel('Amount (EUR)').fill('1300');
    await line1.getByLabel('Local currency').fill('iqd');
    await line1.getByLabel('IQD for 1 EUR').fill('1310');
    // The local amount is computed as the rate is typed.
    await poll(() => line1.getByTestId('local-amount').textContent()).toMatch(/1,703,000/);
    await line1.getByLabel('Supplier').fill('Basra Technical Training Centre');
    await line1.getByLabel('Due date').fill(today());
    // The principal applicant is the default beneficiary.
    await poll(() => line1.getByRole('checkbox', { name: /Yusuf/ }).isChecked()).toBe(true);

    // Line 2: schooling for the child.
    await panel.getByRole('button', { name: 'Add a budget line' }).click();
    const line2 = panel.getByTestId('plan-line-editor').nth(1);
    await line2.getByLabel('Part of the programme').selectOption(`${enrolmentId}/schooling`);
    await line2.getByLabel('Description').fill('School fees and supplies for the school year');
    await line2.getByLabel('Amount (EUR)').fill('300');
    await line2.getByLabel('Due date').fill(today());
    await line2.getByRole('checkbox', { name: /Yusuf/ }).uncheck();
    await line2.getByRole('checkbox', { name: /Lina/ }).check();

    // What the enrolment allows, with the draft counted live: training is over its ceiling.
    const training = panel.getByTestId('plan-budget').locator('[data-component="vocational-training"]');
    await poll(() => training.getAttribute('data-over')).toBe('true');

    // The server refuses the plan over budget and says which component and how much.
    await panel.getByRole('button', { name: 'Save the plan' }).click();
    const refused = panel.getByTestId('plan-over-budget');
    await refused.waitFor();
    await poll(() => refused.textContent()).toMatch(/Vocational training.*1,300.*planned.*1,200.*allowed/);
    await expectAccessible('plan refused over budget');

    await line1.getByLabel('Amount (EUR)').fill('700');
    await poll(() => training.getAttribute('data-over')).toBeNull();
    await panel.getByRole('button', { name: 'Save the plan' }).click();
    await panel.getByTestId('plan-notice').getByText('The plan was saved.').waitFor();
    await poll(() => status('plan')).toBe('draft');
    // The duplicate-assistance guard already tells the partner: the training is funded elsewhere.
    await panel
      .getByTestId('plan-overlaps-draft')
      .getByText(/Line 1 .*funded elsewhere/)
      .waitFor();

    await panel.getByRole('button', { name: 'Submit the plan' }).click();
    await poll(() => status('plan')).toBe('submitted');
    await panel
      .getByTestId('plan-history')
      .getByText(/Submitted/)
      .waitFor();
    // Read-only now: two lines with their local amount and beneficiaries.
    await poll(() => panel.getByTestId('plan-line').count()).toBe(2);
    await panel
      .getByTestId('plan-line')
      .nth(0)
      .getByText(/917,000/)
      .waitFor();
  });

  test('7. the partner coordinator may return the plan with a reason, and validates it', async () => {
    await as(PARTNER_COORDINATOR);
    await heading('Work queues');
    await page.locator('[data-queue="plans_to_validate"]').getByRole('link', { name: reference }).waitFor();
    await expectAccessible('work queues (partner coordinator)');
    await openSharedTab('plan');
    const panel = page.getByTestId('plan-panel');
    await poll(() => status('plan')).toBe('submitted');
    await expectAccessible('plan for the partner coordinator');

    await panel.getByRole('button', { name: 'Return with a reason' }).click();
    const dialog = page.getByRole('dialog', { name: 'Return the plan' });
    await dialog.waitFor();
    // A reason is required.
    await dialog.getByRole('button', { name: 'Return with a reason' }).click();
    await dialog.getByText('Choose a reason.').waitFor();
    await expectAccessible('return the plan dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await panel.getByRole('button', { name: 'Validate the plan' }).click();
    await poll(() => status('plan')).toBe('validated');
    await panel.getByTestId('plan-notice').waitFor();
  });

  test('8. the funder’s approval is refused for duplicate assistance, a programme manager justifies it, the coordinator approves', async () => {
    await as(COORDINATOR);
    await openSharedTab('plan');
    let panel = page.getByTestId('plan-panel');
    await poll(() => status('plan')).toBe('validated');
    // The guard's finding is shown on the training line, with whom to contact.
    const overlap = panel.getByTestId('plan-line').nth(0).getByTestId('plan-overlap');
    await overlap.getByText(/Training, from .* to .*: contact Nordmark Federal Return Office/).waitFor();
    expect(await panel.getByTestId('plan-line').nth(1).getByTestId('plan-overlap').count()).toBe(0);
    // A coordinator does not justify: that is a programme manager's decision.
    expect(await overlap.getByRole('button', { name: 'Justify' }).count()).toBe(0);

    await panel.getByRole('button', { name: 'Approve the plan' }).click();
    const refused = panel.getByTestId('plan-duplicate');
    await refused.getByText('Line 1: Mobile phone repair course, three months').waitFor();
    await poll(() => panel.getByTestId('plan-line').nth(0).getAttribute('data-flagged')).toBe('true');
    expect(await status('plan')).toBe('validated');
    await expectAccessible('approval refused for duplicate assistance');

    await as(PROGRAMME_MANAGER);
    await openSharedTab('plan');
    panel = page.getByTestId('plan-panel');
    await panel.getByTestId('plan-overlap').getByRole('button', { name: 'Justify' }).click();
    const dialog = page.getByRole('dialog', { name: 'Justify line 1' });
    await dialog.waitFor();
    await dialog.getByLabel(/^Justification/).fill('Different trade.');
    await dialog.getByRole('button', { name: 'Record the justification' }).click();
    await dialog.getByText('Explain in at least 20 characters.').waitFor();
    await expectAccessible('justification dialog');
    await dialog
      .getByLabel(/^Justification/)
      .fill('The earlier welding course ended without a job; phone repair has a local market.');
    await dialog.getByRole('button', { name: 'Record the justification' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await panel.getByTestId('plan-notice').getByText('The justification of line 1 was recorded.').waitFor();
    await poll(() => panel.getByTestId('plan-overlap').getAttribute('data-justified')).toBe('true');

    await as(COORDINATOR);
    await openSharedTab('plan');
    panel = page.getByTestId('plan-panel');
    await panel
      .getByTestId('plan-overlap')
      .getByText(/Justified:/)
      .waitFor();
    await panel.getByRole('button', { name: 'Approve the plan' }).click();
    await poll(() => status('plan')).toBe('approved');
    await panel.getByTestId('plan-history').getByText('Approved by the funding authority').waitFor();
    await expectAccessible('plan approved');
  });

  test('9. the case worker records two deliveries, each with a proof uploaded in the dialog', async () => {
    await as(CASE_WORKER);
    await openSharedTab('plan');
    const panel = page.getByTestId('plan-panel');
    await poll(() => status('plan')).toBe('approved');

    const deliveries: Array<{ line: number; amount: string; over: string; file: string; kind: string }> = [
      { line: 1, amount: '400', over: '700.01', file: 'course-invoice.pdf', kind: 'Invoice' },
      { line: 2, amount: '300', over: '301', file: 'school-receipt.pdf', kind: 'Proof of payment' },
    ];
    for (const d of deliveries) {
      await panel.getByRole('button', { name: `Record a delivery for line ${d.line}` }).click();
      const dialog = page.getByRole('dialog', { name: new RegExp(`Record a delivery: line ${d.line}`) });
      await dialog.waitFor();
      if (d.line === 1) await expectAccessible('delivery dialog');

      // More than what is left is refused, visibly, before anything is sent.
      await dialog.getByLabel(/^Amount \(EUR\)/).fill(d.over);
      await dialog.getByRole('button', { name: 'Record the delivery' }).click();
      await dialog.getByText(/More than what is left on this line/).waitFor();

      // A proof uploaded right there is chosen at once.
      await dialog.getByLabel('Kind of document').selectOption({ label: d.kind });
      await dialog.locator('input[type="file"]').setInputFiles({
        name: d.file,
        mimeType: 'application/pdf',
        buffer: pdf(d.file),
      });
      await dialog.getByTestId('upload-button').click();
      await dialog.getByTestId('upload-done').waitFor();
      await poll(() => dialog.getByRole('checkbox', { name: new RegExp(d.file) }).isChecked()).toBe(true);

      await dialog.getByLabel(/^Amount \(EUR\)/).fill(d.amount);
      await dialog.getByLabel('Note').fill(`Delivered against ${d.file}`);
      await dialog.getByRole('button', { name: 'Record the delivery' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await panel
        .getByTestId('plan-notice')
        .getByText(`The delivery for line ${d.line} was recorded.`)
        .waitFor();
    }
    const first = panel.getByTestId('plan-line').nth(0);
    await poll(() => first.getByTestId('line-delivered').textContent()).toMatch(/Delivered €400.*left €300/);
    await first.getByRole('link', { name: 'course-invoice.pdf' }).waitFor();
    // The second line is fully delivered: no more delivery to record on it.
    const second = panel.getByTestId('plan-line').nth(1);
    await poll(() => second.getByTestId('line-delivered').textContent()).toMatch(/left €0/);
    expect(await second.getByTestId('record-delivery').count()).toBe(0);
    await poll(sharedStage).toBe('in_assistance');
    await expectAccessible('plan with deliveries');

    // The documents list has both proofs, with download links.
    await openSharedTab('documents');
    const table = page.getByTestId('documents-table');
    await table.getByRole('link', { name: 'Download course-invoice.pdf' }).waitFor();
    await table.getByRole('link', { name: 'Download school-receipt.pdf' }).waitFor();
    await table.getByText(TIGRIS).first().waitFor();
    await expectAccessible('documents');

    // Refused uploads say why: too large (with the limit), or not a type the server accepts.
    const upload = page.getByTestId('document-upload');
    await upload.getByLabel('Kind of document').selectOption({ label: 'Annex to the plan' });
    await upload.locator('input[type="file"]').setInputFiles({
      name: 'scan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([pdf('large'), Buffer.alloc(UPLOAD_LIMIT, 32)]),
    });
    await upload.getByTestId('upload-button').click();
    const tooLarge = upload.locator('[data-refusal="tooLarge"]');
    await tooLarge.waitFor();
    await poll(() => tooLarge.textContent()).toMatch(/at most 262\.1 kB/);
    await expectAccessible('upload refused as too large');
    await upload.locator('input[type="file"]').setInputFiles({
      name: 'notes.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('Not a PDF at all, whatever the name says.'),
    });
    await upload.getByTestId('upload-button').click();
    await upload.locator('[data-refusal="unsupportedType"]').waitFor();
  });

  test('10. the case worker writes and submits the final report (spend against budget) and a message', async () => {
    await as(CASE_WORKER);
    await openSharedTab('report');
    const panel = page.getByTestId('report-panel');
    await poll(() => status('report')).toBe('none');
    // Actual spend: 700 € of 1,000 €.
    await poll(() => panel.getByTestId('execution-rate').textContent()).toBe('70%');
    await poll(() => panel.getByTestId('proofs-missing').getAttribute('data-count')).toBe('0');
    await expectAccessible('final report form');

    await panel
      .getByLabel(/The persons’ situation/)
      .fill('Yusuf repairs phones in a rented stall; Lina goes to school.');
    await panel.getByLabel('Final meeting', { exact: true }).fill(today());
    await panel.getByLabel('Notes of the final meeting').fill('Met at the stall with the family.');
    await panel
      .getByLabel(/Partner’s assessment/)
      .fill('Income covers rent and food; the stall needs stock.');
    await panel.getByLabel('Rating').selectOption('good');
    await panel.getByRole('button', { name: 'Submit the report' }).click();
    await poll(() => status('report')).toBe('submitted');
    await panel
      .getByTestId('report-view')
      .getByText(/repairs phones/)
      .waitFor();

    // A message to the other organisations of the case.
    await openSharedTab('messages');
    const thread = page.getByTestId('messages-panel');
    await thread
      .getByLabel(/Write a message/)
      .fill('The final report is submitted; proofs are in the documents.');
    await thread.getByRole('button', { name: 'Send' }).click();
    await thread
      .getByTestId('messages-list')
      .getByText('The final report is submitted', { exact: false })
      .waitFor();
    await expectAccessible('messages');
  });

  test('11. the partner coordinator validates the final report', async () => {
    await as(PARTNER_COORDINATOR);
    await openSharedTab('report');
    const panel = page.getByTestId('report-panel');
    await poll(() => status('report')).toBe('submitted');
    await expectAccessible('final report for the partner coordinator');
    await panel.getByRole('button', { name: 'Validate the report' }).click();
    await poll(() => status('report')).toBe('validated');
  });

  test('12. in Arabic, right-to-left, the funder reads the message and approves the final report', async () => {
    await as(COORDINATOR);
    await openSharedTab('messages');
    const thread = page.getByTestId('messages-panel');
    const message = thread.locator('[data-unread]').first();
    await message.getByText('The final report is submitted', { exact: false }).waitFor();
    await message.getByText('New', { exact: true }).waitFor();

    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ar');
    await poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await thread.getByRole('heading', { name: 'الرسائل' }).waitFor();
    await expectAccessible('messages (Arabic)');

    await openSharedTab('plan');
    await page.getByTestId('plan-panel').getByRole('heading', { name: 'خطة إعادة الإدماج' }).waitFor();
    await expectAccessible('plan (Arabic)');

    await openSharedTab('report');
    const panel = page.getByTestId('report-panel');
    await poll(() => status('report')).toBe('validated');
    await panel.locator('[data-gate="returnAsFunder"]').click();
    const dialog = page.getByRole('dialog', { name: 'إعادة التقرير النهائي' });
    await dialog.waitFor();
    await expectAccessible('return the final report dialog (Arabic)');
    await dialog.getByRole('button', { name: 'إلغاء' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await panel.locator('[data-gate="approve"]').click();
    await poll(() => status('report')).toBe('approved');
    await poll(sharedStage).toBe('monitoring');
    await expectAccessible('final report approved (Arabic)');
  });

  test('no script errors or CSP violations in any page', () => {
    expect(pageProblems).toEqual([]);
  });
});
