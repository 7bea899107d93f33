import type { Insertable, Kysely } from 'kysely';
import type { ConsentsTable, CounsellingSessionsTable, DB, VulnerabilitiesTable } from '../../db/schema.ts';

/** SQL for the records hanging off a case; each query is scoped by organisation and case. */

export async function listSessions(db: Kysely<DB>, organisationId: string, caseId: string) {
  return db
    .selectFrom('counselling_sessions')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('case_id', '=', caseId)
    .orderBy('held_at')
    .orderBy('id')
    .execute();
}

export async function insertSession(db: Kysely<DB>, v: Insertable<CounsellingSessionsTable>) {
  return db.insertInto('counselling_sessions').values(v).returningAll().executeTakeFirstOrThrow();
}

export async function listConsents(db: Kysely<DB>, organisationId: string, caseId: string) {
  return db
    .selectFrom('consents')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('case_id', '=', caseId)
    .orderBy('given_at')
    .orderBy('id')
    .execute();
}

export async function insertConsent(db: Kysely<DB>, v: Insertable<ConsentsTable>) {
  return db.insertInto('consents').values(v).returningAll().executeTakeFirstOrThrow();
}

/** Withdraws a consent that is still active; undefined when absent or already withdrawn. */
export async function withdrawConsent(
  db: Kysely<DB>,
  organisationId: string,
  caseId: string,
  id: string,
  at: Date,
  effect: string | null,
) {
  return db
    .updateTable('consents')
    .set({ withdrawn_at: at, withdrawal_effect: effect })
    .where('organisation_id', '=', organisationId)
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .where('withdrawn_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export async function findConsent(db: Kysely<DB>, organisationId: string, caseId: string, id: string) {
  return db
    .selectFrom('consents')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listVulnerabilities(db: Kysely<DB>, organisationId: string, caseId: string) {
  return db
    .selectFrom('vulnerabilities')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertVulnerability(db: Kysely<DB>, v: Insertable<VulnerabilitiesTable>) {
  return db.insertInto('vulnerabilities').values(v).returningAll().executeTakeFirstOrThrow();
}

/** An active organisation (one that the directory lists). */
export async function organisationExists(db: Kysely<DB>, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}
