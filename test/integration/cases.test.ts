import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_STAGES, TRANSITIONS } from '../../src/domain/case-workflow.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createUser, login, orgWithUser, type Session } from '../helpers/factories.ts';

let t: TestApp;
let a: Awaited<ReturnType<typeof orgWithUser>>;
let b: Awaited<ReturnType<typeof orgWithUser>>;
let coordinatorA: Session;

beforeAll(async () => {
  t = await createTestApp();
  a = await orgWithUser(t.app, t.ctx.db, ['counsellor']);
  b = await orgWithUser(t.app, t.ctx.db, ['counsellor']);
  coordinatorA = await login(t.app, (await createUser(t.ctx.db, a.org.id, ['coordinator'])).email);
});
afterAll(() => t.close());

const family = (over: Record<string, unknown> = {}) => ({
  hostCountry: 'DE',
  returnCountry: 'IQ',
  returnType: 'assisted_voluntary',
  administrativeStatus: 'asylum_rejected',
  departureDeadline: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10),
  persons: [
    {
      relationship: 'principal',
      givenNames: 'Mohammed',
      familyName: 'Al-Hassan',
      originalScriptName: 'محمد الحسن',
      sex: 'male',
      dateOfBirth: '1988-03-01',
      nationalities: ['IQ'],
      languages: ['ar'],
      documents: [{ type: 'passport', number: 'A1234567', issuingCountry: 'IQ', status: 'with_person' }],
    },
    { relationship: 'spouse', givenNames: 'Fatima', familyName: 'Al-Hassan', sex: 'female' },
    {
      relationship: 'child',
      givenNames: 'Ali',
      familyName: 'Al-Hassan',
      sex: 'male',
      dateOfBirth: '2019-06-01',
    },
  ],
  ...over,
});

type CaseBody = {
  id: string;
  reference: string;
  stage: string;
  version: number;
  persons: { relationship: string }[];
  allowedTransitions: { to: string }[];
};

async function createCase(s: Session, body: unknown = family()): Promise<CaseBody> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: s.write,
    payload: body as object,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CaseBody>();
}

async function caseCount(): Promise<number> {
  const r = await t.ctx.db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

const move = (
  s: Session,
  id: string,
  to: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${id}/transitions`,
    headers: { ...s.write, ...headers },
    payload: { to, ...extra },
  });

describe('cases', () => {
  it('opens a case for a household with a readable reference, in intake, version 1', async () => {
    const c = await createCase(a.session);
    expect(c.reference).toMatch(/^HW-\d{4}-\d{6}$/);
    expect(c.stage).toBe('intake');
    expect(c.version).toBe(1);
    expect(c.persons.map((p) => p.relationship)).toEqual(['principal', 'spouse', 'child']);
    expect(c.allowedTransitions.map((x) => x.to)).toContain('counselling');
  });

  it('walks intake → counselling → application → submitted → validated, recording each step in the timeline', async () => {
    const c = await createCase(a.session);
    for (const to of ['counselling', 'application', 'submitted']) {
      const res = await move(a.session, c.id, to);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<CaseBody>().stage).toBe(to);
    }
    // A counsellor cannot validate their own application.
    const self = await move(a.session, c.id, 'validated');
    expect(self.statusCode).toBe(403);
    const rejected = await move(coordinatorA, c.id, 'application', {
      reasonCode: 'incomplete_file',
      comment: 'ID copy missing',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    await move(a.session, c.id, 'submitted');
    const validated = await move(coordinatorA, c.id, 'validated');
    expect(validated.statusCode).toBe(200);

    const timeline = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${c.id}/timeline`,
      headers: a.session.read,
    });
    const items = timeline.json<{
      items: { type: string; toStage: string | null; reasonCode: string | null; comment: string | null }[];
    }>().items;
    expect(items.map((i) => i.toStage)).toEqual([
      'intake',
      'counselling',
      'application',
      'submitted',
      'application',
      'submitted',
      'validated',
    ]);
    expect(items[4]).toMatchObject({ reasonCode: 'incomplete_file', comment: 'ID copy missing' });
  });

  it('refuses an illegal transition with 409, saying what is allowed, and changes nothing', async () => {
    const c = await createCase(a.session);
    const res = await move(a.session, c.id, 'departed');
    expect(res.statusCode).toBe(409);
    const body = res.json<{ detail: string; allowed: string[]; currentStage: string }>();
    expect(body.currentStage).toBe('intake');
    expect(body.allowed).toContain('counselling');
    expect(body.detail).toMatch(/counselling/);
    const after = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${c.id}`,
      headers: a.session.read,
    });
    expect(after.json<CaseBody>()).toMatchObject({ stage: 'intake', version: 1 });
  });

  it('refuses every move the workflow has no rule for, at each stage of the path to validated', async () => {
    const c = await createCase(a.session);
    const path = ['intake', 'counselling', 'application', 'submitted', 'validated'] as const;
    let version = 1;
    for (const [i, stage] of path.entries()) {
      const ruled = new Set(TRANSITIONS.filter((r) => r.from === stage).map((r) => r.to));
      for (const to of CASE_STAGES.filter((x) => !ruled.has(x))) {
        const res = await move(stage === 'submitted' ? coordinatorA : a.session, c.id, to, {
          reasonCode: 'other',
          comment: 'trying',
        });
        expect(res.statusCode, `${stage} → ${to}`).toBe(409);
        expect(res.json<{ currentStage: string }>().currentStage).toBe(stage);
      }
      const now = await t.app.inject({
        method: 'GET',
        url: `/api/v1/cases/${c.id}`,
        headers: a.session.read,
      });
      expect(now.json<CaseBody>()).toMatchObject({ stage, version });
      const next = path[i + 1];
      if (next) {
        const res = await move(next === 'validated' ? coordinatorA : a.session, c.id, next);
        expect(res.statusCode, res.body).toBe(200);
        version = res.json<CaseBody>().version;
      }
    }
  });

  it('refuses a side exit without its reason with 422 naming reasonCode', async () => {
    const c = await createCase(a.session);
    const res = await move(a.session, c.id, 'withdrawn');
    expect(res.statusCode).toBe(422);
    expect(res.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('reasonCode');
  });

  it('answers a stale version with 412 and the current version, and keeps the stored case', async () => {
    const c = await createCase(a.session);
    const first = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/cases/${c.id}`,
      headers: { ...a.session.write, 'if-match': '"1"' },
      payload: { inDetention: true },
    });
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"2"');
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/cases/${c.id}`,
      headers: { ...a.session.write, 'if-match': '"1"' },
      payload: { inDetention: false, returnCountry: 'SY' },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json<{ currentVersion: number }>().currentVersion).toBe(2);
    const staleMove = await move(a.session, c.id, 'counselling', {}, { 'if-match': '1' });
    expect(staleMove.statusCode).toBe(412);
    const now = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, headers: a.session.read });
    expect(now.json()).toMatchObject({ inDetention: true, returnCountry: 'IQ', version: 2, stage: 'intake' });
  });

  it("hides another organisation's case everywhere: 404, and not in search", async () => {
    const c = await createCase(a.session);
    const urls = [`/api/v1/cases/${c.id}`, `/api/v1/cases/${c.id}/timeline`, `/api/v1/cases/${c.id}/persons`];
    for (const url of urls) {
      expect((await t.app.inject({ method: 'GET', url, headers: b.session.read })).statusCode, url).toBe(404);
    }
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/cases/${c.id}`,
      headers: b.session.write,
      payload: { inDetention: true },
    });
    expect(patch.statusCode).toBe(404);
    expect((await move(b.session, c.id, 'counselling')).statusCode).toBe(404);
    const addPerson = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/persons`,
      headers: b.session.write,
      payload: { relationship: 'child', givenNames: 'X', familyName: 'Y', sex: 'female' },
    });
    expect(addPerson.statusCode).toBe(404);
    for (const q of [c.reference, 'Mohammed', 'A1234567']) {
      const list = await t.app.inject({
        method: 'GET',
        url: `/api/v1/cases?q=${encodeURIComponent(q)}`,
        headers: b.session.read,
      });
      expect(
        list.json<{ items: { id: string }[] }>().items.map((i) => i.id),
        q,
      ).not.toContain(c.id);
    }
    const still = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${c.id}`,
      headers: a.session.read,
    });
    expect(still.json()).toMatchObject({ version: 1, inDetention: false, stage: 'intake' });
  });

  it('finds a case by reference, document number and name in another script, with filters and queues', async () => {
    const c = await createCase(a.session);
    const find = async (query: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/v1/cases?${query}`, headers: a.session.read })).json<{
        items: { id: string; principalName: string; householdSize: number }[];
        total: number;
      }>();
    expect((await find(`q=${c.reference}`)).items.map((i) => i.id)).toEqual([c.id]);
    expect((await find('q=A1234567')).items.map((i) => i.id)).toContain(c.id);
    for (const name of [
      'Muhammad Al Hassan',
      'Mohamed Alhassan',
      encodeURIComponent('محمد الحسن'),
      'Hassan Mohammed',
    ]) {
      expect(
        (await find(`q=${name}`)).items.map((i) => i.id),
        name,
      ).toContain(c.id);
    }
    const byStage = await find('stage=intake&returnCountry=IQ&limit=200');
    expect(byStage.items.map((i) => i.id)).toContain(c.id);
    expect(byStage.items.find((i) => i.id === c.id)).toMatchObject({
      principalName: 'Mohammed Al-Hassan',
      householdSize: 3,
    });
    expect((await find('stage=validated&limit=200')).items.map((i) => i.id)).not.toContain(c.id);
    expect((await find('queue=deadlines&limit=200')).items.map((i) => i.id)).toContain(c.id);
    expect((await find('queue=mine&limit=200')).items.map((i) => i.id)).toContain(c.id);
    const page1 = await find('limit=1&offset=0');
    const page2 = await find('limit=1&offset=1');
    expect(page1.total).toBeGreaterThan(1);
    expect(page1.items[0]?.id).not.toBe(page2.items[0]?.id);
  });

  it('registers households with the same new names at the same time, in any order, without failing', async () => {
    const names = ['Quorvan', 'Zelbrit', 'Mistoval', 'Tharnix', 'Vespiro', 'Kolbrane'];
    const households = Array.from({ length: 8 }, (_, i) => {
      const order = i % 2 === 0 ? names : [...names].reverse();
      return family({
        persons: [
          { relationship: 'principal', givenNames: order[0], familyName: order[1], sex: 'male' },
          { relationship: 'spouse', givenNames: order[2], familyName: order[3], sex: 'female' },
          { relationship: 'child', givenNames: order[4], familyName: order[5], sex: 'female' },
        ],
      });
    });
    const results = await Promise.all(
      households.map((body) =>
        t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: a.session.write, payload: body }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(households.map(() => 201));
  });

  it('adds a family member, refusing a second principal with 409', async () => {
    const c = await createCase(a.session);
    const add = (payload: object) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${c.id}/persons`,
        headers: a.session.write,
        payload,
      });
    const ok = await add({
      relationship: 'child',
      givenNames: 'Zainab',
      familyName: 'Al-Hassan',
      sex: 'female',
      unaccompaniedMinor: false,
    });
    expect(ok.statusCode).toBe(201);
    expect(
      (await add({ relationship: 'principal', givenNames: 'Other', familyName: 'One', sex: 'male' }))
        .statusCode,
    ).toBe(409);
  });

  it('shows possible duplicates in the same organisation only, with score and reasons', async () => {
    const c = await createCase(a.session);
    const check = (s: Session, body: object) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/persons/possible-duplicates',
        headers: s.write,
        payload: body,
      });
    const res = await check(a.session, {
      givenNames: 'Muhammad',
      familyName: 'Alhassan',
      dateOfBirth: '1988-03-01',
      sex: 'male',
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: { caseId: string; score: number; reasons: string[] }[] }>().items;
    const hit = items.find((i) => i.caseId === c.id);
    expect(hit?.reasons).toContain('same_date_of_birth');
    expect(hit?.score).toBeGreaterThan(0.6);
    const other = await check(b.session, {
      givenNames: 'Muhammad',
      familyName: 'Alhassan',
      dateOfBirth: '1988-03-01',
    });
    expect(other.json<{ items: { caseId: string }[] }>().items.map((i) => i.caseId)).not.toContain(c.id);
    const different = await check(a.session, { givenNames: 'Olena', familyName: 'Kovalenko' });
    expect(different.json<{ items: { caseId: string }[] }>().items.map((i) => i.caseId)).not.toContain(c.id);
    const bad = await check(a.session, { givenNames: '', familyName: 'X' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('givenNames');
  });

  describe('bad input is refused naming the field, and nothing is written', () => {
    const bad: [string, unknown, string][] = [
      [
        'no principal',
        family({ persons: [{ relationship: 'child', givenNames: 'A', familyName: 'B', sex: 'male' }] }),
        'persons',
      ],
      [
        'two principals',
        family({
          persons: [
            { relationship: 'principal', givenNames: 'A', familyName: 'B', sex: 'male' },
            { relationship: 'principal', givenNames: 'C', familyName: 'D', sex: 'male' },
          ],
        }),
        'persons',
      ],
      ['no persons', family({ persons: [] }), 'persons'],
      ['bad country', family({ returnCountry: 'Iraq' }), 'returnCountry'],
      ['bad return type', family({ returnType: 'deported' }), 'returnType'],
      ['bad date', family({ departureDeadline: '31/12/2026' }), 'departureDeadline'],
      [
        'bad sex',
        family({ persons: [{ relationship: 'principal', givenNames: 'A', familyName: 'B', sex: 'x' }] }),
        'persons.0.sex',
      ],
      [
        'huge name',
        family({
          persons: [
            { relationship: 'principal', givenNames: 'A'.repeat(5000), familyName: 'B', sex: 'male' },
          ],
        }),
        'persons.0.givenNames',
      ],
      ['unknown field', family({ organisationId: '7d4e4b1c-58a6-4c5c-9f1e-2f2b1c3d4e5f' }), ''],
      [
        'foreign counsellor',
        family({ counsellorId: '7d4e4b1c-58a6-4c5c-9f1e-2f2b1c3d4e5f' }),
        'counsellorId',
      ],
    ];
    for (const [name, payload, field] of bad) {
      it(name, async () => {
        const before = await caseCount();
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/cases',
          headers: a.session.write,
          payload: payload as object,
        });
        expect(res.statusCode).toBe(400);
        expect(res.headers['content-type']).toMatch(/problem\+json/);
        if (field)
          expect(res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toContain(field);
        expect(await caseCount()).toBe(before);
      });
    }

    it('a transition to an unknown stage → 400 naming to', async () => {
      const c = await createCase(a.session);
      const res = await move(a.session, c.id, 'teleported');
      expect(res.statusCode).toBe(400);
      expect(res.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('to');
    });

    it('a malformed If-Match → 400', async () => {
      const c = await createCase(a.session);
      const res = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/cases/${c.id}`,
        headers: { ...a.session.write, 'if-match': 'yesterday' },
        payload: { inDetention: true },
      });
      expect(res.statusCode).toBe(400);
      // A version beyond the integer range is refused up front, not by the database (no 500).
      const huge = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/cases/${c.id}`,
        headers: { ...a.session.write, 'if-match': '"99999999999"' },
        payload: { inDetention: true },
      });
      expect(huge.statusCode).toBe(400);
    });
  });
});
