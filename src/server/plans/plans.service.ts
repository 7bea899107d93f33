import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import type { CaseStage } from '../../domain/case-workflow.ts';
import { hasPermission } from '../../domain/permissions.ts';
import type { PlanStatus } from '../../domain/plans.ts';
import { recordAudit, subjectOf } from '../audit/audit.service.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import * as casesRepo from '../cases/cases.repository.ts';
import type { AppContext } from '../context.ts';
import { Problem, problems } from '../http/problem.ts';
import { notify } from '../notifications/notifications.service.ts';
import * as referralsRepo from '../referrals/referrals.repository.ts';
import { moveCase, moveCaseIn, staleVersion, today, unprocessable } from '../referrals/workflow.service.ts';
import { caseAccess, funderOf, requireCasePermission, type CaseAccess } from '../sharing/access.ts';
import { requireDocuments } from '../documents/documents.service.ts';
import { findOverlaps } from './ledger.service.ts';
import {
  allowancesOf,
  checkBudget,
  fromCents,
  funderOfEnrolments,
  guardLines,
  toCents,
} from './plan-gates.ts';
import type { DeliveryInput, FinalReportInput, GateReturn, PlanInput } from './plans.schemas.ts';
import * as repo from './plans.repository.ts';

/**
 * KM2 and KM3 for the organisations that share a case: the partner's focal point writes the plan
 * and the final report and records deliveries, the partner coordinator validates, the funding
 * authority approves (through the case workflow) or returns. The origin authority sees none of it.
 */

async function planAccess(ctx: AppContext, actorIn: Actor | null, caseId: string) {
  const actor = requirePermission(actorIn, 'cases:read');
  const access = await caseAccess(ctx.db, actor, caseId);
  if (access.relation === 'origin') throw problems.notFound('case');
  return { actor, access };
}

function event(actor: Actor, access: CaseAccess, type: string, details: Record<string, unknown> = {}) {
  return {
    caseId: access.case.id,
    organisationId: access.case.organisation_id,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    type,
    details: { ...details, actorOrganisationId: actor.organisationId },
  };
}

function iso(d: Date | null): string | null {
  return d ? d.toISOString() : null;
}

function gateState(
  row:
    | {
        status: string;
        submitted_at: Date | null;
        validated_at: Date | null;
        approved_at: Date | null;
        returned_at: Date | null;
        returned_by_part: string | null;
        return_reason_code: string | null;
        return_comment: string | null;
      }
    | undefined,
) {
  return {
    status: (row?.status ?? 'none') as PlanStatus,
    submittedAt: iso(row?.submitted_at ?? null),
    validatedAt: iso(row?.validated_at ?? null),
    approvedAt: iso(row?.approved_at ?? null),
    returnedAt: iso(row?.returned_at ?? null),
    returnedBy: (row?.returned_by_part ?? null) as 'partner' | 'funder' | null,
    returnReasonCode: row?.return_reason_code ?? null,
    returnComment: row?.return_comment ?? null,
  };
}

async function presentPlan(db: Kysely<DB>, access: CaseAccess) {
  const c = access.case;
  const [plan, enrolments, deliveries] = await Promise.all([
    repo.findPlan(db, c.id),
    repo.enrolmentsOfCase(db, c.organisation_id, c.id),
    repo.deliveriesOfCase(db, c.id),
  ]);
  const lines = plan ? await repo.linesOfPlan(db, plan.id) : [];
  const partnerId = plan?.partner_organisation_id ?? c.partner_organisation_id;
  const orgs = await referralsRepo.organisationsByIds(db, [partnerId]);
  const planned = new Map<string, number>();
  for (const l of lines) {
    if (l.status === 'cancelled') continue;
    const key = `${l.enrolment_id}/${l.component_code}`;
    planned.set(key, (planned.get(key) ?? 0) + l.amount_cents);
  }
  const totals = new Map<string, { planned: number; delivered: number }>();
  for (const l of lines) {
    if (l.status === 'cancelled') continue;
    const t = totals.get(l.currency) ?? { planned: 0, delivered: 0 };
    t.planned += l.amount_cents;
    t.delivered += l.delivered_cents;
    totals.set(l.currency, t);
  }
  const partner = partnerId ? orgs.get(partnerId) : undefined;
  return {
    caseId: c.id,
    ...gateState(plan),
    partner: partner ? { id: partner.id, name: partner.name } : null,
    needs: (plan?.needs ?? {}) as z.infer<typeof PlanInput>['needs'],
    lines: lines.map((l) => ({
      id: l.id,
      position: l.position,
      enrolmentId: l.enrolment_id,
      programmeCode: l.programme_code,
      componentCode: l.component_code,
      category: l.category,
      modality: l.modality,
      description: l.description,
      currency: l.currency,
      amount: fromCents(l.amount_cents),
      localCurrency: l.local_currency,
      exchangeRate: l.exchange_rate,
      localAmount: l.local_amount_cents === null ? null : fromCents(l.local_amount_cents),
      supplier: l.supplier,
      dueDate: l.due_date,
      beneficiaryPersonIds: l.beneficiary_person_ids,
      status: l.status,
      delivered: fromCents(l.delivered_cents),
      remaining: fromCents(l.amount_cents - l.delivered_cents),
      justification: l.justification,
      justifiedAt: iso(l.justified_at),
      deliveries: deliveries
        .filter((d) => d.plan_line_id === l.id)
        .map((d) => ({
          id: d.id,
          planLineId: d.plan_line_id,
          kind: d.kind,
          deliveredOn: d.delivered_on,
          amount: fromCents(d.amount_cents),
          note: d.note,
          documentIds: d.document_ids,
          createdAt: d.created_at.toISOString(),
        })),
    })),
    allowances: allowancesOf(enrolments).map((a) => ({
      enrolmentId: a.enrolmentId,
      programmeCode: a.programmeCode,
      componentCode: a.componentCode,
      name: a.name,
      category: a.category,
      currency: a.currency,
      allowed: a.allowedCents === null ? null : fromCents(a.allowedCents),
      planned: fromCents(planned.get(`${a.enrolmentId}/${a.componentCode}`) ?? 0),
      active: a.active,
    })),
    totals: [...totals.entries()].map(([currency, t]) => ({
      currency,
      planned: fromCents(t.planned),
      delivered: fromCents(t.delivered),
    })),
    version: plan?.version ?? 0,
  };
}

export async function getPlan(ctx: AppContext, actorIn: Actor | null, caseId: string) {
  const { access } = await planAccess(ctx, actorIn, caseId);
  return presentPlan(ctx.db, access);
}

const EDITABLE_STAGES: readonly CaseStage[] = ['arrived', 'plan_submitted'];

function localAmountCents(line: z.infer<typeof PlanInput>['lines'][number], index: number): number | null {
  if (line.localCurrency === undefined) {
    if (line.exchangeRate !== undefined || line.localAmount !== undefined) {
      throw unprocessable(
        `lines.${index}.localCurrency`,
        'a local amount or rate needs its currency',
        'invalid-plan-line',
      );
    }
    return null;
  }
  if (line.exchangeRate === undefined) {
    throw unprocessable(`lines.${index}.exchangeRate`, 'give the exchange rate used', 'invalid-plan-line');
  }
  const computed = Math.round(line.amount * line.exchangeRate * 100);
  if (line.localAmount === undefined) return computed;
  const given = toCents(line.localAmount);
  // The rate is rounded on paper: allow 1 % (and at least one unit) between amount × rate and the local amount.
  if (Math.abs(given - computed) > Math.max(100, computed / 100)) {
    throw unprocessable(
      `lines.${index}.localAmount`,
      `does not match amount × rate (${(computed / 100).toFixed(2)} ${line.localCurrency})`,
      'invalid-plan-line',
    );
  }
  return given;
}

/** Writes the whole draft plan (needs and lines), keeping the ids of lines that are kept. */
export async function savePlan(
  ctx: AppContext,
  actorIn: Actor | null,
  caseId: string,
  input: z.infer<typeof PlanInput>,
  expectedVersion: number | undefined,
) {
  const { actor, access } = await planAccess(ctx, actorIn, caseId);
  requireCasePermission(actor, access, 'plans:write');
  const c = access.case;
  if (!EDITABLE_STAGES.includes(c.stage as CaseStage)) {
    throw problems.conflict(`The plan can be written after arrival, not in stage ${c.stage}.`);
  }
  const persons = new Set((await casesRepo.personsOfCase(ctx.db, c.organisation_id, c.id)).map((p) => p.id));
  const principal = (await casesRepo.personsOfCase(ctx.db, c.organisation_id, c.id)).find(
    (p) => p.relationship === 'principal',
  );
  await ctx.db.transaction().execute(async (trx) => {
    let plan = await repo.lockPlan(trx, c.id);
    if (plan && !['draft', 'returned'].includes(plan.status)) {
      throw problems.conflict(
        `The plan is ${plan.status}: it can only be changed when it is a draft or returned.`,
      );
    }
    if (plan && expectedVersion !== undefined && plan.version !== expectedVersion)
      throw staleVersion(plan.version);
    if (!plan) {
      if (expectedVersion !== undefined && expectedVersion !== 0) throw staleVersion(0);
      plan = await repo.insertPlan(trx, {
        case_id: c.id,
        partner_organisation_id: actor.organisationId,
        needs: JSON.stringify(input.needs),
        created_by: actor.userId,
      });
    } else {
      await repo.updatePlan(trx, c.id, { needs: JSON.stringify(input.needs) });
    }
    const existing = new Map((await repo.linesOfPlan(trx, plan.id)).map((l) => [l.id, l]));
    const enrolments = await repo.enrolmentsOfCase(trx, c.organisation_id, c.id);
    const allowances = allowancesOf(enrolments);
    const keep = input.lines.flatMap((l) => (l.id ? [l.id] : []));
    for (const [i, id] of keep.entries()) {
      if (!existing.has(id))
        throw unprocessable(`lines.${i}.id`, 'no such line in this plan', 'invalid-plan-line');
    }
    await repo.deleteLinesExcept(trx, plan.id, keep);
    for (const [i, line] of input.lines.entries()) {
      const allowance = allowances.find(
        (a) => a.enrolmentId === line.enrolmentId && a.componentCode === line.componentCode,
      );
      if (!allowance) {
        throw unprocessable(
          `lines.${i}.componentCode`,
          'not a component of one of the case’s enrolments',
          'invalid-plan-line',
        );
      }
      const beneficiaries = line.beneficiaryPersonIds ?? (principal ? [principal.id] : []);
      beneficiaries.forEach((id, j) => {
        if (!persons.has(id)) {
          throw unprocessable(
            `lines.${i}.beneficiaryPersonIds.${j}`,
            'not a person of this case',
            'invalid-plan-line',
          );
        }
      });
      const values = {
        position: i,
        enrolment_id: line.enrolmentId,
        programme_code: allowance.programmeCode,
        component_code: allowance.componentCode,
        category: allowance.category,
        modality: line.modality,
        description: line.description,
        currency: allowance.currency,
        amount_cents: toCents(line.amount),
        local_currency: line.localCurrency ?? null,
        local_amount_cents: localAmountCents(line, i),
        exchange_rate: line.exchangeRate ?? null,
        supplier: line.supplier ?? null,
        due_date: line.dueDate,
        beneficiary_person_ids: [...new Set(beneficiaries)],
      };
      if (line.id) await repo.updateLine(trx, plan.id, line.id, values);
      else await repo.insertLine(trx, { ...values, plan_id: plan.id, case_id: c.id });
    }
    // The draft may not promise more than the enrolments allow: refused at once, naming the component.
    await checkBudget(trx, access, plan.id);
    await casesRepo.insertEvent(trx, event(actor, access, 'plan.saved', { lines: input.lines.length }));
  });
  return presentPlan(ctx.db, await caseAccess(ctx.db, actor, caseId));
}

/** The focal point submits the plan: the case moves to plan_submitted, or a returned plan goes back. */
export async function submitPlan(ctx: AppContext, actorIn: Actor | null, caseId: string) {
  const { actor, access } = await planAccess(ctx, actorIn, caseId);
  requireCasePermission(actor, access, 'plans:write');
  if (access.case.stage === 'arrived') {
    await moveCase(ctx, actor, caseId, { to: 'plan_submitted' });
  } else {
    await changeGateStatus(
      ctx,
      actor,
      access,
      'plan',
      ['returned'],
      'submitted',
      'plan.submitted',
      'plans:validate',
    );
  }
  return getPlan(ctx, actor, caseId);
}

type Document = 'plan' | 'report';

/**
 * A status change inside a stage: the partner coordinator validates or returns, the focal point
 * resubmits what the partner coordinator returned. Locked and conditional on the status read.
 */
async function changeGateStatus(
  ctx: AppContext,
  actor: Actor,
  access: CaseAccess,
  doc: Document,
  fromStatuses: readonly string[],
  to: 'submitted' | 'validated' | 'returned',
  notice:
    | 'plan.submitted'
    | 'plan.validated'
    | 'plan.returned'
    | 'report.submitted'
    | 'report.validated'
    | 'report.returned',
  permission: 'plans:validate' | 'plans:approve' | 'plans:write',
  reason?: { reasonCode?: string | undefined; comment?: string | undefined },
) {
  const c = access.case;
  const expectedStage = doc === 'plan' ? 'plan_submitted' : 'final_report';
  if (c.stage !== expectedStage) {
    throw problems.conflict(`This needs the case in stage ${expectedStage}; it is in ${c.stage}.`);
  }
  await ctx.db.transaction().execute(async (trx) => {
    const row = doc === 'plan' ? await repo.lockPlan(trx, c.id) : await repo.findFinalReport(trx, c.id);
    if (!row || !fromStatuses.includes(row.status)) {
      throw problems.conflict(
        `The ${doc === 'plan' ? 'plan' : 'final report'} is ${row?.status ?? 'missing'}; this needs it ${fromStatuses.join(' or ')}.`,
      );
    }
    const now = new Date();
    const values =
      to === 'validated'
        ? { status: to, validated_at: now, validated_by: actor.userId }
        : to === 'submitted'
          ? { status: to, submitted_at: now }
          : {
              status: to,
              returned_at: now,
              returned_by_part: access.parts.has('funder') ? 'funder' : 'partner',
              return_reason_code: reason?.reasonCode ?? null,
              return_comment: reason?.comment ?? null,
            };
    const updated =
      doc === 'plan'
        ? await repo.updatePlan(trx, c.id, values, row.version)
        : await repo.updateFinalReport(trx, c.id, values, row.version);
    if (!updated) throw staleVersion(row.version);
    await casesRepo.insertEvent(trx, {
      ...event(actor, access, `${doc}.${to}`),
      reasonCode: reason?.reasonCode ?? null,
      comment: reason?.comment ?? null,
    });
    await recordAudit(trx, subjectOf(actor), {
      action: `${doc}.${to}`,
      targetType: 'case',
      targetId: c.id,
    });
    const recipient = permission === 'plans:approve' ? funderOf(c) : c.partner_organisation_id;
    if (recipient) {
      await notify(trx, {
        organisationId: recipient,
        permission,
        caseId: c.id,
        type: notice,
        params: { reference: c.reference, ...(reason?.reasonCode ? { reason: reason.reasonCode } : {}) },
      });
    }
  });
}

export async function validatePlan(ctx: AppContext, actorIn: Actor | null, caseId: string) {
  const { actor, access } = await planAccess(ctx, actorIn, caseId);
  requireCasePermission(actor, access, 'plans:validate');
  await changeGateStatus(
    ctx,
    actor,
    access,
    'plan',
    ['submitted'],
    'validated',
    'plan.validated',
    'plans:approve',
  );
  return getPlan(ctx, actor, caseId);
}

export async function approvePlan(ctx: AppContext, actorIn: Actor | null, caseId: string) {
  const actor = requirePermission(actorIn, 'cases:read');
  await moveCase(ctx, actor, caseId, { to: 'plan_approved' });
  return getPlan(ctx, actor, caseId);
}

/**
 * Returns the plan with a reason: the funding authority sends the case back to `arrived`; the partner
 * coordinator returns it to the focal point inside `plan_submitted`.
 */
export async function returnPlan(
  ctx: AppContext,
  actorIn: Actor | null,
  caseId: string,
  body: z.infer<typeof GateReturn>,
) {
  const { actor, access } = await planAccess(ctx, actorIn, caseId);
  if (access.parts.has('funder') && hasPermission(actor.permissions, 'plans:approve')) {
    await moveCase(ctx, actor, caseId, { to: 'arrived', reasonCode: body.reasonCode, comment: body.comment });
  } else {
    requireCasePermission(actor, access, 'plans:validate');
    await changeGateStatus(
      ctx,
      actor,
      access,
      'plan',
      ['submitted'],
      'returned',
      'plan.returned',
      'plans:write',
      body,
    );
  }
  return getPlan(ctx, actor, caseId);
}

/** The duplicate-assistance guard's findings for the plan's lines (funder and partner). */
export async function planOverlaps(ctx: AppContext, actorIn: Actor | null, caseId: string) {
  const { access } = await planAccess(ctx, actorIn, caseId);
  const plan = await repo.findPlan(ctx.db, caseId);
  if (!plan) return { items: [] };
  const lines = await repo.linesOfPlan(ctx.db, plan.id);
  const enrolments = await repo.enrolmentsOfCase(ctx.db, access.case.organisation_id, caseId);
  const overlaps = await findOverlaps(ctx.db, access, guardLines(lines), funderOfEnrolments(enrolments));
  return {
    items: lines
      .filter((l) => overlaps.has(l.id))
      .map((l) => ({
        planLineId: l.id,
        justified: l.justification !== null,
        overlaps: overlaps.get(l.id) ?? [],
      })),
  };
}

/**
 * A programme manager of the funding authority justifies approving a line that overlaps assistance
 * funded elsewhere. Audited with the overlaps it answers.
 */
export async function justifyLine(
  ctx: AppContext,
  actorIn: Actor | null,
  caseId: string,
  lineId: string,
  text: string,
) {
  const actor = requirePermission(actorIn, 'cases:read');
  const access = await caseAccess(ctx.db, actor, caseId);
  requireCasePermission(actor, access, 'plans:approve');
  requirePermission(actor, 'programmes:manage');
  await ctx.db.transaction().execute(async (trx) => {
    const plan = await repo.lockPlan(trx, caseId);
    if (!plan) throw problems.notFound('plan line');
    if (plan.status === 'approved') throw problems.conflict('The plan is already approved.');
    const lines = await repo.linesOfPlan(trx, plan.id);
    const line = lines.find((l) => l.id === lineId);
    if (!line) throw problems.notFound('plan line');
    const enrolments = await repo.enrolmentsOfCase(trx, access.case.organisation_id, caseId);
    const overlaps = await findOverlaps(trx, access, guardLines([line]), funderOfEnrolments(enrolments));
    const found = overlaps.get(lineId) ?? [];
    if (found.length === 0) {
      throw problems.conflict(
        'This line overlaps no assistance funded elsewhere: there is nothing to justify.',
      );
    }
    await repo.updateLine(trx, plan.id, lineId, {
      justification: text,
      justified_by: actor.userId,
      justified_at: new Date(),
    });
    await casesRepo.insertEvent(trx, event(actor, access, 'plan.line_justified', { planLineId: lineId }));
    await recordAudit(trx, subjectOf(actor), {
      action: 'assistance.overlap_justified',
      targetType: 'plan_line',
      targetId: lineId,
      details: {
        caseId,
        category: line.category,
        justification: text,
        overlaps: found.map((o) => ({
          periodFrom: o.periodFrom,
          periodTo: o.periodTo,
          funder: o.contact.id,
        })),
      },
    });
  });
  return planOverlaps(ctx, actor, caseId);
}

/**
 * A delivery or disbursement against an approved line, with its proofs. The line's delivered total
 * can never pass its approved amount: the check is part of the UPDATE that adds to it.
 */
export async function addDelivery(
  ctx: AppContext,
  actorIn: Actor | null,
  caseId: string,
  lineId: string,
  input: z.infer<typeof DeliveryInput>,
) {
  const { actor, access } = await planAccess(ctx, actorIn, caseId);
  requireCasePermission(actor, access, 'plans:write');
  const stage = access.case.stage as CaseStage;
  if (stage !== 'plan_approved' && stage !== 'in_assistance') {
    throw problems.conflict(`Deliveries are recorded once the plan is approved; the case is in ${stage}.`);
  }
  if (input.deliveredOn > today()) {
    throw unprocessable('deliveredOn', 'cannot be in the future', 'invalid-date');
  }
  await requireDocuments(ctx.db, access, input.documentIds, {
    path: 'documentIds',
    permissions: actor.permissions,
  });
  const cents = toCents(input.amount);
  await ctx.db.transaction().execute(async (trx) => {
    const plan = await repo.lockPlan(trx, caseId);
    const added = await repo.addDelivered(trx, caseId, lineId, cents);
    if (!added) {
      const line = plan ? (await repo.linesOfPlan(trx, plan.id)).find((l) => l.id === lineId) : undefined;
      if (!line) throw problems.notFound('plan line');
      if (line.status !== 'approved') throw problems.conflict('Only approved lines can be delivered.');
      throw new Problem(
        422,
        `This delivery would pass the line's approved amount: ${fromCents(line.delivered_cents).toFixed(2)} of ${fromCents(line.amount_cents).toFixed(2)} ${line.currency} delivered, ${fromCents(line.amount_cents - line.delivered_cents).toFixed(2)} left.`,
        {
          type: 'https://homeward.example/problems/delivery-over-budget',
          errors: [{ path: 'amount', message: 'more than what is left on the line', location: 'body' }],
          extensions: {
            approved: fromCents(line.amount_cents),
            delivered: fromCents(line.delivered_cents),
            remaining: fromCents(line.amount_cents - line.delivered_cents),
          },
        },
      );
    }
    const d = await repo.insertDelivery(trx, {
      plan_line_id: lineId,
      case_id: caseId,
      kind: input.kind,
      delivered_on: input.deliveredOn,
      amount_cents: cents,
      note: input.note ?? null,
      document_ids: input.documentIds,
      recorded_by: actor.userId,
      recorded_by_organisation_id: actor.organisationId,
    });
    await casesRepo.insertEvent(
      trx,
      event(actor, access, 'delivery.recorded', {
        deliveryId: d.id,
        planLineId: lineId,
        amount: input.amount,
      }),
    );
    await recordAudit(trx, subjectOf(actor), {
      action: 'delivery.create',
      targetType: 'delivery',
      targetId: d.id,
      details: { caseId, planLineId: lineId, amountCents: cents },
    });
    // The first delivery starts the assistance stage, in the same transaction. Deliveries of one case
    // wait for each other on the plan's lock, and the case row is locked too, so the next one reads
    // the case already moved.
    const now = await casesRepo.lockCase(trx, access.case.organisation_id, caseId);
    if (now?.stage === 'plan_approved') {
      await moveCaseIn(trx, actor, { ...access, case: now }, { to: 'in_assistance' });
    }
  });
  return getPlan(ctx, actor, caseId);
}

// Final report (KM3) ------------------------------------------------------------------------------

async function presentReport(db: Kysely<DB>, access: CaseAccess) {
  const c = access.case;
  const [report, plan, deliveries] = await Promise.all([
    repo.findFinalReport(db, c.id),
    repo.findPlan(db, c.id),
    repo.deliveriesOfCase(db, c.id),
  ]);
  const lines = plan ? await repo.linesOfPlan(db, plan.id) : [];
  const spend = new Map<string, { budgeted: number; actual: number }>();
  for (const l of lines) {
    if (l.status !== 'approved') continue;
    const s = spend.get(l.currency) ?? { budgeted: 0, actual: 0 };
    s.budgeted += l.amount_cents;
    s.actual += l.delivered_cents;
    spend.set(l.currency, s);
  }
  return {
    caseId: c.id,
    ...gateState(report),
    situation: report?.situation ?? null,
    finalMeetingOn: report?.final_meeting_on ?? null,
    finalMeetingNotes: report?.final_meeting_notes ?? null,
    partnerAssessment: report?.partner_assessment ?? null,
    assessmentRating: (report?.assessment_rating ?? null) as NonNullable<
      z.infer<typeof FinalReportInput>['assessmentRating']
    > | null,
    spend: [...spend.entries()].map(([currency, s]) => ({
      currency,
      budgeted: fromCents(s.budgeted),
      actual: fromCents(s.actual),
      executionRate: s.budgeted > 0 ? Math.round((s.actual / s.budgeted) * 1000) / 1000 : null,
    })),
    proofsMissing: deliveries.filter((d) => d.document_ids.length === 0).length,
    version: report?.version ?? 0,
  };
}

export async function getFinalReport(ctx: AppContext, actorIn: Actor | null, caseId: string) {
  const { access } = await planAccess(ctx, actorIn, caseId);
  return presentReport(ctx.db, access);
}

export async function saveFinalReport(
  ctx: AppContext,
  actorIn: Actor | null,
  caseId: string,
  input: z.infer<typeof FinalReportInput>,
  expectedVersion: number | undefined,
) {
  const { actor, access } = await planAccess(ctx, actorIn, caseId);
  requireCasePermission(actor, access, 'plans:write');
  const stage = access.case.stage;
  if (stage !== 'in_assistance' && stage !== 'final_report') {
    throw problems.conflict(`The final report is written during assistance; the case is in ${stage}.`);
  }
  if (input.finalMeetingOn && input.finalMeetingOn > today()) {
    throw unprocessable('finalMeetingOn', 'cannot be in the future', 'invalid-date');
  }
  const values = {
    situation: input.situation,
    final_meeting_on: input.finalMeetingOn ?? null,
    final_meeting_notes: input.finalMeetingNotes ?? null,
    partner_assessment: input.partnerAssessment,
    assessment_rating: input.assessmentRating ?? null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.lockPlan(trx, caseId);
    const report = await repo.findFinalReport(trx, caseId);
    if (report && !['draft', 'returned'].includes(report.status)) {
      throw problems.conflict(
        `The final report is ${report.status}: it can only be changed when draft or returned.`,
      );
    }
    if (!report) {
      if (expectedVersion !== undefined && expectedVersion !== 0) throw staleVersion(0);
      await repo.insertFinalReport(trx, {
        ...values,
        case_id: caseId,
        partner_organisation_id: actor.organisationId,
      });
    } else {
      const updated = await repo.updateFinalReport(trx, caseId, values, expectedVersion ?? report.version);
      if (!updated) throw staleVersion(report.version);
    }
    await casesRepo.insertEvent(trx, event(actor, access, 'report.saved'));
  });
  return getFinalReport(ctx, actor, caseId);
}

export async function submitFinalReport(ctx: AppContext, actorIn: Actor | null, caseId: string) {
  const { actor, access } = await planAccess(ctx, actorIn, caseId);
  requireCasePermission(actor, access, 'plans:write');
  if (access.case.stage === 'in_assistance') {
    await moveCase(ctx, actor, caseId, { to: 'final_report' });
  } else {
    await changeGateStatus(
      ctx,
      actor,
      access,
      'report',
      ['returned'],
      'submitted',
      'report.submitted',
      'plans:validate',
    );
  }
  return getFinalReport(ctx, actor, caseId);
}

export async function validateFinalReport(ctx: AppContext, actorIn: Actor | null, caseId: string) {
  const { actor, access } = await planAccess(ctx, actorIn, caseId);
  requireCasePermission(actor, access, 'plans:validate');
  await changeGateStatus(
    ctx,
    actor,
    access,
    'report',
    ['submitted'],
    'validated',
    'report.validated',
    'plans:approve',
  );
  return getFinalReport(ctx, actor, caseId);
}

export async function approveFinalReport(ctx: AppContext, actorIn: Actor | null, caseId: string) {
  const actor = requirePermission(actorIn, 'cases:read');
  await moveCase(ctx, actor, caseId, { to: 'monitoring' });
  return getFinalReport(ctx, actor, caseId);
}

/** The partner coordinator (submitted) or the funding authority (validated) returns the report. */
export async function returnFinalReport(
  ctx: AppContext,
  actorIn: Actor | null,
  caseId: string,
  body: z.infer<typeof GateReturn>,
) {
  const { actor, access } = await planAccess(ctx, actorIn, caseId);
  if (access.parts.has('funder') && hasPermission(actor.permissions, 'plans:approve')) {
    await changeGateStatus(
      ctx,
      actor,
      access,
      'report',
      ['validated', 'submitted'],
      'returned',
      'report.returned',
      'plans:write',
      body,
    );
  } else {
    requireCasePermission(actor, access, 'plans:validate');
    await changeGateStatus(
      ctx,
      actor,
      access,
      'report',
      ['submitted'],
      'returned',
      'report.returned',
      'plans:write',
      body,
    );
  }
  return getFinalReport(ctx, actor, caseId);
}
