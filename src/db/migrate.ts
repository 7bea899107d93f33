import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m0001 from './migrations/0001-foundation.ts';
import * as m0002 from './migrations/0002-cases.ts';
import * as m0003 from './migrations/0003-counselling-consent-vulnerabilities.ts';
import * as m0004 from './migrations/0004-name-search.ts';
import * as m0005 from './migrations/0005-list-and-search-indexes.ts';
import * as m0006 from './migrations/0006-programmes.ts';
import * as m0007 from './migrations/0007-referrals.ts';
import * as m0008 from './migrations/0008-documents.ts';
import * as m0009 from './migrations/0009-notifications-and-messages.ts';
import * as m0010 from './migrations/0010-plans-and-ledger.ts';
import * as m0011 from './migrations/0011-group-bookings.ts';
import * as m0012 from './migrations/0012-ledger-keys-fastupdate-off.ts';

/** Migrations are listed here in order; the same set serves PGlite and PostgreSQL. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-cases': m0002,
  '0003-counselling-consent-vulnerabilities': m0003,
  '0004-name-search': m0004,
  '0005-list-and-search-indexes': m0005,
  '0006-programmes': m0006,
  '0007-referrals': m0007,
  '0008-documents': m0008,
  '0009-notifications-and-messages': m0009,
  '0010-plans-and-ledger': m0010,
  '0011-group-bookings': m0011,
  '0012-ledger-keys-fastupdate-off': m0012,
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(MIGRATIONS) };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(
      `Migration ${failed?.migrationName ?? '?'} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      { cause: error },
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
