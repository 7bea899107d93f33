import { sql, type Kysely } from 'kysely';

/**
 * Group bookings (charter operations) and what retroactive intake needs.
 *
 * A group booking is an authority's announcement to a reintegration partner that N persons return on
 * one operation, before anyone knows who they are: the booking holds N numbered places and no
 * person. A place becomes a real case only when the partner registers the household that took it
 * (`case_id`); the unique constraints make a place convert once and a case fill one place. Places
 * not converted when the booking is cancelled are marked cancelled; converted ones keep their case.
 *
 * Retroactive intake (a partner registering someone who already returned) uses the columns of
 * migration 0007; it only needs its lists indexed: the partner's own, and the funder's to decide.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE group_bookings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      authority_organisation_id uuid NOT NULL REFERENCES organisations(id),
      partner_organisation_id uuid NOT NULL REFERENCES organisations(id),
      operation_reference text NOT NULL CHECK (char_length(operation_reference) BETWEEN 1 AND 100),
      operation_date date NOT NULL,
      return_country char(2) NOT NULL,
      host_country char(2) NOT NULL,
      return_type text NOT NULL DEFAULT 'assisted_voluntary'
        CHECK (return_type IN ('assisted_voluntary','non_assisted_voluntary','assisted_forced')),
      places integer NOT NULL CHECK (places BETWEEN 1 AND 500),
      notes text CHECK (notes IS NULL OR char_length(notes) <= 4000),
      programme_id uuid REFERENCES programmes(id),
      status text NOT NULL DEFAULT 'announced' CHECK (status IN ('announced','cancelled')),
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      cancelled_at timestamptz,
      cancelled_by uuid REFERENCES users(id),
      CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
    );
    CREATE INDEX group_bookings_authority_idx
      ON group_bookings (authority_organisation_id, operation_date DESC, id);
    CREATE INDEX group_bookings_partner_idx
      ON group_bookings (partner_organisation_id, operation_date DESC, id);

    CREATE TABLE group_booking_places (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      booking_id uuid NOT NULL REFERENCES group_bookings(id) ON DELETE CASCADE,
      place_number integer NOT NULL CHECK (place_number BETWEEN 1 AND 500),
      case_id uuid REFERENCES cases(id),
      converted_at timestamptz,
      converted_by uuid REFERENCES users(id),
      cancelled_at timestamptz,
      UNIQUE (booking_id, place_number),
      UNIQUE (case_id),
      CHECK ((case_id IS NULL) = (converted_at IS NULL)),
      CHECK (case_id IS NULL OR cancelled_at IS NULL)
    );

    CREATE INDEX cases_retroactive_owner_idx ON cases (organisation_id, created_at DESC)
      WHERE retroactive;
    CREATE INDEX cases_retroactive_funder_idx ON cases (funding_organisation_id, created_at DESC)
      WHERE retroactive;
  `.execute(db);
}
