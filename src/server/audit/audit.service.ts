import type { Kysely } from 'kysely';
import type { DB, AuditRow } from '../../db/schema.ts';
import { verifyChain, GENESIS_HASH, type ChainProblem, type StoredEntry } from '../../domain/audit-chain.ts';
import type { Actor } from '../auth/actor.ts';
import { requirePermission } from '../auth/actor.ts';
import type { AppContext } from '../context.ts';
import { appendAuditEntry, auditHead, auditPage, listAuditEntries } from './audit.repository.ts';

export interface AuditEvent {
  action: string;
  targetType?: string;
  targetId?: string;
  outcome?: 'success' | 'failure' | 'denied';
  details?: Record<string, unknown>;
}

/** Who did it, when there may be no logged-in actor (a failed login, the CLI). */
export interface AuditSubject {
  userId?: string | null;
  tokenId?: string | null;
  label?: string | null;
  organisationId?: string | null;
  ip?: string | null;
}

export function subjectOf(actor: Actor): AuditSubject {
  return {
    userId: actor.userId,
    tokenId: actor.tokenId,
    label: actor.label,
    organisationId: actor.organisationId,
    ip: actor.ip,
  };
}

/** Records one event. Inside a service's transaction, pass the transaction so both commit together. */
export async function recordAudit(db: Kysely<DB>, subject: AuditSubject, event: AuditEvent): Promise<void> {
  const write = (trx: Kysely<DB>) =>
    appendAuditEntry(
      trx,
      {
        actorUserId: subject.userId ?? null,
        actorTokenId: subject.tokenId ?? null,
        actorLabel: subject.label ?? null,
        organisationId: subject.organisationId ?? null,
        action: event.action,
        targetType: event.targetType ?? null,
        targetId: event.targetId ?? null,
        outcome: event.outcome ?? 'success',
        ip: subject.ip ?? null,
        details: event.details ?? {},
      },
      new Date(),
    );
  if (db.isTransaction) await write(db);
  else await db.transaction().execute(write);
}

export function toStoredEntry(r: AuditRow): StoredEntry {
  return {
    prevHash: r.prev_hash,
    hash: r.hash,
    fields: {
      seq: Number(r.seq),
      at: r.at.toISOString(),
      actorUserId: r.actor_user_id,
      actorTokenId: r.actor_token_id,
      actorLabel: r.actor_label,
      organisationId: r.organisation_id,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      outcome: r.outcome,
      ip: r.ip,
      details: r.details,
    },
  };
}

export type VerifyResult =
  { ok: true; entries: number } | { ok: false; entries: number; problem: ChainProblem };

/** Walks the whole chain in pages and compares its end with the stored head. */
export async function verifyAuditChain(db: Kysely<DB>, pageSize = 5000): Promise<VerifyResult> {
  // One snapshot for all pages and the head: entries appended meanwhile are not a false alarm.
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((trx) => verifyInSnapshot(trx, pageSize));
}

async function verifyInSnapshot(db: Kysely<DB>, pageSize: number): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let lastSeq = 0;
  for (;;) {
    const rows = await auditPage(db, lastSeq, pageSize);
    if (rows.length === 0) break;
    const res = verifyChain(rows.map(toStoredEntry), prev, lastSeq);
    if (!res.ok) return { ok: false, entries: lastSeq, problem: res.problem };
    prev = res.lastHash;
    lastSeq = res.lastSeq;
  }
  const head = await auditHead(db);
  if (Number(head.seq) !== lastSeq || head.hash !== prev) {
    return { ok: false, entries: lastSeq, problem: { seq: Number(head.seq), problem: 'head_mismatch' } };
  }
  return { ok: true, entries: lastSeq };
}

export async function listAudit(
  ctx: AppContext,
  actorIn: Actor | null,
  query: { limit: number; beforeSeq?: number | undefined; action?: string | undefined },
) {
  const actor = requirePermission(actorIn, 'audit:read');
  // Platform administrators read the whole deployment's log; everyone else their organisation's.
  const scope = actor.roles.includes('platform_admin') ? null : actor.organisationId;
  const rows = await listAuditEntries(ctx.db, { organisationId: scope, ...query });
  return rows;
}
