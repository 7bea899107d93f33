import type { z } from 'zod';
import { isTerminal, type CaseStage } from '../../domain/case-workflow.ts';
import { CONSENT_PURPOSE_OF, sharedCategories } from '../../domain/sharing.ts';
import { recordAudit, subjectOf } from '../audit/audit.service.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import * as casesRepo from '../cases/cases.repository.ts';
import type { AppContext } from '../context.ts';
import { problems } from '../http/problem.ts';
import { notify } from '../notifications/notifications.service.ts';
import {
  caseAccess,
  findCaseAccesses,
  funderOf,
  requireCasePermission,
  type CaseAccess,
} from '../sharing/access.ts';
import { consentedCategories } from '../sharing/sharing.repository.ts';
import * as repo from './referrals.repository.ts';
import type {
  ApplicationChoice,
  ArrivalBody,
  DeclineBody,
  DepartureDecision,
  ReferralListQuery,
  TransferBody,
  ValidationDecision,
} from './referrals.schemas.ts';
import { departureRequestableFrom, presentReferral, presentSharedCase } from './shared-view.ts';
import {
  mayTransfer,
  moveCase,
  openReferral,
  staleVersion,
  today,
  transferPermission,
  unprocessable,
} from './workflow.service.ts';

/**
 * KM1 choices, the funding authority's gates, referrals to partners and origin authorities, and
 * departure and arrival. Every function starts from caseAccess (404 for an organisation the case is
 * not shared with) and exercises permissions only in the parts the organisation plays.
 */

export async function getSharedCase(ctx: AppContext, actorIn: Actor | null, caseId: string) {
  const actor = requirePermission(actorIn, 'cases:read');
  const access = await caseAccess(ctx.db, actor, caseId);
  return presentSharedCase(ctx.db, actor, access);
}

// The application's choices (KM1) -----------------------------------------------------------------

async function recipientCheck(
  ctx: AppContext,
  access: CaseAccess,
  kind: 'partner' | 'origin',
  organisationId: string | null,
) {
  if (!organisationId) return null;
  const org = await repo.activeOrganisation(ctx.db, organisationId);
  const consented = await consentedCategories(
    ctx.db,
    access.case.organisation_id,
    access.case.id,
    organisationId,
    CONSENT_PURPOSE_OF[kind],
  );
  return {
    organisation: { id: organisationId, name: org?.name ?? '' },
    kind,
    consentInForce: consented.length > 0,
    dataset: sharedCategories(kind, consented),
  };
}

async function presentApplication(ctx: AppContext, access: CaseAccess) {
  const c = access.case;
  const [funders, partner, origin] = await Promise.all([
    repo.enrolmentFunders(ctx.db, c.organisation_id, c.id),
    recipientCheck(ctx, access, 'partner', c.partner_organisation_id),
    recipientCheck(ctx, access, 'origin', c.origin_organisation_id),
  ]);
  const names = await repo.organisationsByIds(ctx.db, [c.organisation_id, funderOf(c)]);
  const blockers: { path: string; message: string }[] = [];
  if (funders.length === 0) {
    blockers.push({ path: 'enrolments', message: 'the case is enrolled in no programme' });
  }
  if (partner && !partner.consentInForce) {
    blockers.push({
      path: 'partnerOrganisationId',
      message: 'no consent of the principal applicant to share with this partner is in force',
    });
  }
  if (c.funding_organisation_id && !funders.some((f) => f.id === c.funding_organisation_id)) {
    blockers.push({
      path: 'fundingOrganisationId',
      message: 'no active enrolment of the case is funded by this organisation',
    });
  }
  return {
    caseId: c.id,
    stage: c.stage as CaseStage,
    owner: { id: c.organisation_id, name: names.get(c.organisation_id)?.name ?? '' },
    funder: { id: funderOf(c), name: names.get(funderOf(c))?.name ?? '' },
    partner,
    originAuthority: origin,
    funderChoices: funders,
    blockers,
    version: c.version,
  };
}

export async function getApplication(ctx: AppContext, actorIn: Actor | null, caseId: string) {
  const actor = requirePermission(actorIn, 'cases:read');
  const access = await caseAccess(ctx.db, actor, caseId);
  if (!access.parts.has('owner') && !access.parts.has('funder')) throw problems.notFound('case');
  return presentApplication(ctx, access);
}

const CHOICE_STAGES: readonly CaseStage[] = ['intake', 'counselling', 'application'];

/**
 * The counsellor chooses the partner, the origin authority and the funding authority before
 * submitting. Each must be an active organisation of the right kind; the funder must fund one of the
 * case's active enrolments.
 */
export async function setApplication(
  ctx: AppContext,
  actorIn: Actor | null,
  caseId: string,
  body: z.infer<typeof ApplicationChoice>,
  expectedVersion: number | undefined,
) {
  const actor = requirePermission(actorIn, 'cases:write');
  const access = await caseAccess(ctx.db, actor, caseId);
  requireCasePermission(actor, access, 'cases:write');
  const c = access.case;
  if (!CHOICE_STAGES.includes(c.stage as CaseStage)) {
    throw problems.conflict(
      `The referral choices are made while preparing the application; the case is in ${c.stage}. After validation, transfer the case to another partner instead.`,
    );
  }
  const kinds: [keyof typeof body, string, string][] = [
    ['partnerOrganisationId', 'reintegration_partner', 'a reintegration partner'],
    ['originAuthorityOrganisationId', 'origin_authority', 'an origin authority'],
  ];
  for (const [field, type, label] of kinds) {
    const id = body[field];
    if (!id) continue;
    const org = await repo.activeOrganisation(ctx.db, id);
    if (!org || org.type !== type) {
      throw unprocessable(
        field,
        `must be the id of ${label} (an active organisation of that kind)`,
        'invalid-recipient',
      );
    }
  }
  if (body.fundingOrganisationId && body.fundingOrganisationId !== c.organisation_id) {
    const funders = await repo.enrolmentFunders(ctx.db, c.organisation_id, c.id);
    if (!funders.some((f) => f.id === body.fundingOrganisationId)) {
      throw unprocessable(
        'fundingOrganisationId',
        'must fund one of the case’s active enrolments',
        'funder-not-enrolled',
      );
    }
  }
  const values: Record<string, unknown> = {};
  if (body.partnerOrganisationId !== undefined) values.partner_organisation_id = body.partnerOrganisationId;
  if (body.originAuthorityOrganisationId !== undefined) {
    values.origin_organisation_id = body.originAuthorityOrganisationId;
  }
  if (body.fundingOrganisationId !== undefined) {
    values.funding_organisation_id =
      body.fundingOrganisationId === c.organisation_id ? null : body.fundingOrganisationId;
  }
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await casesRepo.updateCase(
      trx,
      c.organisation_id,
      caseId,
      expectedVersion ?? c.version,
      values,
    );
    if (!updated)
      throw staleVersion((await casesRepo.findCase(trx, c.organisation_id, caseId))?.version ?? 0);
    await casesRepo.insertEvent(trx, {
      caseId,
      organisationId: c.organisation_id,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      type: 'application.choices',
      details: { ...body, actorOrganisationId: actor.organisationId },
    });
  });
  return presentApplication(ctx, await caseAccess(ctx.db, actor, caseId));
}

// The funding authority's gates -------------------------------------------------------------------

const DECISION_TARGET: Record<z.infer<typeof ValidationDecision>['decision'], CaseStage> = {
  validate: 'validated',
  return: 'application',
  reject: 'rejected',
};

export async function decideApplication(
  ctx: AppContext,
  actorIn: Actor | null,
  caseId: string,
  body: z.infer<typeof ValidationDecision>,
  expectedVersion: number | undefined,
) {
  const actor = requirePermission(actorIn, 'cases:read');
  await moveCase(ctx, actor, caseId, {
    to: DECISION_TARGET[body.decision],
    reasonCode: body.reasonCode,
    comment: body.comment,
    expectedVersion,
  });
  return getSharedCase(ctx, actor, caseId);
}

export async function decideDeparture(
  ctx: AppContext,
  actorIn: Actor | null,
  caseId: string,
  body: z.infer<typeof DepartureDecision>,
  expectedVersion: number | undefined,
) {
  const actor = requirePermission(actorIn, 'cases:read');
  await moveCase(ctx, actor, caseId, {
    to: body.outcome,
    reasonCode: body.reasonCode,
    comment: body.comment,
    date: body.date,
    expectedVersion,
  });
  return getSharedCase(ctx, actor, caseId);
}

export async function confirmArrival(
  ctx: AppContext,
  actorIn: Actor | null,
  caseId: string,
  body: z.infer<typeof ArrivalBody>,
  expectedVersion: number | undefined,
) {
  const actor = requirePermission(actorIn, 'cases:read');
  await moveCase(ctx, actor, caseId, { to: 'arrived', date: body.arrivedOn, expectedVersion });
  return getSharedCase(ctx, actor, caseId);
}

/**
 * The partner asks the funding authority to confirm departure, from N days after the planned date
 * (the case's programmes say N; 30 by default). Once per case until the authority answers.
 */
export async function requestDepartureConfirmation(ctx: AppContext, actorIn: Actor | null, caseId: string) {
  const actor = requirePermission(actorIn, 'cases:read');
  const access = await caseAccess(ctx.db, actor, caseId);
  requireCasePermission(actor, access, 'referrals:respond');
  const c = access.case;
  if (c.stage !== 'pre_departure') {
    throw problems.conflict(
      `Confirmation of departure is requested before it is recorded; the case is in ${c.stage}.`,
    );
  }
  if (c.departure_confirmation_requested_at) {
    throw problems.conflict(
      `Confirmation of departure was already requested on ${c.departure_confirmation_requested_at.toISOString().slice(0, 10)}.`,
    );
  }
  const from = await departureRequestableFrom(ctx.db, c);
  if (!from) throw problems.conflict('The case has no planned departure date yet.');
  if (from > today()) {
    throw problems.conflict(`Confirmation of departure may be requested from ${from}.`, {
      requestableFrom: from,
    });
  }
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await casesRepo.updateCase(trx, c.organisation_id, caseId, c.version, {
      departure_confirmation_requested_at: new Date(),
    });
    if (!updated) throw staleVersion(c.version + 1);
    await casesRepo.insertEvent(trx, {
      caseId,
      organisationId: c.organisation_id,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      type: 'departure.confirmation_requested',
      details: { actorOrganisationId: actor.organisationId },
    });
    await recordAudit(trx, subjectOf(actor), {
      action: 'departure.confirmation_requested',
      targetType: 'case',
      targetId: caseId,
    });
    await notify(trx, {
      organisationId: funderOf(c),
      permission: 'cases:confirm_departure',
      caseId,
      type: 'departure.confirmation_requested',
      params: { reference: c.reference },
    });
  });
  return getSharedCase(ctx, actor, caseId);
}

// Referrals ---------------------------------------------------------------------------------------

export async function listReferrals(
  ctx: AppContext,
  actorIn: Actor | null,
  q: z.infer<typeof ReferralListQuery>,
) {
  const actor = requirePermission(actorIn, 'cases:read');
  const { rows, total } = await repo.listReferrals(ctx.db, {
    organisationId: actor.organisationId,
    box: q.box,
    caseId: q.caseId,
    status: q.status,
    overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
    limit: q.limit,
    offset: q.offset,
  });
  const names = await repo.organisationsByIds(
    ctx.db,
    rows.flatMap((r) => [r.sender_organisation_id, r.recipient_organisation_id]),
  );
  // A recipient sees its referrals' history, but where a case went after its access ended is not its to know.
  const received = rows.filter((r) => r.recipient_organisation_id === actor.organisationId);
  const visible = await findCaseAccesses(
    ctx.db,
    actor.organisationId,
    received.map((r) => r.case_id),
  );
  return {
    items: rows.map((r) =>
      presentReferral(
        r,
        names,
        r.recipient_organisation_id !== actor.organisationId || visible.has(r.case_id),
      ),
    ),
    total,
  };
}

async function loadReferral(ctx: AppContext, actor: Actor, id: string) {
  const r = await repo.findReferralFor(ctx.db, actor.organisationId, id);
  if (!r) throw problems.notFound('referral');
  return r;
}

export async function getReferral(ctx: AppContext, actorIn: Actor | null, id: string) {
  const actor = requirePermission(actorIn, 'cases:read');
  const r = await loadReferral(ctx, actor, id);
  // A recipient whose consent is no longer in force does not see its referral either.
  if (r.recipient_organisation_id === actor.organisationId) await caseAccess(ctx.db, actor, r.case_id);
  const names = await repo.organisationsByIds(ctx.db, [
    r.sender_organisation_id,
    r.recipient_organisation_id,
  ]);
  return presentReferral(r, names);
}

/**
 * The recipient accepts: a partner's acceptance moves the case to pre-departure; an origin
 * authority's acknowledges receipt only.
 */
export async function acceptReferral(ctx: AppContext, actorIn: Actor | null, id: string) {
  const actor = requirePermission(actorIn, 'cases:read');
  const r = await loadReferral(ctx, actor, id);
  if (r.recipient_organisation_id !== actor.organisationId) throw problems.notFound('referral');
  const access = await caseAccess(ctx.db, actor, r.case_id);
  if (r.status !== 'pending') throw problems.conflict(`The referral is already ${r.status}.`);
  if (r.kind === 'partner' && access.case.stage === 'validated') {
    await moveCase(ctx, actor, r.case_id, { to: 'pre_departure' });
  } else {
    // A transfer to a new partner after pre-departure, or an origin authority's acknowledgement.
    if (r.kind === 'partner') requireCasePermission(actor, access, 'referrals:respond');
    await ctx.db.transaction().execute(async (trx) => {
      const done = await repo.updateOpenReferral(trx, r.id, {
        status: 'accepted',
        responded_at: new Date(),
        responded_by: actor.userId,
      });
      if (!done || done.status !== 'accepted')
        throw problems.conflict('The referral was answered in the meantime.');
      await casesRepo.insertEvent(trx, {
        caseId: r.case_id,
        organisationId: access.case.organisation_id,
        actorUserId: actor.userId,
        actorLabel: actor.label,
        type: 'referral.accepted',
        details: { referralId: r.id, actorOrganisationId: actor.organisationId },
      });
      await notify(
        trx,
        [access.case.organisation_id, funderOf(access.case)]
          .filter((o, i, all) => all.indexOf(o) === i)
          .map((organisationId) => ({
            organisationId,
            caseId: r.case_id,
            type: 'referral.accepted' as const,
            params: { reference: r.reference },
          })),
      );
    });
  }
  return getReferral(ctx, actor, id);
}

/** The partner declines with a reason: the case returns to the counsellor, who may choose another. */
export async function declineReferral(
  ctx: AppContext,
  actorIn: Actor | null,
  id: string,
  body: z.infer<typeof DeclineBody>,
) {
  const actor = requirePermission(actorIn, 'cases:read');
  const r = await loadReferral(ctx, actor, id);
  if (r.recipient_organisation_id !== actor.organisationId) throw problems.notFound('referral');
  const access = await caseAccess(ctx.db, actor, r.case_id);
  requireCasePermission(actor, access, 'referrals:respond');
  if (r.status !== 'pending') throw problems.conflict(`The referral is already ${r.status}.`);
  if (r.kind !== 'partner' || access.case.stage !== 'validated') {
    throw problems.conflict('Only a pending referral of a validated case can be declined.');
  }
  const reasonCode =
    body.reasonCode === 'other' || body.reasonCode === 'partner_declined' ? body.reasonCode : undefined;
  if (!reasonCode) {
    throw unprocessable(
      'reasonCode',
      'use partner_declined, or other with a comment',
      'transition-unknown-reason',
    );
  }
  await moveCase(ctx, actor, r.case_id, { to: 'application', reasonCode, comment: body.comment });
  // The partner no longer sees the case; its answer is still its own to read.
  return presentReferral(
    (await repo.findReferralFor(ctx.db, actor.organisationId, id))!,
    await repo.organisationsByIds(ctx.db, [r.sender_organisation_id, r.recipient_organisation_id]),
    false,
  );
}

/**
 * The funding authority (or the owner) moves the case to another partner: the open partner referral
 * ends as `transferred`, a new one is opened (pending) to the new partner, and the history keeps
 * both. The new partner needs a consent in force like the first.
 */
export async function transferCase(
  ctx: AppContext,
  actorIn: Actor | null,
  caseId: string,
  body: z.infer<typeof TransferBody>,
) {
  const actor = requirePermission(actorIn, 'cases:read');
  const access = await caseAccess(ctx.db, actor, caseId);
  requireCasePermission(actor, access, transferPermission(access));
  const c = access.case;
  if (isTerminal(c.stage as CaseStage)) throw problems.conflict(`The case is ${c.stage}: it is final.`);
  if (!mayTransfer(actor, access)) {
    throw problems.conflict(`The case has no open referral to a partner to transfer (it is ${c.stage}).`);
  }
  if (body.partnerOrganisationId === c.partner_organisation_id) {
    throw unprocessable(
      'partnerOrganisationId',
      'the case is already with this partner',
      'invalid-recipient',
    );
  }
  const org = await repo.activeOrganisation(ctx.db, body.partnerOrganisationId);
  if (!org || org.type !== 'reintegration_partner') {
    throw unprocessable(
      'partnerOrganisationId',
      'must be the id of an active reintegration partner',
      'invalid-recipient',
    );
  }
  const consented = await consentedCategories(
    ctx.db,
    c.organisation_id,
    caseId,
    body.partnerOrganisationId,
    CONSENT_PURPOSE_OF.partner,
  );
  if (consented.length === 0) {
    throw unprocessable(
      'partnerOrganisationId',
      'no consent of the principal applicant to share with this partner is in force',
      'consent-missing',
    );
  }
  await ctx.db.transaction().execute(async (trx) => {
    const open = await repo.openReferralOfKind(trx, caseId, 'partner');
    if (!open) throw problems.conflict('The case has no open referral to a partner to transfer.');
    const ended = await repo.updateOpenReferral(trx, open.id, {
      status: 'transferred',
      ended_at: new Date(),
      reason_code: body.reasonCode,
      comment: body.comment ?? null,
    });
    if (!ended) throw problems.conflict('The referral changed in the meantime.');
    const updated = await casesRepo.updateCase(trx, c.organisation_id, caseId, c.version, {
      partner_organisation_id: body.partnerOrganisationId,
    });
    if (!updated) throw staleVersion(c.version + 1);
    const next = await openReferral(trx, actor, updated, 'partner', body.partnerOrganisationId, open.id);
    await casesRepo.insertEvent(trx, {
      caseId,
      organisationId: c.organisation_id,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      type: 'referral.transferred',
      reasonCode: body.reasonCode,
      comment: body.comment ?? null,
      details: {
        from: open.recipient_organisation_id,
        to: body.partnerOrganisationId,
        referralId: next.id,
        actorOrganisationId: actor.organisationId,
      },
    });
    await recordAudit(trx, subjectOf(actor), {
      action: 'referral.transfer',
      targetType: 'case',
      targetId: caseId,
      details: { from: open.recipient_organisation_id, to: body.partnerOrganisationId },
    });
    await notify(trx, [
      {
        organisationId: open.recipient_organisation_id,
        caseId,
        type: 'referral.ended',
        params: { reference: c.reference },
      },
      {
        organisationId: body.partnerOrganisationId,
        permission: 'referrals:respond',
        caseId,
        type: 'referral.received',
        params: { reference: c.reference },
      },
    ]);
  });
  return getSharedCase(ctx, actor, caseId);
}
