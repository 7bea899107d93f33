import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import type { VulnerabilityCategory } from '../../domain/case-facts.ts';
import type { CaseStage } from '../../domain/case-workflow.ts';
import { hasPermission } from '../../domain/permissions.ts';
import { visibleVulnerability, type DataCategory } from '../../domain/sharing.ts';
import { recordAudit, subjectOf } from '../audit/audit.service.ts';
import type { Actor } from '../auth/actor.ts';
import * as recordsRepo from '../case-records/case-records.repository.ts';
import * as casesRepo from '../cases/cases.repository.ts';
import type { PersonInput } from '../cases/cases.schemas.ts';
import { funderOf, type CaseAccess } from '../sharing/access.ts';
import * as plansRepo from '../plans/plans.repository.ts';
import * as repo from './referrals.repository.ts';
import type { ReferralView, SharedCaseAction, SharedCaseView } from './referrals.schemas.ts';
import { mayTransfer, movesFor, DEFAULT_DEPARTURE_REQUEST_DAYS, today } from './workflow.service.ts';
import { addDays } from '../../domain/plans.ts';

/**
 * The presenter of a case for whoever shares it: it whitelists, per data category the reader
 * receives (CaseAccess.categories), the fields that leave the server. docs/sharing-datasets.md is
 * the same list in prose; test/integration/referrals.test.ts checks every partner response against it.
 */

type View = z.infer<typeof SharedCaseView>;

const HOUR_MS = 3_600_000;

/**
 * A referral as its reader sees it. `caseVisible` false (a recipient whose referral ended or whose
 * consent was withdrawn) hides where the case went since: the stage is null.
 */
export function presentReferral(
  r: repo.ListedReferral,
  names: ReadonlyMap<string, { id: string; name: string }>,
  caseVisible = true,
): z.infer<typeof ReferralView> {
  const now = Date.now();
  const pending = r.status === 'pending';
  const ref = (id: string) => ({ id, name: names.get(id)?.name ?? '' });
  return {
    id: r.id,
    caseId: r.case_id,
    caseReference: r.reference,
    stage: caseVisible ? (r.stage as CaseStage) : null,
    kind: r.kind,
    status: r.status,
    sender: ref(r.sender_organisation_id),
    recipient: ref(r.recipient_organisation_id),
    returnCountry: r.return_country,
    referredAt: r.referred_at.toISOString(),
    respondBy: r.respond_by.toISOString(),
    respondedAt: r.responded_at?.toISOString() ?? null,
    reasonCode: r.reason_code,
    comment: r.comment,
    endedAt: r.ended_at?.toISOString() ?? null,
    waitingHours: pending ? Math.floor((now - r.referred_at.getTime()) / HOUR_MS) : null,
    overdue: pending && r.respond_by.getTime() < now,
  };
}

interface PackageLineSnapshot {
  programmeCode: string;
  componentCode: string;
  name: string;
  category: string;
  modality: string;
  stage: string;
  currency: string;
  amount: number | null;
  upTo: boolean;
}

/** What the actor may do next, as stable action names for the partner workspace and the UI. */
export function allowedActions(
  actor: Actor,
  access: CaseAccess,
  departureRequestable: boolean,
): SharedCaseAction[] {
  const names: Record<string, SharedCaseAction> = {
    'submitted>validated': 'validate_application',
    'submitted>application': 'return_application',
    'submitted>rejected': 'reject_application',
    'validated>pre_departure': 'accept_referral',
    'validated>application': 'decline_referral',
    'pre_departure>departed': 'confirm_departure',
    'pre_departure>not_departed': 'record_not_departed',
    'departed>arrived': 'confirm_arrival',
    'arrived>plan_submitted': 'submit_plan',
    'plan_submitted>plan_approved': 'approve_plan',
    'plan_submitted>arrived': 'return_plan',
    'plan_approved>in_assistance': 'record_delivery',
    'in_assistance>final_report': 'submit_final_report',
    'final_report>monitoring': 'approve_final_report',
    'monitoring>closed': 'close_case',
  };
  const out = movesFor(actor, access).flatMap((r) => {
    const name = names[`${r.from}>${r.to}`];
    return name ? [name] : [];
  });
  if (
    departureRequestable &&
    access.parts.has('partner') &&
    hasPermission(actor.permissions, 'referrals:respond')
  ) {
    out.push('request_departure_confirmation');
  }
  if (
    access.case.retroactive &&
    access.case.retroactive_status === 'pending' &&
    access.parts.has('funder') &&
    hasPermission(actor.permissions, 'cases:validate')
  ) {
    out.push('decide_retroactive');
  }
  if (
    access.referral?.kind === 'origin' &&
    access.referral.status === 'pending' &&
    hasPermission(actor.permissions, 'cases:read')
  ) {
    out.push('acknowledge_referral');
  }
  if (mayTransfer(actor, access)) out.push('transfer_partner');
  return out;
}

/** The first day the partner may ask the authority to confirm departure, or null. */
export async function departureRequestableFrom(
  db: Kysely<DB>,
  c: CaseAccess['case'],
): Promise<string | null> {
  if (!c.planned_departure_date) return null;
  const days =
    (await repo.departureRequestDays(db, c.organisation_id, c.id)) ?? DEFAULT_DEPARTURE_REQUEST_DAYS;
  return addDays(c.planned_departure_date, days);
}

export async function presentSharedCase(db: Kysely<DB>, actor: Actor, access: CaseAccess): Promise<View> {
  const c = access.case;
  const has = (cat: DataCategory) => access.categories.includes(cat);
  const [persons, enrolments, events, referrals, requestableFrom] = await Promise.all([
    casesRepo.personsOfCase(db, c.organisation_id, c.id),
    plansRepo.enrolmentsOfCase(db, c.organisation_id, c.id),
    casesRepo.eventsOfCase(db, c.organisation_id, c.id),
    repo.referralsOfCase(db, c.id),
    departureRequestableFrom(db, c),
  ]);
  const names = await repo.organisationsByIds(db, [
    c.organisation_id,
    funderOf(c),
    c.partner_organisation_id,
    c.origin_organisation_id,
    ...referrals.flatMap((r) => [r.sender_organisation_id, r.recipient_organisation_id]),
    ...events.map((e) => (e.details as { actorOrganisationId?: string }).actorOrganisationId ?? null),
  ]);
  const ref = (id: string | null) => (id ? { id, name: names.get(id)?.name ?? '' } : null);

  const shown = has('family') ? persons : persons.filter((p) => p.relationship === 'principal');
  const view: View = {
    id: c.id,
    reference: c.reference,
    stage: c.stage as CaseStage,
    relation: access.relation,
    dataset: access.categories,
    hostCountry: c.host_country,
    returnCountry: c.return_country,
    returnType: c.return_type as View['returnType'],
    owner: ref(c.organisation_id)!,
    funder: ref(funderOf(c))!,
    partner: ref(c.partner_organisation_id),
    originAuthority: ref(c.origin_organisation_id),
    referral: access.referral
      ? presentReferral(
          { ...access.referral, reference: c.reference, stage: c.stage, return_country: c.return_country },
          names,
        )
      : null,
    retroactive: c.retroactive,
    retroactiveStatus: c.retroactive_status as View['retroactiveStatus'],
    householdSize: persons.length,
    departedOn: c.departed_on,
    arrivedOn: c.arrived_on,
    departureConfirmationRequestedAt: c.departure_confirmation_requested_at?.toISOString() ?? null,
    departureConfirmationRequestableFrom: requestableFrom,
    persons: shown.map((p) => ({
      id: p.id,
      relationship: p.relationship as PersonInput['relationship'],
      ...(has('identity')
        ? {
            givenNames: p.given_names,
            familyName: p.family_name,
            originalScriptName: p.original_script_name,
            otherSpellings: p.other_spellings,
            dateOfBirth: p.date_of_birth,
            dateOfBirthApproximate: p.date_of_birth_approximate,
            sex: p.sex as PersonInput['sex'],
            nationalities: p.nationalities,
            documents: p.documents as NonNullable<PersonInput['documents']>,
          }
        : {}),
      ...(has('contact') ? { languages: p.languages } : {}),
      ...(has('family') ? { unaccompaniedMinor: p.unaccompanied_minor } : {}),
    })),
    enrolments: enrolments
      .filter((e) => e.status === 'active')
      .map((e) => ({
        programmeCode: e.programme_code,
        programmeVersion: e.programme_version,
        lines: ((e.snapshot as { packageLines?: PackageLineSnapshot[] }).packageLines ?? []).map((l) => ({
          componentCode: l.componentCode,
          name: l.name,
          category: l.category,
          modality: l.modality,
          stage: l.stage,
          currency: l.currency,
          amount: l.amount,
          upTo: l.upTo,
        })),
      })),
    timeline: timelineFor(access, events, names),
    allowedActions: allowedActions(
      actor,
      access,
      c.stage === 'pre_departure' &&
        requestableFrom !== null &&
        requestableFrom <= today() &&
        c.departure_confirmation_requested_at === null,
    ),
    version: c.version,
  };
  if (has('legal_status')) {
    view.legalStatus = {
      administrativeStatus: c.administrative_status as NonNullable<
        View['legalStatus']
      >['administrativeStatus'],
      returnDecisionDate: c.return_decision_date,
      departureDeadline: c.departure_deadline,
      entryBan: c.entry_ban,
      entryBanUntil: c.entry_ban_until,
      inDetention: c.in_detention,
    };
  }
  if (has('travel')) view.travel = { plannedDepartureDate: c.planned_departure_date };
  if (has('counselling')) {
    const sessions = await recordsRepo.listSessions(db, c.organisation_id, c.id);
    view.counselling = sessions.map((s) => ({
      heldAt: s.held_at.toISOString(),
      motivesFor: s.motives_for,
      motivesAgainst: s.motives_against,
      decision: s.decision,
    }));
  }
  const special =
    (has('health') || has('vulnerabilities')) && hasPermission(actor.permissions, 'special_category:read');
  if (special) {
    const shownIds = new Set(shown.map((p) => p.id));
    const rows = await recordsRepo.listVulnerabilities(db, c.organisation_id, c.id);
    const visible = rows.filter(
      (v) =>
        shownIds.has(v.person_id) &&
        visibleVulnerability(v.category as VulnerabilityCategory, access.categories),
    );
    view.vulnerabilities = visible.map((v) => ({
      personId: v.person_id,
      category: v.category as VulnerabilityCategory,
    }));
    // Every read of special-category data leaves a trace, for whoever reads it.
    await recordAudit(db, subjectOf(actor), {
      action: 'vulnerabilities.read',
      targetType: 'case',
      targetId: c.id,
      details: { count: visible.length, relation: access.relation, purpose: 'shared_case' },
    });
  }
  return view;
}

type EventRow = Awaited<ReturnType<typeof casesRepo.eventsOfCase>>[number];

const SHARED_EVENT_TYPES = new Set([
  'case.transition',
  'referral.sent',
  'referral.transferred',
  'departure.confirmation_requested',
  'retroactive.decided',
  'plan.saved',
  'plan.submitted',
  'plan.validated',
  'plan.returned',
  'plan.line_justified',
  'delivery.recorded',
  'report.saved',
  'report.submitted',
  'report.validated',
  'report.returned',
  'document.added',
]);

/**
 * The workflow history a reader sees. Recipients see the case's moves and hand-overs from their
 * referral on (what happened before is the owner's file), never counselling, consent or person events.
 */
function timelineFor(
  access: CaseAccess,
  events: readonly EventRow[],
  names: ReadonlyMap<string, { name: string }>,
): View['timeline'] {
  const since =
    access.relation === 'partner' || access.relation === 'origin'
      ? (access.referral?.referred_at.getTime() ?? Infinity)
      : access.relation === 'funder'
        ? (access.case.first_submitted_at?.getTime() ?? Infinity)
        : -Infinity;
  return events
    .filter((e) => SHARED_EVENT_TYPES.has(e.type) && e.at.getTime() >= since - 1000)
    .map((e) => {
      const orgId = (e.details as { actorOrganisationId?: string }).actorOrganisationId;
      return {
        at: e.at.toISOString(),
        type: e.type,
        fromStage: e.from_stage,
        toStage: e.to_stage,
        reasonCode: e.reason_code,
        comment: e.comment,
        actorOrganisation: orgId ? (names.get(orgId)?.name ?? null) : null,
      };
    });
}
