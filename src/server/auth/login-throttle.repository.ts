import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export async function findThrottles(db: Kysely<DB>, keys: string[]) {
  return db.selectFrom('login_throttle').selectAll().where('key', 'in', keys).execute();
}

/**
 * Counts one failure for a key. Failures older than the window start a new count; reaching
 * `lockAfter` sets a lock until `lockUntil`.
 */
export async function recordFailure(
  db: Kysely<DB>,
  key: string,
  now: Date,
  windowStart: Date,
  lockAfter: number,
  lockUntil: Date,
): Promise<void> {
  await sql`
    INSERT INTO login_throttle AS t (key, failures, first_failure_at, last_failure_at, locked_until)
    VALUES (${key}, 1, ${now}, ${now}, NULL)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t.first_failure_at < ${windowStart} THEN 1 ELSE t.failures + 1 END,
      first_failure_at = CASE WHEN t.first_failure_at < ${windowStart} THEN ${now} ELSE t.first_failure_at END,
      last_failure_at = ${now},
      locked_until = CASE
        WHEN t.first_failure_at >= ${windowStart} AND t.failures + 1 >= ${lockAfter} THEN ${lockUntil}::timestamptz
        ELSE t.locked_until END
  `.execute(db);
}

export async function clearThrottle(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

/** Counts whose window has passed and that hold no lock any more. */
export async function purgeStaleThrottles(db: Kysely<DB>, now: Date, windowStart: Date): Promise<void> {
  await db
    .deleteFrom('login_throttle')
    .where('last_failure_at', '<', windowStart)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .execute();
}
