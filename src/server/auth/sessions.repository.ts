import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export async function insertSession(
  db: Kysely<DB>,
  s: {
    idHash: string;
    userId: string;
    csrfToken: string;
    now: Date;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id_hash: s.idHash,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      created_at: s.now,
      last_seen_at: s.now,
      expires_at: s.expiresAt,
      ip: s.ip,
      user_agent: s.userAgent,
    })
    .execute();
}

/** The session with its user and organisation, when all three are alive. */
export async function findLiveSession(db: Kysely<DB>, idHash: string, now: Date, idleSince: Date) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select([
      's.id_hash',
      's.csrf_token',
      's.last_seen_at',
      'u.id as user_id',
      'u.email',
      'o.id as organisation_id',
      'o.type as organisation_type',
    ])
    .where('s.id_hash', '=', idHash)
    .where('s.expires_at', '>', now)
    .where('s.last_seen_at', '>', idleSince)
    .where('u.active', '=', true)
    .where('o.active', '=', true)
    .executeTakeFirst();
}

export async function touchSession(db: Kysely<DB>, idHash: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(db: Kysely<DB>, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

export async function deleteSessionsOfUser(db: Kysely<DB>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteOtherSessionsOfUser(
  db: Kysely<DB>,
  userId: string,
  keepIdHash: string | null,
): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepIdHash) q = q.where('id_hash', '<>', keepIdHash);
  await q.execute();
}

export async function deleteExpiredSessions(db: Kysely<DB>, now: Date, idleSince: Date): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleSince)]))
    .execute();
}
