import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createUser, login, orgWithUser, type Session } from '../helpers/factories.ts';

let t: TestApp;
let funderA: Awaited<ReturnType<typeof orgWithUser>>;
let funderB: Awaited<ReturnType<typeof orgWithUser>>;
let counsellor: Awaited<ReturnType<typeof orgWithUser>>;
let otherCounsellor: Awaited<ReturnType<typeof orgWithUser>>;
let partnerId: string;

const code = (base: string) => `${base}-${randomBytes(3).toString('hex')}`;

function definition(overrides: Record<string, unknown> = {}) {
  return {
    name: { en: 'Return start (test)', fr: 'Départ (test)' },
    summary: { en: 'Travel allowance and start-up help.' },
    validFrom: '2025-01-01',
    countriesOfReturn: ['GE', 'IQ'],
    nationalityGroups: [
      { code: 'G1', name: { en: 'Visa-free' }, countries: ['GE'] },
      { code: 'G2', name: { en: 'Group 2' }, countries: ['IQ'] },
    ],
    components: [
      {
        code: 'allowance',
        name: { en: 'Travel allowance' },
        stage: 'pre_departure',
        modality: 'cash',
        category: 'travel_allowance',
        currency: 'EUR',
        amount: { perAdult: 200, perMinor: 100 },
      },
      {
        code: 'start-up',
        name: { en: 'Start-up aid' },
        stage: 'post_arrival',
        modality: 'cash',
        category: 'business_start_up',
        currency: 'EUR',
        eligibility: { kind: 'fact', fact: 'nationalityGroup', op: 'in', value: ['G2'] },
        amount: { perAdult: 1000, perMinor: 500 },
      },
    ],
    ...overrides,
  };
}

const api = (
  s: Session | null,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
  headers = {},
) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...(s ? (method === 'GET' ? s.read : s.write) : {}), ...headers },
    ...(payload ? { payload } : {}),
  });

async function createProgramme(s: Session, body: object) {
  const res = await api(s, 'POST', '/programmes', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; code: string; version: number }>();
}

async function createCase(s: Session, returnCountry: string, persons: object[], legal: object = {}) {
  const res = await api(s, 'POST', '/cases', {
    hostCountry: 'DE',
    returnCountry,
    returnType: 'assisted_voluntary',
    ...legal,
    persons,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; persons: { id: string }[] }>().id;
}

const FAMILY_IQ = [
  {
    relationship: 'principal',
    givenNames: 'Ali',
    familyName: 'Hassan',
    sex: 'male',
    dateOfBirth: '1985-03-01',
    nationalities: ['IQ'],
  },
  {
    relationship: 'spouse',
    givenNames: 'Mona',
    familyName: 'Hassan',
    sex: 'female',
    dateOfBirth: '1988-07-12',
    nationalities: ['IQ'],
  },
  {
    relationship: 'child',
    givenNames: 'Sara',
    familyName: 'Hassan',
    sex: 'female',
    dateOfBirth: '2016-05-20',
    nationalities: ['IQ'],
  },
];

beforeAll(async () => {
  t = await createTestApp();
  funderA = await orgWithUser(t.app, t.ctx.db, ['programme_manager'], 'return_authority');
  funderB = await orgWithUser(t.app, t.ctx.db, ['programme_manager'], 'programme_office');
  counsellor = await orgWithUser(t.app, t.ctx.db, ['counsellor']);
  otherCounsellor = await orgWithUser(t.app, t.ctx.db, ['counsellor']);
  partnerId = (await orgWithUser(t.app, t.ctx.db, ['case_worker'], 'reintegration_partner')).org.id;
});
afterAll(() => t.close());

describe('programmes: ownership', () => {
  it('a programme manager of another organisation cannot see a draft, nor change a programme it does not own (404)', async () => {
    const p = await createProgramme(funderA.session, { code: code('OWN'), ...definition() });
    expect((await api(funderB.session, 'GET', `/programmes/${p.id}`)).statusCode).toBe(404);
    expect((await api(funderA.session, 'GET', `/programmes/${p.id}`)).statusCode).toBe(200);

    const published = await api(funderA.session, 'POST', `/programmes/${p.id}/status`, {
      status: 'published',
    });
    expect(published.statusCode, published.body).toBe(200);
    const seen = await api(funderB.session, 'GET', `/programmes/${p.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json<{ canManage: boolean }>().canManage).toBe(false);

    const attempts = [
      await api(funderB.session, 'PUT', `/programmes/${p.id}`, definition({ name: { en: 'Hijacked' } })),
      await api(funderB.session, 'POST', `/programmes/${p.id}/status`, { status: 'closed' }),
      await api(funderB.session, 'POST', `/programmes/${p.id}/components`, {
        code: 'extra',
        name: { en: 'Extra' },
        stage: 'reintegration',
        modality: 'in_kind',
        category: 'housing',
        currency: 'EUR',
        amount: { perHousehold: 10 },
      }),
      await api(funderB.session, 'DELETE', `/programmes/${p.id}/components/allowance`),
    ];
    for (const res of attempts) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const after = (await api(funderA.session, 'GET', `/programmes/${p.id}`)).json<{
      version: number;
      status: string;
      name: { en: string };
    }>();
    expect(after).toMatchObject({ version: 1, status: 'published', name: { en: 'Return start (test)' } });
  });

  it('a draft can be deleted by its funder only; a published programme cannot (409)', async () => {
    const draft = await createProgramme(funderA.session, { code: code('DEL'), ...definition() });
    expect((await api(funderB.session, 'DELETE', `/programmes/${draft.id}`)).statusCode).toBe(404);
    const gone = await api(funderA.session, 'DELETE', `/programmes/${draft.id}`);
    expect(gone.statusCode, gone.body).toBe(204);
    expect((await api(funderA.session, 'GET', `/programmes/${draft.id}`)).statusCode).toBe(404);
    const live = await createProgramme(funderA.session, {
      code: code('KEEP'),
      status: 'published',
      ...definition(),
    });
    const refused = await api(funderA.session, 'DELETE', `/programmes/${live.id}`);
    expect(refused.statusCode).toBe(409);
    expect((await api(funderA.session, 'GET', `/programmes/${live.id}`)).statusCode).toBe(200);
  });

  it('only programme managers create programmes; a counsellor gets 403', async () => {
    const res = await api(counsellor.session, 'POST', '/programmes', { code: code('NOPE'), ...definition() });
    expect(res.statusCode).toBe(403);
  });

  it('a second programme with the same code is refused (409)', async () => {
    const c = code('DUP');
    await createProgramme(funderA.session, { code: c, ...definition() });
    const res = await api(funderB.session, 'POST', '/programmes', { code: c, ...definition() });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('code');
  });
});

describe('programmes: invalid definitions are refused naming the path, and nothing is written', () => {
  const cases: Array<[string, Record<string, unknown>, number, string]> = [
    [
      'an unknown node kind',
      {
        eligibility: {
          kind: 'all',
          conditions: [{ kind: 'fact', fact: 'age', op: 'gte', value: 18 }, { kind: 'maybe' }],
        },
      },
      400,
      'eligibility.conditions.1.kind',
    ],
    [
      'an unknown fact',
      { eligibility: { kind: 'fact', fact: 'shoeSize', op: 'gte', value: 40 } },
      400,
      'eligibility.fact',
    ],
    [
      'an unknown field',
      { eligibility: { kind: 'fact', fact: 'age', op: 'gte', value: 18, weight: 2 } },
      400,
      'eligibility',
    ],
    [
      'an operator that does not fit the fact',
      {
        eligibility: {
          kind: 'any',
          conditions: [{ kind: 'fact', fact: 'nationality', op: 'gte', value: ['IQ'] }],
        },
      },
      422,
      'eligibility.conditions.0.op',
    ],
    [
      'an impossible condition',
      {
        eligibility: {
          kind: 'all',
          conditions: [
            { kind: 'fact', fact: 'age', op: 'gte', value: 60 },
            { kind: 'fact', fact: 'age', op: 'lt', value: 18 },
          ],
        },
      },
      422,
      'eligibility',
    ],
    [
      'an undefined nationality group',
      {
        eligibility: {
          kind: 'not',
          condition: { kind: 'fact', fact: 'nationalityGroup', op: 'in', value: ['G9'] },
        },
      },
      422,
      'eligibility.condition.value.0',
    ],
    [
      'a negative amount',
      {
        components: [
          {
            code: 'x',
            name: { en: 'X' },
            stage: 'reintegration',
            modality: 'cash',
            category: 'housing',
            currency: 'EUR',
            amount: { perAdult: -5 },
          },
        ],
      },
      400,
      'components.0.amount.perAdult',
    ],
    [
      'instalments that do not add up',
      {
        components: [
          {
            code: 'x',
            name: { en: 'X' },
            stage: 'reintegration',
            modality: 'cash',
            category: 'housing',
            currency: 'EUR',
            amount: { perHousehold: 900, instalments: [{ percent: 50, due: 'on_arrival' }] },
          },
        ],
      },
      422,
      'components.0.amount.instalments',
    ],
    ['a validity period that ends before it starts', { validTo: '2024-12-31' }, 422, 'validTo'],
    [
      'an interaction with a programme that does not exist',
      { interactions: [{ type: 'requires', programmeCode: 'NO-SUCH-PROGRAMME' }] },
      422,
      'interactions.0.programmeCode',
    ],
  ];
  for (const [what, overrides, status, path] of cases) {
    it(`${what} → ${status} naming ${path}`, async () => {
      const c = code('BAD');
      const res = await api(funderA.session, 'POST', '/programmes', { code: c, ...definition(overrides) });
      expect(res.statusCode, res.body).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toContain(path);
      const list = await api(funderA.session, 'GET', `/programmes?q=${c}`);
      expect(list.json<{ items: unknown[] }>().items).toHaveLength(0);
    });
  }

  it('an implementing organisation that does not exist is refused', async () => {
    const res = await api(funderA.session, 'POST', '/programmes', {
      code: code('ORG'),
      ...definition({ implementingOrganisationIds: [partnerId, '00000000-0000-4000-8000-000000000001'] }),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual([
      'implementingOrganisationIds.1',
    ]);
  });

  it('a body nested absurdly deep is a 400, not a crash', async () => {
    // Built as text: the test's own JSON.stringify would overflow on such a tree.
    const leaf = JSON.stringify({ kind: 'fact', fact: 'age', op: 'gte', value: 18 });
    const tree = '{"kind":"not","condition":'.repeat(20_000) + leaf + '}'.repeat(20_000);
    const body = JSON.stringify({ code: code('DEEP'), ...definition() }).replace(
      /}$/,
      `,"eligibility":${tree}}`,
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/programmes',
      headers: { ...funderA.session.write, 'content-type': 'application/json' },
      payload: body,
    });
    expect(res.statusCode).toBe(400);
  });

  it('a rule tree deeper than the limit but small enough to parse is refused with its path (422)', async () => {
    let tree: object = { kind: 'fact', fact: 'age', op: 'gte', value: 18 };
    for (let i = 0; i < 14; i++) tree = { kind: 'not', condition: tree };
    const res = await api(funderA.session, 'POST', '/programmes', {
      code: code('NEST'),
      ...definition({ eligibility: tree }),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ errors: { path: string; message: string }[] }>().errors[0]?.message).toMatch(
      /levels deep/,
    );
  });

  it('a new version of a published programme cannot overlap one already in force (422 naming effectiveFrom), and nothing changes', async () => {
    const p = await createProgramme(funderA.session, {
      code: code('VER'),
      status: 'published',
      ...definition(),
    });
    const res = await api(
      funderA.session,
      'PUT',
      `/programmes/${p.id}`,
      { ...definition({ name: { en: 'Changed' } }), effectiveFrom: '2025-06-01' },
      { 'if-match': '"1"' },
    );
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('effectiveFrom');
    const after = (await api(funderA.session, 'GET', `/programmes/${p.id}`)).json<{
      version: number;
      versions: unknown[];
    }>();
    expect(after.version).toBe(1);
    expect(after.versions).toHaveLength(1);
  });

  it('a stale If-Match gets 412 and nothing changes', async () => {
    const p = await createProgramme(funderA.session, { code: code('STALE'), ...definition() });
    const ok = await api(funderA.session, 'PUT', `/programmes/${p.id}`, definition({ name: { en: 'Two' } }), {
      'if-match': '"1"',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const stale = await api(
      funderA.session,
      'PUT',
      `/programmes/${p.id}`,
      definition({ name: { en: 'Three' } }),
      { 'if-match': '"1"' },
    );
    expect(stale.statusCode).toBe(412);
    const after = (await api(funderA.session, 'GET', `/programmes/${p.id}`)).json<{
      version: number;
      name: { en: string };
    }>();
    expect(after).toMatchObject({ version: 2, name: { en: 'Two' } });
  });
});

describe("the rule builder's preview", () => {
  it('answers a draft on sample households with its problems, and saves nothing', async () => {
    const body = {
      code: code('PRE'),
      definition: definition({
        eligibility: {
          kind: 'all',
          conditions: [
            { kind: 'fact', fact: 'householdSize', op: 'gte', value: 3 },
            { kind: 'fact', fact: 'age', op: 'lt', value: 18 },
            { kind: 'fact', fact: 'age', op: 'gte', value: 60 },
          ],
        },
      }),
    };
    const res = await api(funderA.session, 'POST', '/programmes/preview', body);
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json<{
      problems: { path: string }[];
      households: { returnCountry: string; status: string }[];
    }>();
    expect(preview.problems.map((p) => p.path)).toEqual(['eligibility']);
    expect(preview.households.length).toBeGreaterThan(0);
    expect(new Set(preview.households.map((h) => h.returnCountry))).toEqual(new Set(['GE', 'IQ']));
    expect(preview.households.every((h) => h.status === 'not_eligible')).toBe(true);

    const open = await api(funderA.session, 'POST', '/programmes/preview', {
      ...body,
      definition: definition(),
    });
    const statuses = open.json<{ households: { status: string }[] }>().households.map((h) => h.status);
    expect(statuses).toContain('eligible');
    const list = await api(funderA.session, 'GET', `/programmes?q=${body.code}`);
    expect(list.json<{ items: unknown[] }>().items).toHaveLength(0);
    expect((await api(counsellor.session, 'POST', '/programmes/preview', body)).statusCode).toBe(403);
  });
});

describe('programmes: components are versioned', () => {
  it('adding, replacing and removing a component each make a new version; the old ones stay readable', async () => {
    const p = await createProgramme(funderA.session, { code: code('COMP'), ...definition() });
    const added = await api(funderA.session, 'POST', `/programmes/${p.id}/components`, {
      code: 'housing',
      name: { en: 'Housing' },
      stage: 'reintegration',
      modality: 'in_kind',
      category: 'housing',
      currency: 'EUR',
      amount: { perHousehold: 1500, upTo: true },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json<{ version: number }>().version).toBe(2);
    const replaced = await api(funderA.session, 'PUT', `/programmes/${p.id}/components/housing`, {
      code: 'housing',
      name: { en: 'Housing' },
      stage: 'reintegration',
      modality: 'in_kind',
      category: 'housing',
      currency: 'EUR',
      amount: { perHousehold: 1800, upTo: true },
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    const removed = await api(funderA.session, 'DELETE', `/programmes/${p.id}/components/allowance`);
    expect(removed.statusCode, removed.body).toBe(200);
    const now = removed.json<{ version: number; definition: { components: { code: string }[] } }>();
    expect(now.version).toBe(4);
    expect(now.definition.components.map((c) => c.code)).toEqual(['start-up', 'housing']);
    const v1 = (await api(funderA.session, 'GET', `/programmes/${p.id}/versions/1`)).json<{
      definition: { components: { code: string }[] };
    }>();
    expect(v1.definition.components.map((c) => c.code)).toEqual(['allowance', 'start-up']);
    const missing = await api(funderA.session, 'DELETE', `/programmes/${p.id}/components/nothing`);
    expect(missing.statusCode).toBe(404);
  });
});

describe('eligibility and enrolment', () => {
  let programmeId: string;
  let programmeCode: string;
  let caseId: string;

  beforeAll(async () => {
    programmeCode = code('ELIG');
    const p = await createProgramme(funderA.session, {
      code: programmeCode,
      status: 'published',
      ...definition({ implementingOrganisationIds: [partnerId] }),
    });
    programmeId = p.id;
    caseId = await createCase(counsellor.session, 'IQ', FAMILY_IQ);
  });

  it('explains, per programme, why the household is eligible and what it gets', async () => {
    const res = await api(counsellor.session, 'GET', `/cases/${caseId}/eligibility`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{
      household: { adults: number; minors: number };
      programmes: Array<{
        code: string;
        status: string;
        reasons: { text: string; outcome: string }[];
        components: { code: string; amount: number; calculation: string[] }[];
        totals: { currency: string; amount: number }[];
      }>;
      package: { totals: { currency: string; amount: number }[]; programmeCodes: string[] };
    }>();
    expect(body.household).toMatchObject({ adults: 2, minors: 1 });
    const mine = body.programmes.find((p) => p.code === programmeCode)!;
    expect(mine.status).toBe('eligible');
    // 2 adults × 200 + 1 minor × 100 = 500; start-up for group 2: 2 × 1,000 + 1 × 500 = 2,500.
    expect(mine.components.map((c) => [c.code, c.amount])).toEqual([
      ['allowance', 500],
      ['start-up', 2500],
    ]);
    expect(mine.totals).toEqual([{ currency: 'EUR', amount: 3000 }]);
    expect(mine.components[0]!.calculation).toContain('2 adult(s) × 200 EUR = 400 EUR');
    expect(mine.reasons.map((r) => r.text)).toContain('It covers return to Iraq');
    expect(body.package.programmeCodes).toContain(programmeCode);
  });

  it('explains in the language asked for', async () => {
    const res = await api(counsellor.session, 'GET', `/cases/${caseId}/eligibility?lang=fr`);
    const mine = res
      .json<{ programmes: { code: string; name: string; reasons: { text: string }[] }[] }>()
      .programmes.find((p) => p.code === programmeCode)!;
    expect(mine.name).toBe('Départ (test)');
    expect(mine.reasons.map((r) => r.text)).toContain('Il couvre le retour vers : Irak');
  });

  it('enrolment freezes the explanation and amounts; a later change to the programme does not rewrite them', async () => {
    const enrolled = await api(counsellor.session, 'POST', `/cases/${caseId}/enrolments`, { programmeId });
    expect(enrolled.statusCode, enrolled.body).toBe(201);
    const snapshot = enrolled.json<{
      id: string;
      programmeVersion: number;
      totals: unknown;
      snapshot: unknown;
    }>();
    expect(snapshot.programmeVersion).toBe(1);
    expect(snapshot.totals).toEqual([{ currency: 'EUR', amount: 3000 }]);

    // The funder halves the allowance from today.
    const current = (await api(funderA.session, 'GET', `/programmes/${programmeId}`)).json<{
      definition: ReturnType<typeof definition>;
    }>();
    const changed = structuredClone(current.definition) as ReturnType<typeof definition> & {
      components: Array<{ amount: { perAdult?: number; perMinor?: number } }>;
    };
    changed.components[0]!.amount = { perAdult: 100, perMinor: 50 };
    const put = await api(funderA.session, 'PUT', `/programmes/${programmeId}`, changed, {
      'if-match': '"1"',
    });
    expect(put.statusCode, put.body).toBe(200);

    const now = (await api(counsellor.session, 'GET', `/cases/${caseId}/eligibility`)).json<{
      programmes: { code: string; version: number; totals: { amount: number }[] }[];
    }>();
    const live = now.programmes.find((p) => p.code === programmeCode)!;
    expect(live.version).toBe(2);
    expect(live.totals[0]!.amount).toBe(2750); // 2 × 100 + 1 × 50 + 2,500

    const list = (await api(counsellor.session, 'GET', `/cases/${caseId}/enrolments`)).json<{
      items: Array<{ id: string; programmeVersion: number; totals: unknown; snapshot: unknown }>;
    }>();
    const kept = list.items.find((e) => e.id === snapshot.id)!;
    expect(kept.programmeVersion).toBe(1);
    expect(kept.totals).toEqual([{ currency: 'EUR', amount: 3000 }]);
    expect(kept.snapshot).toEqual(snapshot.snapshot);

    const timeline = (await api(counsellor.session, 'GET', `/cases/${caseId}/timeline`)).json<{
      items: { type: string }[];
    }>();
    expect(timeline.items.map((e) => e.type)).toContain('programme.enrolled');
  });

  it('a second enrolment in the same programme is a conflict', async () => {
    const res = await api(counsellor.session, 'POST', `/cases/${caseId}/enrolments`, { programmeId });
    expect(res.statusCode).toBe(409);
  });

  it('a household that is not eligible is refused with the reasons, and nothing is recorded', async () => {
    const other = await createCase(counsellor.session, 'NG', [
      {
        relationship: 'principal',
        givenNames: 'Ada',
        familyName: 'Obi',
        sex: 'female',
        nationalities: ['NG'],
      },
    ]);
    const res = await api(counsellor.session, 'POST', `/cases/${other}/enrolments`, { programmeId });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ detail: string }>().detail).toContain('does not cover return to Nigeria');
    const list = (await api(counsellor.session, 'GET', `/cases/${other}/enrolments`)).json<{
      items: unknown[];
    }>();
    expect(list.items).toHaveLength(0);
  });

  it("another organisation's case is 404 for eligibility and enrolment", async () => {
    expect((await api(otherCounsellor.session, 'GET', `/cases/${caseId}/eligibility`)).statusCode).toBe(404);
    expect(
      (await api(otherCounsellor.session, 'POST', `/cases/${caseId}/enrolments`, { programmeId })).statusCode,
    ).toBe(404);
    expect((await api(otherCounsellor.session, 'GET', `/cases/${caseId}/enrolments`)).statusCode).toBe(404);
  });

  it('an unknown programme id is refused naming programmeId', async () => {
    const res = await api(counsellor.session, 'POST', `/cases/${caseId}/enrolments`, {
      programmeId: '00000000-0000-4000-8000-000000000009',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('programmeId');
  });

  it('vulnerabilities count only for readers of special-category data, and that read is audited', async () => {
    const topUpCode = code('VULN');
    await createProgramme(funderA.session, {
      code: topUpCode,
      status: 'published',
      ...definition({
        components: [
          {
            code: 'care',
            name: { en: 'Care' },
            stage: 'reintegration',
            modality: 'service',
            category: 'psychosocial',
            currency: 'EUR',
            eligibility: { kind: 'fact', fact: 'vulnerable', op: 'is', value: true },
            amount: { perHousehold: 400 },
          },
        ],
      }),
    });
    // A return authority, where counsellors and programme managers work side by side.
    const authority = await orgWithUser(t.app, t.ctx.db, ['counsellor'], 'return_authority');
    const vulnerableCase = await createCase(authority.session, 'GE', [
      {
        relationship: 'principal',
        givenNames: 'Nino',
        familyName: 'Beridze',
        sex: 'female',
        nationalities: ['GE'],
      },
    ]);
    const persons = (await api(authority.session, 'GET', `/cases/${vulnerableCase}`)).json<{
      persons: { id: string }[];
    }>();
    const v = await api(authority.session, 'POST', `/cases/${vulnerableCase}/vulnerabilities`, {
      personId: persons.persons[0]!.id,
      category: 'serious_illness',
    });
    expect(v.statusCode, v.body).toBe(201);
    const res = await api(authority.session, 'GET', `/cases/${vulnerableCase}/eligibility`);
    const care = res
      .json<{ programmes: { code: string; status: string }[] }>()
      .programmes.find((p) => p.code === topUpCode)!;
    expect(care.status).toBe('eligible');

    // A programme manager of the same organisation reads cases but not special-category data.
    const manager = await login(
      t.app,
      (await createUser(t.ctx.db, authority.org.id, ['programme_manager'])).email,
    );
    const blind = await api(manager, 'GET', `/cases/${vulnerableCase}/eligibility`);
    const careBlind = blind
      .json<{ programmes: { code: string; status: string }[] }>()
      .programmes.find((p) => p.code === topUpCode)!;
    expect(careBlind.status).toBe('to_check');

    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('target_id', '=', vulnerableCase)
      .where('action', '=', 'vulnerabilities.read')
      .execute();
    expect(audit.some((a) => (a.details as { purpose?: string }).purpose === 'eligibility')).toBe(true);
  });
});

describe('comparison and the public finder', () => {
  let compared: string;
  beforeAll(async () => {
    compared = code('CMP');
    await createProgramme(funderB.session, {
      code: compared,
      status: 'published',
      ...definition({
        countriesOfReturn: ['AM'],
        name: { en: 'Armenia in-kind (test)', ar: 'برنامج أرمينيا (اختبار)' },
        contact: { en: 'Call the return office', fa: 'با دفتر بازگشت تماس بگیرید' },
        components: [
          {
            code: 'in-kind',
            name: { en: 'In-kind support' },
            stage: 'reintegration',
            modality: 'in_kind',
            category: 'business_start_up',
            currency: 'EUR',
            amount: { perAdult: 2000, perMinor: 1000, upTo: true },
          },
        ],
      }),
    });
  });

  it('compares the packages for one country, for the reference household and for the one asked about', async () => {
    const res = await api(
      counsellor.session,
      'GET',
      '/programmes/compare?countryOfReturn=am&adults=2&minors=3',
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{
      referenceHousehold: { adults: number; minors: number };
      programmes: Array<{
        code: string;
        reference: { totals: { amount: number }[] };
        household: { totals: { amount: number }[] };
      }>;
    }>();
    expect(body.referenceHousehold).toMatchObject({ adults: 1, minors: 0 });
    const row = body.programmes.find((p) => p.code === compared)!;
    expect(row.reference.totals[0]!.amount).toBe(2000);
    expect(row.household.totals[0]!.amount).toBe(7000); // 2 × 2,000 + 3 × 1,000
    const plain = await api(counsellor.session, 'GET', '/programmes/compare?countryOfReturn=AM');
    expect(plain.json<{ household: unknown; referenceHousehold: { hostCountry: string } }>()).toMatchObject({
      household: null,
      referenceHousehold: { hostCountry: 'DE' },
    });
  });

  it('the finder answers without login, in the language asked for with English as fallback, and sets no cookie', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/public/programmes?countryOfReturn=AM&lang=ar&adults=1&minors=2',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
    const found = res.json<{
      programmes: Array<{ code: string; name: string; summary: string; totals: { amount: number }[] }>;
    }>();
    const p = found.programmes.find((x) => x.code === compared)!;
    expect(p.name).toBe('برنامج أرمينيا (اختبار)');
    expect(p.summary).toBe('Travel allowance and start-up help.');
    expect(p.totals[0]!.amount).toBe(4000);
    const fa = await t.app.inject({
      method: 'GET',
      url: '/api/v1/public/programmes?countryOfReturn=AM&lang=fa',
    });
    expect(
      fa
        .json<{ programmes: Array<{ code: string; contact: string }> }>()
        .programmes.find((x) => x.code === compared)?.contact,
    ).toBe('با دفتر بازگشت تماس بگیرید');
  });

  it('the finder takes the country the household lives in, for programmes that run in one country only', async () => {
    const hosted = code('HOST');
    await createProgramme(funderB.session, {
      code: hosted,
      status: 'published',
      ...definition({ countriesOfReturn: ['AM'], hostCountries: ['BE'] }),
    });
    const find = async (query: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/v1/public/programmes?countryOfReturn=AM${query}` }))
        .json<{ programmes: Array<{ code: string; status: string }> }>()
        .programmes.find((p) => p.code === hosted);
    expect((await find(''))?.status).toBe('to_check');
    expect((await find('&hostCountry=BE'))?.status).toBe('eligible');
    expect(await find('&hostCountry=DE')).toBeUndefined();
  });

  it('the finder refuses a bad query with a problem naming the field', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/public/programmes?countryOfReturn=Armenia',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('countryOfReturn');
  });
});
