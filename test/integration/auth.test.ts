import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, secondAppOn, type TestApp } from '../helpers/app.ts';
import { createOrg, createUser, login, TEST_PASSWORD } from '../helpers/factories.ts';

let t: TestApp;
let email: string;

beforeAll(async () => {
  t = await createTestApp();
  const org = await createOrg(t.ctx.db);
  email = (await createUser(t.ctx.db, org.id, ['counsellor'])).email;
});
afterAll(() => t.close());

describe('authentication', () => {
  it('answers every /api/v1 route with 401 problem+json when nobody is logged in', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    }>();
    const checked: string[] = [];
    const open: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/v1/') || path === '/api/v1/auth/login') continue;
      for (const [method, op] of Object.entries(methods)) {
        // Operations documented with an empty security list are public (the programme finder).
        if (Array.isArray(op.security) && op.security.length === 0) {
          open.push(`${method} ${path}`);
          continue;
        }
        const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        const res = await t.app.inject({
          method: method.toUpperCase() as 'GET',
          url,
          payload: method === 'get' ? undefined : {},
        });
        expect(res.statusCode, `${method} ${path}`).toBe(401);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.json<{ status: number }>().status).toBe(401);
        checked.push(`${method} ${path}`);
      }
    }
    expect(checked.length).toBeGreaterThan(10);
    expect(open).toEqual(['get /api/v1/public/programmes']);
  });

  it('logs in with a session cookie that is httpOnly and SameSite=Strict, and /me answers', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'hw_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      cookies: { hw_session: cookie!.value },
    });
    expect(me.statusCode).toBe(200);
    const body = me.json<{ user: { email: string }; roles: string[]; permissions: string[] }>();
    expect(body.user.email).toBe(email);
    expect(body.roles).toEqual(['counsellor']);
    expect(body.permissions).toContain('cases:write');
    expect(body.permissions).not.toContain('users:manage');
  });

  it('accepts the e-mail address in any case', async () => {
    await expect(login(t.app, email.toUpperCase())).resolves.toBeDefined();
  });

  it('refuses a wrong password with 401 and no cookie', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: 'wrong-password!' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.cookies).toHaveLength(0);
    expect(res.json<{ detail: string }>().detail).toMatch(/incorrect/);
  });

  it('refuses a cookie-authenticated write without the CSRF token, and accepts it with the token', async () => {
    const s = await login(t.app, email);
    const without = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: s.read,
      payload: { displayName: 'X' },
    });
    expect(without.statusCode).toBe(403);
    const wrong = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { ...s.read, 'x-csrf-token': 'nope' },
      payload: { displayName: 'X' },
    });
    expect(wrong.statusCode).toBe(403);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: s.read });
    expect(me.json<{ user: { displayName: string } }>().user.displayName).not.toBe('X');
    const ok = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: s.write,
      payload: { displayName: 'Renamed', locale: 'ar' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<{ user: { displayName: string; locale: string } }>().user).toMatchObject({
      displayName: 'Renamed',
      locale: 'ar',
    });
  });

  it('a password change ends the other sessions of the user, keeps this one, and needs the current password', async () => {
    const org = await createOrg(t.ctx.db);
    const u = await createUser(t.ctx.db, org.id, ['counsellor']);
    const here = await login(t.app, u.email);
    const elsewhere = await login(t.app, u.email);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: here.write,
      payload: { currentPassword: 'not-it-at-all', newPassword: 'a-brand-new-password' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('currentPassword');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: here.write,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'a-brand-new-password' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: here.read })).statusCode).toBe(
      200,
    );
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: elsewhere.read })).statusCode,
    ).toBe(401);
    await expect(login(t.app, u.email, 'a-brand-new-password')).resolves.toBeDefined();
  });

  it('ends the session at logout', async () => {
    const s = await login(t.app, email);
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.write });
    expect(out.statusCode).toBe(204);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: s.read });
    expect(me.statusCode).toBe(401);
  });

  it('ends a session after the idle time and after the absolute lifetime', async () => {
    const idle = await login(t.app, email);
    const absolute = await login(t.app, email);
    const hash = async (cookie: string) => {
      const { sha256 } = await import('../../src/server/auth/secrets.ts');
      return sha256(cookie.replace('hw_session=', ''));
    };
    await t.ctx.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 31 * 60_000) })
      .where('id_hash', '=', await hash(idle.cookie))
      .execute();
    await t.ctx.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id_hash', '=', await hash(absolute.cookie))
      .execute();
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: idle.read })).statusCode).toBe(
      401,
    );
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: absolute.read })).statusCode,
    ).toBe(401);
  });

  it('accepts a session created by one server instance in another instance on the same database', async () => {
    const s = await login(t.app, email);
    const other = await secondAppOn(t.ctx);
    try {
      const me = await other.inject({ method: 'GET', url: '/api/v1/me', headers: s.read });
      expect(me.statusCode).toBe(200);
      const out = await other.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.write });
      expect(out.statusCode).toBe(204);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: s.read })).statusCode).toBe(
        401,
      );
    } finally {
      await other.close();
    }
  });

  it('a deactivated user cannot log in and loses open sessions', async () => {
    const org = await createOrg(t.ctx.db);
    const admin = await createUser(t.ctx.db, org.id, ['org_admin']);
    const victim = await createUser(t.ctx.db, org.id, ['counsellor']);
    const a = await login(t.app, admin.email);
    const v = await login(t.app, victim.email);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${victim.id}`,
      headers: a.write,
      payload: { active: false },
    });
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: v.read })).statusCode).toBe(401);
    await expect(login(t.app, victim.email)).rejects.toThrow(/401/);
  });
});
