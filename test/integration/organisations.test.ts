import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { orgWithUser } from '../helpers/factories.ts';

let t: TestApp;
let platform: Awaited<ReturnType<typeof orgWithUser>>;
let other: Awaited<ReturnType<typeof orgWithUser>>;

beforeAll(async () => {
  t = await createTestApp();
  platform = await orgWithUser(t.app, t.ctx.db, ['platform_admin'], 'platform_operator');
  other = await orgWithUser(t.app, t.ctx.db, ['org_admin']);
});
afterAll(() => t.close());

describe('organisations', () => {
  it('the platform admin creates, lists and deactivates organisations', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: platform.session.write,
      payload: { slug: 'tigris-test', name: 'Tigris Test', type: 'reintegration_partner', country: 'iq' },
    });
    expect(res.statusCode).toBe(201);
    const created = res.json<{ id: string; country: string }>();
    expect(created.country).toBe('IQ');
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: platform.session.write,
      payload: { slug: 'tigris-test', name: 'Again', type: 'reintegration_partner', country: 'IQ' },
    });
    expect(dup.statusCode).toBe(409);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/organisations',
      headers: platform.session.read,
    });
    expect(list.json<{ items: { id: string }[] }>().items.map((o) => o.id)).toEqual(
      expect.arrayContaining([created.id, other.org.id]),
    );
    const off = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/organisations/${other.org.id}`,
      headers: platform.session.write,
      payload: { active: false },
    });
    expect(off.statusCode).toBe(200);
    // Its users' sessions stop working with it.
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: other.session.read })).statusCode,
    ).toBe(401);
  });

  it('others see only their own organisation, and another one is a 404', async () => {
    const someone = await orgWithUser(t.app, t.ctx.db, ['counsellor']);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/organisations',
      headers: someone.session.read,
    });
    expect(list.json<{ items: { id: string }[] }>().items.map((o) => o.id)).toEqual([someone.org.id]);
    const theirs = await t.app.inject({
      method: 'GET',
      url: `/api/v1/organisations/${platform.org.id}`,
      headers: someone.session.read,
    });
    expect(theirs.statusCode).toBe(404);
    const create = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: someone.session.write,
      payload: { slug: 'sneaky', name: 'Sneaky', type: 'return_authority', country: 'DE' },
    });
    expect(create.statusCode).toBe(403);
  });

  it('lists the active organisations, by name with type and country only, to whoever handles cases', async () => {
    const counsellor = await orgWithUser(t.app, t.ctx.db, ['counsellor']);
    const partner = await orgWithUser(t.app, t.ctx.db, ['case_worker'], 'reintegration_partner');
    const gone = await orgWithUser(t.app, t.ctx.db, ['org_admin']);
    const off = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/organisations/${gone.org.id}`,
      headers: platform.session.write,
      payload: { active: false },
    });
    expect(off.statusCode, off.body).toBe(200);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/organisations/directory',
      headers: counsellor.session.read,
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: Record<string, unknown>[] }>().items;
    const ids = items.map((o) => o.id);
    expect(ids).toContain(partner.org.id);
    expect(ids).toContain(counsellor.org.id);
    expect(ids).not.toContain(gone.org.id);
    expect(items.find((o) => o.id === partner.org.id)).toEqual({
      id: partner.org.id,
      name: partner.org.name,
      type: 'reintegration_partner',
      country: partner.org.country,
    });
    const names = items.map((o) => String(o.name));
    expect(names).toEqual([...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/organisations/directory' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses an invalid organisation type or country naming the field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: platform.session.write,
      payload: { slug: 'x-valid', name: 'X', type: 'bank', country: 'Germany' },
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['type', 'country']));
  });
});
