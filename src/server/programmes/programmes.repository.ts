import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * SQL of the assistance inventory. Published programmes are public within the platform; drafts and
 * changes are scoped to the funding organisation, which is always an argument.
 */

export interface ListingColumns {
  name_en: string;
  countries_of_return: string[];
  stages: string[];
  modalities: string[];
  categories: string[];
  implementing_organisation_ids: string[];
  valid_from: string;
  valid_to: string | null;
}

const PROGRAMME_COLUMNS = [
  'p.id',
  'p.code',
  'p.funder_organisation_id',
  'p.status',
  'p.current_version',
  'p.implementing_organisation_ids',
  'p.countries_of_return',
  'p.stages',
  'p.modalities',
  'p.categories',
  'p.valid_from',
  'p.valid_to',
  'p.updated_at',
  'v.definition',
  'v.effective_from',
] as const;

function base(db: Kysely<DB>) {
  return db
    .selectFrom('programmes as p')
    .innerJoin('programme_versions as v', (j) =>
      j.onRef('v.programme_id', '=', 'p.id').onRef('v.version', '=', 'p.current_version'),
    )
    .innerJoin('organisations as o', 'o.id', 'p.funder_organisation_id')
    .select([...PROGRAMME_COLUMNS, 'o.name as funder_name']);
}

export interface ProgrammeFilter {
  countryOfReturn?: string | undefined;
  funderOrganisationId?: string | undefined;
  stage?: string | undefined;
  modality?: string | undefined;
  category?: string | undefined;
  status?: string | undefined;
  q?: string | undefined;
}

/** Programmes the organisation may see: every published or closed one, and its own drafts. */
export async function listVisible(
  db: Kysely<DB>,
  organisationId: string,
  f: ProgrammeFilter,
  page: { limit: number; offset: number },
) {
  let q = base(db).where((eb) =>
    eb.or([eb('p.status', '<>', 'draft'), eb('p.funder_organisation_id', '=', organisationId)]),
  );
  if (f.countryOfReturn)
    q = q.where(sql<boolean>`p.countries_of_return @> ARRAY[${f.countryOfReturn}]::text[]`);
  if (f.funderOrganisationId) q = q.where('p.funder_organisation_id', '=', f.funderOrganisationId);
  if (f.stage) q = q.where(sql<boolean>`p.stages @> ARRAY[${f.stage}]::text[]`);
  if (f.modality) q = q.where(sql<boolean>`p.modalities @> ARRAY[${f.modality}]::text[]`);
  if (f.category) q = q.where(sql<boolean>`p.categories @> ARRAY[${f.category}]::text[]`);
  if (f.status) q = q.where('p.status', '=', f.status as 'draft');
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('p.code', 'ilike', like), eb('p.name_en', 'ilike', like)]));
  }
  const rows = await q.orderBy('p.name_en').orderBy('p.id').limit(page.limit).offset(page.offset).execute();
  return rows;
}

/** Every published programme with the version in force on `onDate` (latest effective by then, else the first). */
export async function publishedInForce(db: Kysely<DB>, onDate: string, countryOfReturn?: string) {
  let q = db
    .selectFrom('programmes as p')
    .innerJoin('organisations as o', 'o.id', 'p.funder_organisation_id')
    .innerJoin('programme_versions as v', (j) =>
      j.onRef('v.programme_id', '=', 'p.id').on(
        'v.version',
        '=',
        sql<number>`coalesce(
            (SELECT max(x.version) FROM programme_versions x
              WHERE x.programme_id = p.id AND x.effective_from <= ${onDate}::date),
            1)`,
      ),
    )
    .select([
      'p.id',
      'p.code',
      'p.funder_organisation_id',
      'p.status',
      'p.implementing_organisation_ids',
      'v.version',
      'v.definition',
      'o.name as funder_name',
    ])
    .where('p.status', '=', 'published');
  if (countryOfReturn) q = q.where(sql<boolean>`p.countries_of_return @> ARRAY[${countryOfReturn}]::text[]`);
  return q.orderBy('p.code').execute();
}

export async function findVisible(db: Kysely<DB>, organisationId: string, id: string) {
  return base(db)
    .where('p.id', '=', id)
    .where((eb) =>
      eb.or([eb('p.status', '<>', 'draft'), eb('p.funder_organisation_id', '=', organisationId)]),
    )
    .executeTakeFirst();
}

/** A programme the organisation funds (and so may change); undefined for anyone else's. */
export async function findOwned(db: Kysely<DB>, organisationId: string, id: string) {
  return base(db)
    .where('p.id', '=', id)
    .where('p.funder_organisation_id', '=', organisationId)
    .executeTakeFirst();
}

/** The same row, locked for a change (inside a transaction). */
export async function lockOwned(db: Kysely<DB>, organisationId: string, id: string) {
  return db
    .selectFrom('programmes')
    .select(['id', 'code', 'status', 'current_version'])
    .where('id', '=', id)
    .where('funder_organisation_id', '=', organisationId)
    .forUpdate()
    .executeTakeFirst();
}

export async function codeExists(db: Kysely<DB>, code: string) {
  const row = await db.selectFrom('programmes').select('id').where('code', '=', code).executeTakeFirst();
  return row !== undefined;
}

/** Which of these codes exist (visible ones: published, closed, or the organisation's drafts). */
export async function existingCodes(db: Kysely<DB>, organisationId: string, codes: readonly string[]) {
  if (codes.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('programmes')
    .select('code')
    .where('code', 'in', [...codes])
    .where((eb) => eb.or([eb('status', '<>', 'draft'), eb('funder_organisation_id', '=', organisationId)]))
    .execute();
  return new Set(rows.map((r) => r.code));
}

export async function versions(db: Kysely<DB>, programmeId: string) {
  return db
    .selectFrom('programme_versions')
    .select(['version', 'effective_from', 'created_at'])
    .where('programme_id', '=', programmeId)
    .orderBy('version')
    .execute();
}

export async function findVersion(db: Kysely<DB>, programmeId: string, version: number) {
  return db
    .selectFrom('programme_versions')
    .select(['version', 'effective_from', 'created_at', 'definition'])
    .where('programme_id', '=', programmeId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function latestEffectiveFrom(db: Kysely<DB>, programmeId: string) {
  const row = await db
    .selectFrom('programme_versions')
    .select(sql<string>`max(effective_from)::text`.as('latest'))
    .where('programme_id', '=', programmeId)
    .executeTakeFirst();
  return row?.latest ?? null;
}

export async function insertProgramme(
  db: Kysely<DB>,
  v: ListingColumns & {
    code: string;
    funder_organisation_id: string;
    status: 'draft' | 'published' | 'closed';
    created_by: string | null;
  },
) {
  return db
    .insertInto('programmes')
    .values({ ...v, current_version: 1 })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

export async function insertVersion(
  db: Kysely<DB>,
  v: {
    programme_id: string;
    version: number;
    effective_from: string;
    definition: unknown;
    created_by: string | null;
  },
) {
  await db
    .insertInto('programme_versions')
    .values({ ...v, definition: JSON.stringify(v.definition) })
    .execute();
}

export async function setCurrentVersion(
  db: Kysely<DB>,
  id: string,
  version: number,
  listing: ListingColumns,
) {
  await db
    .updateTable('programmes')
    .set({ ...listing, current_version: version, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Deletes a draft (its versions go with it); false when it is not a draft of this organisation. */
export async function deleteDraft(db: Kysely<DB>, organisationId: string, id: string) {
  const row = await db
    .deleteFrom('programmes')
    .where('id', '=', id)
    .where('funder_organisation_id', '=', organisationId)
    .where('status', '=', 'draft')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function setStatus(db: Kysely<DB>, id: string, status: 'draft' | 'published' | 'closed') {
  await db.updateTable('programmes').set({ status, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function organisationNames(db: Kysely<DB>, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function activeOrganisationIds(db: Kysely<DB>, ids: readonly string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('organisations')
    .select('id')
    .where('id', 'in', [...ids])
    .where('active', '=', true)
    .execute();
  return new Set(rows.map((r) => r.id));
}

// Enrolments (scoped by the case's organisation) ---------------------------------------------------

export async function listEnrolments(db: Kysely<DB>, organisationId: string, caseId: string) {
  return db
    .selectFrom('enrolments')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('case_id', '=', caseId)
    .orderBy('enrolled_at')
    .orderBy('id')
    .execute();
}

export async function insertEnrolment(
  db: Kysely<DB>,
  v: {
    case_id: string;
    organisation_id: string;
    programme_id: string;
    programme_code: string;
    programme_version: number;
    evaluated_on: string;
    language: string;
    snapshot: unknown;
    totals: unknown;
    enrolled_by: string | null;
  },
) {
  return db
    .insertInto('enrolments')
    .values({ ...v, snapshot: JSON.stringify(v.snapshot), totals: JSON.stringify(v.totals) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function withdrawEnrolment(
  db: Kysely<DB>,
  organisationId: string,
  caseId: string,
  id: string,
  by: string | null,
  reason: string,
) {
  return db
    .updateTable('enrolments')
    .set({ status: 'withdrawn', withdrawn_at: new Date(), withdrawn_by: by, withdrawal_reason: reason })
    .where('organisation_id', '=', organisationId)
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .where('status', '=', 'active')
    .returningAll()
    .executeTakeFirst();
}

export async function vulnerabilitiesOfCase(db: Kysely<DB>, organisationId: string, caseId: string) {
  return db
    .selectFrom('vulnerabilities')
    .select(['person_id as personId', 'category'])
    .where('organisation_id', '=', organisationId)
    .where('case_id', '=', caseId)
    .execute();
}
