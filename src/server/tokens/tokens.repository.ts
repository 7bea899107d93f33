import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Permission } from '../../domain/permissions.ts';

const TOKEN_COLUMNS = [
  'id',
  'organisation_id',
  'name',
  'prefix',
  'permissions',
  'created_by',
  'created_at',
  'expires_at',
  'last_used_at',
  'revoked_at',
] as const;

export async function findLiveToken(db: Kysely<DB>, tokenHash: string, now: Date) {
  return db
    .selectFrom('api_tokens as t')
    .innerJoin('organisations as o', 'o.id', 't.organisation_id')
    .select([
      't.id',
      't.name',
      't.organisation_id',
      't.permissions',
      't.last_used_at',
      'o.type as organisation_type',
    ])
    .where('t.token_hash', '=', tokenHash)
    .where('t.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', now)]))
    .where('o.active', '=', true)
    .executeTakeFirst();
}

export async function touchToken(db: Kysely<DB>, id: string, now: Date): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
}

export async function listTokens(db: Kysely<DB>, organisationId: string) {
  return db
    .selectFrom('api_tokens')
    .select(TOKEN_COLUMNS)
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

export async function insertToken(
  db: Kysely<DB>,
  t: {
    organisationId: string;
    name: string;
    prefix: string;
    tokenHash: string;
    permissions: Permission[];
    createdBy: string | null;
    expiresAt: Date | null;
  },
) {
  return db
    .insertInto('api_tokens')
    .values({
      organisation_id: t.organisationId,
      name: t.name,
      prefix: t.prefix,
      token_hash: t.tokenHash,
      permissions: t.permissions,
      created_by: t.createdBy,
      expires_at: t.expiresAt,
    })
    .returning(TOKEN_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Revokes a token of the given organisation; answers undefined when there is none. */
export async function revokeToken(db: Kysely<DB>, organisationId: string, id: string, now: Date) {
  return db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
}

export async function findToken(db: Kysely<DB>, organisationId: string, id: string) {
  return db
    .selectFrom('api_tokens')
    .select(TOKEN_COLUMNS)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}
