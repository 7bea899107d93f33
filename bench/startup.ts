/**
 * Measures the server's cold start (first start on an empty embedded database, including migrations
 * and the demo seed), warm start, login latency and idle memory. The web build is excluded (it is
 * measured on its own): run `npm run build:web` first.
 *
 *   node --import tsx bench/startup.ts [--runs 3]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin/homeward.mjs');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function startAndWait(dataDir: string, port: number): Promise<{ child: ChildProcess; ms: number }> {
  const started = performance.now();
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL; // this measures the embedded database
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: {
      ...env,
      HOMEWARD_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      HOMEWARD_LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, ms: performance.now() - started };
}

async function stop(child: ChildProcess): Promise<void> {
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

const cold: number[] = [];
const warm: number[] = [];
const logins: number[] = [];
const idle: number[] = [];
for (let i = 0; i < runs; i++) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'homeward-bench-'));
  const port = 19000 + i;
  const first = await startAndWait(dir, port);
  cold.push(first.ms);
  await stop(first.child);
  const second = await startAndWait(dir, port);
  warm.push(second.ms);
  for (let j = 0; j < 10; j++) {
    const t = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'counsellor@lumen-counselling.example', password: 'homeward-demo' }),
    });
    if (res.status !== 200) throw new Error(`login ${res.status}`);
    logins.push(performance.now() - t);
  }
  await new Promise((r) => setTimeout(r, 3000));
  idle.push(rssMiB(second.child.pid!));
  await stop(second.child);
  rmSync(dir, { recursive: true, force: true });
}

const line = (name: string, xs: number[], unit: string) =>
  `| ${name} | ${median(xs).toFixed(0)} ${unit} | ${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} ${unit} | ${xs.length} |`;
const report = [
  `# Start-up, login and memory — ${new Date().toISOString().slice(0, 10)}`,
  '',
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, embedded PGlite.`,
  'Method: `node --import tsx bench/startup.ts` — spawns `homeward serve` on a fresh data directory and polls',
  '`/healthz` every 50 ms (cold: migrations + demo seed included; web already built), stops it, starts it again',
  '(warm), times 10 sequential logins over HTTP (argon2id verification included), and reads VmRSS 3 s after.',
  '',
  '| measure | median | range | samples |',
  '|---|---|---|---|',
  line('cold start (empty database, seed)', cold, 'ms'),
  line('warm start', warm, 'ms'),
  line('login latency', logins, 'ms'),
  line('idle resident memory', idle, 'MiB'),
  '',
].join('\n');
const out = path.join(ROOT, 'bench/results', `startup-${new Date().toISOString().slice(0, 10)}.md`);
writeFileSync(out, report);
process.stdout.write(report);
