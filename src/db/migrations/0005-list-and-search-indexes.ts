import { sql, type Kysely } from 'kysely';

/**
 * Indexes measured with bench/cases-search.ts at 1,000,000 cases:
 * - the case list's usual filters, in the list's order (newest first), so that the first page and the
 *   total are read from one index: stage and country of return together (the filtered work views),
 *   and the country alone;
 * - no index on `persons.organisation_id` alone: with it, the planner intersected the token hits of
 *   each name search with every person of the organisation (a million entries; 190 ms). Persons are
 *   reached through their case or their tokens; the organisation is checked on the rows found.
 *   (A GIN index on organisation and tokens, with btree_gin, would serve many organisations better,
 *   but PGlite 0.5 gives wrong results or hangs when btree_gin and pg_trgm indexes are both used.)
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX cases_org_stage_country_created_idx
      ON cases (organisation_id, stage, return_country, created_at DESC, id DESC);
    CREATE INDEX cases_org_country_created_idx
      ON cases (organisation_id, return_country, created_at DESC, id DESC);
    DROP INDEX cases_org_stage_idx;

    DROP INDEX persons_org_idx;
  `.execute(db);
}
