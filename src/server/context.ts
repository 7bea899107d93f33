import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { DatabaseKind } from '../db/database.ts';
import type { DB } from '../db/schema.ts';

/** What every service is given: the database and the validated configuration. */
export interface AppContext {
  db: Kysely<DB>;
  databaseKind: DatabaseKind;
  config: Config;
}
