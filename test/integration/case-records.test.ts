import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createUser, login, orgWithUser, type Session } from '../helpers/factories.ts';

let t: TestApp;
let a: Awaited<ReturnType<typeof orgWithUser>>;
let b: Awaited<ReturnType<typeof orgWithUser>>;
let analystA: Session;
let caseId: string;
let principalId: string;

beforeAll(async () => {
  t = await createTestApp();
  a = await orgWithUser(t.app, t.ctx.db, ['counsellor']);
  b = await orgWithUser(t.app, t.ctx.db, ['counsellor']);
  analystA = await login(t.app, (await createUser(t.ctx.db, a.org.id, ['analyst'])).email);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: a.session.write,
    payload: {
      hostCountry: 'DE',
      returnCountry: 'GE',
      returnType: 'assisted_voluntary',
      persons: [{ relationship: 'principal', givenNames: 'Nino', familyName: 'Beridze', sex: 'female' }],
    },
  });
  const body = res.json<{ id: string; persons: { id: string }[] }>();
  caseId = body.id;
  principalId = body.persons[0]!.id;
});
afterAll(() => t.close());

const post = (s: Session, path: string, payload: object) =>
  t.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/${path}`, headers: s.write, payload });
const get = (s: Session, path: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/${path}`, headers: s.read });

async function timelineTypes(): Promise<{ type: string; comment: string | null }[]> {
  return (await get(a.session, 'timeline')).json<{ items: { type: string; comment: string | null }[] }>()
    .items;
}

describe('counselling sessions', () => {
  it('records coded motives, and shows restricted notes only to roles that may read them', async () => {
    const res = await post(a.session, 'counselling-sessions', {
      heldAt: '2026-11-20T10:00:00Z',
      mode: 'video',
      interpreterLanguage: 'ka',
      motivesFor: ['family_reunion', 'asylum_rejected'],
      motivesAgainst: ['debts'],
      motivesText: 'Mother is ill.',
      informationSource: 'ngo',
      decision: 'considering',
      restrictedNotes: 'Disclosed medical history.',
    });
    expect(res.statusCode, res.body).toBe(201);
    const list = await get(a.session, 'counselling-sessions');
    expect(list.json<{ items: { restrictedNotes?: string }[] }>().items[0]?.restrictedNotes).toBe(
      'Disclosed medical history.',
    );
    expect((await timelineTypes()).map((e) => e.type)).toContain('counselling.session');
  });

  it('refuses an unknown motive naming it, and writes nothing', async () => {
    const before = (await get(a.session, 'counselling-sessions')).json<{ items: unknown[] }>().items.length;
    const res = await post(a.session, 'counselling-sessions', {
      heldAt: '2026-11-20T10:00:00Z',
      mode: 'video',
      motivesFor: ['boredom'],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('motivesFor.0');
    expect((await get(a.session, 'counselling-sessions')).json<{ items: unknown[] }>().items.length).toBe(
      before,
    );
  });
});

describe('restricted counselling notes', () => {
  it('are written only by those who may read them: an API token without special-category access gets 403', async () => {
    const admin = await createUser(t.ctx.db, a.org.id, ['org_admin']);
    const adminSession = await login(t.app, admin.email);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: adminSession.write,
      payload: { name: 'national system', permissions: ['cases:read', 'cases:write'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const bearer = { authorization: `Bearer ${created.json<{ token: string }>().token}` };
    const send = (payload: object) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${caseId}/counselling-sessions`,
        headers: bearer,
        payload,
      });
    const before = (await timelineTypes()).length;
    const refused = await send({
      heldAt: '2026-11-20T10:00:00Z',
      mode: 'phone',
      restrictedNotes: 'Disclosed …',
    });
    expect(refused.statusCode, refused.body).toBe(403);
    expect((await timelineTypes()).length).toBe(before);
    const plain = await send({ heldAt: '2026-11-20T10:00:00Z', mode: 'phone' });
    expect(plain.statusCode, plain.body).toBe(201);
  });
});

describe('consent', () => {
  it('records consent and its withdrawal, both visible in the timeline', async () => {
    const given = await post(a.session, 'consents', {
      personId: principalId,
      purpose: 'referral_to_partner',
      recipientOrganisationId: b.org.id,
      dataCategories: ['identity', 'family', 'travel'],
      method: 'online',
      informationSheetVersion: '2026-03',
      informationSheetLanguage: 'ka',
      givenAt: '2026-11-20T10:30:00Z',
    });
    expect(given.statusCode, given.body).toBe(201);
    const consent = given.json<{ id: string; active: boolean }>();
    expect(consent.active).toBe(true);
    const withdrawn = await post(a.session, `consents/${consent.id}/withdraw`, {
      effect: 'Sharing with the partner stops.',
    });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json()).toMatchObject({
      active: false,
      withdrawalEffect: 'Sharing with the partner stops.',
    });
    expect((await post(a.session, `consents/${consent.id}/withdraw`, {})).statusCode).toBe(409);
    const events = await timelineTypes();
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['consent.given', 'consent.withdrawn']));
    expect(events.find((e) => e.type === 'consent.withdrawn')?.comment).toBe(
      'Sharing with the partner stops.',
    );
  });

  it('needs the information sheet for online consent and a witness for verbal consent', async () => {
    const base = {
      personId: principalId,
      purpose: 'follow_up_contact',
      dataCategories: ['contact'],
      givenAt: '2026-11-20T10:30:00Z',
    };
    const online = await post(a.session, 'consents', { ...base, method: 'online' });
    expect(online.statusCode).toBe(400);
    expect(online.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual([
      'informationSheetVersion',
      'informationSheetLanguage',
    ]);
    const verbal = await post(a.session, 'consents', { ...base, method: 'witnessed_verbal' });
    expect(verbal.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('witnessName');
  });

  it('refuses a recipient organisation that does not exist or is no longer active, naming the field', async () => {
    const gone = await orgWithUser(t.app, t.ctx.db, ['org_admin'], 'reintegration_partner');
    await t.ctx.db
      .updateTable('organisations')
      .set({ active: false })
      .where('id', '=', gone.org.id)
      .execute();
    for (const recipientOrganisationId of [gone.org.id, '7d1a4e1c-0f7b-4e2b-9c43-1b2a3c4d5e6f']) {
      const res = await post(a.session, 'consents', {
        personId: principalId,
        purpose: 'referral_to_partner',
        recipientOrganisationId,
        dataCategories: ['identity'],
        method: 'signed_sheet',
        givenAt: '2026-11-20T10:30:00Z',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('recipientOrganisationId');
    }
  });

  it('refuses a session, consent or withdrawal dated in the future, and writes nothing', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const before = await timelineTypes();
    const session = await post(a.session, 'counselling-sessions', { heldAt: tomorrow, mode: 'phone' });
    expect(session.statusCode).toBe(400);
    expect(session.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('heldAt');
    const consent = await post(a.session, 'consents', {
      personId: principalId,
      purpose: 'follow_up_contact',
      dataCategories: ['contact'],
      method: 'signed_sheet',
      givenAt: tomorrow,
    });
    expect(consent.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('givenAt');
    const given = await post(a.session, 'consents', {
      personId: principalId,
      purpose: 'follow_up_contact',
      dataCategories: ['contact'],
      method: 'signed_sheet',
      givenAt: '2026-11-20T10:30:00Z',
    });
    expect(given.statusCode).toBe(201);
    const withdrawal = await post(a.session, `consents/${given.json<{ id: string }>().id}/withdraw`, {
      withdrawnAt: tomorrow,
    });
    expect(withdrawal.statusCode).toBe(400);
    expect(withdrawal.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('withdrawnAt');
    expect((await timelineTypes()).length).toBe(before.length + 1); // only the valid consent
  });

  it("refuses a person of another case, and another organisation's case is a 404", async () => {
    const res = await post(a.session, 'consents', {
      personId: '7d4e4b1c-58a6-4c5c-9f1e-2f2b1c3d4e5f',
      purpose: 'follow_up_contact',
      dataCategories: ['contact'],
      method: 'signed_sheet',
      givenAt: '2026-11-20T10:30:00Z',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('personId');
    for (const path of ['consents', 'counselling-sessions', 'vulnerabilities']) {
      expect((await get(b.session, path)).statusCode, path).toBe(404);
    }
  });
});

describe('vulnerabilities (special-category data)', () => {
  it('audits every read, and keeps them from roles without special_category:read', async () => {
    const created = await post(a.session, 'vulnerabilities', {
      personId: principalId,
      category: 'serious_illness',
      details: 'Diabetes',
    });
    expect(created.statusCode, created.body).toBe(201);
    const before = await t.ctx.db
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'vulnerabilities.read')
      .execute();
    const read = await get(a.session, 'vulnerabilities');
    expect(read.statusCode).toBe(200);
    expect(read.json<{ items: { category: string }[] }>().items.map((v) => v.category)).toEqual([
      'serious_illness',
    ]);
    const after = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'vulnerabilities.read')
      .execute();
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)).toMatchObject({
      actor_user_id: a.user.id,
      target_id: caseId,
      organisation_id: a.org.id,
    });

    expect((await get(analystA, 'vulnerabilities')).statusCode).toBe(403);
    // The timeline says something was recorded, never what.
    expect(JSON.stringify((await get(a.session, 'timeline')).json())).not.toMatch(/Diabetes|serious_illness/);
  });

  it('refuses an unknown category naming the field', async () => {
    const res = await post(a.session, 'vulnerabilities', { personId: principalId, category: 'left_handed' });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('category');
  });
});
