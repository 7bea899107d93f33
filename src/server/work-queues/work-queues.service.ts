import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { CaseStage } from '../../domain/case-workflow.ts';
import { hasPermission, type Permission } from '../../domain/permissions.ts';
import { addDays } from '../../domain/plans.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import type { AppContext } from '../context.ts';
import { today } from '../referrals/workflow.service.ts';
import { findCaseAccesses } from '../sharing/access.ts';
import * as repo from './work-queues.repository.ts';

/**
 * Every hand-over waits in a queue of the organisation that must act next, for the users whose
 * permission acts there (product.md, "Screens, by who opens them"; RIAT's inbox). A queue lists the
 * cases that wait, oldest first; `since` is when the case last changed.
 */

export const QUEUE_KEYS = [
  'applications_to_validate',
  'departures_to_confirm',
  'retroactive_to_decide',
  'plans_to_approve',
  'reports_to_approve',
  'referrals_to_answer',
  'arrivals_to_confirm',
  'plans_to_write',
  'deliveries_due',
  'reports_to_write',
  'plans_to_validate',
  'reports_to_validate',
  'applications_returned',
] as const;
export type QueueKey = (typeof QUEUE_KEYS)[number];

/** Approved lines due within this many days show in the partner's delivery queue. */
export const DELIVERY_HORIZON_DAYS = 14;

interface QueueDefinition {
  permission: Permission;
  filter: (organisationId: string) => repo.QueueFilter;
  due?: 'planned_departure_date';
}

const stageIs = (stage: CaseStage) => (eb: Parameters<repo.QueueFilter>[0]) => eb('c.stage', '=', stage);

const QUEUES: Record<QueueKey, QueueDefinition> = {
  applications_to_validate: {
    permission: 'cases:validate',
    filter: (org) => (eb) => eb.and([repo.fundedBy(eb, org), stageIs('submitted')(eb)]),
  },
  departures_to_confirm: {
    permission: 'cases:confirm_departure',
    due: 'planned_departure_date',
    filter: (org) => (eb) =>
      eb.and([
        repo.fundedBy(eb, org),
        stageIs('pre_departure')(eb),
        eb.or([
          eb('c.departure_confirmation_requested_at', 'is not', null),
          eb('c.planned_departure_date', '<=', today()),
        ]),
      ]),
  },
  retroactive_to_decide: {
    permission: 'cases:validate',
    filter: (org) => (eb) =>
      eb.and([
        repo.fundedBy(eb, org),
        eb('c.retroactive', '=', true),
        eb('c.retroactive_status', '=', 'pending'),
      ]),
  },
  plans_to_approve: {
    permission: 'plans:approve',
    filter: (org) => (eb) =>
      eb.and([repo.fundedBy(eb, org), stageIs('plan_submitted')(eb), repo.planStatusIs(eb, ['validated'])]),
  },
  reports_to_approve: {
    permission: 'plans:approve',
    filter: (org) => (eb) =>
      eb.and([repo.fundedBy(eb, org), stageIs('final_report')(eb), repo.reportStatusIs(eb, ['validated'])]),
  },
  referrals_to_answer: {
    permission: 'referrals:respond',
    filter: (org) => (eb) => eb.and([repo.partneredBy(eb, org), stageIs('validated')(eb)]),
  },
  arrivals_to_confirm: {
    permission: 'referrals:respond',
    filter: (org) => (eb) => eb.and([repo.partneredBy(eb, org), stageIs('departed')(eb)]),
  },
  plans_to_write: {
    permission: 'plans:write',
    filter: (org) => (eb) =>
      eb.and([
        repo.partneredBy(eb, org),
        eb.or([
          stageIs('arrived')(eb),
          eb.and([stageIs('plan_submitted')(eb), repo.planStatusIs(eb, ['returned'])]),
        ]),
      ]),
  },
  deliveries_due: {
    permission: 'plans:write',
    filter: (org) => (eb) =>
      eb.and([
        repo.partneredBy(eb, org),
        eb('c.stage', 'in', ['plan_approved', 'in_assistance']),
        repo.deliveryDue(eb, addDays(today(), DELIVERY_HORIZON_DAYS)),
      ]),
  },
  reports_to_write: {
    permission: 'plans:write',
    filter: (org) => (eb) =>
      eb.and([
        repo.partneredBy(eb, org),
        eb.or([
          eb.and([stageIs('in_assistance')(eb), eb.not(repo.deliveryDue(eb, '9999-12-31'))]),
          eb.and([stageIs('final_report')(eb), repo.reportStatusIs(eb, ['returned'])]),
        ]),
      ]),
  },
  plans_to_validate: {
    permission: 'plans:validate',
    filter: (org) => (eb) =>
      eb.and([
        repo.partneredBy(eb, org),
        stageIs('plan_submitted')(eb),
        repo.planStatusIs(eb, ['submitted']),
      ]),
  },
  reports_to_validate: {
    permission: 'plans:validate',
    filter: (org) => (eb) =>
      eb.and([
        repo.partneredBy(eb, org),
        stageIs('final_report')(eb),
        repo.reportStatusIs(eb, ['submitted']),
      ]),
  },
  applications_returned: {
    permission: 'cases:write',
    filter: (org) => (eb) =>
      eb.and([eb('c.organisation_id', '=', org), stageIs('application')(eb), repo.returnedToOwner(eb)]),
  },
};

async function one(db: Kysely<DB>, actor: Actor, key: QueueKey, limit: number) {
  const def = QUEUES[key];
  const { rows, total } = await repo.queue(db, def.filter(actor.organisationId), limit, def.due ?? null);
  return {
    key,
    total,
    items: rows.map((r) => ({
      caseId: r.id,
      reference: r.reference,
      stage: r.stage as CaseStage,
      returnCountry: r.return_country,
      since: r.since.toISOString(),
      due: r.due,
    })),
  };
}

/** The queues the actor's permissions act in, each with its first `limit` cases. */
export async function workQueues(
  ctx: AppContext,
  actorIn: Actor | null,
  q: { queue?: QueueKey | undefined; limit: number },
) {
  const actor = requirePermission(actorIn, 'cases:read');
  const keys = QUEUE_KEYS.filter(
    (k) => (q.queue === undefined || q.queue === k) && hasPermission(actor.permissions, QUEUES[k].permission),
  );
  const queues = [];
  for (const key of keys) queues.push(await one(ctx.db, actor, key, q.limit));
  return { queues };
}

/**
 * The cases another organisation shares with the actor's, in one part: a partner's "my cases", a
 * funder's validated applications, an origin authority's announced returns. The principal's name is
 * shown only where the reader receives the identity category.
 */
export async function listSharedCases(
  ctx: AppContext,
  actorIn: Actor | null,
  q: { part: 'partner' | 'funder' | 'origin'; stage?: CaseStage | undefined; limit: number; offset: number },
) {
  const actor = requirePermission(actorIn, 'cases:read');
  const org = actor.organisationId;
  const filter: repo.QueueFilter =
    q.part === 'partner'
      ? (eb) => repo.partneredBy(eb, org)
      : q.part === 'origin'
        ? (eb) => repo.originOf(eb, org)
        : (eb) =>
            eb.and([eb('c.funding_organisation_id', '=', org), eb('c.first_submitted_at', 'is not', null)]);
  const { rows, total } = await repo.sharedCases(ctx.db, filter, q);
  const accesses = await findCaseAccesses(
    ctx.db,
    org,
    rows.map((r) => r.id),
  );
  const items = [];
  for (const r of rows) {
    const access = accesses.get(r.id);
    if (!access) continue; // lost access between the two reads
    const named = access.categories.includes('identity') && r.family_name !== null;
    items.push({
      id: r.id,
      reference: r.reference,
      stage: r.stage as CaseStage,
      returnCountry: r.return_country,
      relation: access.relation,
      retroactive: r.retroactive,
      principalName: named ? `${r.given_names} ${r.family_name}` : null,
      updatedAt: r.updated_at.toISOString(),
    });
  }
  return { items, total };
}
