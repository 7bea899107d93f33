import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * SQL of the work queues: the cases waiting for the actor's organisation, in whichever part it
 * plays. The partner part is the same rule as src/server/sharing/access.ts, in SQL: an open partner
 * referral to the organisation AND the principal's consent to it in force (or a retroactive case it
 * owns and partners itself).
 */

type CaseEb = ExpressionBuilder<DB & { c: DB['cases'] }, 'c'>;

/** Cases whose funding authority is the organisation (the owner when none was chosen). */
export function fundedBy(eb: CaseEb, organisationId: string): Expression<SqlBool> {
  return eb.or([
    eb('c.funding_organisation_id', '=', organisationId),
    eb.and([eb('c.funding_organisation_id', 'is', null), eb('c.organisation_id', '=', organisationId)]),
  ]);
}

/**
 * The organisation's cases as reintegration partner, as `c.id IN (…)` of two index look-ups (its open
 * partner referrals by recipient, its own retroactive cases), never an `OR` with a per-case
 * `EXISTS`, which PostgreSQL can only evaluate case by case over the whole table.
 */
export function partneredBy(eb: CaseEb, organisationId: string): Expression<SqlBool> {
  const referred = openReferralsTo(eb, organisationId, 'partner', 'referral_to_partner');
  const retroactive = eb
    .selectFrom('cases as rc')
    .select('rc.id as case_id')
    .where('rc.organisation_id', '=', organisationId)
    .where('rc.retroactive', '=', true)
    .where('rc.partner_organisation_id', '=', organisationId);
  return eb('c.id', 'in', referred.union(retroactive));
}

/** The cases of the open referrals of one kind to the organisation, with the principal's consent in force. */
function openReferralsTo(
  eb: CaseEb,
  organisationId: string,
  kind: 'partner' | 'origin',
  purpose: 'referral_to_partner' | 'sharing_with_origin_authority',
) {
  return eb
    .selectFrom('referrals as r')
    .select('r.case_id')
    .where('r.kind', '=', kind)
    .where('r.recipient_organisation_id', '=', organisationId)
    .where('r.status', 'in', ['pending', 'accepted'])
    .where((inner) =>
      inner.exists(
        inner
          .selectFrom('consents as k')
          .innerJoin('persons as p', 'p.id', 'k.person_id')
          .select(sql`1`.as('one'))
          .whereRef('k.case_id', '=', 'r.case_id')
          .where('p.relationship', '=', 'principal')
          .where('k.purpose', '=', purpose)
          .where('k.recipient_organisation_id', '=', organisationId)
          .where('k.withdrawn_at', 'is', null)
          .where('k.given_at', '<=', sql<Date>`now()`),
      ),
    );
}

export interface QueueRow {
  id: string;
  reference: string;
  stage: string;
  return_country: string;
  since: Date;
  due: string | null;
}

export type QueueFilter = (eb: CaseEb) => Expression<SqlBool>;

/** The cases of one queue, oldest waiting first, and how many there are. */
export async function queue(
  db: Kysely<DB>,
  filter: QueueFilter,
  limit: number,
  due: 'planned_departure_date' | null = null,
) {
  const base = db.selectFrom('cases as c').where(filter);
  const [rows, count] = await Promise.all([
    base
      .select([
        'c.id',
        'c.reference',
        'c.stage',
        'c.return_country',
        'c.updated_at as since',
        due ? sql<string | null>`c.planned_departure_date::text`.as('due') : sql<null>`NULL`.as('due'),
      ])
      .orderBy('c.updated_at')
      .orderBy('c.id')
      .limit(limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as QueueRow[], total: Number(count.n) };
}

export function planStatusIs(eb: CaseEb, statuses: string[]): Expression<SqlBool> {
  return eb.exists(
    eb
      .selectFrom('plans as pl')
      .select(sql`1`.as('one'))
      .whereRef('pl.case_id', '=', 'c.id')
      .where('pl.status', 'in', statuses as never[]),
  );
}

export function reportStatusIs(eb: CaseEb, statuses: string[]): Expression<SqlBool> {
  return eb.exists(
    eb
      .selectFrom('final_reports as fr')
      .select(sql`1`.as('one'))
      .whereRef('fr.case_id', '=', 'c.id')
      .where('fr.status', 'in', statuses as never[]),
  );
}

export function hasPlan(eb: CaseEb): Expression<SqlBool> {
  return eb.exists(
    eb
      .selectFrom('plans as pl')
      .select(sql`1`.as('one'))
      .whereRef('pl.case_id', '=', 'c.id'),
  );
}

/** Approved lines due within `days` and not fully delivered. */
export function deliveryDue(eb: CaseEb, untilDate: string): Expression<SqlBool> {
  return eb.exists(
    eb
      .selectFrom('plan_lines as l')
      .select(sql`1`.as('one'))
      .whereRef('l.case_id', '=', 'c.id')
      .where('l.status', '=', 'approved')
      .where('l.due_date', '<=', untilDate)
      .where(sql<SqlBool>`l.delivered_cents < l.amount_cents`),
  );
}

/** The owner's applications sent back: in `application` after a return or a declined referral. */
export function returnedToOwner(eb: CaseEb): Expression<SqlBool> {
  return eb.exists(
    eb
      .selectFrom('case_events as e')
      .select(sql`1`.as('one'))
      .whereRef('e.case_id', '=', 'c.id')
      .where('e.to_stage', '=', 'application')
      .where('e.from_stage', 'in', ['submitted', 'validated'])
      .where(
        'e.id',
        '=',
        eb
          .selectFrom('case_events as last')
          .select((x) => x.fn.max('last.id').as('id'))
          .whereRef('last.case_id', '=', 'c.id')
          .where('last.type', '=', 'case.transition'),
      ),
  );
}

/** Cases with an open origin referral to the organisation and the consent to it in force. */
export function originOf(eb: CaseEb, organisationId: string): Expression<SqlBool> {
  return eb('c.id', 'in', openReferralsTo(eb, organisationId, 'origin', 'sharing_with_origin_authority'));
}

export async function sharedCases(
  db: Kysely<DB>,
  filter: QueueFilter,
  f: { stage?: string | undefined; limit: number; offset: number },
) {
  let base = db.selectFrom('cases as c').where(filter);
  if (f.stage) base = base.where('c.stage', '=', f.stage);
  const [rows, count] = await Promise.all([
    base
      .leftJoin('persons as p', (j) =>
        j.onRef('p.case_id', '=', 'c.id').on('p.relationship', '=', 'principal'),
      )
      .select([
        'c.id',
        'c.reference',
        'c.stage',
        'c.return_country',
        'c.organisation_id',
        'c.updated_at',
        'c.retroactive',
        'p.given_names',
        'p.family_name',
      ])
      .orderBy('c.updated_at', 'desc')
      .orderBy('c.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
