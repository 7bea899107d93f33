import type { Kysely } from 'kysely';
import type { DB, NewOrganisation } from '../../db/schema.ts';

const ORG_COLUMNS = ['id', 'slug', 'name', 'type', 'country', 'active', 'created_at'] as const;

export async function findOrganisation(db: Kysely<DB>, id: string) {
  return db.selectFrom('organisations').select(ORG_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function findOrganisationBySlug(db: Kysely<DB>, slug: string) {
  return db.selectFrom('organisations').select(ORG_COLUMNS).where('slug', '=', slug).executeTakeFirst();
}

/** The directory: every active organisation, by name (no personal data). */
export async function activeOrganisations(db: Kysely<DB>) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'type', 'country'])
    .where('active', '=', true)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** Platform scope: every organisation. Only the platform administrator's service calls this. */
export async function listAllOrganisations(db: Kysely<DB>) {
  return db.selectFrom('organisations').select(ORG_COLUMNS).orderBy('name').orderBy('id').execute();
}

export async function insertOrganisation(db: Kysely<DB>, o: NewOrganisation) {
  return db.insertInto('organisations').values(o).returning(ORG_COLUMNS).executeTakeFirstOrThrow();
}

export async function updateOrganisation(
  db: Kysely<DB>,
  id: string,
  patch: { name?: string; active?: boolean },
) {
  return db
    .updateTable('organisations')
    .set(patch)
    .where('id', '=', id)
    .returning(ORG_COLUMNS)
    .executeTakeFirst();
}

export async function countOrganisations(db: Kysely<DB>): Promise<number> {
  const r = await db
    .selectFrom('organisations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
