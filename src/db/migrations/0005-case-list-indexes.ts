import { sql, type Kysely } from 'kysely';

/**
 * The case list's usual filters, in the list's order (newest first), so that the first page and the
 * total are read from one index: stage and country of return together (the filtered work views), and
 * the country alone. bench/cases-search.ts measures them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX cases_org_stage_country_created_idx
      ON cases (organisation_id, stage, return_country, created_at DESC, id DESC);
    CREATE INDEX cases_org_country_created_idx
      ON cases (organisation_id, return_country, created_at DESC, id DESC);
    DROP INDEX cases_org_stage_idx;
  `.execute(db);
}
