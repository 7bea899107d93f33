import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dbMode: 'embedded' | 'postgres';
    pgliteDumpPath: string;
    pgTemplate: string;
  }
}

/**
 * Migrates once into a template, which each test file copies: PostgreSQL `CREATE DATABASE …
 * TEMPLATE`, or a PGlite data-directory dump loaded into a fresh in-memory instance.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `hw_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    const u = new URL(url);
    u.pathname = `/${template}`;
    const database = await openDatabase({ kind: 'postgres', url: u.toString(), poolSize: 1 });
    await migrateToLatest(database.db);
    await database.close();
    project.provide('dbMode', 'postgres');
    project.provide('pgTemplate', template);
    project.provide('pgliteDumpPath', '');
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${template}`);
      await admin.end();
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'homeward-test-'));
  const database = await openDatabase({ kind: 'embedded', dataDir: null });
  await migrateToLatest(database.db);
  const dump = await database.pglite!.dumpDataDir('none');
  const dumpPath = path.join(dir, 'template.tar');
  writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('dbMode', 'embedded');
  project.provide('pgliteDumpPath', dumpPath);
  project.provide('pgTemplate', '');
  return () => {
    rmSync(dir, { recursive: true, force: true });
    return Promise.resolve();
  };
}
