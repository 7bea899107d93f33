/**
 * End-to-end: the assistance inventory in the built web app on the real server, in Chromium. The
 * programme manager of the Nordmark return office opens the inventory, filters it by a country of
 * return, opens a programme, then creates a programme through the editor: one component, and an
 * eligibility rule built in the rule builder (nationality Iraq and age at least 18), watching the live
 * preview change as the rule changes. The programme is saved as a draft, published, found in the
 * inventory, changed into a second version (the first stays viewable), and the screens are checked in
 * Arabic and on a phone. Runs axe on every page (no serious or critical violations allowed) and
 * fails on any script error.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, onTestFailed, test } from 'vitest';
import { expectAccessibleOn, launchChromium } from './browser.ts';
import { REPO_ROOT, startServer, type RunningServer } from './server.ts';

const MANAGER = { email: 'programmes@nordmark-return-office.example', password: 'homeward-demo' };
/** The programme this run creates (unique in the inventory). */
const CODE = 'E2E-IRAQ-ADULTS';
const NAME = 'Iraq adults travel support (test)';

let server: RunningServer | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let page: Page;
const pageProblems: string[] = [];
/** HTTP statuses a step provokes on purpose (GET /me before signing in). */
const expectedStatuses = new Set(['401']);
let programmeUrl = '';

async function expectAccessible(label: string): Promise<void> {
  await expectAccessibleOn(page, label);
}

async function heading(name: string | RegExp, level = 1): Promise<void> {
  await page.getByRole('heading', { level, name }).waitFor();
}

/** Picks an option of a Mantine Select or MultiSelect by typing part of its name. */
async function pick(input: Locator, search: string, option: string): Promise<void> {
  await input.click();
  await input.fill(search);
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
}

/** The statuses of the preview's sample households, once the preview is up to date. */
async function previewStatuses(): Promise<string[]> {
  const preview = page.getByTestId('preview');
  return preview.evaluate((el) => {
    if (el.querySelector('[role="status"]')) return ['updating'];
    const results = el.querySelector('[data-testid="preview-results"]');
    if (!results || results.getAttribute('data-stale') === 'true') return ['stale'];
    return [...el.querySelectorAll('[data-testid="preview-household"]')].map(
      (h) => h.getAttribute('data-status') ?? '?',
    );
  });
}

async function expectPreview(status: string): Promise<void> {
  await expect
    .poll(async () => {
      const statuses = await previewStatuses();
      return statuses.length > 0 && statuses.every((s) => s === status) ? status : statuses.join(',');
    })
    .toBe(status);
}

describe('assistance inventory (programmes)', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: 'en-GB',
      timezoneId: 'UTC',
      viewport: { width: 1366, height: 768 },
      reducedMotion: 'reduce',
    });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
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
        path: join(REPO_ROOT, 'test-results', `e2e-programmes-${name}.png`),
        fullPage: true,
      });
    });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  }, 30_000);

  test('the programme manager opens the inventory and filters it by a country of return', async () => {
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByLabel('Email address').fill(MANAGER.email);
    await page.getByLabel(/^Password/).fill(MANAGER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Programmes', exact: true }).click();
    await heading('Assistance programmes');
    await expect.poll(() => page.title()).toBe('Assistance programmes · Homeward');
    const table = page.getByTestId('programmes-table');
    const rows = table.locator('tbody tr');
    await rows.first().waitFor();
    const all = await rows.count();
    expect(all).toBeGreaterThan(1);
    await page.getByRole('link', { name: 'New programme' }).waitFor();
    await page.getByRole('link', { name: 'Compare by country' }).waitFor();
    await expectAccessible('inventory');

    await pick(page.getByRole('combobox', { name: 'Country of return' }), 'Iraq', 'Iraq');
    await page.waitForURL(/countryOfReturn=IQ/);
    await expect
      .poll(async () => {
        if ((await table.getAttribute('aria-busy')) !== 'false') return 'busy';
        const countries = await rows.evaluateAll((trs) =>
          trs.map((tr) => tr.getAttribute('data-countries') ?? ''),
        );
        return countries.length > 0 && countries.every((c) => c.split(' ').includes('IQ'))
          ? 'iraq'
          : countries.join('|');
      })
      .toBe('iraq');
    expect(await rows.count()).toBeLessThan(all);
    await expectAccessible('inventory filtered by country');
  });

  test('opens a programme: its rules and components in words, its versions', async () => {
    const first = page.getByTestId('programmes-table').locator('tbody tr').first();
    const name = (await first.getByRole('link').innerText()).trim();
    await first.getByRole('link').click();
    await heading(name);
    await heading('Who is eligible', 2);
    await heading('What it offers', 2);
    await heading('Versions', 2);
    await page.getByTestId('programme-versions').getByText('Version 1 (current)').waitFor();
    await expectAccessible('programme page');
    await page.getByRole('link', { name: 'All programmes' }).click();
    await heading('Assistance programmes');
  });

  test('creates a programme in the editor; the live preview follows the rule', async () => {
    await page.getByRole('link', { name: 'New programme' }).click();
    await heading('New programme');
    await heading('Live preview', 2);
    // Nothing filled in yet: the preview lists what is missing instead of asking the server.
    await page.getByTestId('preview-incomplete').waitFor();
    await expectAccessible('new programme editor');

    await page.getByRole('textbox', { name: /^Programme code/ }).fill(CODE);
    await page.getByRole('textbox', { name: /^Name/ }).fill(NAME);
    await page
      .getByRole('textbox', { name: /^Summary/ })
      .fill('A travel allowance for adult Iraqi nationals.');
    await pick(page.getByRole('combobox', { name: /^Countries of return/ }), 'Iraq', 'Iraq');
    const component = page.getByTestId('component-editor');
    await component.getByRole('textbox', { name: /^Component name/ }).fill('Travel allowance');
    await component
      .getByRole('textbox', { name: /^Per adult/ })
      .first()
      .fill('200');

    // No rule yet: every sample household returning to Iraq is eligible.
    await expectPreview('eligible');

    const rule = page.getByRole('group', { name: 'Eligibility rule' });
    await rule.getByRole('button', { name: 'Add a condition' }).click();
    const nationality = rule.getByRole('group', { name: 'Condition 1' });
    // Keyboard users land on the new condition's first field.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('id') ?? ''))
      .toMatch(/^rule-.+-fact$/);
    await expect
      .poll(() => nationality.getByRole('combobox', { name: 'Fact' }).inputValue())
      .toBe('nationality');
    await pick(nationality.getByRole('combobox', { name: 'Values' }), 'Iraq', 'Iraq');
    await rule.getByRole('button', { name: 'Add a condition' }).click();
    const age = rule.getByRole('group', { name: 'Condition 2' });
    await age.getByRole('combobox', { name: 'Fact' }).selectOption('age');
    await age.getByRole('combobox', { name: 'Comparison' }).selectOption('gte');
    await age.getByRole('textbox', { name: 'Number' }).fill('18');
    await expectPreview('eligible');
    await page
      .getByTestId('preview-household')
      .first()
      .getByText(/Total: €200/)
      .waitFor();

    // The sample households' principal is 35: at least 40 excludes them all, back to 18 lets them in.
    await age.getByRole('textbox', { name: 'Number' }).fill('40');
    await expectPreview('not_eligible');
    // Each household says which rule failed.
    await page.getByTestId('preview-household').first().getByRole('listitem').first().waitFor();
    await age.getByRole('textbox', { name: 'Number' }).fill('18');
    await expectPreview('eligible');
    // A second nationality: the Iraqi households still qualify.
    await pick(nationality.getByRole('combobox', { name: 'Values' }), 'Syria', 'Syria');
    await expectPreview('eligible');
    await expectAccessible('editor with a rule and the preview');

    await page.getByRole('button', { name: 'Create the programme' }).click();
    await heading(NAME);
    await page.getByText('The programme was created as a draft. Publish it when it is ready.').waitFor();
    programmeUrl = new URL(page.url()).pathname;
    expect(programmeUrl).toMatch(/^\/programmes\/[0-9a-f-]{36}$/);
    await expect
      .poll(() => page.getByTestId('programme-badges').locator('[data-status]').getAttribute('data-status'))
      .toBe('draft');
    const rules = page.getByTestId('rule-text');
    await rules.getByText('Nationality is Iraq or Syria').waitFor();
    await rules.getByText('Age of the principal applicant is at least 18').waitFor();
    await page.getByText('€200 per adult').waitFor();
    await expectAccessible('new programme (draft)');
  });

  test('publishes the programme and finds it in the inventory', async () => {
    await page.getByRole('button', { name: 'Publish' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish this programme?' });
    await dialog.waitFor();
    await expectAccessible('publish dialog');
    await dialog.getByRole('button', { name: 'Publish' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('The programme is now: Published.').waitFor();
    await page.getByRole('button', { name: 'Close the programme' }).waitFor();

    await page.getByRole('link', { name: 'All programmes' }).click();
    await heading('Assistance programmes');
    await page.getByRole('searchbox', { name: 'Search programmes' }).fill('e2e-iraq');
    const row = page.getByTestId('programmes-table').locator(`tbody tr[data-code="${CODE}"]`);
    await row.waitFor();
    await row.getByText('Published').waitFor();
    await expect.poll(() => page.getByTestId('programmes-table').locator('tbody tr').count()).toBe(1);
  });

  test('a change is a new version: problems at their field, a conflicting change, the earlier version viewable', async () => {
    await page.getByTestId('programmes-table').getByRole('link', { name: NAME }).click();
    await heading(NAME);
    const id = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByRole('link', { name: 'Edit' }).click();
    await heading(`Edit ${NAME}`);
    await expectPreview('eligible');

    // The server's consistency check runs on the draft: its problem is shown at the field.
    const validTo = page.getByLabel('Valid until', { exact: true });
    await validTo.fill('2020-01-01');
    const problems = page.getByTestId('preview-problems');
    await problems.getByText(/Valid until:/).waitFor();
    await expect.poll(() => validTo.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible('editor with a consistency problem');
    await problems.getByRole('button', { name: 'Go to the field: Valid until' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('pf-validTo');
    await validTo.fill('');
    await problems.waitFor({ state: 'detached' });

    // Meanwhile someone else saves a version: this save is refused until the programme is reloaded.
    const status = await page.evaluate(async (programmeId) => {
      const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
      const current = (await (await fetch(`/api/v1/programmes/${programmeId}`)).json()) as {
        version: number;
        definition: { summary: Record<string, string> };
      };
      const definition = { ...current.definition, summary: { en: 'Changed elsewhere meanwhile.' } };
      const response = await fetch(`/api/v1/programmes/${programmeId}`, {
        method: 'PUT',
        headers: {
          'content-type': 'application/json',
          'x-csrf-token': me.csrfToken,
          'if-match': `"${current.version}"`,
        },
        body: JSON.stringify(definition),
      });
      return response.status;
    }, id);
    expect(status).toBe(200);
    const perAdult = page
      .getByTestId('component-editor')
      .getByRole('textbox', { name: /^Per adult/ })
      .first();
    await perAdult.fill('250');
    expectedStatuses.add('412');
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await page.getByRole('alert').filter({ hasText: 'Changed by someone else' }).waitFor();
    await expectAccessible('editor after a conflicting change');
    await page.getByRole('button', { name: 'Reload the programme' }).click();
    await expect
      .poll(() => page.getByRole('textbox', { name: /^Summary/ }).inputValue())
      .toBe('Changed elsewhere meanwhile.');
    await expect.poll(() => perAdult.inputValue()).toBe('200');
    expectedStatuses.delete('412');
    await perAdult.fill('250');
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await page.getByText('The programme was saved as a new version.').waitFor();
    await page.getByText('€250 per adult').waitFor();
    const versions = page.getByTestId('programme-versions');
    await versions.getByText('Version 3 (current)').waitFor();
    await versions.getByRole('button', { name: 'View version 1' }).click();
    await page.getByText('You are viewing version 1').waitFor();
    await page.getByText('€200 per adult').waitFor();
    await page.getByText('A travel allowance for adult Iraqi nationals.').waitFor();
    await expectAccessible('an earlier version');
    await page.getByRole('button', { name: 'Show the current version' }).click();
    await page.getByText('€250 per adult').waitFor();
  });

  test('a draft can be deleted', async () => {
    const id = await page.evaluate(async () => {
      const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
      const response = await fetch('/api/v1/programmes', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({
          code: 'E2E-DRAFT-TO-DELETE',
          name: { en: 'Draft to delete' },
          summary: { en: 'Made to be deleted.' },
          validFrom: '2026-01-01',
          countriesOfReturn: ['IQ'],
          components: [
            {
              code: 'allowance',
              name: { en: 'Allowance' },
              stage: 'pre_departure',
              modality: 'cash',
              category: 'other',
              currency: 'EUR',
              amount: { perHousehold: 100 },
            },
          ],
        }),
      });
      return ((await response.json()) as { id: string }).id;
    });
    await page.goto(`/programmes/${id}`);
    await heading('Draft to delete');
    await page.getByRole('button', { name: 'Delete the draft' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this draft?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Delete the draft' }).click();
    await heading('Assistance programmes');
    await page.getByText('The draft “Draft to delete” was deleted.').waitFor();
    await page.goto(programmeUrl);
    await heading(NAME);
  });

  test('in Arabic the inventory, the programme and the editor are right-to-left and accessible', async () => {
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ar');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await heading('نظرة عامة', 2);
    await page
      .getByTestId('rule-text')
      .getByText(/الجنسية هو/)
      .waitFor();
    await expectAccessible('programme page (Arabic)');

    await page.getByRole('link', { name: 'تعديل' }).click();
    await heading(`تعديل ${NAME}`);
    await heading('معاينة مباشرة', 2);
    await expectPreview('eligible');
    await page.getByTestId('preview-household').first().getByText('مؤهل', { exact: true }).waitFor();
    await expectAccessible('editor (Arabic)');

    await page.getByRole('navigation').getByRole('link', { name: 'البرامج', exact: true }).click();
    await heading('برامج المساعدة');
    await page.getByTestId('programmes-table').locator('tbody tr').first().waitFor();
    await expectAccessible('inventory (Arabic)');
    await page.getByRole('combobox', { name: 'اللغة', exact: true }).selectOption('en');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('ltr');
  });

  test('on a phone the editor fits the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${programmeUrl}/edit`);
    await heading(`Edit ${NAME}`);
    await expectPreview('eligible');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible('editor on a phone');
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  test('no script errors happened in the page', () => {
    expect(pageProblems).toEqual([]);
  });
});
