import { sql, type ExpressionBuilder, type Insertable, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { CasesTable, DB, PersonsTable } from '../../db/schema.ts';
import { caseReference } from '../../domain/case-facts.ts';

/** All SQL for cases, persons and case events. Every function takes the organisation scope. */

export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;
export type PersonRow = Awaited<ReturnType<typeof personsOfCase>>[number];

export async function nextReference(db: Kysely<DB>, year: number): Promise<string> {
  const r = await sql<{ n: number }>`SELECT nextval('case_reference_seq')::int AS n`.execute(db);
  return caseReference(year, r.rows[0]?.n ?? 0);
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

/** The case row locked for the rest of the transaction (its stage and version cannot change meanwhile). */
export async function lockCase(db: Kysely<DB>, organisationId: string, id: string) {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .forUpdate()
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

/**
 * A household's persons in one statement: the name-vocabulary trigger then adds all their new tokens
 * at once, in token order, so that concurrent registrations sharing new names cannot wait on each
 * other in a cycle (one statement per person could deadlock).
 */
export async function insertPersons(db: Kysely<DB>, values: Insertable<PersonsTable>[]) {
  if (values.length === 0) return;
  await db.insertInto('persons').values(values).execute();
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
  vulnerable?: boolean | undefined;
}

type CaseQuery = SelectQueryBuilder<DB & { c: CasesTable }, 'c', object>;

/** The organisation scope and the filters of a case list, on `cases as c`. */
function filtered<Q extends SelectQueryBuilder<DB & { c: CasesTable }, 'c', object>>(q: Q, f: CaseFilter): Q {
  let out = q.where('c.organisation_id', '=', f.organisationId) as Q;
  if (f.stage) out = out.where('c.stage', '=', f.stage) as Q;
  if (f.returnCountry) out = out.where('c.return_country', '=', f.returnCountry) as Q;
  if (f.counsellorId) out = out.where('c.counsellor_user_id', '=', f.counsellorId) as Q;
  if (f.deadlineBefore) {
    out = out
      .where('c.departure_deadline', 'is not', null)
      .where('c.departure_deadline', '<=', f.deadlineBefore) as Q;
  }
  if (f.vulnerable !== undefined) {
    const exists = sql<boolean>`EXISTS (SELECT 1 FROM vulnerabilities v
      WHERE v.case_id = c.id AND v.organisation_id = ${f.organisationId})`;
    out = out.where(f.vulnerable ? exists : sql<boolean>`NOT ${exists}`) as Q;
  }
  return out;
}

function withListColumns(q: CaseQuery) {
  return q
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
    ]);
}

export type CaseListRow = Awaited<ReturnType<typeof casesByIds>>[number];

/** A page of the filtered case list, newest first (stable: created_at, then id). */
export async function listCases(db: Kysely<DB>, f: CaseFilter & { limit: number; offset: number }) {
  const q = filtered(db.selectFrom('cases as c'), f);
  const [rows, total] = await Promise.all([
    withListColumns(q)
      .orderBy('c.created_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** The list rows of the given cases of the organisation (any order). */
export async function casesByIds(db: Kysely<DB>, organisationId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return withListColumns(
    db.selectFrom('cases as c').where('c.organisation_id', '=', organisationId).where('c.id', 'in', ids),
  ).execute();
}

/** `<table>.created_at` in milliseconds: a plain number, cheaper to read than a timestamp. */
function createdMs(table: 'c' | 'p') {
  return sql<number>`(extract(epoch FROM ${sql.ref(`${table}.created_at`)}) * 1000)::float8`;
}

/**
 * Filtered cases whose reference starts with `text` or one of whose persons holds a document with
 * exactly this number (both index-backed).
 */
export async function casesByReferenceOrDocument(db: Kysely<DB>, f: CaseFilter, text: string, cap: number) {
  const prefix = `${text.toUpperCase().replace(/[%_\\]/g, '')}%`;
  const matching = () =>
    filtered(db.selectFrom('cases as c'), f).select(['c.id', createdMs('c').as('created_ms')]);
  // Two look-ups, each on its own index (an OR of the two would read every case of the organisation).
  const [byReference, byDocument] = await Promise.all([
    matching().where('c.reference', 'like', prefix).limit(cap).execute(),
    matching()
      .where(
        'c.id',
        'in',
        db
          .selectFrom('persons as p')
          .select('p.case_id')
          .where('p.organisation_id', '=', f.organisationId)
          .where(sql<boolean>`p.documents @> ${JSON.stringify([{ number: text }])}::jsonb`),
      )
      .limit(cap)
      .execute(),
  ]);
  return [...byReference, ...byDocument];
}

/**
 * The name tokens in use that look like each query token, from the small vocabulary: trigram-similar
 * token or consonant skeleton, or one of the token's deletion variants. One list per query token.
 */
export async function vocabularyNear(
  db: Kysely<DB>,
  tokens: readonly { token: string; skeleton: string; variants: readonly string[] }[],
): Promise<string[][]> {
  if (tokens.length === 0) return [];
  const variants = tokens.flatMap((t, i) => t.variants.map((v) => [v, i + 1] as const));
  const r = await sql<{ i: number; token: string }>`
    SELECT q.i::int AS i, v.token
    FROM unnest(${tokens.map((t) => t.token)}::text[], ${tokens.map((t) => t.skeleton)}::text[])
      WITH ORDINALITY AS q(t, s, i)
    CROSS JOIN LATERAL (
      SELECT token FROM name_tokens WHERE token % q.t
      UNION
      SELECT token FROM name_tokens WHERE q.s <> '' AND skeleton % q.s
    ) v
    UNION
    SELECT d.i, n.token
    FROM unnest(${variants.map((v) => v[0])}::text[], ${variants.map((v) => v[1])}::int[]) AS d(variant, i)
    JOIN name_token_variants n ON n.variant = d.variant`.execute(db);
  const out: string[][] = tokens.map(() => []);
  for (const row of r.rows) out[row.i - 1]?.push(row.token);
  return out;
}

function hasCaseFilter(f: CaseFilter): boolean {
  return (
    Boolean(f.stage ?? f.returnCountry ?? f.counsellorId ?? f.deadlineBefore) || f.vulnerable !== undefined
  );
}

/** Persons whose tokens meet, for at least one group of expansion indexes, every expansion of the group. */
function meetsExpansions(
  eb: ExpressionBuilder<DB & { p: PersonsTable }, 'p'>,
  expansions: readonly (readonly string[])[],
  groups: readonly (readonly number[])[],
) {
  return eb.or(
    groups.map((group) =>
      eb.and(group.map((i) => sql<boolean>`p.search_tokens && ${expansions[i] ?? []}::text[]`)),
    ),
  );
}

export interface NameLookup {
  /** The vocabulary tokens standing for each query token. */
  expansions: readonly (readonly string[])[];
  /** Groups of expansion indexes; a person must meet every expansion of one group. */
  groups: readonly (readonly number[])[];
  /** Leave out the persons that meet this narrower look-up (found in an earlier round). */
  except?: { expansions: readonly (readonly string[])[] } | undefined;
}

/** Which persons may be candidates besides their name. */
export interface PersonScope {
  excludeCaseId?: string | undefined;
  /** Born between these dates (inclusive), or of unknown date of birth. */
  bornBetween?: readonly [from: string, to: string] | undefined;
}

/**
 * Persons of the filtered cases found by a name look-up (`search_tokens && expansion`, served by the
 * GIN index on organisation and tokens), at most `cap`, with what ranking needs: their spellings and
 * when they were registered.
 */
export async function nameCandidates(
  db: Kysely<DB>,
  f: CaseFilter,
  lookup: NameLookup,
  cap: number,
  scope: PersonScope = {},
) {
  let q = db
    .selectFrom('persons as p')
    .select([
      'p.id',
      'p.case_id',
      // One string each (keys have no '|'), cheaper to read than arrays and timestamps.
      sql<string>`array_to_string(p.search_spellings, '|')`.as('spellings'),
      createdMs('p').as('created_ms'),
    ])
    .where('p.organisation_id', '=', f.organisationId)
    .where((eb) => meetsExpansions(eb, lookup.expansions, lookup.groups));
  const except = lookup.except;
  if (except) q = q.where((eb) => eb.not(meetsExpansions(eb, except.expansions, lookup.groups)));
  if (scope.excludeCaseId) q = q.where('p.case_id', '<>', scope.excludeCaseId);
  const born = scope.bornBetween;
  if (born) {
    q = q.where((eb) =>
      eb.or([
        eb('p.date_of_birth', 'is', null),
        eb('p.date_of_birth', '>=', born[0]).and('p.date_of_birth', '<=', born[1]),
      ]),
    );
  }
  if (!hasCaseFilter(f)) return q.limit(cap).execute();
  // Case filters: persons first, materialized (the token look-up is the selective part, whatever the
  // planner's statistics say; PGlite has no autovacuum to keep them), then their cases.
  return filtered(
    db
      .with(
        (cte) => cte('cand').materialized(),
        () => q.limit(cap * 4),
      )
      .selectFrom('cand as p')
      .innerJoin('cases as c', 'c.id', 'p.case_id')
      .selectAll('p'),
    f,
  )
    .limit(cap)
    .execute();
}

/** What a possible-duplicate answer shows of the given persons of the organisation. */
export async function duplicateDetails(db: Kysely<DB>, organisationId: string, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('persons as p')
    .innerJoin('cases as c', 'c.id', 'p.case_id')
    .select([
      'p.id',
      'p.case_id',
      'c.reference',
      'p.given_names',
      'p.family_name',
      'p.date_of_birth',
      'p.date_of_birth_approximate',
      'p.sex',
    ])
    .where('p.organisation_id', '=', organisationId)
    .where('p.id', 'in', personIds)
    .execute();
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
