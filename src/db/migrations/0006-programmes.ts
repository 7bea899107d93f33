import { sql, type Kysely } from 'kysely';

/**
 * The assistance inventory: programmes, their immutable versions (the definition as JSON, validated
 * by the zod schema before it is written) and enrolments, which freeze the explanation and amounts a
 * case was promised. The listing columns of `programmes` repeat the current version's values so the
 * inventory can be filtered without reading every definition.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE programmes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$'),
      funder_organisation_id uuid NOT NULL REFERENCES organisations(id),
      status text NOT NULL CHECK (status IN ('draft','published','closed')),
      current_version integer NOT NULL,
      name_en text NOT NULL,
      countries_of_return text[] NOT NULL,
      stages text[] NOT NULL,
      modalities text[] NOT NULL,
      categories text[] NOT NULL,
      implementing_organisation_ids uuid[] NOT NULL DEFAULT '{}',
      valid_from date NOT NULL,
      valid_to date,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX programmes_funder_idx ON programmes (funder_organisation_id);
    CREATE INDEX programmes_countries_idx ON programmes USING gin (countries_of_return);

    CREATE TABLE programme_versions (
      programme_id uuid NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
      version integer NOT NULL CHECK (version >= 1),
      effective_from date NOT NULL,
      definition jsonb NOT NULL,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (programme_id, version)
    );

    CREATE TABLE enrolments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      programme_id uuid NOT NULL REFERENCES programmes(id),
      programme_code text NOT NULL,
      programme_version integer NOT NULL,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','withdrawn')),
      evaluated_on date NOT NULL,
      language text NOT NULL,
      snapshot jsonb NOT NULL,
      totals jsonb NOT NULL,
      enrolled_by uuid REFERENCES users(id),
      enrolled_at timestamptz NOT NULL DEFAULT now(),
      withdrawn_at timestamptz,
      withdrawn_by uuid REFERENCES users(id),
      withdrawal_reason text,
      FOREIGN KEY (programme_id, programme_version) REFERENCES programme_versions(programme_id, version)
    );
    CREATE INDEX enrolments_case_idx ON enrolments (case_id);
    CREATE UNIQUE INDEX enrolments_one_active ON enrolments (case_id, programme_id) WHERE status = 'active';
  `.execute(db);
}
