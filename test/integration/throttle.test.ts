import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createOrg, createUser, TEST_PASSWORD } from '../helpers/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    HOMEWARD_LOGIN_SLOWDOWN_AFTER: '2',
    HOMEWARD_LOGIN_LOCK_AFTER: '4',
    HOMEWARD_LOGIN_LOCK_MINUTES: '15',
  });
});
afterAll(() => t.close());

const attempt = (email: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    remoteAddress: ip,
  });

describe('login throttling', () => {
  it('slows down repeated failures for an account, then refuses even the right password for a while', async () => {
    const org = await createOrg(t.ctx.db);
    const user = await createUser(t.ctx.db, org.id, ['counsellor']);
    const times: number[] = [];
    for (let i = 0; i < 4; i++) {
      const started = Date.now();
      const res = await attempt(user.email, 'wrong-password!', `10.1.0.${i}`);
      times.push(Date.now() - started);
      expect(res.statusCode).toBe(401);
    }
    // Attempts after the second failure are deliberately delayed.
    expect(times[2]).toBeGreaterThanOrEqual(200);
    expect(times[3]).toBeGreaterThanOrEqual(400);
    const locked = await attempt(user.email, TEST_PASSWORD, '10.1.0.9');
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['content-type']).toMatch(/problem\+json/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.json<{ detail: string }>().detail).toMatch(/Too many failed login attempts/);
    expect(locked.cookies).toHaveLength(0);
  });

  it('throttles by address too, across accounts', async () => {
    const org = await createOrg(t.ctx.db);
    const victims = await Promise.all(
      [1, 2, 3, 4, 5].map(() => createUser(t.ctx.db, org.id, ['counsellor'])),
    );
    for (const v of victims.slice(0, 4))
      expect((await attempt(v.email, 'wrong-password!', '10.2.0.1')).statusCode).toBe(401);
    const res = await attempt(victims[4]!.email, TEST_PASSWORD, '10.2.0.1');
    expect(res.statusCode).toBe(429);
    // The same account from another address still works: its own count is zero.
    expect((await attempt(victims[4]!.email, TEST_PASSWORD, '10.2.0.2')).statusCode).toBe(200);
  });

  it('records failed and refused logins in the audit log', async () => {
    const rows = await t.ctx.db
      .selectFrom('audit_log')
      .select(['outcome', 'details'])
      .where('action', '=', 'auth.login')
      .execute();
    expect(rows.some((r) => r.outcome === 'failure')).toBe(true);
    expect(rows.some((r) => r.outcome === 'denied' && r.details.reason === 'throttled')).toBe(true);
  });
});
