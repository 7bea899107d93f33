/**
 * Case list and name search under load, against the real server (`node bin/homeward.mjs serve`) on the
 * database named by DATABASE_URL (PostgreSQL) or HOMEWARD_DATA_DIR (embedded PGlite), usually one filled
 * by bench/generate-cases.ts. Signs in as a counsellor of a case-holding demo organisation (session
 * cookie, like the web app) and drives GET /api/v1/cases with autocannon:
 *
 * - the case list, first page: filtered (stage and country of return), unfiltered, and the deadlines
 *   queue, each at 1 and 10 connections;
 * - the name search (`?q=`) at 20 connections, rotating through queries drawn from the stored names:
 *   Latin spellings, another recorded spelling, Arabic script and Persian letters (Dari, Farsi, Urdu), swapped order, a typo,
 *   Cyrillic, Georgian;
 * - then each query alone (one client) with its number of matches.
 *
 * Writes bench/results/cases-<db>-<N>-<date>.md, quoting the dataset's generation time and memory
 * when bench/results/dataset-<db>-<N>-*.json describes this database.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:55433/postgres npm run bench:cases
 *   HOMEWARD_DATA_DIR=/tmp/hwbench/pglite npm run bench:cases
 *
 * Options: --as <e-mail> (default counsellor@lumen-counselling.example), --list-duration S (default 10),
 * --search-duration S (default 20), --connections N (search, default 20), --warmup S (default 5).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.ts';
import { DEMO_PASSWORD } from '../src/db/seed/demo-world.ts';
import {
  benchTarget,
  compactCount,
  cpuSecondsOf,
  findDatasetInfo,
  isPostgresProcess,
  machineBusySeconds,
  machine,
  parentOf,
  percentile,
  processFamily,
  RESULTS_DIR,
  ROOT,
  sortedCopy,
  today,
} from './lib/common.ts';

const { values: args } = parseArgs({
  options: {
    as: { type: 'string', default: 'counsellor@lumen-counselling.example' },
    'list-duration': { type: 'string', default: '10' },
    'search-duration': { type: 'string', default: '20' },
    connections: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '5' },
  },
});
const listDuration = Number(args['list-duration']);
const searchDuration = Number(args['search-duration']);
const searchConnections = Number(args.connections);
const warmup = Number(args.warmup);
const log = (msg: string) => process.stdout.write(`${msg}\n`);

// ---------------------------------------------------------------------------------------------------
// 1. What is in the database, and the queries (read directly, before the server holds the database).

interface SampledPerson {
  reference: string;
  given_names: string;
  family_name: string;
  original_script_name: string | null;
  other_spellings: string[];
  documents: { number?: string }[];
}

const t = benchTarget();
const database = await openDatabase(t.target);
let postgresVersion: string;
let totals: { cases: number; persons: number; orgCases: number };
let sample: SampledPerson[];
/** The PostgreSQL server's main process when it runs on this machine (for its CPU use). */
let postmaster: number | null = null;
try {
  const { db } = database;
  postgresVersion = (await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(db))
    .rows[0]!.v;
  if (t.db === 'postgres') {
    const backend = (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(db)).rows[0]!.pid;
    // Only when the backend is a process of this machine (the server may be elsewhere).
    if (isPostgresProcess(backend)) postmaster = parentOf(backend);
  }
  const user = await db
    .selectFrom('users')
    .select(['id', 'organisation_id'])
    .where('email', '=', args.as)
    .executeTakeFirst();
  if (!user) throw new Error(`No user ${args.as}: run bench/generate-cases.ts on this database first.`);
  const c = (
    await sql<{ cases: number; persons: number; org: number }>`
      SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM persons)::int AS persons,
        (SELECT count(*) FROM cases WHERE organisation_id = ${user.organisation_id})::int AS org`.execute(db)
  ).rows[0]!;
  totals = { cases: c.cases, persons: c.persons, orgCases: c.org };
  if (totals.orgCases === 0) throw new Error(`${args.as}'s organisation holds no cases.`);
  // The oldest cases' persons: a fixed sample for a given dataset.
  sample = (
    await sql<SampledPerson>`
      SELECT c.reference, p.given_names, p.family_name, p.original_script_name, p.other_spellings, p.documents
      FROM (SELECT id, reference FROM cases WHERE organisation_id = ${user.organisation_id}
            ORDER BY reference LIMIT 500) c
      JOIN persons p ON p.case_id = c.id
      ORDER BY c.reference, p.relationship, p.given_names`.execute(db)
  ).rows;
} finally {
  await database.close();
}

type Kind =
  | 'Latin'
  | 'other spelling'
  | 'Arabic script'
  | 'Persian-letter script'
  | 'swapped order'
  | 'typo'
  | 'Cyrillic'
  | 'Georgian'
  | 'family name only'
  | 'reference'
  | 'document number';
interface Query {
  kind: Kind;
  q: string;
  /** Part of the name-search load (the others are only timed one by one). */
  load: boolean;
}

/** Swaps two adjacent, different letters in the middle of a word ("Kapanadze" → "Kapnaadze"). */
function typo(word: string): string | null {
  const chars = [...word];
  for (let i = Math.floor(chars.length / 2); i < chars.length - 1; i++) {
    if (chars[i] !== chars[i + 1] && /\p{L}/u.test(chars[i]!) && /\p{L}/u.test(chars[i + 1]!)) {
      [chars[i], chars[i + 1]] = [chars[i + 1]!, chars[i]!];
      return chars.join('');
    }
  }
  return null;
}

function buildQueries(persons: SampledPerson[], perKind: number): Query[] {
  const byKind = new Map<Kind, Query[]>();
  const add = (kind: Kind, q: string | null | undefined, load = true) => {
    if (!q) return;
    const list = byKind.get(kind) ?? [];
    if (list.length < perKind && !list.some((x) => x.q === q)) list.push({ kind, q, load });
    byKind.set(kind, list);
  };
  for (const p of persons) {
    const script = p.original_script_name ?? '';
    add('Latin', `${p.given_names} ${p.family_name}`);
    add('other spelling', p.other_spellings[0]);
    if (/[\u0600-\u06ff]/.test(script))
      add(/[یکی]/.test(script) ? 'Persian-letter script' : 'Arabic script', script);
    add('swapped order', `${p.family_name} ${p.given_names}`);
    const misspelt = typo(p.family_name);
    if (misspelt) add('typo', `${p.given_names} ${misspelt}`);
    if (/[\u0400-\u04ff]/.test(script)) add('Cyrillic', script);
    if (/[\u10a0-\u10ff]/.test(script)) add('Georgian', script);
    add('family name only', p.family_name, false);
    add('reference', p.reference, false);
    add('document number', p.documents.find((d) => d.number)?.number, false);
  }
  // Interleave the kinds, so that any stretch of the rotation mixes them.
  const lists = [...byKind.values()];
  const out: Query[] = [];
  for (let i = 0; i < perKind; i++) for (const l of lists) if (l[i]) out.push(l[i]!);
  return out;
}

const queries = buildQueries(sample, 6);
const loadQueries = queries.filter((q) => q.load);

// ---------------------------------------------------------------------------------------------------
// 2. The server.

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

function procStatus(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
}

async function startServer(): Promise<{ child: ChildProcess; base: string; output: () => string }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/homeward.mjs'), 'serve'], {
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
    if (Date.now() > deadline) throw new Error(`The server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, base, output: () => output };
}

async function stopServer(child: ChildProcess): Promise<void> {
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

// ---------------------------------------------------------------------------------------------------
// 3. The measurements.

interface Measured {
  name: string;
  connections: number;
  seconds: number;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  byKind: Map<string, number[]>;
  /** CPU use during the run, in % of one core: the server, PostgreSQL (server and backends), autocannon. */
  cpu: { server: number; db: number | null; loadGenerator: number; others: number };
}

interface CpuSnapshot {
  at: number;
  server: number;
  db: Map<number, number>;
  self: NodeJS.CpuUsage;
  machine: number;
}

function cpuSnapshot(serverPid: number): CpuSnapshot {
  const db = new Map<number, number>();
  if (postmaster !== null) for (const pid of processFamily(postmaster)) db.set(pid, cpuSecondsOf(pid));
  return {
    at: performance.now(),
    server: cpuSecondsOf(serverPid),
    db,
    self: process.cpuUsage(),
    machine: machineBusySeconds(),
  };
}

/** % of one core used by each side since `before` (PostgreSQL processes that ended are not counted). */
function cpuSince(before: CpuSnapshot, serverPid: number): Measured['cpu'] {
  const after = cpuSnapshot(serverPid);
  const wall = (after.at - before.at) / 1000;
  let db = 0;
  for (const [pid, cpu] of after.db) db += cpu - (before.db.get(pid) ?? 0);
  const selfUsage = process.cpuUsage(before.self);
  const self = (selfUsage.user + selfUsage.system) / 1e6;
  const server = after.server - before.server;
  const others = after.machine - before.machine - server - db - self;
  return {
    server: (server / wall) * 100,
    db: postmaster === null ? null : (db / wall) * 100,
    loadGenerator: (self / wall) * 100,
    others: Math.max(0, (others / wall) * 100),
  };
}

/** Runs autocannon over `paths` (taken in turn, each with a label), timing every 2xx answer. */
async function load(
  serverPid: number,
  base: string,
  cookie: string,
  name: string,
  paths: { path: string; label: string }[],
  connections: number,
  duration: number,
): Promise<Measured> {
  const latencies: number[] = [];
  const byKind = new Map<string, number[]>();
  let next = 0;
  let lastLabel = '';
  const before = cpuSnapshot(serverPid);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        duration,
        headers: { cookie },
        requests: [
          {
            method: 'GET',
            setupRequest: (req, context) => {
              const p = paths[next++ % paths.length]!;
              (context as { label?: string }).label = p.label;
              return { ...req, path: p.path };
            },
            // Called just before the 'response' event of the same answer: remembers whose answer it is.
            onResponse: (_status, _body, context) => {
              lastLabel = (context as { label?: string }).label ?? '';
            },
          },
        ],
      },
      (err, res) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(res)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status < 200 || status > 299) return;
      latencies.push(ms);
      const list = byKind.get(lastLabel) ?? [];
      list.push(ms);
      byKind.set(lastLabel, list);
    });
  });
  const cpu = cpuSince(before, serverPid);
  const s = sortedCopy(latencies);
  return {
    name,
    cpu,
    connections,
    seconds: result.duration,
    requests: latencies.length,
    perSecond: latencies.length / result.duration,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s.at(-1) ?? NaN,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    byKind,
  };
}

async function getJson(base: string, cookie: string, p: string): Promise<{ ms: number; body: unknown }> {
  const started = performance.now();
  const res = await fetch(`${base}${p}`, { headers: { cookie } });
  const body: unknown = await res.json();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`GET ${p}: ${res.status} ${JSON.stringify(body)}`);
  return { ms, body };
}

const server = await startServer();
// Interrupted: stop the server too.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.child.kill('SIGTERM');
    process.exit(130);
  });
}
const measured: Measured[] = [];
const single: { query: Query; total: number; p50: number; max: number }[] = [];
const listTotals: Record<string, number> = {};
let serverRss = 0;
let serverPeakRss = 0;
try {
  log(`Server ${server.base} (pid ${server.child.pid}) on ${t.db} ${postgresVersion}, ${t.label}`);
  const login = await fetch(`${server.base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: args.as, password: DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login as ${args.as}: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');

  const lists = [
    {
      name: 'list, filtered (stage + country), first page',
      path: '/api/v1/cases?stage=counselling&returnCountry=IQ&limit=50',
    },
    { name: 'list, unfiltered, first page', path: '/api/v1/cases?limit=50' },
    { name: 'list, deadlines queue, first page', path: '/api/v1/cases?queue=deadlines&limit=50' },
  ];
  for (const l of lists) {
    listTotals[l.name] = ((await getJson(server.base, cookie, l.path)).body as { total: number }).total;
  }
  // Every query must answer before anything is measured.
  for (const q of queries)
    await getJson(server.base, cookie, `/api/v1/cases?q=${encodeURIComponent(q.q)}&limit=50`);
  const searchPaths = loadQueries.map((q) => ({
    path: `/api/v1/cases?q=${encodeURIComponent(q.q)}&limit=50`,
    label: q.kind,
  }));

  if (warmup > 0) {
    log(`Warming up (${warmup} s)…`);
    await load(
      server.child.pid!,
      server.base,
      cookie,
      'warm-up',
      [...lists.map((l) => ({ path: l.path, label: '' })), ...searchPaths],
      4,
      warmup,
    );
  }
  for (const l of lists) {
    for (const connections of [1, 10]) {
      log(`${l.name}, ${connections} connection(s), ${listDuration} s…`);
      measured.push(
        await load(
          server.child.pid!,
          server.base,
          cookie,
          l.name,
          [{ path: l.path, label: '' }],
          connections,
          listDuration,
        ),
      );
    }
  }
  log(
    `name search, ${searchConnections} connections, ${searchDuration} s, ${loadQueries.length} queries in turn…`,
  );
  measured.push(
    await load(
      server.child.pid!,
      server.base,
      cookie,
      `name search (${loadQueries.length} queries in turn)`,
      searchPaths,
      searchConnections,
      searchDuration,
    ),
  );

  log('Each query alone…');
  const kindsInOrder = [...new Set(queries.map((q) => q.kind))];
  const alone = kindsInOrder.flatMap((k) => queries.filter((q) => q.kind === k).slice(0, 3));
  for (const q of alone) {
    const p = `/api/v1/cases?q=${encodeURIComponent(q.q)}&limit=50`;
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < 5; i++) {
      const r = await getJson(server.base, cookie, p);
      times.push(r.ms);
      total = (r.body as { total: number }).total;
    }
    const s = sortedCopy(times);
    single.push({ query: q, total, p50: percentile(s, 50), max: s.at(-1)! });
  }
  serverRss = procStatus(server.child.pid!, 'VmRSS');
  serverPeakRss = procStatus(server.child.pid!, 'VmHWM');
} catch (err) {
  process.stderr.write(`The server's last output:\n${server.output().slice(-4000)}\n`);
  throw err;
} finally {
  await stopServer(server.child);
}

// ---------------------------------------------------------------------------------------------------
// 4. The report.

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const cpuCell = (c: Measured['cpu']) =>
  `${c.server.toFixed(0)} / ${c.db === null ? (t.db === 'pglite' ? 'in server' : '?') : c.db.toFixed(0)} / ${c.loadGenerator.toFixed(0)} / ${c.others.toFixed(0)}`;
const dataset = findDatasetInfo(t, totals.cases);
const listFiltered1 = measured.find((m) => m.name.startsWith('list, filtered') && m.connections === 1)!;
const search = measured.at(-1)!;
const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
const date = today();
const dbName =
  t.db === 'postgres' ? `PostgreSQL ${postgresVersion}` : `embedded PGlite (PostgreSQL ${postgresVersion})`;
const kinds = [...new Set(loadQueries.map((q) => q.kind))];

const report = [
  `# Case list and name search, ${totals.cases.toLocaleString('en')} cases on ${t.db === 'postgres' ? 'PostgreSQL' : 'PGlite'} — ${date}`,
  '',
  `Machine: ${machine()}, Node ${process.version}, ${dbName}.`,
  `Dataset: ${totals.cases.toLocaleString('en')} cases, ${totals.persons.toLocaleString('en')} persons; the signed-in counsellor's organisation holds ${totals.orgCases.toLocaleString('en')} cases.`,
  dataset
    ? `Generated by \`${dataset.info.command}\` in ${dataset.info.totalSeconds} s (inserts ${dataset.info.insertSeconds} s, VACUUM ANALYZE ${dataset.info.vacuumAnalyzeSeconds} s), peak RSS of the generator ${dataset.info.peakRssMiB} MiB${t.db === 'pglite' ? ' (the embedded database included)' : ''}; database size ${dataset.info.databaseSizeMiB} MiB (${path.basename(dataset.file)}).`
    : 'Generation time and memory: no bench/results/dataset-*.json describes this database.',
  `Method: \`${`${t.db === 'postgres' ? 'DATABASE_URL=…' : 'HOMEWARD_DATA_DIR=…'} node --import tsx bench/cases-search.ts ${process.argv.slice(2).join(' ')}`.trim()}\` — starts`,
  '`homeward serve` on the database, signs in as ' +
    `${args.as} (session cookie), warms up for ${warmup} s, then autocannon (same machine) runs each`,
  `list for ${listDuration} s at 1 and 10 connections, and the name search for ${searchDuration} s at ${searchConnections} connections,`,
  `rotating through ${loadQueries.length} queries drawn from the stored names (${kinds.join(', ')}). Latencies`,
  'are those of the 2xx answers, measured by autocannon per request; p95 is computed from all of them. Each',
  'connection sends its next request as soon as it has an answer (no think time), so at N connections the',
  'latency is about N / throughput. CPU is % of one core (the machine has ' +
    `${os.cpus().length}): the server process, ` +
    `${t.db === 'postgres' ? 'the PostgreSQL processes' : 'PGlite runs inside the server'}, this process (autocannon),`,
  'and everything else on the machine ("other": another workload running there skews the numbers).',
  '',
  '| scenario | connections | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | non-2xx | CPU % server / db / autocannon / other |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
  ...measured.map(
    (m) =>
      `| ${m.name} | ${m.connections} | ${m.requests} | ${m.perSecond.toFixed(0)} | ${ms(m.p50)} | ${ms(m.p95)} | ${ms(m.p99)} | ${ms(m.max)} | ${m.errors + m.timeouts} | ${m.non2xx} | ${cpuCell(m.cpu)} |`,
  ),
  '',
  `Matches (\`total\`) of the lists: ${Object.entries(listTotals)
    .map(([k, v]) => `${k.replace(/, first page$/, '')} ${v.toLocaleString('en')}`)
    .join('; ')}.`,
  '',
  `Name search under load (${searchConnections} connections), by kind of query:`,
  '',
  '| kind | requests | p50 ms | p95 ms | p99 ms |',
  '|---|---|---|---|---|',
  ...[...search.byKind.entries()].map(([kind, xs]) => {
    const s = sortedCopy(xs);
    return `| ${kind} | ${s.length} | ${ms(percentile(s, 50))} | ${ms(percentile(s, 95))} | ${ms(percentile(s, 99))} |`;
  }),
  '',
  'Each query alone (one client, 5 requests; family name only, reference and document number are not part of',
  'the load above):',
  '',
  '| kind | query | matches | median ms | max ms |',
  '|---|---|---|---|---|',
  ...single.map(
    (s) =>
      `| ${s.query.kind} | ${s.query.q} | ${s.total.toLocaleString('en')} | ${ms(s.p50)} | ${ms(s.max)} |`,
  ),
  '',
  `Server resident memory after the run: ${serverRss.toFixed(0)} MiB (peak ${serverPeakRss.toFixed(0)} MiB).`,
  '',
  'Targets:',
  '',
  `- filtered case list, first page, p95 ≤ 50 ms (1 connection): ${ms(listFiltered1.p95)} ms — ${verdict(listFiltered1.p95 <= 50)};`,
  `- name search p95 ≤ 150 ms at ${searchConnections} connections: ${ms(search.p95)} ms — ${verdict(search.p95 <= 150 && search.non2xx === 0 && search.errors === 0)}.`,
  '',
].join('\n');

const out = path.join(RESULTS_DIR, `cases-${t.db}-${compactCount(totals.cases)}-${date}.md`);
writeFileSync(out, report);
process.stdout.write(`\n${report}\nWritten to ${out}\n`);
