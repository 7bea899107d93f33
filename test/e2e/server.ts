/**
 * Starts the real Homeward server (`node bin/homeward.mjs serve`) on a free port with a fresh data
 * directory, for end-to-end tests. The first start seeds the demo organisations and users.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import pg from 'pg';
import { DEFAULT_DEMO_CASES } from '../../src/db/seed/seed.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface RunningServer {
  baseUrl: string;
  port: number;
  dataDir: string;
  /** Everything the server printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

export interface StartServerOptions {
  /** Script to run instead of bin/homeward.mjs (relative to the repository root). */
  entry?: string;
  /** Extra environment variables. */
  env?: Record<string, string>;
  /** How long to wait for GET /healthz to answer 200. */
  readyTimeoutMs?: number;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

async function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) return true;
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      done(true);
    });
  });
}

/**
 * With DATABASE_URL set (CI's PostgreSQL pass), the server gets a fresh database of its own on that
 * server, seeded like a first embedded start with `homeward seed --demo --cases 60` (the server seeds only an embedded
 * database by itself).
 */
async function freshPostgresDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `hw_e2e_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  await run(process.execPath, ['bin/homeward.mjs', 'seed', '--demo', '--cases', String(DEFAULT_DEMO_CASES)], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: url, HOMEWARD_LOG_LEVEL: 'warn' },
  });
  return { url, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'homeward-e2e-'));
  const postgres = process.env.DATABASE_URL ? await freshPostgresDatabase(process.env.DATABASE_URL) : null;
  const baseUrl = `http://127.0.0.1:${port}`;
  const entry = options.entry ?? process.env.HOMEWARD_E2E_SERVER_ENTRY ?? 'bin/homeward.mjs';
  let log = '';

  const child = spawn(process.execPath, [entry, 'serve'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOMEWARD_DATA_DIR: dataDir,
      HOMEWARD_LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ...(postgres ? { DATABASE_URL: postgres.url } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));

  async function stop(): Promise<void> {
    if (!exited(child)) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 10_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
    }
    await rm(dataDir, { recursive: true, force: true });
    await postgres?.drop();
  }

  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (exited(child)) {
      await stop();
      throw new Error(`The server exited (code ${String(child.exitCode)}) before it was ready:\n${log}`);
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The server did not answer GET /healthz within the time limit:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  return { baseUrl, port, dataDir, output: () => log, stop };
}
