import { sql, type Kysely } from 'kysely';

/**
 * Case documents (attachments), encrypted: the file is stored as AES-256-GCM ciphertext with its IV,
 * tag and the id of the key (src/server/documents/file-crypto.ts, file-key.ts), beside the SHA-256 of
 * the plaintext. The ciphertext stays in the database so that one backup holds everything but the
 * key. The media type is the one told from the content, never the one the client claimed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE documents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      uploaded_by_organisation_id uuid NOT NULL REFERENCES organisations(id),
      uploaded_by uuid REFERENCES users(id),
      kind text NOT NULL CHECK (kind IN ('consent_sheet','identity_document','travel_document','ticket',
        'medical_certificate','proof_of_payment','proof_of_delivery','invoice','plan_annex',
        'final_report_annex','other')),
      filename text NOT NULL CHECK (char_length(filename) BETWEEN 1 AND 200),
      media_type text NOT NULL
        CHECK (media_type IN ('application/pdf','image/png','image/jpeg','image/webp','image/tiff')),
      size_bytes integer NOT NULL CHECK (size_bytes > 0),
      sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      key_id text NOT NULL,
      iv bytea NOT NULL,
      auth_tag bytea NOT NULL,
      ciphertext bytea NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX documents_case_idx ON documents (case_id, created_at);
  `.execute(db);
}
