import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { RetroactiveStatus } from './retroactive.schemas.ts';

/** SQL of retroactive intake: the funding authorities and programmes it names, lists and decisions. */

/** An active organisation, whatever its type (the caller checks the type). */
export async function activeOrganisation(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'type'])
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst();
}

/** A published programme funded by one organisation, with the countries of return it covers. */
export async function publishedProgrammeOf(db: Kysely<DB>, funderOrganisationId: string, id: string) {
  return db
    .selectFrom('programmes')
    .select(['id', 'code', 'countries_of_return'])
    .where('id', '=', id)
    .where('funder_organisation_id', '=', funderOrganisationId)
    .where('status', '=', 'published')
    .executeTakeFirst();
}

/**
 * Records the funding authority's decision on a retroactive case still pending; undefined when it is
 * no longer pending (decided in the meantime) or not retroactive.
 */
export async function decidePending(
  db: Kysely<DB>,
  funderOrganisationId: string,
  caseId: string,
  status: Exclude<RetroactiveStatus, 'pending'>,
) {
  return db
    .updateTable('cases')
    .set((eb) => ({ retroactive_status: status, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', caseId)
    .where('funding_organisation_id', '=', funderOrganisationId)
    .where('retroactive', '=', true)
    .where('retroactive_status', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
}

export interface RetroactiveFilter {
  organisationId: string;
  status?: RetroactiveStatus | undefined;
  limit: number;
  offset: number;
}

/**
 * Retroactive cases of one organisation: those it registered (it owns them) and those it is asked to
 * fund (from their registration on, when first_submitted_at is set). Newest first.
 */
export async function listRetroactive(db: Kysely<DB>, f: RetroactiveFilter) {
  let q = db
    .selectFrom('cases as c')
    .where('c.retroactive', '=', true)
    .where((eb) =>
      eb.or([
        eb('c.organisation_id', '=', f.organisationId),
        eb.and([
          eb('c.funding_organisation_id', '=', f.organisationId),
          eb('c.first_submitted_at', 'is not', null),
        ]),
      ]),
    );
  if (f.status) q = q.where('c.retroactive_status', '=', f.status);
  const [rows, count] = await Promise.all([
    q
      .innerJoin('organisations as p', 'p.id', 'c.organisation_id')
      .leftJoin('organisations as fo', 'fo.id', 'c.funding_organisation_id')
      .select([
        'c.id',
        'c.reference',
        'c.stage',
        'c.return_country',
        'c.retroactive_status',
        'c.created_at',
        'c.departed_on',
        'c.arrived_on',
        'c.organisation_id as partner_id',
        'p.name as partner_name',
        'c.funding_organisation_id as funder_id',
        'fo.name as funder_name',
      ])
      .orderBy('c.created_at', 'desc')
      .orderBy('c.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
