import { sql, type Kysely } from 'kysely';

/** Return files (cases), their persons and their event history (the timeline). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE SEQUENCE case_reference_seq;

    CREATE TABLE cases (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      reference text NOT NULL UNIQUE,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      counsellor_user_id uuid REFERENCES users(id),
      host_country char(2) NOT NULL CHECK (host_country ~ '^[A-Z]{2}$'),
      return_country char(2) NOT NULL CHECK (return_country ~ '^[A-Z]{2}$'),
      return_type text NOT NULL,
      stage text NOT NULL DEFAULT 'intake',
      administrative_status text,
      return_decision_date date,
      departure_deadline date,
      entry_ban boolean NOT NULL DEFAULT false,
      entry_ban_until date,
      in_detention boolean NOT NULL DEFAULT false,
      planned_departure_date date,
      version integer NOT NULL DEFAULT 1,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX cases_org_created_idx ON cases (organisation_id, created_at DESC, id);
    CREATE INDEX cases_org_stage_idx ON cases (organisation_id, stage);
    CREATE INDEX cases_org_deadline_idx ON cases (organisation_id, departure_deadline);
    CREATE INDEX cases_org_counsellor_idx ON cases (organisation_id, counsellor_user_id);

    CREATE TABLE persons (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      relationship text NOT NULL,
      given_names text NOT NULL,
      family_name text NOT NULL,
      original_script_name text,
      other_spellings text[] NOT NULL DEFAULT '{}',
      date_of_birth date,
      date_of_birth_approximate boolean NOT NULL DEFAULT false,
      sex text NOT NULL,
      nationalities text[] NOT NULL DEFAULT '{}',
      languages text[] NOT NULL DEFAULT '{}',
      unaccompanied_minor boolean NOT NULL DEFAULT false,
      documents jsonb NOT NULL DEFAULT '[]',
      search_full text NOT NULL DEFAULT '',
      search_tokens text[] NOT NULL DEFAULT '{}',
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX persons_case_idx ON persons (case_id);
    CREATE UNIQUE INDEX persons_one_principal ON persons (case_id) WHERE relationship = 'principal';
    CREATE INDEX persons_search_trgm ON persons USING gin (search_full gin_trgm_ops);
    CREATE INDEX persons_org_idx ON persons (organisation_id);

    CREATE TABLE case_events (
      id bigserial PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      at timestamptz NOT NULL DEFAULT now(),
      actor_user_id uuid,
      actor_label text,
      type text NOT NULL,
      from_stage text,
      to_stage text,
      reason_code text,
      comment text,
      details jsonb NOT NULL DEFAULT '{}'
    );
    CREATE INDEX case_events_case_idx ON case_events (case_id, id);
  `.execute(db);
}
