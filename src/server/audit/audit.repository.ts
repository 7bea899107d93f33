import { sql, type Kysely } from 'kysely';
import type { AuditRow, DB } from '../../db/schema.ts';
import { entryHash, type ChainedFields } from '../../domain/audit-chain.ts';

export type NewAuditEntry = Omit<ChainedFields, 'seq' | 'at'>;

const AUDIT_LOCK_KEY = 4_711_001;

/**
 * Appends one entry to the chain. Must run inside a transaction: an advisory lock serialises
 * appenders (across processes too) so that every entry links to the one before it.
 */
export async function appendAuditEntry(trx: Kysely<DB>, entry: NewAuditEntry, now: Date): Promise<AuditRow> {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
  const head = await trx
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  const fields: ChainedFields = { ...entry, seq: Number(head.seq) + 1, at: now.toISOString() };
  const hash = entryHash(head.hash, fields);
  const row = await trx
    .insertInto('audit_log')
    .values({
      seq: fields.seq,
      at: fields.at,
      actor_user_id: fields.actorUserId,
      actor_token_id: fields.actorTokenId,
      actor_label: fields.actorLabel,
      organisation_id: fields.organisationId,
      action: fields.action,
      target_type: fields.targetType,
      target_id: fields.targetId,
      outcome: fields.outcome as AuditRow['outcome'],
      ip: fields.ip,
      details: JSON.stringify(fields.details ?? {}),
      prev_hash: head.hash,
      hash,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx.updateTable('audit_head').set({ seq: fields.seq, hash }).where('id', '=', 1).execute();
  return row;
}

export interface AuditListFilter {
  organisationId: string | null; // null: every organisation (platform scope)
  action?: string | undefined;
  beforeSeq?: number | undefined;
  limit: number;
}

export async function listAuditEntries(db: Kysely<DB>, f: AuditListFilter) {
  let q = db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(f.limit);
  if (f.organisationId !== null) q = q.where('organisation_id', '=', f.organisationId);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.beforeSeq !== undefined) q = q.where('seq', '<', f.beforeSeq);
  return q.execute();
}

export async function auditPage(db: Kysely<DB>, afterSeq: number, limit: number): Promise<AuditRow[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export async function auditHead(db: Kysely<DB>) {
  return db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
}
