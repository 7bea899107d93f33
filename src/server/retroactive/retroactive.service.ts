import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import type { CaseStage } from '../../domain/case-workflow.ts';
import { hasPermission } from '../../domain/permissions.ts';
import { recordAudit, subjectOf } from '../audit/audit.service.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import * as casesRepo from '../cases/cases.repository.ts';
import { personValues } from '../cases/cases.service.ts';
import { vocabularyMemoOf } from '../cases/vocabulary-memo.ts';
import type { AppContext } from '../context.ts';
import { Problem, problems } from '../http/problem.ts';
import { notify } from '../notifications/notifications.service.ts';
import { getSharedCase } from '../referrals/referrals.service.ts';
import { today, unprocessable } from '../referrals/workflow.service.ts';
import { caseAccess, requireCasePermission } from '../sharing/access.ts';
import { enrolNewCase } from './retroactive-enrolment.service.ts';
import * as repo from './retroactive.repository.ts';
import type {
  NewRetroactiveCase,
  RetroactiveDecision,
  RetroactiveListQuery,
  RetroactiveStatus,
  ReturnedHousehold,
} from './retroactive.schemas.ts';

/**
 * Retroactive intake: a reintegration partner registers a household that already returned, without
 * the counselling, application and departure that did not happen in Homeward. The case is the
 * partner's own (it owns it and plays the partner part in it, src/server/sharing/access.ts), starts
 * at the stage the household is at, and asks a funding authority to fund the assistance. The funder
 * sees it at once and decides; until it accepts, no plan can be approved (src/server/plans/plan-gates.ts).
 * Nothing decides for the funder: a pending case stays pending, however long.
 */

/** Organisation types that fund assistance. */
const FUNDER_TYPES = ['return_authority', 'programme_office'];

/** The actor registers cases for a reintegration partner: its focal point or coordinator. */
export function requirePartnerActor(actorIn: Actor | null, what: string): Actor {
  const actor = requirePermission(actorIn, 'cases:read');
  if (
    !hasPermission(actor.permissions, 'referrals:respond') &&
    !hasPermission(actor.permissions, 'plans:write')
  ) {
    throw problems.forbidden(
      `This needs the permission "referrals:respond" or "plans:write", which your account does not have.`,
    );
  }
  if (actor.organisationType !== 'reintegration_partner') {
    throw problems.forbidden(`Only a reintegration partner ${what}.`);
  }
  return actor;
}

/** A date of the return: not in the future. */
export function notInFuture(path: string, date: string) {
  if (date > today()) throw unprocessable(path, 'cannot be in the future', 'invalid-date');
}

export interface ReturnedCaseInput {
  household: z.infer<typeof ReturnedHousehold>;
  fundingOrganisationId: string;
  departedOn: string;
  arrivedOn: string | null;
  retroactiveStatus: RetroactiveStatus;
  programmeId: string | null;
  /** The field a refused enrolment names. */
  programmePath: string;
  /** The event that says how the case came to be registered after the return. */
  event: { type: string; details: Record<string, unknown> };
}

/**
 * Writes, in `trx`, a case of the actor's organisation (a reintegration partner) for a household
 * that has already left: owned and partnered by it, funded by `fundingOrganisationId`, visible to
 * the funder from now (first_submitted_at), at `arrived` when the arrival is known, else `departed`.
 * No gate before departure is walked through: they did not happen here. Enrols the case in the
 * programme when one is given (a refusal rolls everything back).
 */
export async function insertReturnedCase(trx: Kysely<DB>, actor: Actor, input: ReturnedCaseInput) {
  const now = new Date();
  const h = input.household;
  const stage: CaseStage = input.arrivedOn ? 'arrived' : 'departed';
  const reference = await casesRepo.nextReference(trx, now.getUTCFullYear());
  const { id } = await casesRepo.insertCase(trx, {
    reference,
    organisation_id: actor.organisationId,
    counsellor_user_id: actor.userId,
    host_country: h.hostCountry,
    return_country: h.returnCountry,
    return_type: h.returnType,
    administrative_status: h.administrativeStatus ?? null,
    return_decision_date: null,
    departure_deadline: null,
    planned_departure_date: null,
    stage,
    retroactive: true,
    retroactive_status: input.retroactiveStatus,
    partner_organisation_id: actor.organisationId,
    funding_organisation_id: input.fundingOrganisationId,
    first_submitted_at: now,
    departed_on: input.departedOn,
    arrived_on: input.arrivedOn,
    created_by: actor.userId,
  });
  await casesRepo.insertPersons(
    trx,
    h.persons.map((p) => ({ ...personValues(p), case_id: id, organisation_id: actor.organisationId })),
  );
  const base = {
    caseId: id,
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    actorLabel: actor.label,
  };
  await casesRepo.insertEvent(trx, {
    ...base,
    type: 'case.created',
    toStage: stage,
    details: { reference, persons: h.persons.length, retroactive: true },
  });
  await casesRepo.insertEvent(trx, {
    ...base,
    type: input.event.type,
    toStage: stage,
    details: {
      ...input.event.details,
      fundingOrganisationId: input.fundingOrganisationId,
      departedOn: input.departedOn,
      arrivedOn: input.arrivedOn,
      actorOrganisationId: actor.organisationId,
    },
  });
  await recordAudit(trx, subjectOf(actor), {
    action: 'case.create',
    targetType: 'case',
    targetId: id,
    details: { reference, retroactive: true, via: input.event.type },
  });
  if (input.programmeId) {
    await enrolNewCase(trx, actor, {
      caseId: id,
      organisationId: actor.organisationId,
      programmeId: input.programmeId,
      path: input.programmePath,
    });
  }
  return { id, reference };
}

/** After a commit that added persons: their names may have joined the search vocabulary. */
export function namesAdded(ctx: AppContext) {
  vocabularyMemoOf(ctx.db).clear();
}

export async function registerRetroactiveCase(
  ctx: AppContext,
  actorIn: Actor | null,
  body: NewRetroactiveCase,
) {
  const actor = requirePartnerActor(actorIn, 'registers a person after the return');
  notInFuture('departedOn', body.departedOn);
  notInFuture('arrivedOn', body.arrivedOn);
  if (body.arrivedOn < body.departedOn) {
    throw unprocessable('arrivedOn', `cannot be before the departure on ${body.departedOn}`, 'invalid-date');
  }
  const funder = await repo.activeOrganisation(ctx.db, body.fundingOrganisationId);
  if (!funder || !FUNDER_TYPES.includes(funder.type)) {
    throw unprocessable(
      'fundingOrganisationId',
      'must be the id of an active return authority or programme office',
      'invalid-funder',
    );
  }
  if (body.programmeId) {
    const programme = await repo.publishedProgrammeOf(ctx.db, funder.id, body.programmeId);
    if (!programme) {
      throw unprocessable(
        'programmeId',
        'must be a published programme of the funding authority',
        'unknown-programme',
      );
    }
  }
  const own = await repo.activeOrganisation(ctx.db, actor.organisationId);
  const { household, ...rest } = splitHousehold(body);
  const created = await ctx.db.transaction().execute(async (trx) => {
    const c = await insertReturnedCase(trx, actor, {
      household,
      fundingOrganisationId: funder.id,
      departedOn: rest.departedOn,
      arrivedOn: rest.arrivedOn,
      retroactiveStatus: 'pending',
      programmeId: rest.programmeId ?? null,
      programmePath: 'programmeId',
      event: { type: 'retroactive.registered', details: {} },
    });
    await notify(trx, {
      organisationId: funder.id,
      permission: 'cases:validate',
      caseId: c.id,
      type: 'retroactive.registered',
      params: { reference: c.reference, ...(own ? { organisation: own.name } : {}) },
    });
    return c;
  });
  namesAdded(ctx);
  return getSharedCase(ctx, actor, created.id);
}

function splitHousehold(body: NewRetroactiveCase) {
  const { fundingOrganisationId, departedOn, arrivedOn, programmeId, ...household } = body;
  return { household, fundingOrganisationId, departedOn, arrivedOn, programmeId };
}

const needsReason = () =>
  new Problem(
    422,
    'Declining to fund needs a reason code: ineligible, no_funds, duplicate_case, or other with a comment.',
    {
      type: 'https://homeward.example/problems/transition-reason-required',
      errors: [
        {
          path: 'reasonCode',
          message: 'required to decline: ineligible, no_funds, duplicate_case or other',
          location: 'body',
        },
      ],
    },
  );

/**
 * The funding authority's coordinator accepts to fund the assistance, or declines with a reason.
 * A decline does not move the case (the state machine has no move from `arrived` or later to
 * `rejected`, and the household has returned whatever anyone decides): it is recorded as the
 * decision and its event, and blocks the plan's approval for good. A decision is final.
 */
export async function decideRetroactive(
  ctx: AppContext,
  actorIn: Actor | null,
  caseId: string,
  body: RetroactiveDecision,
) {
  const actor = requirePermission(actorIn, 'cases:read');
  const access = await caseAccess(ctx.db, actor, caseId);
  requireCasePermission(actor, access, 'cases:validate');
  const c = access.case;
  if (!c.retroactive) {
    throw problems.conflict('This case was not registered after the return: there is no funding to decide.');
  }
  if (c.retroactive_status !== 'pending') {
    throw problems.conflict(`The funding of this case was already decided: ${c.retroactive_status}.`);
  }
  if (body.decision === 'decline') {
    if (!body.reasonCode) throw needsReason();
    if (body.reasonCode === 'other' && !body.comment) {
      throw unprocessable('comment', 'the reason "other" needs a comment', 'transition-reason-required');
    }
  } else if (body.reasonCode) {
    throw unprocessable(
      'reasonCode',
      'an acceptance takes no reason code; use the comment',
      'transition-unknown-reason',
    );
  }
  const status = body.decision === 'accept' ? 'accepted' : 'declined';
  const own = await repo.activeOrganisation(ctx.db, actor.organisationId);
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await repo.decidePending(trx, actor.organisationId, caseId, status);
    if (!updated) throw problems.conflict('The funding of this case was decided in the meantime.');
    await casesRepo.insertEvent(trx, {
      caseId,
      organisationId: c.organisation_id,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      type: 'retroactive.decided',
      reasonCode: body.reasonCode ?? null,
      comment: body.comment ?? null,
      details: { decision: status, actorOrganisationId: actor.organisationId, part: 'funder' },
    });
    await recordAudit(trx, subjectOf(actor), {
      action: 'retroactive.decide',
      targetType: 'case',
      targetId: caseId,
      details: { decision: status, reasonCode: body.reasonCode ?? null },
    });
    await notify(trx, {
      organisationId: c.partner_organisation_id ?? c.organisation_id,
      permission: 'referrals:respond',
      caseId,
      type: status === 'accepted' ? 'retroactive.accepted' : 'retroactive.declined',
      params: {
        reference: c.reference,
        ...(own ? { organisation: own.name } : {}),
        ...(body.reasonCode ? { reason: body.reasonCode } : {}),
      },
    });
  });
  return getSharedCase(ctx, actor, caseId);
}

export async function listRetroactiveCases(
  ctx: AppContext,
  actorIn: Actor | null,
  q: z.infer<typeof RetroactiveListQuery>,
) {
  const actor = requirePermission(actorIn, 'cases:read');
  const { rows, total } = await repo.listRetroactive(ctx.db, {
    organisationId: actor.organisationId,
    status: q.status,
    limit: q.limit,
    offset: q.offset,
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      stage: r.stage as CaseStage,
      returnCountry: r.return_country,
      retroactiveStatus: (r.retroactive_status ?? 'pending') as RetroactiveStatus,
      registeredAt: r.created_at.toISOString(),
      funder: { id: r.funder_id ?? r.partner_id, name: r.funder_name ?? r.partner_name },
      partner: { id: r.partner_id, name: r.partner_name },
      departedOn: r.departed_on,
      arrivedOn: r.arrived_on,
    })),
    total,
  };
}
