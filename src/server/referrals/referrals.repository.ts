import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { DB, ReferralsTable } from '../../db/schema.ts';

/** SQL of referrals and of the organisations a case is shared with. */

export type ReferralRow = Awaited<ReturnType<typeof referralsOfCase>>[number];

export async function organisationsByIds(db: Kysely<DB>, ids: readonly (string | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => typeof x === 'string'))];
  if (wanted.length === 0) return new Map<string, { id: string; name: string; type: string }>();
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'type'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function activeOrganisation(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'type'])
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst();
}

/** Funders of the case's active enrolments (the organisations that may be its funding authority). */
export async function enrolmentFunders(db: Kysely<DB>, ownerOrganisationId: string, caseId: string) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('programmes as p', 'p.id', 'e.programme_id')
    .innerJoin('organisations as o', 'o.id', 'p.funder_organisation_id')
    .select(['o.id', 'o.name'])
    .distinct()
    .where('e.organisation_id', '=', ownerOrganisationId)
    .where('e.case_id', '=', caseId)
    .where('e.status', '=', 'active')
    .orderBy('o.name')
    .execute();
}

export async function insertReferral(db: Kysely<DB>, values: Insertable<ReferralsTable>) {
  return db.insertInto('referrals').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Ends or answers a referral that is still open; undefined when it no longer is (a race lost). */
export async function updateOpenReferral(db: Kysely<DB>, id: string, values: Updateable<ReferralsTable>) {
  return db
    .updateTable('referrals')
    .set(values)
    .where('id', '=', id)
    .where('status', 'in', ['pending', 'accepted'])
    .returningAll()
    .executeTakeFirst();
}

export async function referralsOfCase(db: Kysely<DB>, caseId: string) {
  return db
    .selectFrom('referrals')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('referred_at')
    .orderBy('id')
    .execute();
}

export async function openReferralOfKind(db: Kysely<DB>, caseId: string, kind: 'partner' | 'origin') {
  return db
    .selectFrom('referrals')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('kind', '=', kind)
    .where('status', 'in', ['pending', 'accepted'])
    .executeTakeFirst();
}

/**
 * One referral as seen by an organisation: its recipient, or the owner or funding authority of its
 * case. Anyone else finds nothing.
 */
export async function findReferralFor(db: Kysely<DB>, organisationId: string, id: string) {
  return db
    .selectFrom('referrals as r')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .selectAll('r')
    .select(['c.reference', 'c.stage', 'c.return_country'])
    .where('r.id', '=', id)
    .where((eb) =>
      eb.or([
        eb('r.recipient_organisation_id', '=', organisationId),
        eb('c.organisation_id', '=', organisationId),
        eb('c.funding_organisation_id', '=', organisationId),
      ]),
    )
    .executeTakeFirst();
}

export type ListedReferral = NonNullable<Awaited<ReturnType<typeof findReferralFor>>>;

export interface ReferralFilter {
  organisationId: string;
  box: 'inbox' | 'outbox';
  caseId?: string | undefined;
  status?: string | undefined;
  overdue?: boolean | undefined;
  limit: number;
  offset: number;
}

export async function listReferrals(db: Kysely<DB>, f: ReferralFilter) {
  let q = db
    .selectFrom('referrals as r')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .where((eb) =>
      f.box === 'inbox'
        ? eb('r.recipient_organisation_id', '=', f.organisationId)
        : eb.or([
            eb('c.organisation_id', '=', f.organisationId),
            eb('c.funding_organisation_id', '=', f.organisationId),
          ]),
    );
  if (f.caseId) q = q.where('r.case_id', '=', f.caseId);
  if (f.status) q = q.where('r.status', '=', f.status as ReferralsTable['status']['__select__']);
  if (f.overdue !== undefined) {
    q = f.overdue
      ? q.where('r.status', '=', 'pending').where('r.respond_by', '<', sql<Date>`now()`)
      : q.where((eb) => eb.or([eb('r.status', '!=', 'pending'), eb('r.respond_by', '>=', sql<Date>`now()`)]));
  }
  const [rows, count] = await Promise.all([
    q
      .selectAll('r')
      .select(['c.reference', 'c.stage', 'c.return_country'])
      // Waiting longest first among the pending, then the newest.
      .orderBy(sql`CASE WHEN r.status = 'pending' THEN 0 ELSE 1 END`)
      .orderBy(sql`CASE WHEN r.status = 'pending' THEN r.respond_by END`)
      .orderBy('r.referred_at', 'desc')
      .orderBy('r.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The smallest "request confirmation of departure after N days" among the case's enrolled programmes. */
export async function departureRequestDays(db: Kysely<DB>, ownerOrganisationId: string, caseId: string) {
  const rows = await db
    .selectFrom('enrolments as e')
    .innerJoin('programme_versions as v', (j) =>
      j.onRef('v.programme_id', '=', 'e.programme_id').onRef('v.version', '=', 'e.programme_version'),
    )
    .select(sql<number | null>`(v.definition->>'departureConfirmationAfterDays')::int`.as('days'))
    .where('e.organisation_id', '=', ownerOrganisationId)
    .where('e.case_id', '=', caseId)
    .where('e.status', '=', 'active')
    .execute();
  const days = rows.map((r) => r.days).filter((d): d is number => d !== null);
  return days.length > 0 ? Math.min(...days) : null;
}
