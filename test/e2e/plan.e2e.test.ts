/**
 * End-to-end: the reintegration plan (KM2), assistance and the final report (KM3) of a shared case,
 * in the built web app on the real server (demo seed), in Chromium. Set-up through the API: two
 * cases of Lumen Return Counselling for the same person, each with the principal's consent to a
 * referral to Tigris Reintegration Services, enrolled in Nordmark's TG-IRAQ-REBUILD, submitted,
 * validated, accepted, departed and arrived; the earlier one's plan (a training) approved. Then in
 * the browser, on the shared case page (/shared/:id, its plan, final report, documents and messages
 * tabs): Tigris's focal point assesses the needs and writes two budget lines (the local amount
 * computed live), is refused over budget (the component and amounts shown), corrects, sees that the
 * training is funded elsewhere, and submits; Tigris's coordinator opens the return dialog and
 * validates; Nordmark's coordinator is refused the approval for duplicate assistance (the line
 * named); Nordmark's programme manager justifies it (at least 20 characters); the coordinator
 * approves. The focal point is refused a delivery above what is left, then records two deliveries
 * each with a proof uploaded in the dialog; uploads refused as too large (with the limit) and as not
 * a PDF; writes and submits the final report (spend and execution rate shown) and a message;
 * Tigris's coordinator validates the report and Nordmark's coordinator, in Arabic (right-to-left),
 * reads the message marked new and approves the report: the case moves to monitoring. Axe on every
 * page and dialog (no serious or critical violations), and no script errors or CSP violations.
 */
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import {
  chromium,
  request as playwrightRequest,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, onTestFailed, test } from 'vitest';
import { REPO_ROOT, startServer, type RunningServer } from './server.ts';

const PASSWORD = 'homeward-demo';
const COUNSELLOR = 'counsellor@lumen-counselling.example';
const FUNDER = 'coordinator@nordmark-return-office.example';
const FOCAL_POINT = 'caseworker@tigris-reintegration.example';
const PARTNER_COORDINATOR = 'coordinator@tigris-reintegration.example';
const PROGRAMME_MANAGER = 'programmes@nordmark-return-office.example';
const TIGRIS = 'Tigris Reintegration Services';
const NORDMARK = 'Nordmark Federal Return Office';
const PROGRAMME = 'TG-IRAQ-REBUILD';
const UPLOAD_LIMIT = 256 * 1024;
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

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
const contexts: BrowserContext[] = [];
const apis: APIRequestContext[] = [];
/** Uncaught page errors and console errors (CSP violations show up here). */
const pageProblems: string[] = [];
/** GET /me before signing in answers 401 (expected); refused saves and uploads are tested. */
const expectedStatuses = new Set(['401', '413', '415', '422']);
/** The page of the step being run (for screenshots on failure). */
let current: Page | undefined;

let caseId = '';
let reference = '';
let enrolmentId = '';
const pages: Record<string, Page> = {};

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

async function expectAccessible(page: Page, label: string): Promise<void> {
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

function poll<T>(read: () => Promise<T> | T) {
  return expect.poll(read, { timeout: 30_000, interval: 250 });
}

/** A browser session of its own, signed in through the login page. */
async function signInAs(email: string): Promise<Page> {
  const context = await browser!.newContext({
    baseURL: server!.baseUrl,
    locale: 'en-GB',
    timezoneId: 'UTC',
    viewport: { width: 1366, height: 768 },
    reducedMotion: 'reduce',
  });
  contexts.push(context);
  const page = await context.newPage();
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
  current = page;
  return page;
}

/** Opens the shared case page on one of the panels' tabs, as the page's user. */
async function openSharedTab(page: Page, tab: 'plan' | 'report' | 'documents' | 'messages'): Promise<void> {
  current = page;
  await page.goto(`/shared/${caseId}?tab=${tab}`);
  await page.getByRole('heading', { level: 1, name: reference }).waitFor();
  await page.getByTestId(`${tab}-panel`).waitFor();
}

async function reloadTab(page: Page, tab: 'plan' | 'report' | 'documents' | 'messages'): Promise<void> {
  await openSharedTab(page, tab);
}

function status(page: Page, which: 'plan' | 'report') {
  return page.getByTestId(`${which}-status`).getAttribute('data-status');
}

describe('plan, deliveries and final report of a shared case', () => {
  beforeAll(async () => {
    // A small upload limit, so that a refused large file is cheap to send.
    server = await startServer({
      readyTimeoutMs: 180_000,
      env: { HOMEWARD_MAX_UPLOAD_BYTES: String(UPLOAD_LIMIT) },
    });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });

    // Set-up through the API: cases of Lumen, to Iraq, up to their arrival.
    const counsellor = await apiAs(COUNSELLOR);
    const funder = await apiAs(FUNDER);
    const worker = await apiAs(FOCAL_POINT);
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

    async function arrivedCase(persons: object[]) {
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
      const id = created.id;
      const principal = created.persons.find((p) => p.relationship === 'principal')!;
      await counsellor.send('POST', `/cases/${id}/consents`, {
        personId: principal.id,
        purpose: 'referral_to_partner',
        recipientOrganisationId: tigris.id,
        dataCategories: ['identity', 'family', 'travel'],
        method: 'signed_sheet',
        givenAt: new Date(Date.now() - 60_000).toISOString(),
      });
      const enrolment = await counsellor.send<{ id: string }>('POST', `/cases/${id}/enrolments`, {
        programmeId: programme.id,
        lang: 'en',
      });
      await counsellor.send('PUT', `/cases/${id}/application`, {
        partnerOrganisationId: tigris.id,
        fundingOrganisationId: nordmark.id,
      });
      for (const to of ['counselling', 'application', 'submitted']) {
        await counsellor.send('POST', `/cases/${id}/transitions`, { to });
      }
      await funder.send('POST', `/cases/${id}/validation`, { decision: 'validate' });
      const inbox = await worker.get<{ items: Array<{ id: string; caseId: string }> }>(
        '/referrals?box=inbox&limit=200',
      );
      const referral = inbox.items.find((r) => r.caseId === id)!;
      await worker.send('POST', `/referrals/${referral.id}/accept`);
      await funder.send('POST', `/cases/${id}/departure`, { outcome: 'departed' });
      await worker.send('POST', `/cases/${id}/arrival`, { arrivedOn: today() });
      return { id, reference: created.reference, principalId: principal.id, enrolmentId: enrolment.id };
    }

    // An earlier return of the same person, whose approved plan already pays for a training: the
    // duplicate-assistance guard will find it.
    const earlier = await arrivedCase([principalPerson]);
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

    // The case under test: the same principal applicant, now with a child.
    const main = await arrivedCase([
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
    const view = await worker.get<{ stage: string }>(`/cases/${caseId}/shared`);
    expect(view.stage).toBe('arrived');
  }, 240_000);

  beforeEach((testContext) => {
    onTestFailed(async () => {
      const name = testContext.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
      await current?.screenshot({
        path: join(REPO_ROOT, 'test-results', `e2e-plan-${name}.png`),
        fullPage: true,
      });
    });
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    for (const a of apis) await a.dispose();
    await browser?.close();
    await server?.stop();
  }, 30_000);

  test('the focal point assesses the needs and writes the budget lines, refused over budget, then submits', async () => {
    const page = (pages.worker = await signInAs(FOCAL_POINT));
    await openSharedTab(page, 'plan');
    const panel = page.getByTestId('plan-panel');
    await expect.poll(() => status(page, 'plan')).toBe('none');
    await expectAccessible(page, 'plan panel, empty');

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
    await expect.poll(() => line1.getByLabel('Modality').inputValue()).toBe('service');
    await line1.getByLabel('Description').fill('Mobile phone repair course, three months');
    await line1.getByLabel('Amount (EUR)').fill('1300');
    await line1.getByLabel('Local currency').fill('iqd');
    await line1.getByLabel('IQD for 1 EUR').fill('1310');
    // The local amount is computed as the rate is typed.
    await expect.poll(() => line1.getByTestId('local-amount').textContent()).toMatch(/1,703,000/);
    await line1.getByLabel('Supplier').fill('Basra Technical Training Centre');
    await line1.getByLabel('Due date').fill(today());
    // The principal applicant is the default beneficiary.
    await expect.poll(() => line1.getByRole('checkbox', { name: /Yusuf/ }).isChecked()).toBe(true);

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
    await expect.poll(() => training.getAttribute('data-over')).toBe('true');

    // The server refuses the plan over budget and says which component and how much.
    await panel.getByRole('button', { name: 'Save the plan' }).click();
    const refused = panel.getByTestId('plan-over-budget');
    await refused.waitFor();
    await expect
      .poll(() => refused.textContent())
      .toMatch(/Vocational training.*1,300.*planned.*1,200.*allowed/);
    await expectAccessible(page, 'plan refused over budget');

    await line1.getByLabel('Amount (EUR)').fill('700');
    await expect.poll(() => training.getAttribute('data-over')).toBeNull();
    await panel.getByRole('button', { name: 'Save the plan' }).click();
    await panel.getByTestId('plan-notice').getByText('The plan was saved.').waitFor();
    await expect.poll(() => status(page, 'plan')).toBe('draft');
    // The duplicate-assistance guard already tells the partner: the training is funded elsewhere.
    await panel
      .getByTestId('plan-overlaps-draft')
      .getByText(/Line 1 .*funded elsewhere/)
      .waitFor();

    await panel.getByRole('button', { name: 'Submit the plan' }).click();
    await expect.poll(() => status(page, 'plan')).toBe('submitted');
    await panel
      .getByTestId('plan-history')
      .getByText(/Submitted/)
      .waitFor();
    // Read-only now: two lines with their local amount and beneficiaries.
    await expect.poll(() => panel.getByTestId('plan-line').count()).toBe(2);
    await panel
      .getByTestId('plan-line')
      .nth(0)
      .getByText(/917,000/)
      .waitFor();
  });

  test('the partner coordinator may return the plan with a reason, and validates it', async () => {
    const page = (pages.partner = await signInAs(PARTNER_COORDINATOR));
    await openSharedTab(page, 'plan');
    const panel = page.getByTestId('plan-panel');
    await expect.poll(() => status(page, 'plan')).toBe('submitted');
    await expectAccessible(page, 'plan for the partner coordinator');

    await panel.getByRole('button', { name: 'Return with a reason' }).click();
    const dialog = page.getByRole('dialog', { name: 'Return the plan' });
    await dialog.waitFor();
    // A reason is required.
    await dialog.getByRole('button', { name: 'Return with a reason' }).click();
    await dialog.getByText('Choose a reason.').waitFor();
    await expectAccessible(page, 'return the plan dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await panel.getByRole('button', { name: 'Validate the plan' }).click();
    await expect.poll(() => status(page, 'plan')).toBe('validated');
    await panel.getByTestId('plan-notice').waitFor();
  });

  test('the funding authority’s approval is refused: the training is already funded elsewhere', async () => {
    const page = (pages.funder = await signInAs(FUNDER));
    await openSharedTab(page, 'plan');
    const panel = page.getByTestId('plan-panel');
    await expect.poll(() => status(page, 'plan')).toBe('validated');
    // The guard's finding is shown on the training line, with whom to contact.
    const overlap = panel.getByTestId('plan-line').nth(0).getByTestId('plan-overlap');
    await overlap.getByText(/Training, from .* to .*: contact Nordmark Federal Return Office/).waitFor();
    expect(await panel.getByTestId('plan-line').nth(1).getByTestId('plan-overlap').count()).toBe(0);
    // A coordinator does not justify: that is a programme manager's decision.
    expect(await overlap.getByRole('button', { name: 'Justify' }).count()).toBe(0);

    await panel.getByRole('button', { name: 'Approve the plan' }).click();
    const refused = panel.getByTestId('plan-duplicate');
    await refused.getByText('Line 1: Mobile phone repair course, three months').waitFor();
    await expect.poll(() => panel.getByTestId('plan-line').nth(0).getAttribute('data-flagged')).toBe('true');
    expect(await status(page, 'plan')).toBe('validated');
    await expectAccessible(page, 'approval refused for duplicate assistance');
  });

  test('a programme manager of the funding authority justifies the line (at least 20 characters)', async () => {
    const page = await signInAs(PROGRAMME_MANAGER);
    await openSharedTab(page, 'plan');
    const panel = page.getByTestId('plan-panel');
    await panel.getByTestId('plan-overlap').getByRole('button', { name: 'Justify' }).click();
    const dialog = page.getByRole('dialog', { name: 'Justify line 1' });
    await dialog.waitFor();
    await dialog.getByLabel(/^Justification/).fill('Different trade.');
    await dialog.getByRole('button', { name: 'Record the justification' }).click();
    await dialog.getByText('Explain in at least 20 characters.').waitFor();
    await expectAccessible(page, 'justification dialog');
    await dialog
      .getByLabel(/^Justification/)
      .fill('The earlier welding course ended without a job; phone repair has a local market.');
    await dialog.getByRole('button', { name: 'Record the justification' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await panel.getByTestId('plan-notice').getByText('The justification of line 1 was recorded.').waitFor();
    await expect.poll(() => panel.getByTestId('plan-overlap').getAttribute('data-justified')).toBe('true');
  });

  test('the funding authority approves the justified plan', async () => {
    const page = pages.funder!;
    await openSharedTab(page, 'plan');
    const panel = page.getByTestId('plan-panel');
    await panel
      .getByTestId('plan-overlap')
      .getByText(/Justified:/)
      .waitFor();
    await panel.getByRole('button', { name: 'Approve the plan' }).click();
    await expect.poll(() => status(page, 'plan')).toBe('approved');
    await panel.getByTestId('plan-history').getByText('Approved by the funding authority').waitFor();
  });

  test('the focal point records two deliveries, each with a proof uploaded in the dialog', async () => {
    const page = pages.worker!;
    await reloadTab(page, 'plan');
    const panel = page.getByTestId('plan-panel');
    await expect.poll(() => status(page, 'plan')).toBe('approved');

    const deliveries: Array<{ line: number; amount: string; over: string; file: string; kind: string }> = [
      { line: 1, amount: '400', over: '700.01', file: 'course-invoice.pdf', kind: 'Invoice' },
      { line: 2, amount: '300', over: '301', file: 'school-receipt.pdf', kind: 'Proof of payment' },
    ];
    for (const d of deliveries) {
      await panel.getByRole('button', { name: `Record a delivery for line ${d.line}` }).click();
      const dialog = page.getByRole('dialog', { name: new RegExp(`Record a delivery: line ${d.line}`) });
      await dialog.waitFor();
      if (d.line === 1) await expectAccessible(page, 'delivery dialog');

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
      await expect
        .poll(() => dialog.getByRole('checkbox', { name: new RegExp(d.file) }).isChecked())
        .toBe(true);

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
    await expect
      .poll(() => first.getByTestId('line-delivered').textContent())
      .toMatch(/Delivered €400.*left €300/);
    await first.getByRole('link', { name: 'course-invoice.pdf' }).waitFor();
    // The second line is fully delivered: no more delivery to record on it.
    const second = panel.getByTestId('plan-line').nth(1);
    await expect.poll(() => second.getByTestId('line-delivered').textContent()).toMatch(/left €0/);
    expect(await second.getByTestId('record-delivery').count()).toBe(0);
    await expectAccessible(page, 'plan with deliveries');

    // The documents list has both proofs, with download links.
    await openSharedTab(page, 'documents');
    const table = page.getByTestId('documents-table');
    await table.getByRole('link', { name: 'Download course-invoice.pdf' }).waitFor();
    await table.getByRole('link', { name: 'Download school-receipt.pdf' }).waitFor();
    await table.getByText(TIGRIS).first().waitFor();
    await expectAccessible(page, 'documents');

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
    await expect.poll(() => tooLarge.textContent()).toMatch(/at most 262\.1 kB/);
    await expectAccessible(page, 'upload refused as too large');
    await upload.locator('input[type="file"]').setInputFiles({
      name: 'notes.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('Not a PDF at all, whatever the name says.'),
    });
    await upload.getByTestId('upload-button').click();
    await upload.locator('[data-refusal="unsupportedType"]').waitFor();
  });

  test('the focal point writes and submits the final report: spend against budget shown', async () => {
    const page = pages.worker!;
    await openSharedTab(page, 'report');
    const panel = page.getByTestId('report-panel');
    await expect.poll(() => status(page, 'report')).toBe('none');
    // Actual spend: 700 € of 1,000 €.
    await expect.poll(() => panel.getByTestId('execution-rate').textContent()).toBe('70%');
    await expect.poll(() => panel.getByTestId('proofs-missing').getAttribute('data-count')).toBe('0');
    await expectAccessible(page, 'final report form');

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
    await expect.poll(() => status(page, 'report')).toBe('submitted');
    await panel
      .getByTestId('report-view')
      .getByText(/repairs phones/)
      .waitFor();

    // A message to the other organisations of the case.
    await openSharedTab(page, 'messages');
    const thread = page.getByTestId('messages-panel');
    await thread
      .getByLabel(/Write a message/)
      .fill('The final report is submitted; proofs are in the documents.');
    await thread.getByRole('button', { name: 'Send' }).click();
    await thread
      .getByTestId('messages-list')
      .getByText('The final report is submitted', { exact: false })
      .waitFor();
  });

  test('the partner coordinator validates the final report', async () => {
    const page = pages.partner!;
    await openSharedTab(page, 'report');
    const panel = page.getByTestId('report-panel');
    await expect.poll(() => status(page, 'report')).toBe('submitted');
    await panel.getByRole('button', { name: 'Validate the report' }).click();
    await expect.poll(() => status(page, 'report')).toBe('validated');
  });

  test('in Arabic, right-to-left, the funding authority reads the message and approves the final report', async () => {
    const page = pages.funder!;
    await openSharedTab(page, 'messages');
    const thread = page.getByTestId('messages-panel');
    const message = thread.locator('[data-unread]').first();
    await message.getByText('The final report is submitted', { exact: false }).waitFor();
    await message.getByText('New', { exact: true }).waitFor();

    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ar');
    await poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await thread.getByRole('heading', { name: 'الرسائل' }).waitFor();
    await expectAccessible(page, 'messages (Arabic)');

    await openSharedTab(page, 'plan');
    await page.getByTestId('plan-panel').getByRole('heading', { name: 'خطة إعادة الإدماج' }).waitFor();
    await expectAccessible(page, 'plan (Arabic)');

    await openSharedTab(page, 'report');
    const panel = page.getByTestId('report-panel');
    await expect.poll(() => status(page, 'report')).toBe('validated');
    await panel.locator('[data-gate="returnAsFunder"]').click();
    const dialog = page.getByRole('dialog', { name: 'إعادة التقرير النهائي' });
    await dialog.waitFor();
    await expectAccessible(page, 'return the final report dialog (Arabic)');
    await dialog.getByRole('button', { name: 'إلغاء' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await panel.locator('[data-gate="approve"]').click();
    await expect.poll(() => status(page, 'report')).toBe('approved');
    await poll(() => page.locator('[data-stage]').first().getAttribute('data-stage')).toBe('monitoring');
    await expectAccessible(page, 'final report approved (Arabic)');
  });

  test('no script errors or CSP violations on the way', () => {
    expect(pageProblems).toEqual([]);
  });
});
