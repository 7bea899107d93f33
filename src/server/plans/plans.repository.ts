import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type {
  DB,
  DeliveriesTable,
  FinalReportsTable,
  LedgerEntriesTable,
  PlanLinesTable,
  PlansTable,
} from '../../db/schema.ts';

/**
 * SQL of plans, plan lines, deliveries, final reports and the ledger. Callers establish access to
 * the case first (src/server/sharing/access.ts); every query here is keyed on that case.
 */

export type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlan>>>;
export type PlanLineRow = Awaited<ReturnType<typeof linesOfPlan>>[number];
export type DeliveryRow = Awaited<ReturnType<typeof deliveriesOfCase>>[number];
export type FinalReportRow = NonNullable<Awaited<ReturnType<typeof findFinalReport>>>;

export async function findPlan(db: Kysely<DB>, caseId: string) {
  return db.selectFrom('plans').selectAll().where('case_id', '=', caseId).executeTakeFirst();
}

/** The plan row locked for the rest of the transaction: every budget-changing write takes it first. */
export async function lockPlan(db: Kysely<DB>, caseId: string) {
  return db.selectFrom('plans').selectAll().where('case_id', '=', caseId).forUpdate().executeTakeFirst();
}

export async function insertPlan(db: Kysely<DB>, values: Insertable<PlansTable>) {
  return db.insertInto('plans').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updatePlan(
  db: Kysely<DB>,
  caseId: string,
  values: Updateable<PlansTable>,
  expectedVersion?: number,
) {
  let q = db
    .updateTable('plans')
    .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('case_id', '=', caseId);
  if (expectedVersion !== undefined) q = q.where('version', '=', expectedVersion);
  return q.returningAll().executeTakeFirst();
}

export async function linesOfPlan(db: Kysely<DB>, planId: string) {
  return db
    .selectFrom('plan_lines')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export async function deleteLinesExcept(db: Kysely<DB>, planId: string, keep: string[]) {
  let q = db.deleteFrom('plan_lines').where('plan_id', '=', planId);
  if (keep.length > 0) q = q.where('id', 'not in', keep);
  await q.execute();
}

export async function insertLine(db: Kysely<DB>, values: Insertable<PlanLinesTable>) {
  return db.insertInto('plan_lines').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateLine(
  db: Kysely<DB>,
  planId: string,
  id: string,
  values: Updateable<PlanLinesTable>,
) {
  return db
    .updateTable('plan_lines')
    .set(values)
    .where('plan_id', '=', planId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function setLinesStatus(db: Kysely<DB>, planId: string, status: 'planned' | 'approved') {
  await db.updateTable('plan_lines').set({ status }).where('plan_id', '=', planId).execute();
}

/**
 * Adds a delivered amount to a line only while it stays within the approved amount: the condition is
 * in the UPDATE itself, so two concurrent deliveries cannot together pass the line's amount.
 */
export async function addDelivered(db: Kysely<DB>, caseId: string, lineId: string, cents: number) {
  return db
    .updateTable('plan_lines')
    .set((eb) => ({ delivered_cents: eb('delivered_cents', '+', cents) }))
    .where('case_id', '=', caseId)
    .where('id', '=', lineId)
    .where('status', '=', 'approved')
    .where(sql<boolean>`delivered_cents + ${cents} <= amount_cents`)
    .returningAll()
    .executeTakeFirst();
}

export async function insertDelivery(db: Kysely<DB>, values: Insertable<DeliveriesTable>) {
  return db.insertInto('deliveries').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function deliveriesOfCase(db: Kysely<DB>, caseId: string) {
  return db
    .selectFrom('deliveries')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('delivered_on')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Enrolments of the case (active or not) with their frozen package lines. */
export async function enrolmentsOfCase(db: Kysely<DB>, ownerOrganisationId: string, caseId: string) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('programmes as p', 'p.id', 'e.programme_id')
    .select([
      'e.id',
      'e.programme_code',
      'e.programme_version',
      'e.status',
      'e.snapshot',
      'p.funder_organisation_id',
    ])
    .where('e.organisation_id', '=', ownerOrganisationId)
    .where('e.case_id', '=', caseId)
    .orderBy('e.enrolled_at')
    .orderBy('e.id')
    .execute();
}

// Final report ------------------------------------------------------------------------------------

export async function findFinalReport(db: Kysely<DB>, caseId: string) {
  return db.selectFrom('final_reports').selectAll().where('case_id', '=', caseId).executeTakeFirst();
}

export async function insertFinalReport(db: Kysely<DB>, values: Insertable<FinalReportsTable>) {
  return db.insertInto('final_reports').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateFinalReport(
  db: Kysely<DB>,
  caseId: string,
  values: Updateable<FinalReportsTable>,
  expectedVersion?: number,
) {
  let q = db
    .updateTable('final_reports')
    .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('case_id', '=', caseId);
  if (expectedVersion !== undefined) q = q.where('version', '=', expectedVersion);
  return q.returningAll().executeTakeFirst();
}

// Ledger ------------------------------------------------------------------------------------------

export async function insertLedgerEntries(db: Kysely<DB>, rows: Insertable<LedgerEntriesTable>[]) {
  if (rows.length === 0) return;
  await db.insertInto('ledger_entries').values(rows).execute();
}

/**
 * Ledger entries of any organisation that share a person key with `keys`, in `category`, whose
 * period meets [from, to]. Only what the guard needs leaves the database: never the other case's id
 * to the caller (the service strips it), never names.
 */
export async function ledgerCandidates(
  db: Kysely<DB>,
  keys: string[],
  categories: string[],
  from: string,
  to: string,
) {
  if (keys.length === 0 || categories.length === 0) return [];
  return db
    .selectFrom('ledger_entries as l')
    .innerJoin('organisations as f', 'f.id', 'l.funder_organisation_id')
    .leftJoin('organisations as p', 'p.id', 'l.partner_organisation_id')
    .select([
      'l.id',
      'l.case_id',
      'l.plan_line_id',
      'l.person_keys',
      'l.programme_code',
      'l.category',
      'l.period_from',
      'l.period_to',
      'l.funder_organisation_id',
      'f.name as funder_name',
      'l.partner_organisation_id',
      'p.name as partner_name',
    ])
    .where(sql<boolean>`l.person_keys && ${sql.val(keys)}::text[]`)
    .where('l.category', 'in', categories)
    .where('l.status', '=', 'approved')
    .where('l.period_from', '<=', to)
    .where('l.period_to', '>=', from)
    .limit(200)
    .execute();
}
