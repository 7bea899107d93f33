/**
 * End-to-end: the public programme finder (/find) for an anonymous visitor on a phone (390×844), in
 * Arabic and in Persian (both right-to-left), against the demo programme catalogue. The visitor is
 * told what is missing, chooses a country, a situation and a household with children, and sees
 * programmes with amounts; the page does not scroll sideways, passes axe (no serious or critical
 * violations) on the form and the results, prints without its form controls, and the browser sends
 * nothing but same-origin static files and GET /api/v1/public/programmes (no /me, no cookie).
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, onTestFailed, test } from 'vitest';
import {
  FINDER_LANGUAGE_NAMES,
  FINDER_TEXT,
  finderText,
  type FinderLanguage,
} from '../../src/web/pages/find/finderText.ts';
import { expectAccessibleOn, launchChromium } from './browser.ts';
import { REPO_ROOT, startServer, type RunningServer } from './server.ts';

const PHONE = { width: 390, height: 844 };

let server: RunningServer | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let page: Page;
/** Uncaught page errors and console errors (CSP violations show up here). */
const pageProblems: string[] = [];
/** Every request the page made. */
const requests: { method: string; url: string; type: string; cookie: string | undefined }[] = [];

async function expectAccessible(label: string): Promise<void> {
  await expectAccessibleOn(page, label);
}

function apiRequests() {
  return requests.filter((r) => new URL(r.url).pathname.startsWith('/api/'));
}

async function htmlLangDir(): Promise<[string, string]> {
  return page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
}

async function expectNoSidewaysScroll(label: string): Promise<void> {
  const width = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
  expect(width, `page width on ${label}`).toBeLessThanOrEqual(PHONE.width);
}

async function countryName(code: string, language: FinderLanguage): Promise<string> {
  return page.evaluate(([c, l]) => new Intl.DisplayNames([l], { type: 'region' }).of(c) ?? c, [
    code,
    language,
  ] as const);
}

/** Chooses a country in the searchable list by typing its name in the language. */
async function chooseCountry(language: FinderLanguage, code: string): Promise<void> {
  const name = await countryName(code, language);
  const label = FINDER_TEXT[language].countryLabel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const input = page.getByRole('combobox', { name: new RegExp(`^${label}`) });
  await input.click();
  await input.fill(name);
  await page.getByRole('option', { name, exact: true }).click();
  expect(await input.inputValue()).toBe(name);
}

/** Presses "Show programmes" and waits for the results, focused and announced. */
async function showProgrammes(language: FinderLanguage): Promise<number> {
  const before = apiRequests().length;
  await page.getByRole('button', { name: FINDER_TEXT[language].submit }).click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('find-results-heading');
  expect(apiRequests().length).toBe(before + 1);
  const cards = page.getByTestId('find-results').getByRole('article');
  const count = await cards.count();
  await expect
    .poll(() => page.getByTestId('find-announcement').innerText())
    .toBe(count > 0 ? finderText(language, 'found', { count }) : FINDER_TEXT[language].noneFound);
  return count;
}

/** The visible results: at least one programme, and at least one offer with an amount. */
async function expectProgrammesWithAmounts(language: FinderLanguage): Promise<void> {
  const results = page.getByTestId('find-results');
  expect(await results.getByRole('article').count()).toBeGreaterThan(0);
  const amounts = results.locator('[data-amount]:not([data-amount=""])');
  expect(await amounts.count()).toBeGreaterThan(0);
  expect((await amounts.first().innerText()).trim()).toMatch(/\d/);
  // Plain-language parts of a programme: what it offers, and whom to contact.
  await results
    .getByRole('heading', { level: 4, name: FINDER_TEXT[language].offersHeading })
    .first()
    .waitFor();
  await results
    .getByRole('heading', { level: 4, name: FINDER_TEXT[language].contactHeading })
    .first()
    .waitFor();
}

/** As printed: no form controls, the answers and programmes shown. */
async function expectPrintSheet(language: FinderLanguage): Promise<void> {
  await page.emulateMedia({ media: 'print' });
  try {
    expect(await page.locator('form').isVisible()).toBe(false);
    expect(await page.getByRole('group', { name: FINDER_TEXT[language].languageLabel }).isVisible()).toBe(
      false,
    );
    expect(await page.getByRole('button', { name: FINDER_TEXT[language].print }).isVisible()).toBe(false);
    expect(await page.getByRole('combobox').count()).toBe(0);
    expect(await page.getByRole('radio').count()).toBe(0);
    expect(await page.getByTestId('find-results').isVisible()).toBe(true);
    expect(await page.getByTestId('find-results').getByRole('article').first().isVisible()).toBe(true);
    // The chosen answers head the sheet.
    const answers = page.getByTestId('find-answers');
    expect(await answers.isVisible()).toBe(true);
    expect(await answers.innerText()).toContain(FINDER_TEXT[language].answerCountry);
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
}

describe('the public programme finder', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: 'en-GB',
      timezoneId: 'UTC',
      viewport: PHONE,
      reducedMotion: 'reduce',
    });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageProblems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageProblems.push(`console error: ${message.text()}`);
    });
    page.on('request', (request) => {
      requests.push({
        method: request.method(),
        url: request.url(),
        type: request.resourceType(),
        cookie: request.headers().cookie,
      });
    });
  }, 120_000);

  // A failing step leaves a screenshot of the page in test-results/ (ignored by git).
  beforeEach((testContext) => {
    onTestFailed(async () => {
      const name = testContext.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
      await (page as Page | undefined)?.screenshot({
        path: join(REPO_ROOT, 'test-results', `e2e-find-${name}.png`),
        fullPage: true,
      });
    });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  }, 30_000);

  test('opens in Arabic from ?lang=ar, right-to-left, without signing in and without any API call', async () => {
    await page.goto('/find?lang=ar');
    await page.getByRole('heading', { level: 1, name: FINDER_TEXT.ar.pageTitle }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/find');
    expect(await htmlLangDir()).toEqual(['ar', 'rtl']);
    await expect.poll(() => page.title()).toBe(`${FINDER_TEXT.ar.pageTitle} · Homeward`);
    await page.getByText(FINDER_TEXT.ar.privacy).waitFor();
    // The language chooser names each language in that language.
    const languages = page.getByRole('group', { name: FINDER_TEXT.ar.languageLabel });
    for (const name of Object.values(FINDER_LANGUAGE_NAMES)) {
      await languages.getByRole('button', { name, exact: true }).waitFor();
    }
    expect(await languages.getByRole('button', { name: 'العربية' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await expectNoSidewaysScroll('the Arabic form');
    await expectAccessible('the finder form in Arabic');
    expect(apiRequests()).toEqual([]);
  });

  test('says what is missing and sends nothing until the form is complete', async () => {
    await page.getByRole('button', { name: FINDER_TEXT.ar.submit }).click();
    await page.getByText(FINDER_TEXT.ar.countryRequired).waitFor();
    await page.getByText(FINDER_TEXT.ar.situationRequired).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-invalid')))
      .toBe('true');
    await expectAccessible('the finder form with errors');
    expect(apiRequests()).toEqual([]);
  });

  test('Iraq, asylum rejected, two adults and two children: programmes with amounts, in Arabic', async () => {
    await chooseCountry('ar', 'IQ');
    await page.getByRole('radio', { name: FINDER_TEXT.ar['situation.asylum_rejected'] }).check();
    const adults = FINDER_TEXT.ar.adultsLabel;
    const minors = FINDER_TEXT.ar.minorsLabel;
    await page.getByRole('button', { name: finderText('ar', 'increase', { label: adults }) }).click();
    await page.getByRole('button', { name: finderText('ar', 'increase', { label: minors }) }).click();
    await page.getByRole('button', { name: finderText('ar', 'increase', { label: minors }) }).click();
    expect(await page.getByRole('textbox', { name: adults }).inputValue()).toBe('2');
    expect(await page.getByRole('textbox', { name: minors }).inputValue()).toBe('2');
    expect(apiRequests()).toEqual([]);

    const found = await showProgrammes('ar');
    expect(found).toBeGreaterThan(0);
    const [request] = apiRequests();
    const params = new URL(request?.url ?? 'http://x/').searchParams;
    expect(request?.method).toBe('GET');
    expect(new URL(request?.url ?? 'http://x/').pathname).toBe('/api/v1/public/programmes');
    expect(Object.fromEntries(params)).toEqual({
      countryOfReturn: 'IQ',
      lang: 'ar',
      situation: 'asylum_rejected',
      adults: '2',
      minors: '2',
    });
    await expectProgrammesWithAmounts('ar');
    // Programme texts come in Arabic too (the demo catalogue has them).
    expect(await page.getByTestId('find-results').getByRole('article').first().innerText()).toMatch(
      /[\u0600-\u06ff]/,
    );
    expect(await htmlLangDir()).toEqual(['ar', 'rtl']);
    await expectNoSidewaysScroll('the Arabic results');
    await expectAccessible('the finder results in Arabic');
    await expectPrintSheet('ar');
  });

  test('switches to Persian (Dari) and finds programmes for Afghanistan', async () => {
    const persian = FINDER_LANGUAGE_NAMES.fa;
    await page
      .getByRole('group', { name: FINDER_TEXT.ar.languageLabel })
      .getByRole('button', { name: persian })
      .click();
    await page.getByRole('heading', { level: 1, name: FINDER_TEXT.fa.pageTitle }).waitFor();
    expect(await htmlLangDir()).toEqual(['fa', 'rtl']);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('fa');
    // The results shown are asked again in Persian (the language is part of the query).
    await expect.poll(() => apiRequests().at(-1)?.url.includes('lang=fa')).toBe(true);
    await page.getByText(FINDER_TEXT.fa.resultsHeading).waitFor();
    await expectAccessible('the finder form in Persian');

    await chooseCountry('fa', 'AF');
    await page.getByRole('radio', { name: FINDER_TEXT.fa['situation.no_permit'] }).check();
    await page.getByRole('radio', { name: FINDER_TEXT.fa['vulnerable.no'] }).check();
    const found = await showProgrammes('fa');
    expect(found).toBeGreaterThan(0);
    const params = Object.fromEntries(new URL(apiRequests().at(-1)?.url ?? 'http://x/').searchParams);
    expect(params).toEqual({
      countryOfReturn: 'AF',
      lang: 'fa',
      situation: 'no_permit',
      adults: '2',
      minors: '2',
      vulnerable: 'false',
    });
    await expectProgrammesWithAmounts('fa');
    expect(await htmlLangDir()).toEqual(['fa', 'rtl']);
    await expectNoSidewaysScroll('the Persian results');
    await expectAccessible('the finder results in Persian');
    await expectPrintSheet('fa');
  });

  test('opened fresh in Persian, left to right again in English, and a country without programmes', async () => {
    await page.goto('/find?lang=fa');
    await page.getByRole('heading', { level: 1, name: FINDER_TEXT.fa.pageTitle }).waitFor();
    expect(await htmlLangDir()).toEqual(['fa', 'rtl']);
    await page
      .getByRole('group', { name: FINDER_TEXT.fa.languageLabel })
      .getByRole('button', { name: 'English' })
      .click();
    await page.getByRole('heading', { level: 1, name: FINDER_TEXT.en.pageTitle }).waitFor();
    expect(await htmlLangDir()).toEqual(['en', 'ltr']);
    // An English name is found whatever the language (and here the list is in English anyway).
    await chooseCountry('en', 'CA');
    await page.getByRole('radio', { name: FINDER_TEXT.en['situation.other'] }).check();
    expect(await showProgrammes('en')).toBe(0);
    await page.getByTestId('find-none').getByText(FINDER_TEXT.en.noneFoundHint).waitFor();
    await expectNoSidewaysScroll('no programme found');
    await expectAccessible('no programme found');
  });

  test('the browser sent only static files and the finder query, and no cookie was set', async () => {
    const origin = new URL(server?.baseUrl ?? '').origin;
    const foreign = requests.filter((r) => new URL(r.url).origin !== origin);
    expect(foreign.map((r) => r.url)).toEqual([]);
    const api = apiRequests();
    expect(api.length).toBeGreaterThan(0);
    for (const r of api) {
      expect(`${r.method} ${new URL(r.url).pathname}`).toBe('GET /api/v1/public/programmes');
    }
    const others = requests.filter((r) => !new URL(r.url).pathname.startsWith('/api/'));
    for (const r of others) {
      expect(r.method, r.url).toBe('GET');
      expect(['document', 'script', 'stylesheet', 'image', 'font', 'manifest', 'other'], r.url).toContain(
        r.type,
      );
    }
    expect(requests.filter((r) => r.cookie !== undefined).map((r) => r.url)).toEqual([]);
    expect(await context?.cookies()).toEqual([]);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    expect(pageProblems).toEqual([]);
  });
});
