/**
 * Starting and stopping the real server for a load benchmark, the way bench/cases-search.ts does it:
 * `node bin/homeward.mjs serve` on a free port of 127.0.0.1, on the database of the environment
 * (DATABASE_URL or HOMEWARD_DATA_DIR), in production mode, logging only warnings, demo seeding off and
 * the per-address rate limit lifted (autocannon sends everything from one address).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { ROOT } from './common.ts';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

export interface RunningServer {
  child: ChildProcess;
  base: string;
  output: () => string;
}

/** `env` adds to the environment above; `nodeArgs` go before the script (e.g. `--cpu-prof`). */
export async function startServer(
  env: NodeJS.ProcessEnv = {},
  nodeArgs: readonly string[] = [],
): Promise<RunningServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, [...nodeArgs, path.join(ROOT, 'bin/homeward.mjs'), 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env, // DATABASE_URL or HOMEWARD_DATA_DIR: the same database
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      HOMEWARD_LOG_LEVEL: 'warn',
      HOMEWARD_SEED_DEMO: 'false',
      // One client address sends everything here; the per-address limit would answer 429.
      HOMEWARD_RATE_LIMIT_PER_MINUTE: '100000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (output += b.toString()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) })).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, base, output: () => output };
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** VmRSS or VmHWM of a process, in MiB. */
export function procStatus(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
}
