import { mkdirSync } from 'node:fs';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { Mutex, PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import type { DB } from './schema.ts';
import { lockDataDir } from './data-dir-lock.ts';

/**
 * The one connection factory. Embedded PGlite (a folder on disk, or memory for tests) by default,
 * a PostgreSQL server when a URL is given. Kysely sits on top of both through its Postgres dialect.
 */
export type DatabaseKind = 'embedded' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** The embedded engine itself (for dumps and tests); absent on PostgreSQL. */
  pglite?: PGlite;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'embedded'; dataDir: string | null; loadDump?: Blob };

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

// node-postgres: dates stay 'YYYY-MM-DD' strings (no local-time Date), bigint counts become numbers.
pg.types.setTypeParser(DATE_OID, (v: string) => v);
pg.types.setTypeParser(INT8_OID, (v: string) => Number(v));
pg.types.setTypeParser(NUMERIC_OID, (v: string) => v);

export const PGLITE_EXTENSIONS = { pg_trgm, unaccent, fuzzystrmatch };

export async function openPglite(dataDir: string | null, loadDump?: Blob): Promise<PGlite> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  return PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDump ? { loadDataDir: loadDump } : {}),
    extensions: PGLITE_EXTENSIONS,
    parsers: { [DATE_OID]: (v: string) => v, [INT8_OID]: (v: string) => Number(v) },
  });
}

/**
 * PGlite is a single connection. Kysely runs a transaction as BEGIN … COMMIT on one "connection",
 * so the adapter hands out that connection to one user at a time (a mutex): other requests wait
 * instead of slipping their statements into someone else's transaction.
 */
function pglitePool(pglite: PGlite): PostgresPool {
  const mutex = new Mutex();
  return {
    async connect(): Promise<PostgresPoolClient> {
      const release = await mutex.acquire();
      let released = false;
      const client = {
        async query(sql: string, parameters: readonly unknown[]) {
          // Without parameters the simple protocol is used, so a migration may hold several statements.
          const res =
            parameters.length === 0
              ? ((await pglite.exec(sql)).at(-1) ?? { rows: [], affectedRows: 0, command: 'SELECT' })
              : await pglite.query(sql, parameters as unknown[]);
          return {
            command: (res.command ?? 'SELECT') as 'SELECT',
            rowCount: res.affectedRows ?? res.rows.length,
            rows: res.rows,
          };
        },
        release() {
          if (!released) {
            released = true;
            release();
          }
        },
      };
      return client as unknown as PostgresPoolClient;
    },
    async end() {
      await pglite.close();
    },
  };
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  const unlock = target.dataDir ? lockDataDir(target.dataDir) : () => {};
  try {
    const pglite = await openPglite(target.dataDir, target.loadDump);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: pglitePool(pglite) }) });
    return {
      db,
      kind: 'embedded',
      pglite,
      async close() {
        await db.destroy();
        unlock();
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}

export function targetFromConfig(config: {
  DATABASE_URL?: string | undefined;
  dataDir: string;
}): DatabaseTarget {
  return config.DATABASE_URL
    ? { kind: 'postgres', url: config.DATABASE_URL }
    : { kind: 'embedded', dataDir: `${config.dataDir}/pg` };
}
