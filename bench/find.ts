/**
 * The public programme finder under load (`GET /api/v1/public/programmes`, target p95 ≤ 100 ms at 50
 * concurrent clients), against the real server.
 *
 * On PostgreSQL when DATABASE_URL is set (a fresh database: it refuses one that already holds the
 * synthetic programmes), otherwise on the embedded database in HOMEWARD_DATA_DIR (a new, empty
 * directory) or, when that is not set either, in a temporary directory that is removed afterwards.
 * It migrates, creates the demo world with its programme catalogue (`seedDemo`, no cases), and adds N
 * synthetic programmes (bench/lib/synthetic-programmes.ts, default 200), all published, through the
 * app's own `createProgrammeIn`, funded by the demo world's four programme-funding organisations in
 * turn. Then it starts `homeward serve` (bench/lib/serve.ts: rate limit lifted, logging at warn, the
 * finder's route logs nothing anyway), asks each of 60 popular queries once (status, programmes
 * returned), warms up, and drives the finder with autocannon: the popular queries in turn at one
 * connection and at 50 (each connection sending its next request as soon as it has an answer; the
 * same queries over and over, so an answer the server keeps is reused), then 50 connections of
 * distinct queries (never one twice: every answer is worked out), then distinct queries at a fixed
 * rate. Queries cover several countries of return (the most covered, middling and least covered
 * ones), languages en / fr / ar / ru / fa / es, household sizes, situations, vulnerability,
 * nationality and host country.
 *
 * Writes bench/results/find-<db>-<date>.md (machine, versions, command, numbers, what else ran).
 *
 *   npm run bench:find
 *   DATABASE_URL=postgres://postgres@127.0.0.1:55433/hwfind npm run bench:find
 *
 * Options: --programmes N (default 200), --seed S (default 1), --connections C (default 50),
 * --duration S (default 20), --single-duration S (one connection, default 10), --warmup S (default 5),
 * --label L (added to the report's file name: find-<db>-<date>-L.md),
 * --server-flags="…" (Node options for the server process, e.g. --server-flags=--max-semi-space-size=64),
 * --rate R (a last run at C connections offering at most R requests/s in all, default 20; 0: none),
 * --keep (keep the temporary data directory), --profile DIR (run the server under --cpu-prof, writing
 * its profile to DIR; the numbers are then slower and the report goes to DIR, not to results/).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedDemo } from '../src/db/seed/seed.ts';
import { rng } from '../src/db/seed/synthetic-cases.ts';
import { SITUATIONS } from '../src/domain/programmes/households.ts';
import { findOrganisationBySlug } from '../src/server/organisations/organisations.repository.ts';
import { publishedInForce } from '../src/server/programmes/programmes.repository.ts';
import { createProgrammeIn } from '../src/server/programmes/programmes.service.ts';
import { TTL_MS } from '../src/server/programmes/published-memo.ts';
import {
  benchTarget,
  cpuSecondsOf,
  isPostgresProcess,
  machine,
  machineBusySeconds,
  parentOf,
  percentile,
  processFamily,
  RESULTS_DIR,
  seconds,
  sortedCopy,
  today,
} from './lib/common.ts';
import {
  otherLoad,
  otherLoadLines,
  snapshotProcesses,
  sourceVersion,
  type OtherLoad,
} from './lib/machine-load.ts';
import { procStatus, startServer, stopServer } from './lib/serve.ts';
import {
  describeCatalogue,
  generateProgrammes,
  HOST_COUNTRIES,
  RETURN_COUNTRIES,
  type SyntheticProgramme,
} from './lib/synthetic-programmes.ts';

const { values: args } = parseArgs({
  options: {
    programmes: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '20' },
    'single-duration': { type: 'string', default: '10' },
    warmup: { type: 'string', default: '5' },
    rate: { type: 'string', default: '20' },
    'server-flags': { type: 'string', default: '' },
    label: { type: 'string' },
    keep: { type: 'boolean', default: false },
    profile: { type: 'string' },
  },
});
const nProgrammes = Number(args.programmes);
const seed = Number(args.seed);
const connections = Number(args.connections);
const duration = Number(args.duration);
const singleDuration = Number(args['single-duration']);
const warmup = Number(args.warmup);
const rate = Number(args.rate);
const serverFlags = (args['server-flags'] ?? '').split(/\s+/).filter(Boolean);
const log = (msg: string) => process.stdout.write(`${msg}\n`);
const onDate = today();

/** The demo world's organisations that fund programmes (each has a programme manager). */
const FUNDER_SLUGS = [
  'nordmark-return-office',
  'corridor-programme-office',
  'alpenrand-migration-office',
  'scheldt-return-agency',
];
/** Demo organisations that may deliver programmes. */
const IMPLEMENTING_SLUGS = [
  'lumen-counselling',
  'passerelle-conseil',
  'tigris-reintegration',
  'harmattan-partners',
  'kartli-return-support',
  'ng-returnee-desk',
];

// ---------------------------------------------------------------------------------------------------
// 1. The database: a fresh one, migrated, the demo world, and the synthetic programmes.

let createdDir: string | null = null;
if (!process.env.DATABASE_URL) {
  const dir = process.env.HOMEWARD_DATA_DIR;
  if (!dir) {
    createdDir = mkdtempSync(path.join(os.tmpdir(), 'homeward-find-'));
    process.env.HOMEWARD_DATA_DIR = createdDir;
  } else if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new Error(`HOMEWARD_DATA_DIR=${dir} is not empty: give a new, empty directory (or none).`);
  }
}
const t = benchTarget();
log(`Database: ${t.db} at ${t.label}`);

interface Catalogue {
  /** Published programmes in force (what the finder evaluates on every request). */
  inForce: number;
  demo: number;
  coverage: Map<string, number>;
}

let postgresVersion = '';
let postmaster: number | null = null;
const setupStarted = performance.now();
let insertSeconds = 0;
const { list: synthetic, catalogue } = await (async (): Promise<{
  list: SyntheticProgramme[];
  catalogue: Catalogue;
}> => {
  const database = await openDatabase(t.target.kind === 'postgres' ? { ...t.target, poolSize: 2 } : t.target);
  const { db } = database;
  try {
    postgresVersion = (await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(db))
      .rows[0]!.v;
    if (t.db === 'postgres') {
      const backend = (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(db)).rows[0]!.pid;
      if (isPostgresProcess(backend)) postmaster = parentOf(backend);
    }
    const applied = await migrateToLatest(db);
    if (applied.length) log(`Applied migrations: ${applied.length}`);
    await seedDemo(db, { cases: 0 });
    const existing = (
      await sql<{ n: number }>`SELECT count(*)::int AS n FROM programmes WHERE code LIKE 'SYN-%'`.execute(db)
    ).rows[0]!.n;
    if (existing > 0) {
      throw new Error(`The database already holds ${existing} synthetic programmes: use a fresh database.`);
    }
    const orgId = async (slug: string) => {
      const o = await findOrganisationBySlug(db, slug);
      if (!o) throw new Error(`No demo organisation ${slug}`);
      return o.id;
    };
    const funders: string[] = [];
    for (const slug of FUNDER_SLUGS) funders.push(await orgId(slug));
    const implementing: string[] = [];
    for (const slug of IMPLEMENTING_SLUGS) implementing.push(await orgId(slug));

    const list = generateProgrammes(nProgrammes, {
      onDate,
      seed,
      organisationIds: implementing,
      funders: funders.length,
    });
    const started = performance.now();
    await db.transaction().execute(async (trx) => {
      for (const p of list) {
        const funder = funders[p.funderIndex]!;
        await createProgrammeIn(
          trx,
          { label: 'bench', organisationId: funder },
          funder,
          p.code,
          'published',
          p.definition,
        );
      }
    });
    insertSeconds = seconds(performance.now() - started);
    if (t.db === 'postgres') await sql`ANALYZE`.execute(db);
    log(`${list.length} programmes inserted in ${insertSeconds} s`);

    const rows = await publishedInForce(db, onDate);
    const coverage = new Map<string, number>();
    for (const r of rows) {
      const d = r.definition as { countriesOfReturn: string[] };
      for (const c of d.countriesOfReturn) coverage.set(c, (coverage.get(c) ?? 0) + 1);
    }
    return {
      list,
      catalogue: {
        inForce: rows.length,
        demo: rows.filter((r) => !r.code.startsWith('SYN-')).length,
        coverage,
      },
    };
  } finally {
    await database.close();
  }
})();
const setupSeconds = seconds(performance.now() - setupStarted);
const shape = describeCatalogue(synthetic);

// ---------------------------------------------------------------------------------------------------
// 2. The queries: several countries, languages, households and situations.

const LANGS = ['en', 'fr', 'ar', 'ru', 'fa', 'es'] as const;
const DISTINCT_LOAD = 40_000;
const DISTINCT_RATE = 2_000;
const DISTINCT_WARMUP = 3_000;
type CountryClass = 'most covered' | 'middling' | 'least covered';

const ranked = [...catalogue.coverage.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
const middle = Math.floor(ranked.length / 2);
const countryClasses: Array<{ code: string; cls: CountryClass; weight: number }> = [
  ...ranked.slice(0, 6).map(([code]) => ({ code, cls: 'most covered' as const, weight: 3 })),
  ...ranked.slice(middle - 1, middle + 2).map(([code]) => ({ code, cls: 'middling' as const, weight: 2 })),
  ...ranked.slice(-2).map(([code]) => ({ code, cls: 'least covered' as const, weight: 1 })),
];

interface Query {
  country: string;
  cls: CountryClass;
  lang: string;
  path: string;
  household: string;
}

/**
 * `n` queries. Popular ones (`distinct` false) may repeat; `distinct` ones are all different from each
 * other and from `exclude`, with a wider spread of households, so that no answer can be reused.
 */
function buildQueries(n: number, stream: number, distinct = false, exclude: readonly Query[] = []): Query[] {
  const r = rng(seed + stream);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const weighted = countryClasses.flatMap((c) => Array.from({ length: c.weight }, () => c));
  const seen = new Set(exclude.map((q) => q.path));
  const out: Query[] = [];
  for (let i = 0; out.length < n; i++) {
    const q = oneQuery(i);
    if (!distinct) out.push(q);
    else if (!seen.has(q.path)) {
      seen.add(q.path);
      out.push(q);
    }
    if (i > n * 50) throw new Error(`Could not draw ${n} distinct queries`);
  }
  return out;

  function oneQuery(i: number): Query {
    const c = weighted[i % weighted.length]!;
    const lang = LANGS[(i + Math.floor(i / LANGS.length)) % LANGS.length]!;
    const p = new URLSearchParams({ countryOfReturn: c.code, lang });
    const parts: string[] = [];
    if (distinct || r() < 0.85) {
      const adults = 1 + Math.floor(r() ** 2 * (distinct ? 6 : 3));
      const minors = r() < 0.5 ? 0 : 1 + Math.floor(r() * (distinct ? 8 : 4));
      p.set('adults', String(adults));
      p.set('minors', String(minors));
      parts.push(`${adults}+${minors}`);
    }
    if (r() < 0.8) {
      const situation = pick(SITUATIONS);
      p.set('situation', situation);
      parts.push(situation);
    }
    if (r() < (distinct ? 0.5 : 0.3)) {
      const nationality = pick(RETURN_COUNTRIES);
      p.set('nationality', nationality);
      parts.push(`national of ${nationality}`);
    }
    const v = r();
    if (v < 0.35) {
      p.set('vulnerable', 'false');
      parts.push('not vulnerable');
    } else if (v < 0.6) {
      p.set('vulnerable', 'true');
      parts.push('vulnerable');
    }
    if (r() < 0.6) {
      const host = pick(HOST_COUNTRIES).code;
      p.set('hostCountry', host);
      parts.push(`living in ${host}`);
    }
    if (r() < 0.1) {
      p.set('returnType', 'assisted_forced');
      parts.push('forced');
    }
    return {
      country: c.code,
      cls: c.cls,
      lang,
      path: `/api/v1/public/programmes?${p.toString()}`,
      household: parts.join(', ') || '(nothing given)',
    };
  }
}
/** The popular queries: 60, asked in turn (an answer may be reused). */
const queries = buildQueries(60, 7);
/** Distinct queries: never asked twice (the load run, then the fixed-rate run, then the warm-up). */
const distinctQueries = buildQueries(DISTINCT_LOAD + DISTINCT_RATE + DISTINCT_WARMUP, 11, true, queries);
const distinctLoad = distinctQueries.slice(0, DISTINCT_LOAD);
const distinctRate = distinctQueries.slice(DISTINCT_LOAD, DISTINCT_LOAD + DISTINCT_RATE);
const distinctWarmup = distinctQueries.slice(DISTINCT_LOAD + DISTINCT_RATE);

// ---------------------------------------------------------------------------------------------------
// 3. The measurements.

interface Measured {
  name: string;
  connections: number;
  /** Requests per second asked for in all (autocannon's overallRate), or null for as fast as answered. */
  rate: number | null;
  seconds: number;
  /** Requests sent, and how many different queries they rotated through. */
  sent: number;
  queries: number;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  byClass: Map<string, number[]>;
  cpu: { server: number; db: number | null; loadGenerator: number; others: number };
  other: OtherLoad;
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

async function load(
  serverPid: number,
  base: string,
  name: string,
  list: readonly Query[],
  conns: number,
  seconds: number,
  rate: number | null = null,
): Promise<Measured> {
  const latencies: number[] = [];
  const byClass = new Map<string, number[]>();
  let next = 0;
  let lastLabel = '';
  const before = cpuSnapshot(serverPid);
  const procs = snapshotProcesses();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: conns,
        duration: seconds,
        ...(rate === null ? {} : { overallRate: rate }),
        requests: [
          {
            method: 'GET',
            setupRequest: (req, context) => {
              const q = list[next++ % list.length]!;
              (context as { label?: string }).label = q.cls;
              return { ...req, path: q.path };
            },
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
      const xs = byClass.get(lastLabel) ?? [];
      xs.push(ms);
      byClass.set(lastLabel, xs);
    });
  });
  const cpu = cpuSince(before, serverPid);
  const own = [process.pid, serverPid, ...(postmaster === null ? [] : [postmaster])];
  const other = otherLoad(procs, own);
  const s = sortedCopy(latencies);
  return {
    name,
    connections: conns,
    rate,
    seconds: result.duration,
    sent: next,
    queries: list.length,
    requests: latencies.length,
    perSecond: latencies.length / result.duration,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s.at(-1) ?? NaN,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    byClass,
    cpu,
    other,
  };
}

interface FoundBody {
  programmes: Array<{ status: 'eligible' | 'to_check' }>;
}

const profileDir = args.profile ? path.resolve(args.profile) : null;
if (profileDir) mkdirSync(profileDir, { recursive: true });
const server = await startServer({}, profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.child.kill('SIGTERM');
    process.exit(130);
  });
}
const answers: Array<{ q: Query; ms: number; bytes: number; found: number; eligible: number }> = [];
const measured: Measured[] = [];
let serverRss = 0;
let serverPeakRss = 0;
try {
  log(`Server ${server.base} (pid ${server.child.pid})`);
  // Every query once: it must answer 200 before anything is measured.
  for (const q of queries) {
    const started = performance.now();
    const res = await fetch(`${server.base}${q.path}`);
    const text = await res.text();
    const ms = performance.now() - started;
    if (res.status !== 200) throw new Error(`GET ${q.path}: ${res.status} ${text.slice(0, 500)}`);
    const body = JSON.parse(text) as FoundBody;
    answers.push({
      q,
      ms,
      bytes: Buffer.byteLength(text),
      found: body.programmes.length,
      eligible: body.programmes.filter((p) => p.status === 'eligible').length,
    });
  }
  if (warmup > 0) {
    log(`Warming up (${warmup} s, 10 connections)…`);
    await load(server.child.pid!, server.base, 'warm-up', [...queries, ...distinctWarmup], 10, warmup);
  }
  const pid = server.child.pid!;
  log(`1 connection, popular queries, ${singleDuration} s…`);
  measured.push(await load(pid, server.base, 'popular queries', queries, 1, singleDuration));
  log(`${connections} connections, popular queries, ${duration} s…`);
  measured.push(await load(pid, server.base, 'popular queries', queries, connections, duration));
  log(`${connections} connections, distinct queries, ${duration} s…`);
  measured.push(await load(pid, server.base, 'distinct queries', distinctLoad, connections, duration));
  if (rate > 0) {
    log(`${connections} connections, distinct queries, at most ${rate} requests/s in all, ${duration} s…`);
    measured.push(
      await load(pid, server.base, 'distinct queries, fixed rate', distinctRate, connections, duration, rate),
    );
  }
  serverRss = procStatus(server.child.pid!, 'VmRSS');
  serverPeakRss = procStatus(server.child.pid!, 'VmHWM');
} catch (err) {
  process.stderr.write(`The server's last output:\n${server.output().slice(-4000)}\n`);
  throw err;
} finally {
  await stopServer(server.child);
  if (createdDir && !args.keep) rmSync(createdDir, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------------
// 4. The report.

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const cpuCell = (c: Measured['cpu']) =>
  `${c.server.toFixed(0)} / ${c.db === null ? (t.db === 'pglite' ? 'in server' : '?') : c.db.toFixed(0)} / ${c.loadGenerator.toFixed(0)} / ${c.others.toFixed(0)}`;
const date = today();
const dbName =
  t.db === 'postgres' ? `PostgreSQL ${postgresVersion}` : `embedded PGlite (PostgreSQL ${postgresVersion})`;
const popular = measured.find((m) => m.name === 'popular queries' && m.connections === connections)!;
const distinct = measured.find((m) => m.name === 'distinct queries')!;
const met = (m: Measured) => m.p95 <= 100 && m.errors === 0 && m.timeouts === 0 && m.non2xx === 0;
const main = distinct;
const cmd =
  `${t.db === 'postgres' ? 'DATABASE_URL=… ' : ''}node --import tsx bench/find.ts ${process.argv.slice(2).join(' ')}`.trim();
const classes: CountryClass[] = ['most covered', 'middling', 'least covered'];

const report = [
  `# Public programme finder under load, ${catalogue.inForce} published programmes on ${t.db === 'postgres' ? 'PostgreSQL' : 'PGlite'} — ${date}`,
  '',
  `Machine: ${machine()}, Node ${process.version}, ${dbName}; sources at ${sourceVersion()}.`,
  `Method: \`${cmd}\` — on a fresh ${t.db === 'postgres' ? 'PostgreSQL database' : 'embedded database in a temporary directory'}: migrations, the demo world with its catalogue (\`seedDemo\`, no cases), then ${synthetic.length} synthetic programmes (seed ${seed}) created as published through \`createProgrammeIn\` in one transaction (${insertSeconds} s; whole set-up ${setupSeconds} s). The server (\`homeward serve\`${serverFlags.length ? ` run as \`node ${serverFlags.join(' ')}\`` : ''}, production mode, rate limit lifted, logging at warn) answers each of the ${queries.length} popular queries once, is warmed up for ${warmup} s at 10 connections (popular queries and ${DISTINCT_WARMUP.toLocaleString('en')} distinct ones of their own), then autocannon (same machine) sends \`GET /api/v1/public/programmes\`: the popular queries in turn for ${singleDuration} s at 1 connection and ${duration} s at ${connections} connections (the same ${queries.length} queries over and over: an answer the server keeps is reused), then ${duration} s at ${connections} connections of **distinct** queries (never the same query twice in the run, up to ${DISTINCT_LOAD.toLocaleString('en')}: every answer is worked out)${rate > 0 ? `, then distinct queries offered at a fixed rate of ${rate} requests/s in all (autocannon's overallRate: ${connections} clients each searching about every ${(connections / Math.max(1, rate)).toFixed(1)} s)` : ''}. Without a fixed rate each connection sends its next request as soon as it has an answer, so at N connections the latency is about N / throughput. Latencies are those of the 2xx answers as autocannon measured them. CPU is % of one core (the machine has ${os.cpus().length}): server process / ${t.db === 'postgres' ? 'PostgreSQL' : 'PGlite runs inside the server'} / autocannon (this process) / everything else.`,
  ...(profileDir
    ? [
        '',
        `**The server ran under \`--cpu-prof\` (profile in ${profileDir}): the numbers are slower than without it.**`,
      ]
    : []),
  '',
  '| queries | connections | rate offered | requests (different queries) | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | non-2xx | server CPU ms per request | CPU % server / db / autocannon / other |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...measured.map(
    (m) =>
      `| ${m.name} | ${m.connections} | ${m.rate === null ? 'as answered' : `${m.rate} req/s`} | ${m.requests} (${Math.min(m.sent, m.queries).toLocaleString('en')}) | ${m.perSecond.toFixed(0)} | ${ms(m.p50)} | ${ms(m.p95)} | ${ms(m.p99)} | ${ms(m.max)} | ${m.errors + m.timeouts} | ${m.non2xx} | ${ms(((m.cpu.server + (m.cpu.db ?? 0)) * 10 * m.seconds) / Math.max(1, m.requests))} | ${cpuCell(m.cpu)} |`,
  ),
  '',
  `"server CPU ms per request": CPU time of the server${t.db === 'postgres' ? ' and PostgreSQL' : ''} during the run divided by the answers — what one answer costs, whatever else the machine was doing.${distinct.sent > distinct.queries ? ` **The distinct run sent ${distinct.sent} requests for ${distinct.queries} queries: some were repeated.**` : ''}`,
  '',
  `Target: p95 ≤ 100 ms at ${connections} concurrent clients, no errors — distinct queries: ${ms(distinct.p95)} ms, ${distinct.errors + distinct.timeouts} errors, ${distinct.non2xx} non-2xx — ${met(distinct) ? 'met' : '**not met**'}; popular queries: ${ms(popular.p95)} ms, ${popular.errors + popular.timeouts} errors, ${popular.non2xx} non-2xx — ${met(popular) ? 'met' : '**not met**'}.`,
  '',
  `Distinct queries under load (${connections} connections), by country of return:`,
  '',
  '| countries | programmes covering each | requests | p50 ms | p95 ms | p99 ms |',
  '|---|---|---|---|---|---|',
  ...classes.map((cls) => {
    const s = sortedCopy(main.byClass.get(cls) ?? []);
    const cs = countryClasses.filter((c) => c.cls === cls);
    return `| ${cls}: ${cs.map((c) => c.code).join(', ')} | ${cs.map((c) => catalogue.coverage.get(c.code) ?? 0).join(', ')} | ${s.length} | ${ms(percentile(s, 50))} | ${ms(percentile(s, 95))} | ${ms(percentile(s, 99))} |`;
  }),
  '',
  `What each request evaluates: the finder answers the published programmes in force that cover the country of return (\`evaluateAll\` with \`focus\`, no package; a programme they require elsewhere is evaluated on demand) out of ${catalogue.inForce} (${synthetic.length} synthetic, ${catalogue.demo} of the demo catalogue), and returns those that are not "not eligible".`,
  '',
  'The popular queries, each asked once before the load:',
  '',
  '| countries | queries | programmes in force | covering the country, answered (mean) | returned (mean) | of which eligible (mean) | answer KiB (mean) | alone, ms (mean) |',
  '|---|---|---|---|---|---|---|---|',
  ...classes.map((cls) => {
    const a = answers.filter((x) => x.q.cls === cls);
    return `| ${cls} | ${a.length} | ${catalogue.inForce} | ${mean(a.map((x) => catalogue.coverage.get(x.q.country) ?? 0)).toFixed(1)} | ${mean(a.map((x) => x.found)).toFixed(1)} | ${mean(a.map((x) => x.eligible)).toFixed(1)} | ${mean(a.map((x) => x.bytes / 1024)).toFixed(1)} | ${mean(a.map((x) => x.ms)).toFixed(1)} |`;
  }),
  `| all | ${answers.length} | ${catalogue.inForce} | ${mean(answers.map((x) => catalogue.coverage.get(x.q.country) ?? 0)).toFixed(1)} | ${mean(answers.map((x) => x.found)).toFixed(1)} | ${mean(answers.map((x) => x.eligible)).toFixed(1)} | ${mean(answers.map((x) => x.bytes / 1024)).toFixed(1)} | ${mean(answers.map((x) => x.ms)).toFixed(1)} |`,
  '',
  `("alone": each query once, one after the other, before the warm-up; the first includes loading the published catalogue, which the server then keeps in memory${t.db === 'postgres' ? ` and reloads in the background every ${TTL_MS / 1000} s` : ''}.) Languages in turn: ${LANGS.join(', ')}; households: ${[
    ...new Set(queries.map((q) => q.household)),
  ]
    .slice(0, 8)
    .join('; ')} …`,
  '',
  `Server resident memory after the run: ${serverRss.toFixed(0)} MiB (peak ${serverPeakRss.toFixed(0)} MiB).`,
  '',
  '## What else ran on the machine',
  '',
  `During the ${connections}-connection run of distinct queries:`,
  '',
  ...otherLoadLines(main.other, os.cpus().length),
  '',
  '## The synthetic programmes',
  '',
  `${shape.programmes} programmes (bench/lib/synthetic-programmes.ts), ${shape.jsonKiB} KiB as JSON: countries of return per programme ${shape.countriesPerProgramme.min}–${shape.countriesPerProgramme.max} (mean ${shape.countriesPerProgramme.mean}); programme rule ${shape.ruleNodes.min}–${shape.ruleNodes.max} nodes (mean ${shape.ruleNodes.mean}); components ${shape.componentsPerProgramme.min}–${shape.componentsPerProgramme.max} (mean ${shape.componentsPerProgramme.mean}); ${shape.withHostCountries} limited to host countries (for a query without \`hostCountry\` those are "to check"); interactions: ${shape.interactions.requires} requires, ${shape.interactions.not_combinable} not combinable, ${shape.interactions.offset} offsets; names in ${Object.entries(
    shape.languages,
  )
    .map(([l, n]) => `${l} ${n}`)
    .join(', ')} (ru, fa and es fall back to English).`,
  '',
].join('\n');

const outDir = profileDir ?? RESULTS_DIR;
const out = path.join(outDir, `find-${t.db}-${date}${args.label ? `-${args.label}` : ''}.md`);
writeFileSync(out, report);
process.stdout.write(`\n${report}\nWritten to ${out}\n`);
