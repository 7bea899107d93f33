import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * SQL of case message threads. The thread belongs to the case, not to an organisation: every query
 * is scoped by case, and the service has checked the reader's access to that case first.
 */

function threadQuery(db: Kysely<DB>) {
  return db
    .selectFrom('case_messages as m')
    .innerJoin('organisations as o', 'o.id', 'm.author_organisation_id')
    .innerJoin('users as u', 'u.id', 'm.author_user_id')
    .select([
      'm.id',
      'm.case_id',
      'm.body',
      'm.created_at',
      'm.author_organisation_id',
      'm.author_user_id',
      'o.name as author_organisation_name',
      'u.display_name as author_display_name',
    ]);
}

export type MessageRow = Awaited<ReturnType<typeof listThread>>[number];

export async function listThread(db: Kysely<DB>, caseId: string) {
  return threadQuery(db).where('m.case_id', '=', caseId).orderBy('m.created_at').orderBy('m.id').execute();
}

export async function insertMessage(
  db: Kysely<DB>,
  v: { caseId: string; organisationId: string; userId: string; body: string },
): Promise<MessageRow> {
  const { id } = await db
    .insertInto('case_messages')
    .values({
      case_id: v.caseId,
      author_organisation_id: v.organisationId,
      author_user_id: v.userId,
      body: v.body,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return threadQuery(db).where('m.id', '=', id).executeTakeFirstOrThrow();
}

export async function lastRead(db: Kysely<DB>, userId: string, caseId: string): Promise<Date | null> {
  const row = await db
    .selectFrom('case_message_reads')
    .select('last_read_at')
    .where('user_id', '=', userId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return row?.last_read_at ?? null;
}

/** Marks the thread read up to now for one user (never moves the mark back). */
export async function markThreadRead(db: Kysely<DB>, userId: string, caseId: string): Promise<Date> {
  const row = await db
    .insertInto('case_message_reads')
    .values({ user_id: userId, case_id: caseId, last_read_at: sql<Date>`now()` })
    .onConflict((oc) =>
      oc.columns(['user_id', 'case_id']).doUpdateSet({
        last_read_at: sql<Date>`greatest(case_message_reads.last_read_at, excluded.last_read_at)`,
      }),
    )
    .returning('last_read_at')
    .executeTakeFirstOrThrow();
  return row.last_read_at;
}

/** The organisations with a pending or accepted referral of the case. */
export async function openReferralRecipients(db: Kysely<DB>, caseId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('referrals')
    .select('recipient_organisation_id')
    .distinct()
    .where('case_id', '=', caseId)
    .where('status', 'in', ['pending', 'accepted'])
    .execute();
  return rows.map((r) => r.recipient_organisation_id);
}

export async function organisationName(db: Kysely<DB>, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name;
}

/**
 * Cases with messages the user has not read (written by someone else after their read mark), among
 * the cases the organisation is related to: owner, funding authority, or recipient of an open
 * referral. The service then keeps those the organisation may still see (consent in force, …).
 */
export async function unreadByCase(db: Kysely<DB>, userId: string, organisationId: string, limit: number) {
  const rows = await db
    .selectFrom('case_messages as m')
    .innerJoin('cases as c', 'c.id', 'm.case_id')
    .leftJoin('case_message_reads as r', (j) =>
      j.onRef('r.case_id', '=', 'm.case_id').on('r.user_id', '=', userId),
    )
    .select(['m.case_id', 'c.reference'])
    .select((eb) => [eb.fn.countAll<number>().as('unread'), eb.fn.max('m.created_at').as('latest')])
    .where('m.author_user_id', '<>', userId)
    .where((eb) =>
      eb.or([eb('r.last_read_at', 'is', null), eb('m.created_at', '>', eb.ref('r.last_read_at'))]),
    )
    .where((eb) =>
      eb.or([
        eb('c.organisation_id', '=', organisationId),
        eb('c.funding_organisation_id', '=', organisationId),
        eb.exists(
          eb
            .selectFrom('referrals as f')
            .select('f.id')
            .whereRef('f.case_id', '=', 'c.id')
            .where('f.recipient_organisation_id', '=', organisationId)
            .where('f.status', 'in', ['pending', 'accepted']),
        ),
      ]),
    )
    .groupBy(['m.case_id', 'c.reference'])
    .orderBy('latest', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ caseId: r.case_id, reference: r.reference, unread: Number(r.unread) }));
}
