import { sql, type Kysely } from 'kysely';

/**
 * KM2 and KM3: the reintegration plan (needs assessment and budget lines), deliveries with proofs,
 * the final report, and the assistance ledger: one line per approved plan line and beneficiary,
 * keyed by pseudonymous person keys so the duplicate-assistance guard can find the same person's
 * assistance in other organisations' cases without reading those cases.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE plans (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL UNIQUE REFERENCES cases(id) ON DELETE CASCADE,
      partner_organisation_id uuid NOT NULL REFERENCES organisations(id),
      status text NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft','submitted','validated','approved','returned')),
      needs jsonb NOT NULL DEFAULT '{}',
      version integer NOT NULL DEFAULT 1,
      submitted_at timestamptz,
      validated_at timestamptz,
      validated_by uuid REFERENCES users(id),
      approved_at timestamptz,
      approved_by uuid REFERENCES users(id),
      returned_at timestamptz,
      returned_by_part text,
      return_reason_code text,
      return_comment text,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE plan_lines (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      plan_id uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      position integer NOT NULL,
      enrolment_id uuid NOT NULL REFERENCES enrolments(id),
      programme_code text NOT NULL,
      component_code text NOT NULL,
      category text NOT NULL,
      modality text NOT NULL CHECK (modality IN ('cash','in_kind','service','referral')),
      description text NOT NULL,
      currency char(3) NOT NULL,
      amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
      local_currency char(3),
      local_amount_cents bigint CHECK (local_amount_cents IS NULL OR local_amount_cents >= 0),
      exchange_rate double precision CHECK (exchange_rate IS NULL OR exchange_rate > 0),
      supplier text,
      due_date date NOT NULL,
      beneficiary_person_ids uuid[] NOT NULL,
      status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','approved','cancelled')),
      delivered_cents bigint NOT NULL DEFAULT 0 CHECK (delivered_cents >= 0 AND delivered_cents <= amount_cents),
      justification text,
      justified_by uuid REFERENCES users(id),
      justified_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX plan_lines_plan_idx ON plan_lines (plan_id, position);
    CREATE INDEX plan_lines_case_idx ON plan_lines (case_id);

    CREATE TABLE deliveries (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      plan_line_id uuid NOT NULL REFERENCES plan_lines(id) ON DELETE CASCADE,
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('delivery','disbursement')),
      delivered_on date NOT NULL,
      amount_cents bigint NOT NULL CHECK (amount_cents > 0),
      note text,
      document_ids uuid[] NOT NULL DEFAULT '{}',
      recorded_by uuid REFERENCES users(id),
      recorded_by_organisation_id uuid NOT NULL REFERENCES organisations(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX deliveries_line_idx ON deliveries (plan_line_id, delivered_on);
    CREATE INDEX deliveries_case_idx ON deliveries (case_id);

    CREATE TABLE final_reports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL UNIQUE REFERENCES cases(id) ON DELETE CASCADE,
      partner_organisation_id uuid NOT NULL REFERENCES organisations(id),
      status text NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft','submitted','validated','approved','returned')),
      situation text,
      final_meeting_on date,
      final_meeting_notes text,
      partner_assessment text,
      assessment_rating text,
      version integer NOT NULL DEFAULT 1,
      submitted_at timestamptz,
      validated_at timestamptz,
      validated_by uuid REFERENCES users(id),
      approved_at timestamptz,
      approved_by uuid REFERENCES users(id),
      returned_at timestamptz,
      returned_by_part text,
      return_reason_code text,
      return_comment text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE ledger_entries (
      id bigserial PRIMARY KEY,
      person_keys text[] NOT NULL,
      case_id uuid REFERENCES cases(id) ON DELETE SET NULL,
      person_id uuid,
      plan_line_id uuid REFERENCES plan_lines(id) ON DELETE SET NULL,
      funder_organisation_id uuid NOT NULL REFERENCES organisations(id),
      partner_organisation_id uuid REFERENCES organisations(id),
      programme_code text NOT NULL,
      category text NOT NULL,
      period_from date NOT NULL,
      period_to date NOT NULL CHECK (period_to >= period_from),
      amount_cents bigint NOT NULL,
      currency char(3) NOT NULL,
      status text NOT NULL DEFAULT 'approved' CHECK (status IN ('approved','cancelled')),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX ledger_entries_keys_idx ON ledger_entries USING gin (person_keys);
    CREATE INDEX ledger_entries_case_idx ON ledger_entries (case_id);
  `.execute(db);
}
