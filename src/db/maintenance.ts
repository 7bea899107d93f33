import { sql } from 'kysely';
import type { Database } from './database.ts';

/** How often the embedded database's planner statistics are refreshed while the server runs. */
export const ANALYZE_INTERVAL_MS = 6 * 60 * 60 * 1000;

/**
 * The embedded database (PGlite) has no autovacuum daemon, so nothing keeps the planner's statistics
 * unless we do: without them PostgreSQL guesses row counts and can choose nested loops over whole
 * tables. PostgreSQL servers have autovacuum for this, and are left alone.
 */
export async function refreshPlannerStatistics(database: Database): Promise<boolean> {
  if (database.kind !== 'embedded') return false;
  await sql`ANALYZE`.execute(database.db);
  return true;
}

/** Runs {@link refreshPlannerStatistics} every ANALYZE_INTERVAL_MS; returns the stop function. */
export function schedulePlannerStatistics(database: Database, onError: (err: unknown) => void): () => void {
  if (database.kind !== 'embedded') return () => {};
  const timer = setInterval(() => {
    refreshPlannerStatistics(database).catch(onError);
  }, ANALYZE_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
