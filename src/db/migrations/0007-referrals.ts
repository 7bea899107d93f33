import { sql, type Kysely } from 'kysely';

/**
 * Referral and sharing: who funds the case, which partner and origin authority it is referred to,
 * departure and arrival, retroactive intake, and the referrals themselves (one row per hand-over to
 * a recipient; a transfer or a decline ends a row and a new referral starts a new one, so the history
 * stays). Access of a recipient is computed from its referral AND the consent in force
 * (src/server/sharing/access.ts); nothing here caches it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE cases
      ADD COLUMN funding_organisation_id uuid REFERENCES organisations(id),
      ADD COLUMN partner_organisation_id uuid REFERENCES organisations(id),
      ADD COLUMN origin_organisation_id uuid REFERENCES organisations(id),
      ADD COLUMN first_submitted_at timestamptz,
      ADD COLUMN departed_on date,
      ADD COLUMN arrived_on date,
      ADD COLUMN departure_confirmation_requested_at timestamptz,
      ADD COLUMN retroactive boolean NOT NULL DEFAULT false,
      ADD COLUMN retroactive_status text
        CHECK (retroactive_status IS NULL OR retroactive_status IN ('pending','accepted','declined'));
    CREATE INDEX cases_funder_idx ON cases (funding_organisation_id, stage)
      WHERE funding_organisation_id IS NOT NULL;

    CREATE TABLE referrals (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('partner','origin')),
      sender_organisation_id uuid NOT NULL REFERENCES organisations(id),
      recipient_organisation_id uuid NOT NULL REFERENCES organisations(id),
      status text NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending','accepted','declined','transferred','withdrawn')),
      referred_at timestamptz NOT NULL DEFAULT now(),
      respond_by timestamptz NOT NULL,
      responded_at timestamptz,
      responded_by uuid REFERENCES users(id),
      reason_code text,
      comment text,
      ended_at timestamptz,
      previous_referral_id uuid REFERENCES referrals(id),
      created_by uuid REFERENCES users(id)
    );
    CREATE INDEX referrals_case_idx ON referrals (case_id, referred_at);
    CREATE INDEX referrals_recipient_idx ON referrals (recipient_organisation_id, status, referred_at);
    CREATE UNIQUE INDEX referrals_one_open ON referrals (case_id, kind)
      WHERE status IN ('pending','accepted');
  `.execute(db);
}
