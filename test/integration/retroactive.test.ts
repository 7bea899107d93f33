import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createOrg, createUser, login, orgWithUser, type Session } from '../helpers/factories.ts';
import {
  apiOf,
  createWorld,
  ok,
  planLine,
  publishProgramme,
  submittedCase,
  uniquePrincipal,
  type World,
} from '../helpers/journey.ts';

let t: TestApp;
let w: World;
let programmeId: string;
let api: ReturnType<typeof apiOf>;

beforeAll(async () => {
  t = await createTestApp();
  api = apiOf(t);
  w = await createWorld(t);
  programmeId = (await publishProgramme(t, w.authority.manager)).id;
});
afterAll(() => t.close());

function daysAgo(n: number): string {
  return new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
}

function body(overrides: Record<string, unknown> = {}) {
  return {
    hostCountry: 'DE',
    returnCountry: 'IQ',
    returnType: 'assisted_voluntary',
    persons: [uniquePrincipal()],
    fundingOrganisationId: w.authority.id,
    departedOn: daysAgo(20),
    arrivedOn: daysAgo(19),
    ...overrides,
  };
}

interface Shared {
  id: string;
  reference: string;
  stage: string;
  relation: string;
  retroactive: boolean;
  retroactiveStatus: string | null;
  allowedActions: string[];
  owner: { id: string };
  funder: { id: string; name: string };
  partner: { id: string } | null;
  departedOn: string | null;
  arrivedOn: string | null;
  enrolments: { programmeCode: string }[];
  timeline: { type: string; reasonCode: string | null; comment: string | null }[];
  version: number;
}

async function register(overrides: Record<string, unknown> = {}, s: Session = w.partner.caseWorker) {
  return ok<Shared>(await api(s, 'POST', '/retroactive-cases', body(overrides)), 201);
}

async function events(caseId: string) {
  return t.ctx.db
    .selectFrom('case_events')
    .select(['type', 'to_stage', 'reason_code', 'comment'])
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
}

async function countCases() {
  const r = await t.ctx.db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function notificationsOf(s: Session) {
  return ok<{ items: { type: string; caseId: string | null; params: Record<string, unknown> }[] }>(
    await api(s, 'GET', '/notifications?limit=200'),
  ).items;
}

/** The partner writes, submits and validates a plan of one line of the case's enrolment. */
async function validatedPlan(caseId: string) {
  const enrolments = ok<{ items: { id: string }[] }>(
    await api(w.partner.caseWorker, 'GET', `/cases/${caseId}/enrolments`),
  );
  ok(
    await api(w.partner.caseWorker, 'PUT', `/cases/${caseId}/plan`, {
      needs: { economic: { level: 'high' } },
      lines: [planLine(enrolments.items[0]!.id, 800)],
    }),
  );
  ok(await api(w.partner.caseWorker, 'POST', `/cases/${caseId}/plan/submit`));
  ok(await api(w.partner.coordinator, 'POST', `/cases/${caseId}/plan/validate`));
}

describe('registering a household after its return', () => {
  it('creates the partner’s own case at arrived, pending the funder, enrolled, without the gates before departure', async () => {
    const c = await register({ programmeId });
    expect(c).toMatchObject({
      relation: 'owner',
      stage: 'arrived',
      retroactive: true,
      retroactiveStatus: 'pending',
      owner: { id: w.partner.id },
      funder: { id: w.authority.id },
      partner: { id: w.partner.id },
      departedOn: daysAgo(20),
      arrivedOn: daysAgo(19),
    });
    expect(c.enrolments).toHaveLength(1);
    const row = await t.ctx.db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row.organisation_id).toBe(w.partner.id);
    expect(row.partner_organisation_id).toBe(w.partner.id);
    expect(row.funding_organisation_id).toBe(w.authority.id);
    expect(row.first_submitted_at).not.toBeNull();
    // Inserted at arrived: no transition through counselling, application, validation or departure.
    const evs = await events(c.id);
    expect(evs.map((e) => e.type)).toEqual(['case.created', 'retroactive.registered', 'programme.enrolled']);
    expect(evs[0]!.to_stage).toBe('arrived');
    expect(evs.some((e) => e.type === 'case.transition')).toBe(false);
    expect(await t.ctx.db.selectFrom('referrals').select('id').where('case_id', '=', c.id).execute()).toEqual(
      [],
    );
  });

  it('the funder sees the case as funder at once and is notified in the tool', async () => {
    const c = await register();
    const seen = ok<Shared>(await api(w.authority.coordinator, 'GET', `/cases/${c.id}/shared`));
    expect(seen).toMatchObject({ relation: 'funder', retroactive: true, retroactiveStatus: 'pending' });
    // The funder's screen offers the decision; the partner's does not.
    expect(seen.allowedActions).toContain('decide_retroactive');
    const own = ok<Shared>(await api(w.partner.caseWorker, 'GET', `/cases/${c.id}/shared`));
    expect(own.allowedActions).not.toContain('decide_retroactive');
    const notices = await notificationsOf(w.authority.coordinator);
    const notice = notices.find((n) => n.caseId === c.id);
    expect(notice).toMatchObject({
      type: 'retroactive.registered',
      params: { reference: c.reference, organisation: w.partner.name },
    });
    // Only the users who decide: the programme manager holds no cases:validate.
    expect((await notificationsOf(w.authority.manager)).some((n) => n.caseId === c.id)).toBe(false);
  });

  it('lists retroactive cases for the partner that registered them and the funder asked, by status', async () => {
    const c = await register();
    type Row = {
      id: string;
      reference: string;
      stage: string;
      returnCountry: string;
      retroactiveStatus: string;
      registeredAt: string;
      funder: { id: string; name: string };
      partner: { id: string; name: string };
      arrivedOn: string;
    };
    for (const s of [w.partner.caseWorker, w.authority.coordinator]) {
      const list = ok<{ items: Row[]; total: number }>(
        await api(s, 'GET', '/retroactive-cases?status=pending&limit=200'),
      );
      expect(list.items.find((r) => r.id === c.id)).toMatchObject({
        reference: c.reference,
        stage: 'arrived',
        returnCountry: 'IQ',
        retroactiveStatus: 'pending',
        funder: { id: w.authority.id, name: w.authority.name },
        partner: { id: w.partner.id, name: w.partner.name },
        arrivedOn: daysAgo(19),
      });
      expect(list.items.every((r) => r.retroactiveStatus === 'pending')).toBe(true);
      const accepted = ok<{ items: Row[] }>(await api(s, 'GET', '/retroactive-cases?status=accepted'));
      expect(accepted.items.some((r) => r.id === c.id)).toBe(false);
    }
    for (const s of [w.stranger.coordinator, w.stranger.caseWorker, w.counselling.counsellor]) {
      const list = ok<{ items: Row[] }>(await api(s, 'GET', '/retroactive-cases?limit=200'));
      expect(list.items.some((r) => r.id === c.id)).toBe(false);
    }
    const bad = await api(w.partner.caseWorker, 'GET', '/retroactive-cases?status=rejected');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: { path: string }[] }>().errors[0]!.path).toBe('status');
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = await countCases();
    const counselling = await createOrg(t.ctx.db, 'counselling_provider');
    const inactive = await createOrg(t.ctx.db, 'return_authority');
    await t.ctx.db
      .updateTable('organisations')
      .set({ active: false })
      .where('id', '=', inactive.id)
      .execute();
    const otherProgramme = (
      await publishProgramme(
        t,
        await login(t.app, (await createUser(t.ctx.db, w.stranger.id, ['programme_manager'])).email),
      )
    ).id;
    const cases: [Record<string, unknown>, number, string][] = [
      [{ fundingOrganisationId: w.partner.id }, 422, 'fundingOrganisationId'],
      [{ fundingOrganisationId: counselling.id }, 422, 'fundingOrganisationId'],
      [{ fundingOrganisationId: inactive.id }, 422, 'fundingOrganisationId'],
      [{ fundingOrganisationId: '00000000-0000-4000-8000-000000000000' }, 422, 'fundingOrganisationId'],
      [{ fundingOrganisationId: 'not-an-id' }, 400, 'fundingOrganisationId'],
      [{ departedOn: daysAgo(-3), arrivedOn: daysAgo(-2) }, 422, 'departedOn'],
      [{ departedOn: daysAgo(3), arrivedOn: daysAgo(-1) }, 422, 'arrivedOn'],
      [{ departedOn: daysAgo(3), arrivedOn: daysAgo(4) }, 422, 'arrivedOn'],
      [{ arrivedOn: '2026-02-30' }, 400, 'arrivedOn'],
      [{ departedOn: undefined }, 400, 'departedOn'],
      [{ persons: [] }, 400, 'persons'],
      [{ persons: [{ ...uniquePrincipal(), relationship: 'spouse' }] }, 400, 'persons'],
      [{ programmeId: otherProgramme }, 422, 'programmeId'],
      [{ programmeId: '00000000-0000-4000-8000-000000000000' }, 422, 'programmeId'],
      [{ returnCountry: 'Iraq' }, 400, 'returnCountry'],
      [{ counsellorId: '00000000-0000-4000-8000-000000000000' }, 400, ''],
    ];
    for (const [overrides, status, path] of cases) {
      const res = await api(w.partner.caseWorker, 'POST', '/retroactive-cases', body(overrides));
      expect(res.statusCode, JSON.stringify(overrides)).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const paths = res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path);
      expect(paths, JSON.stringify(overrides)).toContain(path);
    }
    expect(await countCases()).toBe(before);
  });

  it('is for reintegration partners only', async () => {
    const before = await countCases();
    for (const s of [w.counselling.counsellor, w.authority.coordinator, w.origin.officer]) {
      expect((await api(s, 'POST', '/retroactive-cases', body())).statusCode).toBe(403);
    }
    const analyst = await login(t.app, (await createUser(t.ctx.db, w.partner.id, ['analyst'])).email);
    expect((await api(analyst, 'POST', '/retroactive-cases', body())).statusCode).toBe(403);
    expect((await api(null, 'POST', '/retroactive-cases', body())).statusCode).toBe(401);
    expect(await countCases()).toBe(before);
    // The partner coordinator may register too (referrals:respond).
    await register({}, w.partner.coordinator);
  });
});

describe('the funding authority’s decision', () => {
  it('refuses plan approval while pending (409) and allows it once accepted', async () => {
    const c = await register({ programmeId });
    await validatedPlan(c.id);
    const refused = await api(w.authority.coordinator, 'POST', `/cases/${c.id}/plan/approve`);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json<{ detail: string }>().detail).toContain('after the return');

    // The partner cannot decide on its own funding; the funder's programme manager lacks cases:validate.
    for (const s of [w.partner.caseWorker, w.partner.coordinator, w.authority.manager]) {
      expect(
        (await api(s, 'POST', `/cases/${c.id}/retroactive-decision`, { decision: 'accept' })).statusCode,
      ).toBe(403);
    }
    const accepted = ok<Shared>(
      await api(w.authority.coordinator, 'POST', `/cases/${c.id}/retroactive-decision`, {
        decision: 'accept',
        comment: 'Covered by the national programme',
      }),
    );
    expect(accepted).toMatchObject({
      relation: 'funder',
      retroactiveStatus: 'accepted',
      stage: 'plan_submitted',
    });
    expect(accepted.timeline.find((e) => e.type === 'retroactive.decided')).toMatchObject({
      reasonCode: null,
      comment: 'Covered by the national programme',
    });
    const notices = await notificationsOf(w.partner.caseWorker);
    expect(notices.find((n) => n.caseId === c.id && n.type === 'retroactive.accepted')).toBeDefined();

    ok(await api(w.authority.coordinator, 'POST', `/cases/${c.id}/plan/approve`));
    const after = ok<Shared>(await api(w.partner.caseWorker, 'GET', `/cases/${c.id}/shared`));
    expect(after.stage).toBe('plan_approved');
  });

  it('records a decline with its reason and comment, leaves the stage, and blocks the plan for good', async () => {
    const c = await register({ programmeId });
    const url = `/cases/${c.id}/retroactive-decision`;
    const refusals: [Record<string, unknown>, number, string][] = [
      [{ decision: 'decline' }, 422, 'reasonCode'],
      [{ decision: 'decline', reasonCode: 'other' }, 422, 'comment'],
      [{ decision: 'decline', reasonCode: 'partner_declined' }, 400, 'reasonCode'],
      [{ decision: 'accept', reasonCode: 'no_funds' }, 422, 'reasonCode'],
      [{ decision: 'reject', reasonCode: 'no_funds' }, 400, 'decision'],
    ];
    for (const [b, status, path] of refusals) {
      const res = await api(w.authority.coordinator, 'POST', url, b);
      expect(res.statusCode, JSON.stringify(b)).toBe(status);
      expect(res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toContain(path);
    }
    expect(
      ok<Shared>(await api(w.partner.caseWorker, 'GET', `/cases/${c.id}/shared`)).retroactiveStatus,
    ).toBe('pending');

    const declined = ok<Shared>(
      await api(w.authority.coordinator, 'POST', url, {
        decision: 'decline',
        reasonCode: 'no_funds',
        comment: 'The 2026 budget line for retroactive cases is spent',
      }),
    );
    expect(declined).toMatchObject({ retroactiveStatus: 'declined', stage: 'arrived' });
    const decided = (await events(c.id)).filter((e) => e.type === 'retroactive.decided');
    expect(decided).toEqual([
      {
        type: 'retroactive.decided',
        to_stage: null,
        reason_code: 'no_funds',
        comment: 'The 2026 budget line for retroactive cases is spent',
      },
    ]);
    const partnerView = ok<Shared>(await api(w.partner.caseWorker, 'GET', `/cases/${c.id}/shared`));
    expect(partnerView.timeline.find((e) => e.type === 'retroactive.decided')).toMatchObject({
      reasonCode: 'no_funds',
    });
    const notices = await notificationsOf(w.partner.caseWorker);
    expect(notices.find((n) => n.caseId === c.id && n.type === 'retroactive.declined')).toMatchObject({
      params: { reference: c.reference, reason: 'no_funds' },
    });
    // A decision is final.
    expect((await api(w.authority.coordinator, 'POST', url, { decision: 'accept' })).statusCode).toBe(409);
    // The plan can still be written and validated, never approved.
    await validatedPlan(c.id);
    const refused = await api(w.authority.coordinator, 'POST', `/cases/${c.id}/plan/approve`);
    expect(refused.statusCode).toBe(409);
    const listed = ok<{ items: { id: string }[] }>(
      await api(w.authority.coordinator, 'GET', '/retroactive-cases?status=declined&limit=200'),
    );
    expect(listed.items.map((r) => r.id)).toContain(c.id);
  });

  it('never decides by itself: a case registered long ago is still pending', async () => {
    const c = await register({ departedOn: daysAgo(800), arrivedOn: daysAgo(790) });
    const yearAgo = new Date(Date.now() - 400 * 86_400_000);
    await sql`UPDATE cases SET created_at = ${yearAgo}, first_submitted_at = ${yearAgo} WHERE id = ${c.id}`.execute(
      t.ctx.db,
    );
    for (const s of [w.authority.coordinator, w.partner.caseWorker]) {
      const list = ok<{ items: { id: string; retroactiveStatus: string }[] }>(
        await api(s, 'GET', '/retroactive-cases?status=pending&limit=200'),
      );
      expect(list.items.find((r) => r.id === c.id)?.retroactiveStatus).toBe('pending');
    }
    const seen = ok<Shared>(await api(w.authority.coordinator, 'GET', `/cases/${c.id}/shared`));
    expect(seen).toMatchObject({ retroactiveStatus: 'pending', stage: 'arrived' });
    expect((await events(c.id)).map((e) => e.type)).toEqual(['case.created', 'retroactive.registered']);
  });

  it('is 404 for organisations the case is not shared with, and 409 on a case that is not retroactive', async () => {
    const c = await register();
    const other = await orgWithUser(t.app, t.ctx.db, ['coordinator'], 'programme_office');
    for (const s of [
      w.stranger.coordinator,
      w.stranger.caseWorker,
      other.session,
      w.counselling.counsellor,
    ]) {
      expect((await api(s, 'GET', `/cases/${c.id}/shared`)).statusCode).toBe(404);
      expect(
        (await api(s, 'POST', `/cases/${c.id}/retroactive-decision`, { decision: 'accept' })).statusCode,
      ).toBe(404);
    }
    expect(
      (
        await api(
          w.authority.coordinator,
          'POST',
          '/cases/00000000-0000-4000-8000-000000000000/retroactive-decision',
          {
            decision: 'accept',
          },
        )
      ).statusCode,
    ).toBe(404);
    const ordinary = await submittedCase(t, w, programmeId);
    const res = await api(w.authority.coordinator, 'POST', `/cases/${ordinary.caseId}/retroactive-decision`, {
      decision: 'accept',
    });
    expect(res.statusCode).toBe(409);
    // A funder asked by another partner's case does not see this one either.
    const list = ok<{ items: { id: string }[] }>(await api(other.session, 'GET', '/retroactive-cases'));
    expect(list.items).toEqual([]);
  });
});
