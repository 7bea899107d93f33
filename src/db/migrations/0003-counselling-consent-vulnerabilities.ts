import { sql, type Kysely } from 'kysely';

/** Counselling sessions, consent records and vulnerabilities of a case. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE counselling_sessions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      held_at timestamptz NOT NULL,
      mode text NOT NULL,
      interpreter_language text,
      counsellor_user_id uuid REFERENCES users(id),
      topics text[] NOT NULL DEFAULT '{}',
      motives_for text[] NOT NULL DEFAULT '{}',
      motives_against text[] NOT NULL DEFAULT '{}',
      motives_text text,
      information_source text,
      decision text,
      restricted_notes text,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX counselling_sessions_case_idx ON counselling_sessions (case_id, held_at);

    CREATE TABLE consents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      person_id uuid NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
      purpose text NOT NULL,
      recipient_organisation_id uuid REFERENCES organisations(id),
      data_categories text[] NOT NULL,
      method text NOT NULL,
      information_sheet_version text,
      information_sheet_language text,
      witness_name text,
      given_at timestamptz NOT NULL,
      withdrawn_at timestamptz,
      withdrawal_effect text,
      recorded_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX consents_case_idx ON consents (case_id);

    CREATE TABLE vulnerabilities (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      person_id uuid NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
      category text NOT NULL,
      details text,
      recorded_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX vulnerabilities_case_idx ON vulnerabilities (case_id);
  `.execute(db);
}
