import { sql, type Insertable, type Kysely } from 'kysely';
import type { CasesTable, DB, PersonsTable } from '../../db/schema.ts';

/** All SQL for cases, persons and case events. Every function takes the organisation scope. */

export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;
export type PersonRow = Awaited<ReturnType<typeof personsOfCase>>[number];

export async function nextReference(db: Kysely<DB>, year: number): Promise<string> {
  const r = await sql<{ n: number }>`SELECT nextval('case_reference_seq')::int AS n`.execute(db);
  return `HW-${year}-${String(r.rows[0]?.n ?? 0).padStart(6, '0')}`;
}

export async function insertCase(db: Kysely<DB>, values: Insertable<CasesTable>) {
  return db.insertInto('cases').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function findCase(db: Kysely<DB>, organisationId: string, id: string) {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function personsOfCase(db: Kysely<DB>, organisationId: string, caseId: string) {
  return (
    db
      .selectFrom('persons')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('case_id', '=', caseId)
      // Principal first, then the family in a fixed order (persons created together share created_at).
      .orderBy(
        sql`array_position(ARRAY['principal','spouse','child','parent','sibling','other_relative','other'], relationship)`,
      )
      .orderBy('created_at')
      .orderBy('id')
      .execute()
  );
}

export async function findPerson(db: Kysely<DB>, organisationId: string, caseId: string, personId: string) {
  return db
    .selectFrom('persons')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('case_id', '=', caseId)
    .where('id', '=', personId)
    .executeTakeFirst();
}

/**
 * Updates a case only when its version is still `expectedVersion` (when given), bumping the version.
 * Answers the new row, or undefined when the case is absent or the version is stale.
 */
export async function updateCase(
  db: Kysely<DB>,
  organisationId: string,
  id: string,
  expectedVersion: number | undefined,
  patch: Record<string, unknown>,
) {
  let q = db
    .updateTable('cases')
    .set((eb) => ({ ...(patch as object), version: eb('version', '+', 1), updated_at: new Date() }))
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id);
  if (expectedVersion !== undefined) q = q.where('version', '=', expectedVersion);
  return q.returningAll().executeTakeFirst();
}

export async function insertPerson(db: Kysely<DB>, values: Insertable<PersonsTable>) {
  return db.insertInto('persons').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updatePerson(
  db: Kysely<DB>,
  organisationId: string,
  caseId: string,
  personId: string,
  expectedVersion: number | undefined,
  patch: Record<string, unknown>,
) {
  let q = db
    .updateTable('persons')
    .set((eb) => ({ ...(patch as object), version: eb('version', '+', 1), updated_at: new Date() }))
    .where('organisation_id', '=', organisationId)
    .where('case_id', '=', caseId)
    .where('id', '=', personId);
  if (expectedVersion !== undefined) q = q.where('version', '=', expectedVersion);
  return q.returningAll().executeTakeFirst();
}

export async function insertEvent(
  db: Kysely<DB>,
  e: {
    caseId: string;
    organisationId: string;
    actorUserId: string | null;
    actorLabel: string | null;
    type: string;
    fromStage?: string | null;
    toStage?: string | null;
    reasonCode?: string | null;
    comment?: string | null;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await db
    .insertInto('case_events')
    .values({
      case_id: e.caseId,
      organisation_id: e.organisationId,
      actor_user_id: e.actorUserId,
      actor_label: e.actorLabel,
      type: e.type,
      from_stage: e.fromStage ?? null,
      to_stage: e.toStage ?? null,
      reason_code: e.reasonCode ?? null,
      comment: e.comment ?? null,
      details: JSON.stringify(e.details ?? {}),
    })
    .execute();
}

export async function eventsOfCase(db: Kysely<DB>, organisationId: string, caseId: string) {
  return db
    .selectFrom('case_events')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
}

export interface CaseFilter {
  organisationId: string;
  stage?: string | undefined;
  returnCountry?: string | undefined;
  counsellorId?: string | undefined;
  deadlineBefore?: string | undefined;
  /** Free text: reference prefix, document number, or name keys (trigram). */
  text?: { raw: string; nameKey: string; nameTokens: string[] } | undefined;
  limit: number;
  offset: number;
}

export async function listCases(db: Kysely<DB>, f: CaseFilter) {
  let q = db.selectFrom('cases as c').where('c.organisation_id', '=', f.organisationId);
  if (f.stage) q = q.where('c.stage', '=', f.stage);
  if (f.returnCountry) q = q.where('c.return_country', '=', f.returnCountry);
  if (f.counsellorId) q = q.where('c.counsellor_user_id', '=', f.counsellorId);
  if (f.deadlineBefore) {
    q = q.where('c.departure_deadline', 'is not', null).where('c.departure_deadline', '<=', f.deadlineBefore);
  }
  if (f.text) {
    const { raw, nameKey, nameTokens } = f.text;
    q = q.where((eb) =>
      eb.or([
        eb('c.reference', 'ilike', `${raw.replace(/[%_\\]/g, '')}%`),
        eb.exists(
          eb
            .selectFrom('persons as p')
            .select(sql`1`.as('one'))
            .whereRef('p.case_id', '=', 'c.id')
            .where('p.organisation_id', '=', f.organisationId)
            .where((pe) =>
              pe.or([
                // Similar sorted keys (spelling variants, typos, swapped order), or every token of the
                // query among the person's keys of all spellings (original script included).
                ...(nameKey ? [sql<boolean>`p.search_full % ${nameKey}`] : []),
                ...(nameTokens.length > 0 ? [sql<boolean>`p.search_tokens @> ${nameTokens}::text[]`] : []),
                sql<boolean>`p.documents @> ${JSON.stringify([{ number: raw }])}::jsonb`,
              ]),
            ),
        ),
      ]),
    );
  }
  const [rows, total] = await Promise.all([
    q
      .select([
        'c.id',
        'c.reference',
        'c.stage',
        'c.host_country',
        'c.return_country',
        'c.return_type',
        'c.counsellor_user_id',
        'c.departure_deadline',
        'c.version',
        'c.created_at',
      ])
      .select((eb) => [
        eb
          .selectFrom('persons as p')
          .select(sql<string>`p.given_names || ' ' || p.family_name`.as('n'))
          .whereRef('p.case_id', '=', 'c.id')
          .where('p.relationship', '=', 'principal')
          .limit(1)
          .as('principal_name'),
        eb
          .selectFrom('persons as p')
          .select((pe) => pe.fn.countAll<number>().as('n'))
          .whereRef('p.case_id', '=', 'c.id')
          .as('household_size'),
      ])
      .orderBy('c.created_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function userInOrganisation(
  db: Kysely<DB>,
  organisationId: string,
  userId: string,
): Promise<boolean> {
  const r = await db
    .selectFrom('users')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', userId)
    .where('active', '=', true)
    .executeTakeFirst();
  return r !== undefined;
}

/**
 * Candidates for duplicate detection in one organisation: persons whose sorted name key is
 * trigram-similar to the query's, or who share a name token with it. The caller rescores them.
 */
export async function duplicateCandidates(
  db: Kysely<DB>,
  organisationId: string,
  key: string,
  tokens: string[],
  excludeCaseId: string | undefined,
  limit: number,
) {
  let q = db
    .selectFrom('persons as p')
    .innerJoin('cases as c', 'c.id', 'p.case_id')
    .select([
      'p.id',
      'p.case_id',
      'c.reference',
      'p.given_names',
      'p.family_name',
      'p.original_script_name',
      'p.other_spellings',
      'p.date_of_birth',
      'p.date_of_birth_approximate',
      'p.sex',
    ])
    .where('p.organisation_id', '=', organisationId)
    .where('c.organisation_id', '=', organisationId)
    .where((eb) =>
      eb.or([
        ...(key ? [sql<boolean>`p.search_full % ${key}`] : []),
        ...(tokens.length > 0 ? [sql<boolean>`p.search_tokens && ${tokens}::text[]`] : []),
      ]),
    );
  if (excludeCaseId) q = q.where('p.case_id', '<>', excludeCaseId);
  return q
    .orderBy(sql`similarity(p.search_full, ${key})`, 'desc')
    .orderBy('p.id')
    .limit(limit)
    .execute();
}
