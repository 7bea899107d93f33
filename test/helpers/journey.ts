import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestApp } from './app.ts';
import { createUser, login, orgWithUser, type Session } from './factories.ts';

/**
 * A return across organisations, for integration tests: a counselling provider (counsellor), a
 * return authority that funds (coordinator, programme manager), a reintegration partner (focal point,
 * partner coordinator), an origin authority and a stranger organisation nobody shares with.
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export function apiOf(t: TestApp) {
  return (s: Session | null, method: Method, url: string, payload?: unknown, headers = {}) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...(s ? (method === 'GET' ? s.read : s.write) : {}), ...headers },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
}

export function ok<T = Record<string, unknown>>(res: LightMyRequestResponse, status = 200): T {
  expect(res.statusCode, res.body).toBe(status);
  return res.json<T>();
}

export interface World {
  counselling: { id: string; counsellor: Session };
  authority: { id: string; name: string; coordinator: Session; manager: Session };
  partner: { id: string; name: string; caseWorker: Session; coordinator: Session };
  origin: { id: string; officer: Session };
  stranger: { id: string; coordinator: Session; caseWorker: Session };
}

export async function createWorld(t: TestApp): Promise<World> {
  const db = t.ctx.db;
  const counselling = await orgWithUser(t.app, db, ['counsellor'], 'counselling_provider');
  const authority = await orgWithUser(t.app, db, ['coordinator'], 'return_authority');
  const manager = await login(t.app, (await createUser(db, authority.org.id, ['programme_manager'])).email);
  const partner = await orgWithUser(t.app, db, ['case_worker'], 'reintegration_partner');
  const partnerCoordinator = await login(
    t.app,
    (await createUser(db, partner.org.id, ['partner_coordinator'])).email,
  );
  const origin = await orgWithUser(t.app, db, ['case_worker'], 'origin_authority');
  const stranger = await orgWithUser(t.app, db, ['coordinator'], 'return_authority');
  const strangerWorker = await orgWithUser(t.app, db, ['case_worker'], 'reintegration_partner');
  return {
    counselling: { id: counselling.org.id, counsellor: counselling.session },
    authority: {
      id: authority.org.id,
      name: authority.org.name,
      coordinator: authority.session,
      manager,
    },
    partner: {
      id: partner.org.id,
      name: partner.org.name,
      caseWorker: partner.session,
      coordinator: partnerCoordinator,
    },
    origin: { id: origin.org.id, officer: origin.session },
    stranger: { id: stranger.org.id, coordinator: stranger.session, caseWorker: strangerWorker.session },
  };
}

/** A published programme of the authority for Iraq: travel allowance, start-up aid, in-kind support. */
export async function publishProgramme(
  t: TestApp,
  manager: Session,
  options: { startUp?: number; departureConfirmationAfterDays?: number } = {},
) {
  const api = apiOf(t);
  const code = `RET-${randomBytes(3).toString('hex')}`;
  const created = ok<{ id: string; code: string }>(
    await api(manager, 'POST', '/programmes', {
      code,
      name: { en: `Return and start (${code})` },
      summary: { en: 'Travel allowance, start-up aid and in-kind support.' },
      validFrom: '2025-01-01',
      countriesOfReturn: ['IQ', 'GE'],
      ...(options.departureConfirmationAfterDays
        ? { departureConfirmationAfterDays: options.departureConfirmationAfterDays }
        : {}),
      components: [
        {
          code: 'travel',
          name: { en: 'Travel allowance' },
          stage: 'pre_departure',
          modality: 'cash',
          category: 'travel_allowance',
          currency: 'EUR',
          amount: { perAdult: 200, perMinor: 100 },
        },
        {
          code: 'start-up',
          name: { en: 'Business start-up' },
          stage: 'reintegration',
          modality: 'in_kind',
          category: 'business_start_up',
          currency: 'EUR',
          amount: { perAdult: options.startUp ?? 2000 },
        },
      ],
    }),
    201,
  );
  ok(await api(manager, 'POST', `/programmes/${created.id}/status`, { status: 'published' }));
  return created;
}

export interface JourneyCase {
  caseId: string;
  principalId: string;
  consentId: string;
  enrolmentId: string;
}

export const PRINCIPAL = {
  relationship: 'principal',
  givenNames: 'Karim',
  familyName: 'Abdulrahman',
  originalScriptName: 'كريم عبد الرحمن',
  sex: 'male',
  dateOfBirth: '1984-02-11',
  nationalities: ['IQ'],
  languages: ['ar'],
  documents: [{ type: 'passport', number: 'A1234567', issuingCountry: 'IQ', status: 'with_person' }],
};

/**
 * The principal applicant with a passport number and given name of their own, so that the
 * assistance ledger does not take cases of different tests for the same person.
 */
export function uniquePrincipal() {
  const letters = [...randomBytes(4)].map((b) => String.fromCharCode(97 + (b % 26))).join('');
  return {
    ...PRINCIPAL,
    givenNames: `${PRINCIPAL.givenNames} ${letters}`,
    documents: [{ ...PRINCIPAL.documents[0]!, number: `A${randomBytes(4).readUInt32BE() % 10_000_000}` }],
  };
}

/**
 * A case of the counselling provider, enrolled in the programme, with the principal's consent to
 * share `categories` with the partner, the partner and funding authority chosen, submitted.
 */
export async function submittedCase(
  t: TestApp,
  w: World,
  programmeId: string,
  options: {
    categories?: string[];
    persons?: object[];
    plannedDepartureDate?: string;
    counsellor?: Session;
    partnerId?: string;
    fundingId?: string;
  } = {},
): Promise<JourneyCase> {
  const api = apiOf(t);
  const counsellor = options.counsellor ?? w.counselling.counsellor;
  const c = ok<{ id: string; persons: { id: string; relationship: string }[] }>(
    await api(counsellor, 'POST', '/cases', {
      hostCountry: 'DE',
      returnCountry: 'IQ',
      returnType: 'assisted_voluntary',
      administrativeStatus: 'asylum_rejected',
      plannedDepartureDate: options.plannedDepartureDate ?? '2026-12-15',
      persons: options.persons ?? [uniquePrincipal()],
    }),
    201,
  );
  const principalId = c.persons.find((p) => p.relationship === 'principal')!.id;
  const partnerId = options.partnerId ?? w.partner.id;
  const consent = ok<{ id: string }>(
    await api(counsellor, 'POST', `/cases/${c.id}/consents`, {
      personId: principalId,
      purpose: 'referral_to_partner',
      recipientOrganisationId: partnerId,
      dataCategories: options.categories ?? ['identity', 'family', 'travel'],
      method: 'signed_sheet',
      givenAt: new Date(Date.now() - 60_000).toISOString(),
    }),
    201,
  );
  const enrolment = ok<{ id: string }>(
    await api(counsellor, 'POST', `/cases/${c.id}/enrolments`, { programmeId }),
    201,
  );
  ok(
    await api(counsellor, 'PUT', `/cases/${c.id}/application`, {
      partnerOrganisationId: partnerId,
      fundingOrganisationId: options.fundingId ?? w.authority.id,
    }),
  );
  for (const to of ['counselling', 'application', 'submitted']) {
    ok(await api(counsellor, 'POST', `/cases/${c.id}/transitions`, { to }));
  }
  return { caseId: c.id, principalId, consentId: consent.id, enrolmentId: enrolment.id };
}

/** The referral of a case to the partner, from the partner's inbox. */
export async function referralOf(t: TestApp, s: Session, caseId: string) {
  const list = ok<{ items: { id: string; caseId: string; status: string }[] }>(
    await apiOf(t)(s, 'GET', '/referrals?box=inbox&limit=200'),
  );
  const found = list.items.find((r) => r.caseId === caseId);
  expect(found, 'the referral is in the partner inbox').toBeDefined();
  return found!;
}

/** Validated, accepted, departed and arrived: the case is ready for its plan. */
export async function arrivedCase(t: TestApp, w: World, programmeId: string, options = {}) {
  const api = apiOf(t);
  const c = await submittedCase(t, w, programmeId, options);
  ok(await api(w.authority.coordinator, 'POST', `/cases/${c.caseId}/validation`, { decision: 'validate' }));
  const referral = await referralOf(t, w.partner.caseWorker, c.caseId);
  ok(await api(w.partner.caseWorker, 'POST', `/referrals/${referral.id}/accept`));
  ok(await api(w.authority.coordinator, 'POST', `/cases/${c.caseId}/departure`, { outcome: 'departed' }));
  ok(await api(w.partner.caseWorker, 'POST', `/cases/${c.caseId}/arrival`, { arrivedOn: today() }));
  return { ...c, referralId: referral.id };
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function planLine(enrolmentId: string, amount: number, overrides: Record<string, unknown> = {}) {
  return {
    enrolmentId,
    componentCode: 'start-up',
    modality: 'in_kind',
    description: 'Tools and stock for a mobile phone repair shop',
    amount,
    localCurrency: 'IQD',
    exchangeRate: 1500,
    supplier: 'Basra Electronics Wholesale',
    dueDate: today(),
    ...overrides,
  };
}

/** Plan written, submitted, validated by the partner coordinator and approved by the funder. */
export async function approvedPlan(t: TestApp, w: World, c: JourneyCase, amounts: number[]) {
  const api = apiOf(t);
  ok(
    await api(w.partner.caseWorker, 'PUT', `/cases/${c.caseId}/plan`, {
      needs: { economic: { level: 'high' }, social: { level: 'low' }, psychosocial: { level: 'medium' } },
      lines: amounts.map((a) => planLine(c.enrolmentId, a)),
    }),
  );
  ok(await api(w.partner.caseWorker, 'POST', `/cases/${c.caseId}/plan/submit`));
  ok(await api(w.partner.coordinator, 'POST', `/cases/${c.caseId}/plan/validate`));
  return ok<{ lines: { id: string; amount: number }[] }>(
    await api(w.authority.coordinator, 'POST', `/cases/${c.caseId}/plan/approve`),
  );
}
