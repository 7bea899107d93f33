import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Role } from '../../domain/permissions.ts';

/** Every query that reads users of an organisation takes that organisation as its scope. */
const USER_COLUMNS = [
  'u.id',
  'u.organisation_id',
  'u.email',
  'u.display_name',
  'u.locale',
  'u.active',
  'u.created_at',
  'u.last_login_at',
  'u.version',
] as const;

export async function findUserForLogin(db: Kysely<DB>, email: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select([
      ...USER_COLUMNS,
      'u.password_hash',
      'o.active as organisation_active',
      'o.type as organisation_type',
    ])
    .where('u.email', '=', email)
    .executeTakeFirst();
}

export async function rolesOf(db: Kysely<DB>, userId: string): Promise<Role[]> {
  const rows = await db
    .selectFrom('user_roles')
    .select('role')
    .where('user_id', '=', userId)
    .orderBy('role')
    .execute();
  return rows.map((r) => r.role);
}

export async function listUsers(db: Kysely<DB>, organisationId: string, limit: number, offset: number) {
  const rows = await db
    .selectFrom('users as u')
    .select(USER_COLUMNS)
    .select((eb) =>
      eb
        .fn<Role[]>('array', [
          eb
            .selectFrom('user_roles as r')
            .select('r.role')
            .whereRef('r.user_id', '=', 'u.id')
            .orderBy('r.role'),
        ])
        .as('roles'),
    )
    .where('u.organisation_id', '=', organisationId)
    .orderBy('u.email')
    .orderBy('u.id')
    .limit(limit)
    .offset(offset)
    .execute();
  const { total } = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return { rows, total: Number(total) };
}

export async function findUser(db: Kysely<DB>, organisationId: string, userId: string) {
  const row = await db
    .selectFrom('users as u')
    .select(USER_COLUMNS)
    .where('u.organisation_id', '=', organisationId)
    .where('u.id', '=', userId)
    .executeTakeFirst();
  if (!row) return undefined;
  return { ...row, roles: await rolesOf(db, row.id) };
}

export async function emailExists(db: Kysely<DB>, email: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  return row !== undefined;
}

export async function insertUser(
  db: Kysely<DB>,
  u: {
    organisationId: string;
    email: string;
    displayName: string;
    passwordHash: string;
    locale: string;
    roles: Role[];
  },
): Promise<string> {
  const { id } = await db
    .insertInto('users')
    .values({
      organisation_id: u.organisationId,
      email: u.email,
      display_name: u.displayName,
      password_hash: u.passwordHash,
      locale: u.locale,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await setRoles(db, id, u.roles);
  return id;
}

export async function setRoles(db: Kysely<DB>, userId: string, roles: Role[]): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length > 0) {
    await db
      .insertInto('user_roles')
      .values(roles.map((role) => ({ user_id: userId, role })))
      .execute();
  }
}

export async function updateUser(
  db: Kysely<DB>,
  organisationId: string,
  userId: string,
  patch: { display_name?: string; locale?: string; active?: boolean; password_hash?: string },
): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('organisation_id', '=', organisationId)
    .where('id', '=', userId)
    .execute();
}

export async function markLogin(db: Kysely<DB>, userId: string, now: Date): Promise<void> {
  await db.updateTable('users').set({ last_login_at: now }).where('id', '=', userId).execute();
}

export async function passwordHashOf(db: Kysely<DB>, userId: string): Promise<string | undefined> {
  const r = await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
  return r?.password_hash;
}
