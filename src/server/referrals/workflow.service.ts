import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import {
  decideTransition,
  TRANSITIONS,
  type CaseStage,
  type TransitionDecision,
  type TransitionRule,
} from '../../domain/case-workflow.ts';
import { CONSENT_PURPOSE_OF, partFor } from '../../domain/sharing.ts';
import { recordAudit, subjectOf } from '../audit/audit.service.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import * as casesRepo from '../cases/cases.repository.ts';
import type { AppContext } from '../context.ts';
import { Problem, problems } from '../http/problem.ts';
import { notify, type NotificationInput } from '../notifications/notifications.service.ts';
import { caseAccess, funderOf, requireCasePermission, type CaseAccess } from '../sharing/access.ts';
import { consentedCategories } from '../sharing/sharing.repository.ts';
import { planGate } from '../plans/plan-gates.ts';
import * as repo from './referrals.repository.ts';

/**
 * The return file's journey across organisations. Every move, whichever endpoint asks for it (the
 * owner's generic `POST /cases/{id}/transitions` or a partner's "accept"), comes through moveCase:
 * the pure state machine decides whether the move exists and which permission it needs; the case's
 * parts decide whether the actor's organisation may exercise that permission HERE; then the move's
 * own rules (consent in force, dates, plan validated, …) are checked and its effects (referrals,
 * notifications) happen in the same transaction as the stage change.
 */

export interface MoveInput {
  to: CaseStage;
  reasonCode?: string | undefined;
  comment?: string | undefined;
  expectedVersion?: number | undefined;
  /** The day of a departure or arrival. */
  date?: string | undefined;
}

const DAY_MS = 86_400_000;
/** Days a recipient has to answer a referral before it shows as overdue. */
export const REFERRAL_RESPONSE_DAYS = 5;
/** Days after the planned departure before the partner may ask for confirmation, by default. */
export const DEFAULT_DEPARTURE_REQUEST_DAYS = 30;

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function unprocessable(path: string, message: string, slug: string, detail = message): Problem {
  return new Problem(422, detail, {
    type: `https://homeward.example/problems/${slug}`,
    errors: [{ path, message, location: 'body' }],
  });
}

export function transitionProblem(decision: Extract<TransitionDecision, { ok: false }>, from: string) {
  const status = decision.error === 'forbidden' ? 403 : decision.error === 'illegal' ? 409 : 422;
  const path =
    decision.error === 'reason_required' || decision.error === 'unknown_reason' ? 'reasonCode' : 'to';
  return new Problem(status, decision.message, {
    type: `https://homeward.example/problems/transition-${decision.error.replace('_', '-')}`,
    errors: [{ path, message: decision.message, location: 'body' }],
    extensions: { currentStage: from, allowed: decision.allowed },
  });
}

export function staleVersion(current: number): Problem {
  return new Problem(
    412,
    `The case has changed since you read it: it is now at version ${current}. Reload and try again.`,
    { type: 'https://homeward.example/problems/stale-version', extensions: { currentVersion: current } },
  );
}

/** The moves the actor may make now in this case: its permissions AND its organisation's parts. */
export function movesFor(actor: Actor, access: CaseAccess): TransitionRule[] {
  return TRANSITIONS.filter((r) => {
    if (r.from !== access.case.stage || !actor.permissions.includes(r.permission)) return false;
    const part = partFor(r.permission);
    return part === undefined || access.parts.has(part);
  });
}

/** Stages in which a case has an open referral to a partner: from validation until the end. */
const REFERRED_STAGES: ReadonlySet<CaseStage> = new Set([
  'validated',
  'pre_departure',
  'departed',
  'arrived',
  'plan_submitted',
  'plan_approved',
  'in_assistance',
  'final_report',
  'monitoring',
]);

/**
 * The permission a transfer to another partner takes: the funding authority decides it
 * (cases:validate); an owner that does not fund the case asks it as the case's keeper (cases:write).
 */
export function transferPermission(access: CaseAccess): 'cases:validate' | 'cases:write' {
  return access.parts.has('funder') ? 'cases:validate' : 'cases:write';
}

/** Whether the actor may move the case to another partner now (its partner referral is open). */
export function mayTransfer(actor: Actor, access: CaseAccess): boolean {
  const permission = transferPermission(access);
  const part = partFor(permission);
  return (
    access.case.partner_organisation_id !== null &&
    REFERRED_STAGES.has(access.case.stage as CaseStage) &&
    actor.permissions.includes(permission) &&
    (part === undefined || access.parts.has(part))
  );
}

async function partnerConsentInForce(db: Kysely<DB>, c: CaseAccess['case'], partnerId: string) {
  const categories = await consentedCategories(
    db,
    c.organisation_id,
    c.id,
    partnerId,
    CONSENT_PURPOSE_OF.partner,
  );
  return categories.length > 0;
}

function notDateAfterToday(path: string, date: string) {
  if (date > today()) throw unprocessable(path, 'cannot be in the future', 'invalid-date');
}

interface Plan {
  values: Record<string, unknown>;
  details: Record<string, unknown>;
  after: (trx: Kysely<DB>) => Promise<NotificationInput[]>;
}

const nothingAfter = () => Promise.resolve([] as NotificationInput[]);

/**
 * The rules and effects of one move beyond the state machine. Runs inside the move's transaction;
 * throws a problem to refuse it (nothing is then written).
 */
async function planMove(
  trx: Kysely<DB>,
  actor: Actor,
  access: CaseAccess,
  from: CaseStage,
  input: MoveInput,
): Promise<Plan> {
  const c = access.case;
  const owner = c.organisation_id;
  const funder = funderOf(c);
  const reference = c.reference;
  const reason = input.reasonCode ?? '';
  const plan: Plan = { values: {}, details: {}, after: nothingAfter };

  switch (input.to) {
    case 'submitted': {
      if (c.partner_organisation_id && !(await partnerConsentInForce(trx, c, c.partner_organisation_id))) {
        throw unprocessable(
          'partnerOrganisationId',
          'no consent of the principal applicant to share with this partner is in force',
          'consent-missing',
          'The application names a reintegration partner, but no consent of the principal applicant to share with it is in force. Record the consent or choose another partner.',
        );
      }
      if (c.funding_organisation_id && c.funding_organisation_id !== owner) {
        const funders = await repo.enrolmentFunders(trx, owner, c.id);
        if (!funders.some((f) => f.id === c.funding_organisation_id)) {
          throw unprocessable(
            'fundingOrganisationId',
            'no active enrolment of the case is funded by this organisation',
            'funder-not-enrolled',
          );
        }
      }
      if (!c.first_submitted_at) plan.values.first_submitted_at = new Date();
      plan.after = async () => [
        {
          organisationId: funder,
          permission: 'cases:validate',
          caseId: c.id,
          type: 'application.submitted',
          params: { reference },
        },
      ];
      return plan;
    }
    case 'validated': {
      const partner = c.partner_organisation_id;
      if (partner && !(await partnerConsentInForce(trx, c, partner))) {
        throw unprocessable(
          'partnerOrganisationId',
          'no consent of the principal applicant to share with this partner is in force',
          'consent-missing',
          'The case cannot be referred: the consent of the principal applicant to share with the chosen partner is no longer in force. Return the application to the counsellor.',
        );
      }
      plan.after = async (db) => {
        const notices: NotificationInput[] = [
          {
            organisationId: owner,
            permission: 'cases:write',
            caseId: c.id,
            type: 'application.validated',
            params: { reference },
          },
        ];
        if (partner) {
          await openReferral(db, actor, c, 'partner', partner, null);
          notices.push({
            organisationId: partner,
            permission: 'referrals:respond',
            caseId: c.id,
            type: 'referral.received',
            params: { reference },
          });
        }
        const origin = c.origin_organisation_id;
        if (origin) {
          // The origin authority is informed only where a consent covers it; otherwise nothing is sent.
          const consented = await consentedCategories(db, owner, c.id, origin, CONSENT_PURPOSE_OF.origin);
          if (consented.length > 0) {
            await openReferral(db, actor, c, 'origin', origin, null);
            notices.push({
              organisationId: origin,
              caseId: c.id,
              type: 'referral.received',
              params: { reference },
            });
          }
        }
        return notices;
      };
      return plan;
    }
    case 'application': {
      if (from === 'submitted') {
        plan.after = async () => [
          {
            organisationId: owner,
            permission: 'cases:write',
            caseId: c.id,
            type: 'application.returned',
            params: { reference, reason },
          },
        ];
        return plan;
      }
      if (from !== 'validated') return plan;
      // validated → application: the partner declines the referral.
      const referral = access.referral;
      if (!referral || referral.kind !== 'partner' || referral.status !== 'pending') {
        throw problems.conflict('There is no pending referral of this case to your organisation.');
      }
      plan.values.partner_organisation_id = null;
      plan.details.referralId = referral.id;
      plan.after = async (db) => {
        const ended = await repo.updateOpenReferral(db, referral.id, {
          status: 'declined',
          responded_at: new Date(),
          responded_by: actor.userId,
          reason_code: input.reasonCode ?? null,
          comment: input.comment ?? null,
          ended_at: new Date(),
        });
        if (!ended) throw problems.conflict('The referral was answered in the meantime.');
        return [owner, funder].filter(unique).map((organisationId) => ({
          organisationId,
          caseId: c.id,
          type: 'referral.declined' as const,
          params: { reference, reason },
        }));
      };
      return plan;
    }
    case 'rejected':
      plan.after = async () => [
        {
          organisationId: owner,
          permission: 'cases:write',
          caseId: c.id,
          type: 'application.rejected',
          params: { reference, reason },
        },
      ];
      return plan;
    case 'pre_departure': {
      const referral = access.referral;
      if (!referral || referral.kind !== 'partner' || referral.status !== 'pending') {
        throw problems.conflict('There is no pending referral of this case to your organisation.');
      }
      plan.details.referralId = referral.id;
      plan.after = async (db) => {
        const accepted = await repo.updateOpenReferral(db, referral.id, {
          status: 'accepted',
          responded_at: new Date(),
          responded_by: actor.userId,
        });
        if (!accepted || accepted.status !== 'accepted') {
          throw problems.conflict('The referral was answered in the meantime.');
        }
        return [owner, funder].filter(unique).map((organisationId) => ({
          organisationId,
          caseId: c.id,
          type: 'referral.accepted' as const,
          params: { reference },
        }));
      };
      return plan;
    }
    case 'departed': {
      const date = input.date ?? today();
      notDateAfterToday('date', date);
      plan.values.departed_on = date;
      plan.details.departedOn = date;
      plan.after = async () => partnerNotice(c, 'departure.confirmed', { reference, date });
      return plan;
    }
    case 'not_departed':
      plan.after = async () => [
        ...partnerNotice(c, 'departure.not_departed', { reference, reason }),
        ...(owner !== funder
          ? [
              {
                organisationId: owner,
                caseId: c.id,
                type: 'departure.not_departed' as const,
                params: { reference, reason },
              },
            ]
          : []),
      ];
      return plan;
    case 'arrived': {
      if (from === 'departed') {
        const date = input.date;
        if (!date) throw unprocessable('arrivedOn', 'the day of arrival is required', 'invalid-date');
        notDateAfterToday('arrivedOn', date);
        if (c.departed_on && date < c.departed_on) {
          throw unprocessable(
            'arrivedOn',
            `cannot be before the departure on ${c.departed_on}`,
            'invalid-date',
          );
        }
        plan.values.arrived_on = date;
        plan.details.arrivedOn = date;
        plan.after = async () =>
          [owner, funder].filter(unique).map((organisationId) => ({
            organisationId,
            caseId: c.id,
            type: 'arrival.confirmed' as const,
            params: { reference, date },
          }));
        return plan;
      }
      // plan_submitted → arrived: the plan is returned for changes.
      return planGate(trx, actor, access, from, input);
    }
    case 'withdrawn':
    case 'absconded':
    case 'transferred':
      plan.after = async (db) => {
        const notices: NotificationInput[] = [];
        for (const kind of ['partner', 'origin'] as const) {
          const open = await repo.openReferralOfKind(db, c.id, kind);
          if (!open) continue;
          await repo.updateOpenReferral(db, open.id, { status: 'withdrawn', ended_at: new Date() });
          notices.push({
            organisationId: open.recipient_organisation_id,
            caseId: c.id,
            type: 'referral.ended',
            params: { reference },
          });
        }
        return notices;
      };
      return plan;
    case 'plan_submitted':
    case 'plan_approved':
    case 'in_assistance':
    case 'final_report':
    case 'monitoring':
    case 'closed':
      return planGate(trx, actor, access, from, input);
    case 'intake':
    case 'counselling':
      return plan;
  }
}

function unique<T>(value: T, index: number, all: T[]): boolean {
  return all.indexOf(value) === index;
}

function partnerNotice(
  c: CaseAccess['case'],
  type: NotificationInput['type'],
  params: Record<string, string>,
): NotificationInput[] {
  return c.partner_organisation_id
    ? [{ organisationId: c.partner_organisation_id, caseId: c.id, type, params }]
    : [];
}

/** Opens a referral of a case to a recipient, with its respond-by timer. */
export async function openReferral(
  db: Kysely<DB>,
  actor: Actor,
  c: CaseAccess['case'],
  kind: 'partner' | 'origin',
  recipientId: string,
  previousId: string | null,
) {
  const now = new Date();
  const row = await repo.insertReferral(db, {
    case_id: c.id,
    referred_at: now,
    kind,
    sender_organisation_id: c.organisation_id,
    recipient_organisation_id: recipientId,
    respond_by: new Date(now.getTime() + REFERRAL_RESPONSE_DAYS * DAY_MS),
    previous_referral_id: previousId,
    created_by: actor.userId,
  });
  await casesRepo.insertEvent(db, {
    caseId: c.id,
    organisationId: c.organisation_id,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    type: 'referral.sent',
    details: { referralId: row.id, kind, recipientOrganisationId: recipientId },
  });
  return row;
}

/**
 * Moves a case one step, for any organisation that plays the needed part in it. Answers nothing: the
 * caller presents the case as its reader may now see it (a partner that declined no longer sees it).
 */
export async function moveCase(
  ctx: AppContext,
  actorIn: Actor | null,
  caseId: string,
  input: MoveInput,
): Promise<void> {
  const actor = requirePermission(actorIn, 'cases:read');
  const access = await caseAccess(ctx.db, actor, caseId);
  await ctx.db.transaction().execute((trx) => moveCaseIn(trx, actor, access, input));
}

/**
 * The move itself, inside the caller's transaction, from the case as `access` read it: the workflow
 * rule and the part, the move's own checks, the update (only at the version read), its event, audit
 * and effects. A caller that writes something else with the move (a delivery) makes both one change.
 */
export async function moveCaseIn(
  trx: Kysely<DB>,
  actor: Actor,
  access: CaseAccess,
  input: MoveInput,
): Promise<void> {
  const caseId = access.case.id;
  const from = access.case.stage as CaseStage;
  const decision = decideTransition({
    from,
    to: input.to,
    permissions: actor.permissions,
    reasonCode: input.reasonCode,
    comment: input.comment,
  });
  if (!decision.ok) throw transitionProblem(decision, from);
  requireCasePermission(actor, access, decision.rule.permission);

  const plan = await planMove(trx, actor, access, from, input);
  const updated = await casesRepo.updateCase(
    trx,
    access.case.organisation_id,
    caseId,
    input.expectedVersion ?? access.case.version,
    { stage: input.to, ...plan.values },
  );
  if (!updated) {
    const now = await casesRepo.findCase(trx, access.case.organisation_id, caseId);
    if (!now) throw problems.notFound('case');
    throw staleVersion(now.version);
  }
  await casesRepo.insertEvent(trx, {
    caseId,
    organisationId: access.case.organisation_id,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    type: 'case.transition',
    fromStage: from,
    toStage: input.to,
    reasonCode: input.reasonCode ?? null,
    comment: input.comment ?? null,
    details: { ...plan.details, actorOrganisationId: actor.organisationId, part: access.relation },
  });
  await recordAudit(trx, subjectOf(actor), {
    action: 'case.transition',
    targetType: 'case',
    targetId: caseId,
    details: { from, to: input.to, reasonCode: input.reasonCode ?? null },
  });
  await notify(trx, await plan.after(trx));
}
