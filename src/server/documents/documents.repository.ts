import type { Insertable, Kysely } from 'kysely';
import type { DB, DocumentsTable } from '../../db/schema.ts';

/**
 * SQL of case documents. Every query is scoped by the case, whose access the service has checked
 * (src/server/sharing/access.ts) before calling; lists never read the ciphertext.
 */

const METADATA = [
  'id',
  'case_id',
  'uploaded_by_organisation_id',
  'uploaded_by',
  'kind',
  'filename',
  'media_type',
  'size_bytes',
  'sha256',
  'key_id',
  'created_at',
] as const;

export type DocumentRow = Awaited<ReturnType<typeof listDocuments>>[number];

export async function insertDocument(db: Kysely<DB>, v: Insertable<DocumentsTable>) {
  return db.insertInto('documents').values(v).returning(METADATA).executeTakeFirstOrThrow();
}

export async function listDocuments(db: Kysely<DB>, caseId: string) {
  return db
    .selectFrom('documents')
    .select(METADATA)
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findDocument(db: Kysely<DB>, caseId: string, id: string) {
  return db
    .selectFrom('documents')
    .select(METADATA)
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** One document with its encrypted content. */
export async function findDocumentContent(db: Kysely<DB>, caseId: string, id: string) {
  return db
    .selectFrom('documents')
    .select([...METADATA, 'iv', 'auth_tag', 'ciphertext'])
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function documentsByIds(db: Kysely<DB>, caseId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('documents')
    .select(METADATA)
    .where('case_id', '=', caseId)
    .where('id', 'in', [...ids])
    .execute();
}

/** The keys stored documents are encrypted with (deployment-wide: the key is). */
export async function keyIdsInUse(db: Kysely<DB>): Promise<string[]> {
  const rows = await db.selectFrom('documents').select('key_id').distinct().execute();
  return rows.map((r) => r.key_id);
}
