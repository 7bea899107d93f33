/**
 * End-to-end: the built web app on the real server, in Chromium. Signs in as the demo organisation
 * administrator, visits every shell page, creates a user and an API token, switches to Arabic (RTL),
 * signs out; then an auditor reads the audit log and a platform administrator the organisations.
 * Runs axe on every page it sees (no serious or critical violations allowed) and fails on any script
 * error or CSP violation in the page.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, onTestFailed, test } from 'vitest';
import { expectAccessibleOn, launchChromium } from './browser.ts';
import { REPO_ROOT, startServer, type RunningServer } from './server.ts';

const ADMIN = { email: 'admin@lumen-counselling.example', password: 'homeward-demo' };
const AUDITOR = { email: 'auditor@lumen-counselling.example', password: 'homeward-demo' };
const PLATFORM_ADMIN = { email: 'platform@homeward-ops.example', password: 'homeward-demo' };

let server: RunningServer | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let page: Page;
/** Uncaught page errors and console errors (CSP violations show up here). */
const pageProblems: string[] = [];

async function expectAccessible(label: string): Promise<void> {
  await expectAccessibleOn(page, label);
}

async function expectTitle(title: string): Promise<void> {
  await expect.poll(() => page.title()).toBe(`${title} · Homeward`);
}

async function heading(name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

async function signIn(account: { email: string; password: string }): Promise<void> {
  await page.getByLabel('Email address').fill(account.email);
  await page.getByLabel(/^Password/).fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function navigate(name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
}

describe('web shell', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: 'en-GB',
      viewport: { width: 1366, height: 768 },
      reducedMotion: 'reduce',
    });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageProblems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      // Expected: GET /me before signing in and the deliberate wrong password answer 401.
      if (/Failed to load resource: the server responded with a status of 401/.test(text)) return;
      pageProblems.push(`console error: ${text}`);
    });
  }, 120_000);

  // A failing step leaves a screenshot of the page in test-results/ (ignored by git).
  beforeEach((testContext) => {
    onTestFailed(async () => {
      const name = testContext.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
      // `page` is unset when beforeAll itself failed.
      await (page as Page | undefined)?.screenshot({
        path: join(REPO_ROOT, 'test-results', `e2e-${name}.png`),
        fullPage: true,
      });
    });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  }, 30_000);

  test('the login page is reachable, accessible and rejects a wrong password', async () => {
    await page.goto('/');
    await page.waitForURL('**/login');
    await heading('Sign in to Homeward');
    await expectTitle('Sign in');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expectAccessible('login page');

    await page.getByLabel('Email address').fill(ADMIN.email);
    await page.getByLabel(/^Password/).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Sign-in failed');
    await expectAccessible('login page with an error');
  });

  test('the organisation administrator signs in and lands on Home', async () => {
    await page.getByLabel(/^Password/).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await heading(/^Welcome, /);
    expect(new URL(page.url()).pathname).toBe('/');
    await expectTitle('Home');
    await page.getByTestId('home-roles').getByText('Organisation administrator').waitFor();
    expect(await page.getByTestId('organisation-name').innerText()).not.toBe('');
    // Navigation follows the permissions of an org_admin.
    const nav = page.getByRole('navigation');
    for (const name of ['Home', 'Users', 'API tokens', 'My profile']) {
      await nav.getByRole('link', { name, exact: true }).waitFor();
    }
    expect(await nav.getByRole('link', { name: 'Organisations' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    await expectAccessible('home');

    // Keyboard: the first Tab reaches a visible "skip to main content" link that moves focus to <main>.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
  });

  test('the profile shows the account, roles and permissions', async () => {
    await navigate('My profile');
    await heading('My profile');
    await expectTitle('My profile');
    expect(await page.getByTestId('profile-email').innerText()).toBe(ADMIN.email);
    await page.getByTestId('profile-permissions').getByText('Create and manage users').waitFor();
    await expectAccessible('profile');
  });

  test('users: list, then create a user through the form', async () => {
    await navigate('Users');
    await heading('Users');
    await expectTitle('Users');
    const table = page.getByTestId('users-table');
    await table.getByText(ADMIN.email).waitFor();
    await expectAccessible('users');

    const email = `e2e-${Date.now()}@lumen-counselling.example`;
    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('dialog', { name: 'New user' });
    await dialog.waitFor();
    await dialog.getByLabel('Full name').fill('Esther Example');
    await dialog.getByLabel('Email address').fill(email);
    await dialog.getByLabel(/^Initial password/).fill('a-long-enough-password-1');
    await dialog.getByRole('checkbox', { name: 'Return counsellor' }).check();
    await expectAccessible('users: new user dialog');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`${email} was created.`).waitFor();
    const row = table.getByRole('row').filter({ hasText: email });
    await row.waitFor();
    await row.getByText('Return counsellor').waitFor();
    await expectAccessible('users after creating one');
  });

  test('API tokens: create one, see its secret once, then revoke it', async () => {
    await navigate('API tokens');
    await heading('API tokens');
    await expectTitle('API tokens');
    await expectAccessible('API tokens');

    const name = `E2E register ${Date.now()}`;
    await page.getByRole('button', { name: 'New token' }).click();
    const form = page.getByRole('dialog', { name: 'New API token' });
    await form.waitFor();
    await form.getByRole('textbox', { name: 'Name' }).fill(name);
    await form.getByRole('checkbox', { name: 'Read cases' }).check();
    await form.getByRole('checkbox', { name: 'Read programmes' }).check();
    await expectAccessible('API tokens: new token dialog');
    await form.getByRole('button', { name: 'Create token' }).click();

    const secretDialog = page.getByRole('dialog', { name: 'Your new token' });
    await secretDialog.waitFor();
    const secret = (await secretDialog.getByTestId('token-secret').innerText()).trim();
    expect(secret).toMatch(/^hw_/);
    await secretDialog.getByRole('button', { name: 'Copy token' }).waitFor();
    await expectAccessible('API tokens: secret dialog');
    await secretDialog.getByRole('button', { name: 'I have stored it' }).click();
    await secretDialog.waitFor({ state: 'hidden' });

    const row = page.getByTestId('tokens-table').getByRole('row').filter({ hasText: name });
    await row.waitFor();
    expect(await row.innerText()).not.toContain(secret);
    await row.getByText('Active').waitFor();

    await row.getByRole('button', { name: `Revoke ${name}` }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke this token?' });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Revoke token' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await row.getByText('Revoked').waitFor();
    await expectAccessible('API tokens with a revoked token');
  });

  test('switching to Arabic turns the interface right-to-left and persists', async () => {
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ar');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    await heading('رموز الواجهة البرمجية');
    await page.getByRole('navigation').getByRole('link', { name: 'الرئيسية', exact: true }).waitFor();
    await page.getByRole('button', { name: 'تسجيل الخروج' }).waitFor();
    await expectTitle('رموز الواجهة البرمجية');
    await expectAccessible('API tokens (Arabic)');

    // The choice survives a reload (saved on this device and in the profile).
    await page.reload();
    await heading('رموز الواجهة البرمجية');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');

    await navigate('الرئيسية');
    await heading(/^مرحبًا، /);
    await page.getByTestId('home-roles').getByText('مسؤول إدارة المنظمة').waitFor();
    await expectAccessible('home (Arabic)');
  });

  test('signing out returns to the login page and closes the session', async () => {
    await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
    await page.waitForURL('**/login');
    await heading('تسجيل الدخول إلى Homeward');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expectAccessible('login page (Arabic)');

    await page.goto('/users');
    await page.waitForURL('**/login');
    const me = await page.request.get('/api/v1/me');
    expect(me.status()).toBe(401);
  });

  test('an auditor reads the audit log but cannot manage users', async () => {
    // Back to English from the login page (no one is signed in: nothing is saved to a profile).
    await page.getByRole('combobox', { name: 'اللغة' }).selectOption('en');
    await heading('Sign in to Homeward');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');

    await signIn(AUDITOR);
    // The login page was reached from /users, so signing in returns there.
    await heading('Users');
    await page.getByTestId('users-table').waitFor();
    expect(await page.getByRole('button', { name: 'New user' }).count()).toBe(0);
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: 'Audit log', exact: true }).waitFor();
    expect(await nav.getByRole('link', { name: 'API tokens' }).count()).toBe(0);
    await expectAccessible('users (read only)');

    await navigate('Audit log');
    await heading('Audit log');
    await expectTitle('Audit log');
    // The administrator's sign-in earlier in this run is in the organisation's log, with who did it.
    const adminRows = page.getByTestId('audit-table').getByRole('row').filter({ hasText: ADMIN.email });
    await adminRows.first().waitFor();
    await expectAccessible('audit log');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/login');
  });

  test('a platform administrator sees the organisations of the deployment', async () => {
    await signIn(PLATFORM_ADMIN);
    await heading(/^Welcome, /);
    await navigate('Organisations');
    await heading('Organisations');
    await expectTitle('Organisations');
    await page.getByTestId('organisations-table').getByText('Lumen Return Counselling').waitFor();
    await expectAccessible('organisations');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/login');
  });

  test('no script errors or CSP violations happened in the page', () => {
    expect(pageProblems).toEqual([]);
  });
});
