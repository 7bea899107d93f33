import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { orgWithUser } from '../helpers/factories.ts';

let t: TestApp;
let a: Awaited<ReturnType<typeof orgWithUser>>;
let b: Awaited<ReturnType<typeof orgWithUser>>;

beforeAll(async () => {
  t = await createTestApp();
  a = await orgWithUser(t.app, t.ctx.db, ['org_admin']);
  b = await orgWithUser(t.app, t.ctx.db, ['org_admin']);
});
afterAll(() => t.close());

async function createToken(s: typeof a.session, permissions: string[], name = 'national system') {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/tokens',
    headers: s.write,
    payload: { name, permissions },
  });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string; token: string; prefix: string }>();
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('organisation API tokens', () => {
  it('shows the secret once, stores only its hash, and authenticates as the organisation', async () => {
    const tok = await createToken(a.session, ['organisation:read', 'cases:read']);
    expect(tok.token).toMatch(/^hw_/);
    expect(tok.token.startsWith(tok.prefix)).toBe(true);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: a.session.read });
    expect(list.body).not.toContain(tok.token);
    const stored = await t.ctx.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', tok.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(tok.token);
    expect(JSON.stringify(stored)).not.toContain(tok.token);

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(tok.token) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: null,
      organisation: { id: a.org.id },
      permissions: ['organisation:read', 'cases:read'],
    });
  });

  it('is scoped by its permissions', async () => {
    const tok = await createToken(a.session, ['organisation:read']);
    const users = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer(tok.token) });
    expect(users.statusCode).toBe(403);
    const tokens = await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: bearer(tok.token) });
    expect(tokens.statusCode).toBe(403);
  });

  it('cannot be given administration permissions', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: a.session.write,
      payload: { name: 'too strong', permissions: ['users:manage'] },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('permissions');
  });

  it('cannot hold a permission no role of the organisation type has', async () => {
    const partner = await orgWithUser(t.app, t.ctx.db, ['org_admin'], 'reintegration_partner');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: partner.session.write,
      payload: { name: 'writer', permissions: ['cases:write'] },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ detail: string }>().detail).toMatch(/cases:write/);
  });

  it('stops working at once when revoked', async () => {
    const tok = await createToken(a.session, ['organisation:read']);
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${tok.id}`,
      headers: a.session.write,
    });
    expect(del.statusCode).toBe(204);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(tok.token) });
    expect(me.statusCode).toBe(401);
    expect(me.headers['content-type']).toMatch(/problem\+json/);
  });

  it('rejects an unknown or malformed bearer token with 401', async () => {
    for (const h of ['Bearer hw_nonsense', 'Bearer', 'Basic abc']) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: h } });
      expect(res.statusCode, h).toBe(401);
    }
  });

  it("answers 404 for another organisation's token and leaves it working", async () => {
    const theirs = await createToken(b.session, ['organisation:read']);
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${theirs.id}`,
      headers: a.session.write,
    });
    expect(del.statusCode).toBe(404);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: a.session.read });
    expect(list.json<{ items: { id: string }[] }>().items.map((x) => x.id)).not.toContain(theirs.id);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(theirs.token) });
    expect(me.statusCode).toBe(200);
  });

  it('refuses an expiry in the past', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: a.session.write,
      payload: { name: 'old', permissions: ['organisation:read'], expiresAt: '2020-01-01T00:00:00Z' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('expiresAt');
  });
});
