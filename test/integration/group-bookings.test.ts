import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createUser, login, orgWithUser, type Session } from '../helpers/factories.ts';
import {
  apiOf,
  createWorld,
  ok,
  planLine,
  publishProgramme,
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

interface Place {
  placeNumber: number;
  status: string;
  caseId?: string;
  caseReference?: string;
  convertedAt?: string;
}

interface Booking {
  id: string;
  operationReference: string;
  operationDate: string;
  places: number;
  converted: number;
  open: number;
  status: string;
  authority: { id: string; name: string };
  partner: { id: string; name: string };
  programme: { id: string; code: string } | null;
  placeList: Place[];
}

interface Shared {
  id: string;
  reference: string;
  stage: string;
  relation: string;
  retroactive: boolean;
  retroactiveStatus: string | null;
  owner: { id: string };
  funder: { id: string };
  partner: { id: string } | null;
  departedOn: string | null;
  arrivedOn: string | null;
  householdSize: number;
  enrolments: unknown[];
}

function announcement(overrides: Record<string, unknown> = {}) {
  return {
    partnerOrganisationId: w.partner.id,
    operationReference: 'CHARTER DE-IQ 2026/07',
    operationDate: daysAgo(2),
    returnCountry: 'IQ',
    hostCountry: 'DE',
    places: 5,
    notes: 'Leipzig – Erbil, arrival 14:00 local time',
    ...overrides,
  };
}

async function announce(overrides: Record<string, unknown> = {}, s: Session = w.authority.coordinator) {
  return ok<Booking>(await api(s, 'POST', '/group-bookings', announcement(overrides)), 201);
}

function household(extra: object[] = []) {
  return { persons: [uniquePrincipal(), ...extra] };
}

async function count(table: 'persons' | 'cases' | 'group_booking_places') {
  const r = await t.ctx.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

function convert(bookingId: string, place: number, b: object, s: Session = w.partner.caseWorker) {
  return api(s, 'POST', `/group-bookings/${bookingId}/places/${place}/convert`, b);
}

async function notificationsOf(s: Session) {
  return ok<{ items: { type: string; caseId: string | null; params: Record<string, unknown> }[] }>(
    await api(s, 'GET', '/notifications?limit=200'),
  ).items;
}

describe('announcing a group return', () => {
  it('creates N empty places and no person, and notifies the partner', async () => {
    const persons = await count('persons');
    const cases = await count('cases');
    const b = await announce({ programmeId });
    expect(b).toMatchObject({
      places: 5,
      converted: 0,
      open: 5,
      status: 'announced',
      authority: { id: w.authority.id, name: w.authority.name },
      partner: { id: w.partner.id, name: w.partner.name },
      programme: { id: programmeId },
    });
    // An empty place is a number and nothing more.
    expect(b.placeList).toEqual([1, 2, 3, 4, 5].map((n) => ({ placeNumber: n, status: 'open' })));
    expect(await count('persons')).toBe(persons);
    expect(await count('cases')).toBe(cases);
    const notice = (await notificationsOf(w.partner.caseWorker)).find(
      (n) => n.type === 'group_booking.announced' && n.params.date === b.operationDate,
    );
    expect(notice).toMatchObject({
      caseId: null,
      params: { count: 5, date: b.operationDate, organisation: w.authority.name },
    });
  });

  it('is seen by its authority and its partner only', async () => {
    const b = await announce();
    for (const s of [w.authority.coordinator, w.partner.caseWorker, w.partner.coordinator]) {
      expect(ok<Booking>(await api(s, 'GET', `/group-bookings/${b.id}`)).id).toBe(b.id);
      const list = ok<{ items: Booking[] }>(await api(s, 'GET', '/group-bookings?limit=200'));
      expect(list.items.map((x) => x.id)).toContain(b.id);
    }
    const other = await orgWithUser(t.app, t.ctx.db, ['case_worker'], 'reintegration_partner');
    for (const s of [
      w.stranger.coordinator,
      w.stranger.caseWorker,
      w.counselling.counsellor,
      other.session,
    ]) {
      expect((await api(s, 'GET', `/group-bookings/${b.id}`)).statusCode).toBe(404);
      expect((await api(s, 'POST', `/group-bookings/${b.id}/cancel`)).statusCode).toBe(404);
      expect((await convert(b.id, 1, household(), s)).statusCode).toBe(404);
      const list = ok<{ items: Booking[] }>(await api(s, 'GET', '/group-bookings?limit=200'));
      expect(list.items.map((x) => x.id)).not.toContain(b.id);
    }
    expect(
      (await api(w.authority.coordinator, 'GET', '/group-bookings/00000000-0000-4000-8000-000000000000'))
        .statusCode,
    ).toBe(404);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const places = await count('group_booking_places');
    const strangerManager = await login(
      t.app,
      (await createUser(t.ctx.db, w.stranger.id, ['programme_manager'])).email,
    );
    const foreign = (await publishProgramme(t, strangerManager)).id;
    const cases: [Record<string, unknown>, number, string][] = [
      [{ places: 0 }, 400, 'places'],
      [{ places: 501 }, 400, 'places'],
      [{ places: 2.5 }, 400, 'places'],
      [{ operationReference: ' ' }, 400, 'operationReference'],
      [{ operationDate: '2026-13-01' }, 400, 'operationDate'],
      [{ returnCountry: 'IRQ' }, 400, 'returnCountry'],
      [{ partnerOrganisationId: w.authority.id }, 422, 'partnerOrganisationId'],
      [{ partnerOrganisationId: w.counselling.id }, 422, 'partnerOrganisationId'],
      [{ partnerOrganisationId: '00000000-0000-4000-8000-000000000000' }, 422, 'partnerOrganisationId'],
      [{ programmeId: foreign }, 422, 'programmeId'],
      [{ programmeId, returnCountry: 'SN' }, 422, 'programmeId'],
      [{ persons: [] }, 400, ''],
    ];
    for (const [overrides, status, path] of cases) {
      const res = await api(w.authority.coordinator, 'POST', '/group-bookings', announcement(overrides));
      expect(res.statusCode, JSON.stringify(overrides)).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toContain(path);
    }
    expect(await count('group_booking_places')).toBe(places);
  });

  it('is announced by an authority or programme office only', async () => {
    for (const s of [w.partner.caseWorker, w.counselling.counsellor, w.authority.manager, w.origin.officer]) {
      expect((await api(s, 'POST', '/group-bookings', announcement())).statusCode).toBe(403);
    }
    const office = await orgWithUser(t.app, t.ctx.db, ['coordinator'], 'programme_office');
    await announce({}, office.session);
  });
});

describe('converting places into real cases', () => {
  it('creates one case per place, owned by the partner, funded and accepted by the authority', async () => {
    const b = await announce({ programmeId });
    const persons = await count('persons');
    const child = {
      relationship: 'child',
      givenNames: 'Sara',
      familyName: 'Abdulrahman',
      sex: 'female',
      dateOfBirth: '2016-05-01',
    };
    const departed = ok<Shared>(await convert(b.id, 1, household([child])), 201);
    expect(departed).toMatchObject({
      relation: 'owner',
      stage: 'departed',
      retroactive: true,
      retroactiveStatus: 'accepted',
      owner: { id: w.partner.id },
      partner: { id: w.partner.id },
      funder: { id: w.authority.id },
      departedOn: b.operationDate,
      arrivedOn: null,
      householdSize: 2,
    });
    expect(departed.enrolments).toHaveLength(1);
    expect(await count('persons')).toBe(persons + 2);

    const arrived = ok<Shared>(await convert(b.id, 4, { ...household(), arrivedOn: daysAgo(1) }), 201);
    expect(arrived).toMatchObject({ stage: 'arrived', arrivedOn: daysAgo(1), departedOn: b.operationDate });

    const now = ok<Booking>(await api(w.authority.coordinator, 'GET', `/group-bookings/${b.id}`));
    expect(now).toMatchObject({ converted: 2, open: 3 });
    expect(now.placeList[0]).toMatchObject({
      placeNumber: 1,
      status: 'converted',
      caseId: departed.id,
      caseReference: departed.reference,
    });
    expect(now.placeList[3]).toMatchObject({
      placeNumber: 4,
      caseId: arrived.id,
      caseReference: arrived.reference,
    });
    expect(now.placeList[1]).toEqual({ placeNumber: 2, status: 'open' });

    // The authority funds the case: it sees it as funder and hears of it.
    expect(
      ok<Shared>(await api(w.authority.coordinator, 'GET', `/cases/${departed.id}/shared`)).relation,
    ).toBe('funder');
    const notices = await notificationsOf(w.authority.coordinator);
    expect(notices.find((n) => n.caseId === departed.id)).toMatchObject({
      type: 'departure.confirmed',
      params: { reference: departed.reference, date: b.operationDate },
    });
    expect(notices.find((n) => n.caseId === arrived.id)).toMatchObject({
      type: 'arrival.confirmed',
      params: { reference: arrived.reference, date: daysAgo(1) },
    });

    // The journey goes on as any case: the partner confirms arrival, and accepted funding lets the plan pass.
    ok(await api(w.partner.caseWorker, 'POST', `/cases/${departed.id}/arrival`, { arrivedOn: daysAgo(1) }));
    const enrolments = ok<{ items: { id: string }[] }>(
      await api(w.partner.caseWorker, 'GET', `/cases/${departed.id}/enrolments`),
    );
    ok(
      await api(w.partner.caseWorker, 'PUT', `/cases/${departed.id}/plan`, {
        needs: { economic: { level: 'high' } },
        lines: [planLine(enrolments.items[0]!.id, 500)],
      }),
    );
    ok(await api(w.partner.caseWorker, 'POST', `/cases/${departed.id}/plan/submit`));
    ok(await api(w.partner.coordinator, 'POST', `/cases/${departed.id}/plan/validate`));
    ok(await api(w.authority.coordinator, 'POST', `/cases/${departed.id}/plan/approve`));

    const listed = ok<{ items: { id: string; retroactiveStatus: string }[] }>(
      await api(w.partner.caseWorker, 'GET', '/retroactive-cases?status=accepted&limit=200'),
    );
    expect(listed.items.map((r) => r.id)).toEqual(expect.arrayContaining([departed.id, arrived.id]));
  });

  it('converts a place once: a second conversion, even concurrent, is refused and writes nothing', async () => {
    const b = await announce({ places: 3 });
    const first = ok<Shared>(await convert(b.id, 1, household()), 201);
    const cases = await count('cases');
    const persons = await count('persons');
    const again = await convert(b.id, 1, household());
    expect(again.statusCode).toBe(409);
    expect(again.json<{ caseId: string }>().caseId).toBe(first.id);
    expect(await count('cases')).toBe(cases);
    expect(await count('persons')).toBe(persons);

    const results = await Promise.all([1, 2, 3].map(() => convert(b.id, 2, household())));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect(await count('cases')).toBe(cases + 1);
    expect(await count('persons')).toBe(persons + 1);
    const places = await t.ctx.db
      .selectFrom('group_booking_places')
      .select(['place_number', 'case_id'])
      .where('booking_id', '=', b.id)
      .orderBy('place_number')
      .execute();
    expect(places.map((p) => p.case_id !== null)).toEqual([true, true, false]);
    const created = results.find((r) => r.statusCode === 201)!.json<Shared>();
    expect(places[1]!.case_id).toBe(created.id);
    const events = await t.ctx.db
      .selectFrom('case_events')
      .select('case_id')
      .where('type', '=', 'group_booking.converted')
      .where('case_id', 'in', [first.id, created.id])
      .execute();
    expect(events).toHaveLength(2);
  });

  it('refuses to convert before the operation date, a place that does not exist, or bad input', async () => {
    const future = await announce({ operationDate: daysAgo(-3) });
    const cases = await count('cases');
    const early = await convert(future.id, 1, household());
    expect(early.statusCode).toBe(409);
    expect(early.json<{ convertibleFrom: string }>().convertibleFrom).toBe(future.operationDate);

    const b = await announce({ places: 2, operationDate: daysAgo(5) });
    expect((await convert(b.id, 3, household())).statusCode).toBe(404);
    const bad: [string, object, number, string][] = [
      ['0', household(), 400, 'placeNumber'],
      ['1', { ...household(), arrivedOn: daysAgo(6) }, 422, 'arrivedOn'],
      ['1', { ...household(), arrivedOn: daysAgo(-1) }, 422, 'arrivedOn'],
      ['1', { persons: [] }, 400, 'persons'],
      ['1', { persons: [{ ...uniquePrincipal(), relationship: 'child' }] }, 400, 'persons'],
      ['1', { ...household(), returnCountry: 'IQ' }, 400, ''],
    ];
    for (const [place, payload, status, path] of bad) {
      const res = await api(
        w.partner.caseWorker,
        'POST',
        `/group-bookings/${b.id}/places/${place}/convert`,
        payload,
      );
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toContain(path);
    }
    // The authority announces; only the partner converts.
    expect((await convert(b.id, 1, household(), w.authority.coordinator)).statusCode).toBe(403);
    expect(await count('cases')).toBe(cases);
  });

  it('cancelling closes the places not converted and leaves converted cases alone', async () => {
    const b = await announce({ places: 3 });
    const kept = ok<Shared>(await convert(b.id, 2, household()), 201);
    expect((await api(w.partner.caseWorker, 'POST', `/group-bookings/${b.id}/cancel`)).statusCode).toBe(403);
    const cancelled = ok<Booking>(
      await api(w.authority.coordinator, 'POST', `/group-bookings/${b.id}/cancel`),
    );
    expect(cancelled).toMatchObject({ status: 'cancelled', converted: 1, open: 0 });
    expect(cancelled.placeList.map((p) => p.status)).toEqual(['cancelled', 'converted', 'cancelled']);
    expect(cancelled.placeList[1]!.caseId).toBe(kept.id);
    expect((await api(w.authority.coordinator, 'POST', `/group-bookings/${b.id}/cancel`)).statusCode).toBe(
      409,
    );
    expect((await convert(b.id, 1, household())).statusCode).toBe(409);
    // The partner is told, with the places closed (the converted one stays).
    const notice = (await notificationsOf(w.partner.caseWorker)).find(
      (n) => n.type === 'group_booking.cancelled' && n.params.date === b.operationDate,
    );
    expect(notice).toMatchObject({
      caseId: null,
      params: { count: 2, date: b.operationDate, organisation: w.authority.name },
    });
    // The converted case is untouched.
    expect(ok<Shared>(await api(w.partner.caseWorker, 'GET', `/cases/${kept.id}/shared`))).toMatchObject({
      stage: 'departed',
      retroactiveStatus: 'accepted',
    });
    // The partner's list shows announced bookings; cancelled ones on request.
    const announced = ok<{ items: Booking[] }>(
      await api(w.partner.caseWorker, 'GET', '/group-bookings?limit=200'),
    );
    expect(announced.items.map((x) => x.id)).not.toContain(b.id);
    const gone = ok<{ items: Booking[] }>(
      await api(w.partner.caseWorker, 'GET', '/group-bookings?status=cancelled&limit=200'),
    );
    expect(gone.items.map((x) => x.id)).toContain(b.id);
    const own = ok<{ items: Booking[] }>(
      await api(w.authority.coordinator, 'GET', '/group-bookings?limit=200'),
    );
    expect(own.items.find((x) => x.id === b.id)?.status).toBe('cancelled');
  });
});
