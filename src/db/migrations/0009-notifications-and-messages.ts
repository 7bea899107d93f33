import { sql, type Kysely } from 'kysely';

/**
 * In-app notifications (one row per recipient user) that double as the e-mail outbox, and per-case
 * message threads with each user's read mark.
 *
 * E-mail: a row is written with email_status 'pending' (when SMTP is configured) in the same
 * transaction as the change it reports; the mailer of a server process claims due rows after the
 * commit (FOR UPDATE SKIP LOCKED), pushes email_next_attempt_at forward as a lease while it sends, and
 * ends with 'sent', or 'failed' after the last attempt (docs/decisions/0009-notifications-and-mail.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE notifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      case_id uuid REFERENCES cases(id) ON DELETE CASCADE,
      type text NOT NULL,
      params jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz,
      email_status text NOT NULL DEFAULT 'none'
        CHECK (email_status IN ('none','pending','sent','failed')),
      email_attempts integer NOT NULL DEFAULT 0,
      email_error text,
      email_next_attempt_at timestamptz,
      email_sent_at timestamptz,
      CHECK (email_status <> 'pending' OR email_next_attempt_at IS NOT NULL)
    );
    CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id DESC);
    CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;
    CREATE INDEX notifications_email_due_idx ON notifications (email_next_attempt_at)
      WHERE email_status = 'pending';

    CREATE TABLE case_messages (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      author_organisation_id uuid NOT NULL REFERENCES organisations(id),
      author_user_id uuid NOT NULL REFERENCES users(id),
      body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 8000),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX case_messages_case_idx ON case_messages (case_id, created_at, id);

    CREATE TABLE case_message_reads (
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      last_read_at timestamptz NOT NULL,
      PRIMARY KEY (user_id, case_id)
    );
  `.execute(db);
}
