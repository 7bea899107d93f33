import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { CaseStage } from '../../domain/case-workflow.ts';
import { budgetExcesses, type ComponentAllowance, type Excess } from '../../domain/plans.ts';
import type { Actor } from '../auth/actor.ts';
import { Problem, problems } from '../http/problem.ts';
import type { NotificationInput } from '../notifications/notifications.service.ts';
import type { CaseAccess } from '../sharing/access.ts';
import { findOverlaps, recordApprovedLines, type GuardLine } from './ledger.service.ts';
import * as repo from './plans.repository.ts';

/**
 * What the plan and the final report require of the case's moves through KM2 and KM3, and what those
 * moves change in them. The workflow (src/server/referrals/workflow.service.ts) calls planGate inside
 * the move's transaction; a thrown problem refuses the move and nothing is written.
 */

export interface MovePlan {
  values: Record<string, unknown>;
  details: Record<string, unknown>;
  after: (trx: Kysely<DB>) => Promise<NotificationInput[]>;
}

type GateStage = Extract<
  CaseStage,
  'plan_submitted' | 'plan_approved' | 'arrived' | 'in_assistance' | 'final_report' | 'monitoring' | 'closed'
>;

export interface GateMove {
  to: CaseStage;
  reasonCode?: string | undefined;
  comment?: string | undefined;
}

interface PackageLineSnapshot {
  programmeCode: string;
  componentCode: string;
  name: string;
  category: string;
  currency: string;
  amount: number | null;
}

export type EnrolmentRow = Awaited<ReturnType<typeof repo.enrolmentsOfCase>>[number];

export function toCents(units: number): number {
  return Math.round(units * 100);
}

export function fromCents(cents: number): number {
  return cents / 100;
}

/** What each enrolment allows per component, from the package frozen at enrolment. */
export function allowancesOf(enrolments: readonly EnrolmentRow[]): ComponentAllowance[] {
  return enrolments.flatMap((e) => {
    const lines = ((e.snapshot as { packageLines?: PackageLineSnapshot[] }).packageLines ?? []).filter(
      (l) => l.programmeCode === e.programme_code,
    );
    return lines.map((l) => ({
      enrolmentId: e.id,
      programmeCode: e.programme_code,
      componentCode: l.componentCode,
      name: l.name,
      category: l.category,
      currency: l.currency,
      allowedCents: l.amount === null ? null : toCents(l.amount),
      active: e.status === 'active',
    }));
  });
}

export function funderOfEnrolments(enrolments: readonly EnrolmentRow[]): Map<string, string> {
  return new Map(enrolments.map((e) => [e.id, e.funder_organisation_id]));
}

export function overBudgetProblem(excesses: readonly Excess[]): Problem {
  const parts = excesses.map(
    (x) =>
      `${x.programmeCode} / ${x.componentCode} (${x.name}): ${fromCents(x.plannedCents).toFixed(2)} ${x.currency} planned, ${fromCents(x.allowedCents).toFixed(2)} ${x.currency} allowed`,
  );
  return new Problem(422, `The plan exceeds what the case's enrolments allow: ${parts.join('; ')}.`, {
    type: 'https://homeward.example/problems/plan-over-budget',
    errors: excesses.map((x) => ({
      path: `lines.${x.componentCode}`,
      message: `${fromCents(x.plannedCents).toFixed(2)} ${x.currency} planned for ${x.programmeCode} / ${x.componentCode}, ${fromCents(x.allowedCents).toFixed(2)} ${x.currency} allowed`,
      location: 'body' as const,
    })),
    extensions: {
      excesses: excesses.map((x) => ({
        enrolmentId: x.enrolmentId,
        programmeCode: x.programmeCode,
        componentCode: x.componentCode,
        currency: x.currency,
        allowed: fromCents(x.allowedCents),
        planned: fromCents(x.plannedCents),
      })),
    },
  });
}

export async function checkBudget(db: Kysely<DB>, access: CaseAccess, planId: string) {
  const enrolments = await repo.enrolmentsOfCase(db, access.case.organisation_id, access.case.id);
  const lines = await repo.linesOfPlan(db, planId);
  const excesses = budgetExcesses(
    allowancesOf(enrolments),
    lines
      .filter((l) => l.status !== 'cancelled')
      .map((l) => ({
        enrolmentId: l.enrolment_id,
        componentCode: l.component_code,
        amountCents: l.amount_cents,
      })),
  );
  if (excesses.length > 0) throw overBudgetProblem(excesses);
  return { enrolments, lines };
}

export function guardLines(lines: readonly repo.PlanLineRow[]): GuardLine[] {
  return lines
    .filter((l) => l.status !== 'cancelled')
    .map((l) => ({
      id: l.id,
      enrolmentId: l.enrolment_id,
      programmeCode: l.programme_code,
      category: l.category,
      dueDate: l.due_date,
      beneficiaryPersonIds: l.beneficiary_person_ids,
    }));
}

function gateProblem(detail: string, slug = 'gate-not-ready'): Problem {
  return new Problem(409, detail, { type: `https://homeward.example/problems/${slug}` });
}

export async function planGate(
  trx: Kysely<DB>,
  actor: Actor,
  access: CaseAccess,
  from: CaseStage,
  move: GateMove,
): Promise<MovePlan> {
  const c = access.case;
  const reference = c.reference;
  const partner = c.partner_organisation_id;
  const toPartner = (type: NotificationInput['type'], permission: NotificationInput['permission']) =>
    partner ? [{ organisationId: partner, permission, caseId: c.id, type, params: { reference } }] : [];
  const out: MovePlan = { values: {}, details: {}, after: () => Promise.resolve([]) };

  // Only the moves of KM2 and KM3 have rules here; any other move passes unchanged.
  switch (move.to as GateStage) {
    case 'plan_submitted': {
      const plan = await repo.lockPlan(trx, c.id);
      if (!plan || !['draft', 'returned'].includes(plan.status)) {
        throw gateProblem('There is no draft reintegration plan to submit.');
      }
      const { lines } = await checkBudget(trx, access, plan.id);
      if (lines.length === 0) throw gateProblem('A reintegration plan needs at least one budget line.');
      out.after = async (db) => {
        await repo.updatePlan(db, c.id, { status: 'submitted', submitted_at: new Date() });
        return toPartner('plan.submitted', 'plans:validate');
      };
      return out;
    }
    case 'plan_approved': {
      if (c.retroactive && c.retroactive_status !== 'accepted') {
        throw gateProblem(
          'This case was registered after the return: the funding authority must accept it before its plan can be approved.',
        );
      }
      const plan = await repo.lockPlan(trx, c.id);
      if (!plan || plan.status !== 'validated') {
        throw gateProblem(
          'The partner coordinator must validate the plan before the funding authority approves it.',
        );
      }
      const { enrolments, lines } = await checkBudget(trx, access, plan.id);
      const funders = funderOfEnrolments(enrolments);
      const guard = guardLines(lines);
      const overlaps = await findOverlaps(trx, access, guard, funders);
      const unjustified = lines.filter((l) => overlaps.has(l.id) && !l.justification);
      if (unjustified.length > 0) {
        throw new Problem(
          422,
          `Assistance for the same need is already funded elsewhere in an overlapping period (${unjustified
            .map((l) => `line ${l.position + 1}: ${l.category}`)
            .join(
              '; ',
            )}). A programme manager of the funding authority must record a justification for each such line before approval.`,
          {
            type: 'https://homeward.example/problems/duplicate-assistance',
            errors: unjustified.map((l) => ({
              path: `lines.${l.position}`,
              message: `overlaps assistance funded elsewhere for ${l.category}`,
              location: 'body' as const,
            })),
            extensions: {
              overlaps: unjustified.map((l) => ({ planLineId: l.id, overlaps: overlaps.get(l.id) ?? [] })),
            },
          },
        );
      }
      out.details.overlapsJustified = lines.filter((l) => overlaps.has(l.id)).length;
      out.after = async (db) => {
        await repo.setLinesStatus(db, plan.id, 'approved');
        await recordApprovedLines(
          db,
          access,
          guard.map((g) => {
            const line = lines.find((l) => l.id === g.id)!;
            return { ...g, amountCents: line.amount_cents, currency: line.currency };
          }),
          funders,
        );
        await repo.updatePlan(db, c.id, {
          status: 'approved',
          approved_at: new Date(),
          approved_by: actor.userId,
        });
        return toPartner('plan.approved', 'plans:write');
      };
      return out;
    }
    case 'arrived': {
      // plan_submitted → arrived: the funding authority returns the plan.
      const plan = await repo.lockPlan(trx, c.id);
      if (!plan) throw problems.conflict('The case has no plan to return.');
      out.after = async (db) => {
        await repo.updatePlan(db, c.id, {
          status: 'returned',
          returned_at: new Date(),
          returned_by_part: 'funder',
          return_reason_code: move.reasonCode ?? null,
          return_comment: move.comment ?? null,
        });
        return toPartner('plan.returned', 'plans:write');
      };
      return out;
    }
    case 'final_report': {
      const report = await repo.findFinalReport(trx, c.id);
      if (!report || !['draft', 'returned'].includes(report.status)) {
        throw gateProblem('Write the final report before submitting it.');
      }
      if (!report.situation || !report.partner_assessment) {
        throw gateProblem('The final report needs the persons’ situation and the partner’s assessment.');
      }
      out.after = async (db) => {
        await repo.updateFinalReport(db, c.id, { status: 'submitted', submitted_at: new Date() });
        return toPartner('report.submitted', 'plans:validate');
      };
      return out;
    }
    case 'monitoring': {
      const report = await repo.findFinalReport(trx, c.id);
      if (!report || report.status !== 'validated') {
        throw gateProblem(
          'The partner coordinator must validate the final report before the funding authority approves it.',
        );
      }
      out.after = async (db) => {
        await repo.updateFinalReport(db, c.id, {
          status: 'approved',
          approved_at: new Date(),
          approved_by: actor.userId,
        });
        return toPartner('report.approved', 'plans:write');
      };
      return out;
    }
    case 'in_assistance':
    case 'closed':
      break;
  }
  void from;
  return out;
}
