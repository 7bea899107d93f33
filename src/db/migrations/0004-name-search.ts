import { sql, type Kysely } from 'kysely';
import { personSearchKeys } from '../../domain/names/search-keys.ts';

/**
 * Name search that scales (docs/decisions/0006-name-search.md):
 * - `name_tokens`: every distinct name key token in use, with its consonant skeleton, and
 *   `name_token_variants`: each token under its one-letter deletions; both kept up to date by triggers
 *   on `persons`. A query token is expanded to its similar tokens here (a small table,
 *   trigram-indexed), then persons are looked up by exact tokens through a GIN index on the array.
 * - `persons.search_spellings`: the sorted key of each spelling, so results are re-ranked without
 *   transliterating every candidate again.
 * - a GIN index on `documents` for document-number look-ups, and a prefix index on references.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE name_tokens (
      token text PRIMARY KEY,
      skeleton text NOT NULL
    );
    CREATE INDEX name_tokens_token_trgm ON name_tokens USING gin (token gin_trgm_ops);
    CREATE INDEX name_tokens_skeleton_trgm ON name_tokens USING gin (skeleton gin_trgm_ops);
    -- Each token under itself and each form with one letter deleted, and the same for its consonant
    -- skeleton (3 letters or more): two tokens one edit apart share a form.
    CREATE TABLE name_token_variants (
      variant text NOT NULL,
      token text NOT NULL REFERENCES name_tokens(token),
      PRIMARY KEY (variant, token)
    );

    CREATE FUNCTION name_tokens_collect() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      WITH added AS (
        INSERT INTO name_tokens (token, skeleton)
        SELECT DISTINCT t, regexp_replace(t, '[aeiu]', '', 'g')
        FROM new_rows, unnest(new_rows.search_tokens) AS t
        WHERE t <> ''
        ORDER BY t -- one order for every writer: two registrations never wait on each other in a cycle
        ON CONFLICT (token) DO NOTHING
        RETURNING token, skeleton
      ),
      -- The same forms as lookupForms() in src/domain/names/search-plan.ts.
      bases AS (
        SELECT token AS base, token FROM added
        UNION
        SELECT skeleton, token FROM added WHERE length(skeleton) >= 3
      )
      INSERT INTO name_token_variants (variant, token)
      SELECT base, token FROM bases
      UNION
      SELECT overlay(base PLACING '' FROM i FOR 1), token
      FROM bases, generate_series(1, length(base)) AS i
      ORDER BY 1, 2
      ON CONFLICT DO NOTHING;
      RETURN NULL;
    END $$;
    CREATE TRIGGER persons_name_tokens_insert AFTER INSERT ON persons
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION name_tokens_collect();
    CREATE TRIGGER persons_name_tokens_update AFTER UPDATE ON persons
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION name_tokens_collect();

    ALTER TABLE persons ADD COLUMN search_spellings text[] NOT NULL DEFAULT '{}';
    DROP INDEX persons_search_trgm;
    CREATE INDEX persons_search_tokens_gin ON persons USING gin (search_tokens);
    CREATE INDEX persons_documents_gin ON persons USING gin (documents jsonb_path_ops);
    CREATE INDEX cases_reference_prefix ON cases (reference text_pattern_ops);
  `.execute(db);

  // Persons stored before this migration: compute their spellings (the update trigger fills the
  // vocabulary).
  const rows = await sql<{
    id: string;
    given_names: string;
    family_name: string;
    original_script_name: string | null;
    other_spellings: string[];
  }>`SELECT id, given_names, family_name, original_script_name, other_spellings FROM persons`.execute(db);
  for (const p of rows.rows) {
    const keys = personSearchKeys({
      givenNames: p.given_names,
      familyName: p.family_name,
      otherSpellings: p.other_spellings,
      ...(p.original_script_name ? { originalScript: p.original_script_name } : {}),
    });
    await sql`
      UPDATE persons SET search_full = ${keys.full}, search_tokens = ${keys.tokens}::text[],
        search_spellings = ${keys.spellings}::text[]
      WHERE id = ${p.id}`.execute(db);
  }
}
