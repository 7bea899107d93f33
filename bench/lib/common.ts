/**
 * Shared by the case benchmarks (generate-cases.ts, cases-search.ts): which database to use, what
 * machine this is, the dataset description that the generator leaves for the search benchmark, and
 * percentiles.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { targetFromConfig, type DatabaseTarget } from '../../src/db/database.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const RESULTS_DIR = path.join(ROOT, 'bench/results');

export interface BenchTarget {
  target: DatabaseTarget;
  /** 'postgres' or 'pglite' (used in file names). */
  db: 'postgres' | 'pglite';
  /** Where the data is, without credentials: `postgres://host:port/name` or the data directory. */
  label: string;
}

/**
 * The database named by DATABASE_URL (PostgreSQL) or HOMEWARD_DATA_DIR (embedded PGlite), resolved the
 * way the server resolves it. Refuses to guess: a benchmark never writes into the default ./data.
 */
export function benchTarget(): BenchTarget {
  if (!process.env.DATABASE_URL && !process.env.HOMEWARD_DATA_DIR) {
    throw new Error(
      'Set DATABASE_URL (PostgreSQL) or HOMEWARD_DATA_DIR (embedded PGlite) to the benchmark database.',
    );
  }
  const config = loadConfig();
  const target = targetFromConfig(config);
  if (target.kind === 'postgres') {
    const u = new URL(target.url);
    return { target, db: 'postgres', label: `postgres://${u.hostname}:${u.port || 5432}${u.pathname}` };
  }
  return { target, db: 'pglite', label: config.dataDir };
}

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}`;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** 1000000 → "1m", 100000 → "100k", 12345 → "12345". */
export function compactCount(n: number): string {
  if (n >= 1_000_000 && n % 1_000_000 === 0) return `${n / 1_000_000}m`;
  if (n >= 1000 && n % 1000 === 0) return `${n / 1000}k`;
  return String(n);
}

export function mib(bytes: number): number {
  return bytes / 2 ** 20;
}

/** Peak resident memory of this process so far, in MiB. */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** What generate-cases.ts records about a dataset it made; cases-search.ts quotes it. */
export interface DatasetInfo {
  date: string;
  db: BenchTarget['db'];
  target: string;
  command: string;
  seed: number;
  casesGenerated: number;
  totals: { cases: number; persons: number; vulnerabilities: number; caseEvents: number };
  byOrganisation: { slug: string; cases: number }[];
  insertSeconds: number;
  vacuumAnalyzeSeconds: number;
  totalSeconds: number;
  peakRssMiB: number;
  databaseSizeMiB: number;
  node: string;
  postgres: string;
  machine: string;
}

export function writeDatasetInfo(info: DatasetInfo): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(
    RESULTS_DIR,
    `dataset-${info.db}-${compactCount(info.totals.cases)}-${info.date}.json`,
  );
  writeFileSync(file, `${JSON.stringify(info, null, 2)}\n`);
  return file;
}

/** The newest dataset description for this database holding exactly `cases` cases, if any. */
export function findDatasetInfo(t: BenchTarget, cases: number): { file: string; info: DatasetInfo } | null {
  if (!existsSync(RESULTS_DIR)) return null;
  const found = readdirSync(RESULTS_DIR)
    .filter((f) => f.startsWith(`dataset-${t.db}-`) && f.endsWith('.json'))
    .map((f) => {
      const file = path.join(RESULTS_DIR, f);
      return { file, info: JSON.parse(readFileSync(file, 'utf8')) as DatasetInfo };
    })
    .filter(({ info }) => info.target === t.label && info.totals.cases === cases)
    .sort((a, b) => b.info.date.localeCompare(a.info.date));
  return found[0] ?? null;
}

/** The p-th percentile (0–100) of `sorted` (ascending), nearest rank. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function sortedCopy(xs: readonly number[]): number[] {
  return [...xs].sort((a, b) => a - b);
}

export function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}

/** CPU time (user + system) of a process in seconds, from /proc; 0 when it is gone. */
export function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After "pid (comm) ": state, ppid, … utime and stime are fields 14 and 15 of the line.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}
const CLOCK_TICKS = 100;

/** The parent of a process (from /proc), or null. */
export function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

export function isPostgresProcess(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
  } catch {
    return false;
  }
}

/** A process and its direct children (a PostgreSQL postmaster and its backends). */
export function processFamily(pid: number): number[] {
  const out = [pid];
  for (const name of readdirSync('/proc')) {
    if (/^\d+$/.test(name) && parentOf(Number(name)) === pid) out.push(Number(name));
  }
  return out;
}

/** CPU seconds used by the whole machine so far (all cores, busy time only), from /proc/stat. */
export function machineBusySeconds(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const [user, nice, system, _idle, _iowait, irq, softirq, steal] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return (
    ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) / CLOCK_TICKS
  );
}
