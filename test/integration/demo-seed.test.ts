import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/db/seed/seed.ts';
import { seedDemoJourneys } from '../../src/db/seed/demo-journeys.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-world.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { login } from '../helpers/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.ctx.db, { cases: 21 });
});
afterAll(() => t.close());

describe('the demo world', () => {
  it('lets every demo account log in with the demo password', async () => {
    const users = await t.ctx.db.selectFrom('users').select('email').execute();
    expect(users.length).toBeGreaterThanOrEqual(20);
    for (const { email } of users) await expect(login(t.app, email, DEMO_PASSWORD)).resolves.toBeDefined();
  });

  it('spreads synthetic cases over the counselling organisations, each seeing only its own', async () => {
    const lumen = await login(t.app, 'counsellor@lumen-counselling.example', DEMO_PASSWORD);
    const passerelle = await login(t.app, 'counsellor@passerelle-conseil.example', DEMO_PASSWORD);
    const list = async (s: typeof lumen) =>
      (await t.app.inject({ method: 'GET', url: '/api/v1/cases?limit=200', headers: s.read })).json<{
        items: { id: string; principalName: string }[];
        total: number;
      }>();
    const a = await list(lumen);
    const b = await list(passerelle);
    expect(a.total + b.total).toBe(21);
    expect(a.total).toBe(11);
    expect(a.items.map((i) => i.id).filter((id) => b.items.some((x) => x.id === id))).toEqual([]);
    // A seeded principal is found by the name it was registered under.
    const name = a.items[0]!.principalName;
    const found = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cases?q=${encodeURIComponent(name)}`,
      headers: lumen.read,
    });
    expect(found.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toContain(a.items[0]!.id);
  });

  it('seeds the demo catalogue once, and demo cases have programmes they are eligible for', async () => {
    const counts = await t.ctx.db
      .selectFrom('programmes')
      .select(['status', t.ctx.db.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
    const published = Number(counts.find((c) => c.status === 'published')?.n ?? 0);
    expect(published).toBeGreaterThanOrEqual(8);
    const before = counts.reduce((s, c) => s + Number(c.n), 0);
    await seedDemo(t.ctx.db);
    const after = await t.ctx.db
      .selectFrom('programmes')
      .select(t.ctx.db.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(before);

    const lumen = await login(t.app, 'counsellor@lumen-counselling.example', DEMO_PASSWORD);
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/v1/cases?limit=200', headers: lumen.read })
    ).json<{
      items: { id: string }[];
    }>();
    let withEligible = 0;
    for (const c of list.items) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/cases/${c.id}/eligibility`,
        headers: lumen.read,
      });
      expect(res.statusCode).toBe(200);
      const programmes = res.json<{ programmes: { status: string }[] }>().programmes;
      if (programmes.some((p) => p.status === 'eligible')) withEligible += 1;
    }
    expect(withEligible).toBeGreaterThan(list.items.length / 2);
  });
});

describe('demo returns on their way across organisations', () => {
  let d: TestApp;
  beforeAll(async () => {
    d = await createTestApp();
    await seedDemo(d.ctx.db, { cases: 60 });
  });
  afterAll(() => d.close());

  it('give the coordinator, the partner case worker and the counsellor work on their first sign-in', async () => {
    expect(await seedDemoJourneys(d.ctx)).toBe(3);
    const queues = async (email: string) => {
      const s = await login(d.app, email, DEMO_PASSWORD);
      const res = await d.app.inject({ method: 'GET', url: '/api/v1/work-queues', headers: s.read });
      expect(res.statusCode, res.body).toBe(200);
      return Object.fromEntries(
        res.json<{ queues: { key: string; total: number }[] }>().queues.map((q) => [q.key, q.total]),
      );
    };
    expect((await queues('coordinator@nordmark-return-office.example')).applications_to_validate).toBe(1);
    const partner = await queues('caseworker@tigris-reintegration.example');
    expect(partner.referrals_to_answer).toBe(1);
    expect(partner.plans_to_write).toBe(1);
    // Every step went through the workflow: the arrived case's history has each move.
    const arrived = await d.ctx.db
      .selectFrom('cases')
      .select('id')
      .where('stage', '=', 'arrived')
      .where('partner_organisation_id', 'is not', null)
      .executeTakeFirstOrThrow();
    const moves = await d.ctx.db
      .selectFrom('case_events')
      .select('to_stage')
      .where('case_id', '=', arrived.id)
      .where('type', '=', 'case.transition')
      .orderBy('id')
      .execute();
    expect(moves.map((m) => m.to_stage).slice(-5)).toEqual([
      'submitted',
      'validated',
      'pre_departure',
      'departed',
      'arrived',
    ]);
  });
});
