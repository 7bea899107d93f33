import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Role } from '../../domain/permissions.ts';

/** SQL of notifications: fan-out, the inbox of one user, and the e-mail outbox. */

export interface FanOut {
  organisationId: string;
  /** Only users holding one of these roles (when given). */
  roles: readonly Role[] | null;
  /** Only this user (when given). */
  userId: string | null;
  /** Users already notified of the same thing in this call. */
  exceptUserIds: readonly string[];
  caseId: string | null;
  type: string;
  params: Record<string, string | number>;
  emailPending: boolean;
}

/**
 * One row per active user of the (active) organisation that matches, in one INSERT … SELECT.
 * Returns the users notified.
 */
export async function insertFanOut(db: Kysely<DB>, f: FanOut): Promise<string[]> {
  if (f.roles !== null && f.roles.length === 0) return [];
  let users = db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .where('u.organisation_id', '=', f.organisationId)
    .where('u.active', '=', true)
    .where('o.active', '=', true);
  if (f.userId !== null) users = users.where('u.id', '=', f.userId);
  if (f.roles !== null) {
    const roles = f.roles;
    users = users.where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_roles as r')
          .select('r.user_id')
          .whereRef('r.user_id', '=', 'u.id')
          .where('r.role', 'in', roles),
      ),
    );
  }
  if (f.exceptUserIds.length > 0) users = users.where('u.id', 'not in', f.exceptUserIds);
  const rows = await db
    .insertInto('notifications')
    .columns([
      'user_id',
      'organisation_id',
      'case_id',
      'type',
      'params',
      'email_status',
      'email_next_attempt_at',
    ])
    .expression(
      users.select([
        'u.id',
        'u.organisation_id',
        sql<string | null>`${f.caseId}::uuid`.as('case_id'),
        sql<string>`${f.type}::text`.as('type'),
        sql<string>`${JSON.stringify(f.params)}::jsonb`.as('params'),
        sql<string>`${f.emailPending ? 'pending' : 'none'}::text`.as('email_status'),
        (f.emailPending ? sql<Date | null>`now()` : sql<Date | null>`NULL::timestamptz`).as(
          'email_next_attempt_at',
        ),
      ]),
    )
    .returning('user_id')
    .execute();
  return rows.map((r) => r.user_id);
}

export async function caseReference(db: Kysely<DB>, caseId: string): Promise<string | undefined> {
  const row = await db.selectFrom('cases').select('reference').where('id', '=', caseId).executeTakeFirst();
  return row?.reference;
}

// The inbox of one user ------------------------------------------------------------------------------

export async function listForUser(
  db: Kysely<DB>,
  userId: string,
  q: { unreadOnly: boolean; limit: number; offset: number },
) {
  let base = db.selectFrom('notifications').where('user_id', '=', userId);
  if (q.unreadOnly) base = base.where('read_at', 'is', null);
  const [items, total, unread] = await Promise.all([
    base
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db
      .selectFrom('notifications')
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n), unread: Number(unread.n) };
}

/** Marks one notification of the user read (keeps the first read time); undefined if not theirs. */
export async function markRead(db: Kysely<DB>, userId: string, id: string) {
  return db
    .updateTable('notifications')
    .set({ read_at: sql<Date>`coalesce(read_at, now())` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirst();
}

export async function markAllRead(db: Kysely<DB>, userId: string): Promise<number> {
  const res = await db
    .updateTable('notifications')
    .set({ read_at: sql<Date>`now()` })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

// The e-mail outbox ---------------------------------------------------------------------------------------

/**
 * Claims up to `limit` due e-mails: counts the attempt and moves the next attempt `leaseMs` ahead, so
 * no other mailer takes them while this one sends. SKIP LOCKED lets several server processes claim
 * side by side without waiting for each other.
 */
export async function claimDueEmails(db: Kysely<DB>, limit: number, leaseMs: number) {
  const due = db
    .selectFrom('notifications')
    .select('id')
    .where('email_status', '=', 'pending')
    .where('email_next_attempt_at', '<=', sql<Date>`now()`)
    .orderBy('email_next_attempt_at')
    .limit(limit)
    .forUpdate()
    .skipLocked();
  return db
    .updateTable('notifications')
    .set((eb) => ({
      email_attempts: eb('email_attempts', '+', 1),
      email_next_attempt_at: sql<Date>`now() + make_interval(secs => ${leaseMs / 1000})`,
    }))
    .where('id', 'in', due)
    .where('email_status', '=', 'pending')
    .returning(['id', 'user_id', 'case_id', 'type', 'params', 'email_attempts'])
    .execute();
}

export async function emailRecipients(db: Kysely<DB>, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['id', 'email', 'locale', 'active'])
    .where('id', 'in', userIds)
    .execute();
}

/** Records the outcome of one claimed attempt (only if nobody else claimed the row since). */
export async function finishEmail(
  db: Kysely<DB>,
  id: string,
  attempt: number,
  outcome:
    | { status: 'sent' }
    | { status: 'failed'; error: string }
    | { status: 'pending'; error: string; retryInMs: number }
    | { status: 'released' },
): Promise<void> {
  const q = db
    .updateTable('notifications')
    .where('id', '=', id)
    .where('email_status', '=', 'pending')
    .where('email_attempts', '=', attempt);
  switch (outcome.status) {
    case 'sent':
      await q
        .set({
          email_status: 'sent',
          email_error: null,
          email_next_attempt_at: null,
          email_sent_at: sql<Date>`now()`,
        })
        .execute();
      return;
    case 'failed':
      await q
        .set({ email_status: 'failed', email_error: outcome.error, email_next_attempt_at: null })
        .execute();
      return;
    case 'pending':
      await q
        .set({
          email_error: outcome.error,
          email_next_attempt_at: sql<Date>`now() + make_interval(secs => ${outcome.retryInMs / 1000})`,
        })
        .execute();
      return;
    case 'released':
      // Claimed but not tried (the mailer is stopping): the attempt does not count.
      await q
        .set((eb) => ({
          email_attempts: eb('email_attempts', '-', 1),
          email_next_attempt_at: sql<Date>`now()`,
        }))
        .execute();
      return;
  }
}
