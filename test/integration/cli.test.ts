import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/homeward.mjs');

let dataDir: string;
let pgDatabase: TestDatabase | null = null;
let env: NodeJS.ProcessEnv;

/** The CLI runs against a fresh data directory (embedded) or a fresh database (PostgreSQL). */
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'homeward-cli-'));
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    HOMEWARD_DATA_DIR: dataDir,
    HOMEWARD_LOG_LEVEL: 'silent',
  };
  delete base.DATABASE_URL;
  if (process.env.DATABASE_URL) {
    pgDatabase = await createTestDatabase();
    env = { ...base, DATABASE_URL: pgDatabase.url ?? '' };
  } else env = base;
});
afterAll(async () => {
  await pgDatabase?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

async function tamper(statement: string): Promise<void> {
  const database = pgDatabase
    ? await openDatabase({ kind: 'postgres', url: pgDatabase.url ?? '' })
    : await openDatabase({ kind: 'embedded', dataDir: path.join(dataDir, 'pg') });
  try {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(database.db);
    await sql.raw(statement).execute(database.db);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(database.db);
  } finally {
    await database.close();
  }
}

describe('the homeward command', () => {
  it('prints help for every command', async () => {
    for (const args of [
      ['--help'],
      ['serve', '--help'],
      ['migrate', '--help'],
      ['seed', '--help'],
      ['org', 'create', '--help'],
      ['user', 'create', '--help'],
      ['audit', 'verify', '--help'],
    ]) {
      const res = await cli(...args);
      expect(res.code, args.join(' ')).toBe(0);
      expect(res.stdout).toMatch(/Usage: homeward/);
    }
  }, 120_000);

  it('creates an organisation and a user on a fresh database before any server start, then verifies and catches tampering', async () => {
    const org = await cli(
      'org',
      'create',
      '--slug',
      'cli-org',
      '--name',
      'CLI Org',
      '--type',
      'counselling_provider',
      '--country',
      'de',
    );
    expect(org.stderr).toBe('');
    expect(org.code).toBe(0);
    expect(org.stdout).toMatch(/Created organisation cli-org \(counselling_provider, DE\)/);

    const user = await cli(
      'user',
      'create',
      '--org',
      'cli-org',
      '--email',
      'cli@test.example',
      '--role',
      'counsellor,org_admin',
      '--password',
      'a-long-enough-password',
    );
    expect(user.code).toBe(0);
    expect(user.stdout).toMatch(
      /Created user cli@test.example \((counsellor, org_admin|org_admin, counsellor)\)/,
    );

    const bad = await cli(
      'user',
      'create',
      '--org',
      'cli-org',
      '--email',
      'x@test.example',
      '--role',
      'case_worker',
      '--password',
      'a-long-enough-password',
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/case_worker/);
    const wrongType = await cli(
      'org',
      'create',
      '--slug',
      'x-org',
      '--name',
      'X',
      '--type',
      'bank',
      '--country',
      'DE',
    );
    expect(wrongType.code).not.toBe(0);
    expect(wrongType.stderr).toMatch(/type must be one of/);

    const ok = await cli('audit', 'verify');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/intact: 2 entries/);

    await tamper(`UPDATE audit_log SET actor_label = 'someone else' WHERE seq = 2`);
    const broken = await cli('audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/TAMPERED at seq 2/);

    if (!pgDatabase) {
      // While another process holds the embedded database, the CLI refuses instead of corrupting it.
      const holder = await openDatabase({ kind: 'embedded', dataDir: path.join(dataDir, 'pg') });
      try {
        const refused = await cli(
          'org',
          'create',
          '--slug',
          'while-busy',
          '--name',
          'B',
          '--type',
          'origin_authority',
          '--country',
          'NG',
        );
        expect(refused.code).toBe(1);
        expect(refused.stderr).toMatch(new RegExp(`in use by process ${process.pid}`));
      } finally {
        await holder.close();
      }
    }
  }, 240_000);
});
