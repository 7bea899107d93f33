import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createUser, orgWithUser, type Session } from '../helpers/factories.ts';

let t: TestApp;
let a: Awaited<ReturnType<typeof orgWithUser>>;
let b: Awaited<ReturnType<typeof orgWithUser>>;

beforeAll(async () => {
  t = await createTestApp();
  a = await orgWithUser(t.app, t.ctx.db, ['org_admin']);
  b = await orgWithUser(t.app, t.ctx.db, ['org_admin']);
});
afterAll(() => t.close());

const newUser = (over: Record<string, unknown> = {}) => ({
  email: `new-${Math.random().toString(36).slice(2)}@test.example`,
  displayName: 'New Person',
  password: 'a-long-enough-password',
  roles: ['counsellor'],
  ...over,
});

async function userCount(): Promise<number> {
  const r = await t.ctx.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function auditCount(): Promise<number> {
  const r = await t.ctx.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

const post = (s: Session, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: { ...s.write, ...headers },
    payload: payload as object,
  });

describe('organisation admins manage their users', () => {
  it('creates, lists, changes roles and deactivates a user, each audited', async () => {
    const before = await auditCount();
    const created = await post(a.session, newUser({ roles: ['counsellor', 'coordinator'] }));
    expect(created.statusCode).toBe(201);
    const u = created.json<{ id: string; roles: string[]; email: string }>();
    expect(u.roles).toEqual(['coordinator', 'counsellor']);
    expect(created.body).not.toMatch(/password/);

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: a.session.read });
    expect(list.json<{ items: { id: string }[] }>().items.map((x) => x.id)).toContain(u.id);

    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${u.id}`,
      headers: a.session.write,
      payload: { roles: ['analyst'], active: false },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ roles: ['analyst'], active: false });

    const actions = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('seq', '>', before)
      .execute();
    expect(actions.map((r) => r.action)).toEqual(expect.arrayContaining(['user.create', 'user.deactivate']));
  });

  it("cannot see or change another organisation's users: 404, and nothing changes", async () => {
    const victim = await createUser(t.ctx.db, b.org.id, ['counsellor']);
    const get = await t.app.inject({
      method: 'GET',
      url: `/api/v1/users/${victim.id}`,
      headers: a.session.read,
    });
    expect(get.statusCode).toBe(404);
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users/7d4e4b1c-58a6-4c5c-9f1e-2f2b1c3d4e5f',
      headers: a.session.read,
    });
    expect(unknown.statusCode).toBe(404);
    expect(get.json()).toEqual({ ...unknown.json(), instance: get.json<{ instance: string }>().instance });

    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${victim.id}`,
      headers: a.session.write,
      payload: { active: false, roles: ['org_admin'] },
    });
    expect(patch.statusCode).toBe(404);
    const still = await t.ctx.db
      .selectFrom('users')
      .select('active')
      .where('id', '=', victim.id)
      .executeTakeFirstOrThrow();
    expect(still.active).toBe(true);

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: a.session.read });
    expect(list.json<{ items: { id: string }[] }>().items.map((x) => x.id)).not.toContain(victim.id);
  });

  it('refuses users without users:manage with 403', async () => {
    const c = await orgWithUser(t.app, t.ctx.db, ['counsellor']);
    expect((await post(c.session, newUser())).statusCode).toBe(403);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: c.session.read })).statusCode,
    ).toBe(403);
  });

  it('refuses roles that do not exist in the organisation type, and platform_admin', async () => {
    const res = await post(a.session, newUser({ roles: ['case_worker'] }));
    expect(res.statusCode).toBe(422);
    expect(res.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('roles');
    expect((await post(a.session, newUser({ roles: ['platform_admin'] }))).statusCode).toBe(422);
  });

  it('refuses a duplicate e-mail with 409', async () => {
    const body = newUser();
    expect((await post(a.session, body)).statusCode).toBe(201);
    const again = await post(a.session, { ...body, email: body.email.toUpperCase() });
    expect(again.statusCode).toBe(409);
  });

  it('does not let an admin deactivate themselves', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${a.user.id}`,
      headers: a.session.write,
      payload: { active: false },
    });
    expect(res.statusCode).toBe(409);
  });
});

describe('bad input gets a 4xx problem naming the field and changes nothing', () => {
  const cases: [string, unknown, number, string][] = [
    ['empty object', {}, 400, 'email'],
    ['wrong type', newUser({ roles: 'counsellor' }), 400, 'roles'],
    ['unknown role', newUser({ roles: ['wizard'] }), 400, 'roles.0'],
    ['bad email', newUser({ email: 'not-an-email' }), 400, 'email'],
    ['short password', newUser({ password: 'short' }), 400, 'password'],
    ['unknown field', newUser({ organisationId: '7d4e4b1c-58a6-4c5c-9f1e-2f2b1c3d4e5f' }), 400, ''],
    ['huge string', newUser({ displayName: 'x'.repeat(10_000) }), 400, 'displayName'],
    ['number for string', newUser({ displayName: 42 }), 400, 'displayName'],
  ];
  for (const [name, payload, status, field] of cases) {
    it(`${name} → ${status} naming "${field || '(body)'}"`, async () => {
      const users = await userCount();
      const res = await post(a.session, payload);
      expect(res.statusCode).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const body = res.json<{ errors: { path: string; message: string }[]; detail: string }>();
      expect(body.errors.length).toBeGreaterThan(0);
      if (field) expect(body.errors.map((e) => e.path)).toContain(field);
      expect(await userCount()).toBe(users);
    });
  }

  it('malformed JSON → 400', async () => {
    const users = await userCount();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { ...a.session.write, 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await userCount()).toBe(users);
  });

  it('empty body with a JSON content type → 400', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { ...a.session.write, 'content-type': 'application/json' },
      payload: '',
    });
    expect(res.statusCode).toBe(400);
  });

  it('a body over the size limit → 413', async () => {
    const users = await userCount();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { ...a.session.write, 'content-type': 'application/json' },
      payload: JSON.stringify(newUser({ displayName: 'x'.repeat(2 * 1024 * 1024) })),
    });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await userCount()).toBe(users);
  });

  it('a malformed id in the path → 400 naming id', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users/not-a-uuid',
      headers: a.session.read,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('id');
  });

  it('a query parameter of the wrong type → 400 naming it', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users?limit=abc',
      headers: a.session.read,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('limit');
  });
});
