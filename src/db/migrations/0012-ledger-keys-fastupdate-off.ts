import { sql, type Kysely } from 'kysely';

/**
 * The duplicate-assistance guard reads the ledger's GIN index on person keys (ledger_entries_keys_idx,
 * migration 0010) once per plan line at every plan approval. With GIN's default fastupdate, new
 * entries wait in a pending list that every such read scans in full, until an insert finds the list
 * over gin_pending_list_limit (4 MB, about 40,000 entries of two keys) or a vacuum merges it; on a
 * large ledger autovacuum comes after hundreds of thousands of inserts, so the list is nearly always
 * there. Measured with 5,000,000 entries (bench/ledger.ts, bench/results/ledger-postgres-5m-*.md):
 * with a full list the guard's query took p95 18 ms alone and 78 ms with 8 at once, against 0.6 and
 * 11 ms with fastupdate off, while an approval's INSERT of 1–3 entries costs the same either way.
 * So entries go straight into the index, and whatever is pending now is merged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER INDEX ledger_entries_keys_idx SET (fastupdate = off)`.execute(db);
  await sql`SELECT gin_clean_pending_list('ledger_entries_keys_idx'::regclass)`.execute(db);
}
