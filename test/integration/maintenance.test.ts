import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshPlannerStatistics } from '../../src/db/maintenance.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('planner statistics', () => {
  it('are gathered by ANALYZE on the embedded database, and left to autovacuum on a server', async () => {
    await sql`CREATE TABLE stats_probe AS SELECT i FROM generate_series(1, 500) AS i`.execute(database.db);
    const analysed = () =>
      sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stats WHERE tablename = 'stats_probe'`
        .execute(database.db)
        .then((r) => r.rows[0]!.n);
    expect(await analysed()).toBe(0);
    const ran = await refreshPlannerStatistics(database);
    expect(ran).toBe(database.kind === 'embedded');
    // (On a server, autovacuum may analyse the table at any moment, so there is nothing more to check.)
    if (ran) expect(await analysed()).toBe(1);
  });
});
