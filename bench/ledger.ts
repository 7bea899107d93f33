/**
 * The duplicate-assistance guard against a large assistance ledger (target: p95 ≤ 30 ms with
 * 5,000,000 ledger lines on PostgreSQL 15).
 *
 * The guard (src/server/plans/ledger.service.ts `findOverlaps`, run by plan approval) issues one query
 * per plan line: `ledgerCandidates` (plans.repository.ts), entries of any organisation sharing a
 * person key with the line's beneficiaries (`person_keys && $keys`, GIN index), in the line's
 * category, approved, whose period meets the line's. This script fills the ledger with a synthetic
 * history (bench/lib/ledger-data.ts: generated in SQL, INSERT … SELECT generate_series in batches,
 * indexes rebuilt afterwards, VACUUM ANALYZE) and calls the app's own `ledgerCandidates` through the
 * app's Kysely / pg pool with realistic inputs:
 *
 * - the line's beneficiaries: 1–4 members of one household, 1–3 keys each, like `ledgerKeys` gives;
 * - a household new to the ledger (35 %), with 1 earlier line (25 %), with 2–12 (25 %) or with 20–50
 *   (15 %: rare in the ledger, over-represented here for the tail);
 * - for households with lines, half the calls ask a category they had in an overlapping period (the
 *   guard finds it), half a category they never had;
 *
 * first one at a time, then from C concurrent callers (default 8) on the app's pool, then (optional)
 * again after filling the GIN index's pending list with approval-sized inserts through the app's
 * `insertLedgerEntries`, as a live ledger has between vacuums (and again with the index's fastupdate
 * off, for comparison; the index's options are restored afterwards). It shows EXPLAIN (ANALYZE, BUFFERS) of
 * a typical call and writes bench/results/ledger-<db>-<N>-<date>.md.
 *
 * The database is kept between runs: the first run on an empty database generates the ledger and
 * records what it made in a table `bench_ledger_meta`; later runs with the same --lines reuse it.
 * --rebuild empties ledger_entries and generates it again. Never point this at a database with real
 * ledger entries: it refuses a non-empty ledger it did not make.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:55450/hwledger npm run bench:ledger
 *   HOMEWARD_DATA_DIR=/tmp/hw-bench-ledger/pglite-200k npm run bench:ledger -- --lines 200000
 *
 * Options: --lines N (default 5000000), --calls N per measured run (default 4000), --warmup N
 * (default 500), --concurrency C (default 8), --pending N (entries inserted in four steps with the
 * guard measured after each, default 40000; 0: none), --batch H (households per INSERT, default 20000), --seed S,
 * --max-load L and --max-wait S (wait up to S seconds, default 120, before each run for the 1-min load
 * average to fall under L, default 1.5; the report gives the load average before and after every
 * run either way), --rebuild, --label L.
 */
import os from 'node:os';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CompiledQuery, sql, type KyselyPlugin, type RawBuilder, type RootOperationNode } from 'kysely';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { rng } from '../src/db/seed/synthetic-cases.ts';
import { addDays, ledgerPeriod } from '../src/domain/plans.ts';
import { insertLedgerEntries, ledgerCandidates } from '../src/server/plans/plans.repository.ts';
import {
  benchTarget,
  compactCount,
  machine,
  percentile,
  RESULTS_DIR,
  seconds,
  sortedCopy,
  today,
} from './lib/common.ts';
import {
  CATEGORY_WEIGHTS,
  categoryOf,
  FUNDERS,
  householdLines,
  householdOf,
  householdSize,
  insertHouseholdsSql,
  PARTNERS,
  planLineIdOf,
  type HouseholdModel,
} from './lib/ledger-data.ts';
import {
  otherLoad,
  otherLoadLines,
  snapshotProcesses,
  sourceVersion,
  type OtherLoad,
} from './lib/machine-load.ts';

const { values: args } = parseArgs({
  options: {
    lines: { type: 'string', default: '5000000' },
    calls: { type: 'string', default: '4000' },
    warmup: { type: 'string', default: '500' },
    concurrency: { type: 'string', default: '8' },
    pending: { type: 'string', default: '40000' },
    batch: { type: 'string', default: '20000' },
    seed: { type: 'string', default: '1' },
    'max-load': { type: 'string', default: '1.5' },
    'max-wait': { type: 'string', default: '120' },
    rebuild: { type: 'boolean', default: false },
    label: { type: 'string' },
  },
}); /** The code measured: read before anything runs (sources edited during a run are not measured). */
const measuredSources = sourceVersion();

const targetLines = Number(args.lines);
const nCalls = Number(args.calls);
const nWarmup = Number(args.warmup);
const concurrency = Number(args.concurrency);
const nPending = Number(args.pending);
const batchHouseholds = Number(args.batch);
const seed = Number(args.seed);
const maxLoad = Number(args['max-load']);
const maxWaitMs = Number(args['max-wait']) * 1000;
const log = (msg: string) => process.stdout.write(`${msg}\n`);

/** Bump when the generator's model changes: a kept database of another version is not reused. */
const GENERATOR_VERSION = 1;
const PENDING_MARK = 'BENCH-PENDING';

const t = benchTarget();
const onPostgres = t.db === 'postgres';
log(`Database: ${t.db} at ${t.label}`);
const database = await openDatabase(t.target);
const { db } = database;

interface Meta {
  version: number;
  lines: number;
  /** Households fully in the ledger (the last one, H + 1, may be cut short). */
  households: number;
  lastHousehold: number;
  generatedOn: string;
  insertSeconds: number;
  indexSeconds: number;
  vacuumSeconds: number;
  command: string;
}

// ---------------------------------------------------------------------------------------------------
// 1. The ledger: reused when this generator made it with the same size, generated otherwise.

async function one<T>(q: RawBuilder<T>): Promise<T> {
  return (await q.execute(db)).rows[0]!;
}

const postgresVersion = (await one(sql<{ v: string }>`SELECT current_setting('server_version') AS v`)).v;
const applied = await migrateToLatest(db);
if (applied.length) log(`Applied migrations: ${applied.join(', ')}`);
await sql`CREATE TABLE IF NOT EXISTS bench_ledger_meta (id int PRIMARY KEY, meta jsonb NOT NULL)`.execute(db);

async function organisationIds(): Promise<{ funders: string[]; partners: string[] }> {
  const values = [
    ...Array.from({ length: FUNDERS }, (_, i) => {
      const n = String(i + 1).padStart(2, '0');
      return { slug: `bench-funder-${n}`, name: `Bench return authority ${n}`, type: 'return_authority' };
    }),
    ...Array.from({ length: PARTNERS }, (_, i) => {
      const n = String(i + 1).padStart(2, '0');
      return {
        slug: `bench-partner-${n}`,
        name: `Bench reintegration partner ${n}`,
        type: 'reintegration_partner',
      };
    }),
  ];
  await db
    .insertInto('organisations')
    .values(values.map((v) => ({ ...v, country: 'DE' })) as never)
    .onConflict((oc) => oc.column('slug').doNothing())
    .execute();
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'slug'])
    .where('slug', 'like', 'bench-%')
    .orderBy('slug')
    .execute();
  return {
    funders: rows.filter((r) => r.slug.startsWith('bench-funder-')).map((r) => r.id),
    partners: rows.filter((r) => r.slug.startsWith('bench-partner-')).map((r) => r.id),
  };
}

const orgs = await organisationIds();
const stored = (await sql<{ meta: Meta }>`SELECT meta FROM bench_ledger_meta WHERE id = 1`.execute(db))
  .rows[0]?.meta;
const entryCount = async () =>
  (await one(sql<{ n: number }>`SELECT count(*)::int AS n FROM ledger_entries`)).n;
let meta: Meta;
let generated = false;
const existing = await entryCount();
if (
  stored &&
  !args.rebuild &&
  stored.version === GENERATOR_VERSION &&
  stored.lines === targetLines &&
  existing === targetLines
) {
  meta = stored;
  log(`Reusing the ledger generated on ${meta.generatedOn}: ${existing.toLocaleString('en')} entries.`);
} else {
  if (existing > 0 && !stored) {
    throw new Error(
      `ledger_entries holds ${existing} rows this benchmark did not generate: use a database of its own.`,
    );
  }
  if (existing > 0 && !args.rebuild) {
    throw new Error(
      `The ledger here was generated with other settings (${JSON.stringify(stored)}): add --rebuild to generate it again with --lines ${targetLines}.`,
    );
  }
  meta = await generate();
  generated = true;
}

async function generate(): Promise<Meta> {
  // How many households give the wanted number of entries (the last one may be cut short).
  let households = 0;
  let total = 0;
  while (total < targetLines) {
    households++;
    total += householdSize(households) * householdLines(households);
  }
  log(
    `Generating ${targetLines.toLocaleString('en')} ledger entries for ${households.toLocaleString('en')} households…`,
  );
  const started = performance.now();
  await sql`TRUNCATE ledger_entries RESTART IDENTITY`.execute(db);
  await sql`DELETE FROM bench_ledger_meta`.execute(db);
  // The table's secondary indexes are dropped and built again afterwards: as written by the migrations.
  const indexes = (
    await sql<{ name: string; def: string }>`
      SELECT indexname AS name, indexdef AS def FROM pg_indexes
      WHERE tablename = 'ledger_entries' AND indexname NOT IN (
        SELECT conname FROM pg_constraint WHERE conrelid = 'ledger_entries'::regclass)`.execute(db)
  ).rows;
  const statement = insertHouseholdsSql();
  let inserted = 0;
  let insertSeconds = 0;
  let indexSeconds = 0;
  await db.connection().execute(async (conn) => {
    for (const ix of indexes) await sql.raw(`DROP INDEX ${ix.name}`).execute(conn);
    // Ids of cases, plan lines and persons point at nothing (see lib/ledger-data.ts): no FK checks.
    await sql`SET session_replication_role = replica`.execute(conn);
    if (onPostgres) {
      await sql`SET synchronous_commit = off`.execute(conn);
      // The statement's estimate (nested generate_series) is huge: JIT would compile for 15 s.
      await sql`SET jit = off`.execute(conn);
    }
    for (let from = 1; from <= households; from += batchHouseholds) {
      const to = Math.min(households, from + batchHouseholds - 1);
      const limit = targetLines - inserted;
      const res = await conn.executeQuery(
        CompiledQuery.raw(`${statement}\nLIMIT $5`, [from, to, orgs.funders, orgs.partners, limit]),
      );
      inserted += Number(res.numAffectedRows ?? 0);
      const s = (performance.now() - started) / 1000;
      log(
        `  households ${from.toLocaleString('en')}–${to.toLocaleString('en')}: ${inserted.toLocaleString('en')} entries, ${s.toFixed(0)} s (${Math.round(inserted / s).toLocaleString('en')}/s)`,
      );
    }
    await sql`SET session_replication_role = origin`.execute(conn);
    insertSeconds = (performance.now() - started) / 1000;
    const ixStarted = performance.now();
    if (onPostgres) await sql`SET maintenance_work_mem = '1GB'`.execute(conn);
    for (const ix of indexes) {
      log(`  building ${ix.name}…`);
      await sql.raw(ix.def).execute(conn);
    }
    indexSeconds = (performance.now() - ixStarted) / 1000;
  });
  if (inserted !== targetLines) throw new Error(`Inserted ${inserted} entries, wanted ${targetLines}`);
  const vStarted = performance.now();
  log('  VACUUM ANALYZE…');
  await sql`VACUUM ANALYZE ledger_entries`.execute(db);
  await sql`ANALYZE organisations`.execute(db);
  const m: Meta = {
    version: GENERATOR_VERSION,
    lines: inserted,
    households: households - 1,
    lastHousehold: households,
    generatedOn: today(),
    insertSeconds: seconds(insertSeconds * 1000),
    indexSeconds: seconds(indexSeconds * 1000),
    vacuumSeconds: seconds(performance.now() - vStarted),
    command: `node --import tsx bench/ledger.ts ${process.argv.slice(2).join(' ')}`.trim(),
  };
  await sql`INSERT INTO bench_ledger_meta (id, meta) VALUES (1, ${JSON.stringify(m)}::jsonb)`.execute(db);
  log(`Generated in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  return m;
}

// A few households read back and compared with the model: the SQL and the TypeScript agree.
{
  const r = rng(seed + 99);
  for (let i = 0; i < 50; i++) {
    const h = 1 + Math.floor(r() * meta.households);
    const model = householdOf(h);
    const ids = model.lines.map((l) => planLineIdOf(h, l.k));
    const rows = (
      await sql<{ plan_line_id: string; category: string; period_from: string; status: string; n: number }>`
        SELECT plan_line_id, category, period_from::text, status, count(*)::int AS n
        FROM ledger_entries WHERE plan_line_id = ANY(${ids}::uuid[])
        GROUP BY 1, 2, 3, 4`.execute(db)
    ).rows;
    const ok =
      rows.length === model.lines.length &&
      model.lines.every((l, k) => {
        const row = rows.find((x) => x.plan_line_id === ids[k]);
        return (
          row !== undefined &&
          row.category === l.category &&
          row.period_from === l.from &&
          row.status === (l.cancelled ? 'cancelled' : 'approved') &&
          row.n === model.persons.length
        );
      });
    if (!ok) {
      throw new Error(
        `Household ${h}: the ledger and the model differ: ${JSON.stringify(rows)} / ${JSON.stringify(model)}`,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// 2. The inputs: plan lines of households new to the ledger, with one, several or many lines.

type Cls = 'new' | 'one' | 'several' | 'many';
interface Probe {
  cls: Cls;
  hit: boolean;
  h: number;
  beneficiaries: number;
  keys: string[];
  category: string;
  from: string;
  to: string;
}

function drawProbes(n: number, stream: number): Probe[] {
  const r = rng(seed * 1000 + stream);
  const out: Probe[] = [];
  const newBase = meta.lastHousehold + 1;
  const dueNearNow = () => addDays('2026-01-01', Math.floor(r() * 700));
  const weighted = (): string => categoryOf(r());
  const findHousehold = (ok: (lines: number) => boolean): number => {
    for (;;) {
      const h = 1 + Math.floor(r() * meta.households);
      if (ok(householdLines(h))) return h;
    }
  };
  for (let i = 0; i < n; i++) {
    const x = r();
    const cls: Cls = x < 0.35 ? 'new' : x < 0.6 ? 'one' : x < 0.85 ? 'several' : 'many';
    const h =
      cls === 'new'
        ? newBase + Math.floor(r() * 10_000_000)
        : findHousehold((l) => (cls === 'one' ? l === 1 : cls === 'several' ? l >= 2 && l <= 12 : l >= 20));
    const model: HouseholdModel = householdOf(h);
    const count = 1 + Math.floor(r() * model.persons.length);
    const members = [...model.persons].sort(() => r() - 0.5).slice(0, count);
    const keys = [...new Set(members.flatMap((p) => p.keys))].sort();
    const approved = model.lines.filter((l) => !l.cancelled);
    const hit = cls !== 'new' && approved.length > 0 && r() < 0.5;
    let category: string;
    let due: string;
    if (hit) {
      const line = approved[Math.floor(r() * approved.length)]!;
      category = line.category;
      due = addDays(line.from, Math.floor(r() * 601) - 300);
    } else {
      const had = new Set(model.lines.map((l) => l.category));
      category = weighted();
      for (let tries = 0; had.has(category) && tries < 50; tries++) category = weighted();
      due = dueNearNow();
    }
    const period = ledgerPeriod(due);
    out.push({ cls, hit, h, beneficiaries: count, keys, category, from: period.from, to: period.to });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// 3. The measurements.

interface Run {
  name: string;
  callers: number;
  calls: number;
  wallSeconds: number;
  perSecond: number;
  latencies: number[];
  byClass: Map<string, number[]>;
  rows: number[];
  found: { hit: number; hitFound: number; miss: number; missFound: number };
  loadBefore: number[];
  loadAfter: number[];
  waitedSeconds: number;
  other: OtherLoad;
}

async function quietEnough(): Promise<number> {
  const started = Date.now();
  while (os.loadavg()[0]! > maxLoad && Date.now() - started < maxWaitMs) {
    await new Promise((r) => setTimeout(r, 10_000));
  }
  return Math.round((Date.now() - started) / 1000);
}

async function measure(name: string, probes: Probe[], callers: number): Promise<Run> {
  const waitedSeconds = await quietEnough();
  const loadBefore = os.loadavg();
  const procs = snapshotProcesses();
  const latencies: number[] = new Array<number>(probes.length);
  const rows: number[] = new Array<number>(probes.length);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: callers }, async () => {
      for (;;) {
        const i = next++;
        if (i >= probes.length) return;
        const p = probes[i]!;
        const t0 = performance.now();
        const found = await ledgerCandidates(db, p.keys, [p.category], p.from, p.to);
        latencies[i] = performance.now() - t0;
        rows[i] = found.length;
      }
    }),
  );
  const wallSeconds = (performance.now() - started) / 1000;
  const other = otherLoad(procs, [process.pid, ...(postmaster === null ? [] : [postmaster])]);
  const byClass = new Map<string, number[]>();
  const found = { hit: 0, hitFound: 0, miss: 0, missFound: 0 };
  probes.forEach((p, i) => {
    const key = `${p.cls}${p.cls === 'new' ? '' : p.hit ? ', category hit' : ', category missed'}`;
    const xs = byClass.get(key) ?? [];
    xs.push(latencies[i]!);
    byClass.set(key, xs);
    if (p.hit) {
      found.hit++;
      if (rows[i]! > 0) found.hitFound++;
    } else {
      found.miss++;
      if (rows[i]! > 0) found.missFound++;
    }
  });
  return {
    name,
    callers,
    calls: probes.length,
    wallSeconds,
    perSecond: probes.length / wallSeconds,
    latencies,
    byClass,
    rows,
    found,
    loadBefore,
    loadAfter: os.loadavg(),
    waitedSeconds,
    other,
  };
}

/** The PostgreSQL postmaster, when it runs on this machine (its CPU is the benchmark's own). */
let postmaster: number | null = null;
if (onPostgres) {
  const { isPostgresProcess, parentOf } = await import('./lib/common.ts');
  const backend = (await one(sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`)).pid;
  if (isPostgresProcess(backend)) postmaster = parentOf(backend);
}

/** The SQL and parameters of one ledgerCandidates call, as the app sends them. */
async function capture(p: Probe): Promise<CompiledQuery> {
  let node: RootOperationNode | null = null;
  let queryId: Parameters<KyselyPlugin['transformQuery']>[0]['queryId'] | null = null;
  const plugin: KyselyPlugin = {
    transformQuery(a) {
      node = a.node;
      queryId = a.queryId;
      return a.node;
    },
    transformResult: (a) => Promise.resolve(a.result),
  };
  const spy = db.withPlugin(plugin);
  await ledgerCandidates(spy, p.keys, [p.category], p.from, p.to);
  if (!node || !queryId) throw new Error('No query captured');
  return spy.getExecutor().compileQuery(node, queryId);
}

async function explain(p: Probe): Promise<string> {
  const q = await capture(p);
  const res = await db.executeQuery<Record<string, string>>(
    CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, [...q.parameters]),
  );
  return res.rows.map((r) => Object.values(r)[0]).join('\n');
}

const warmupProbes = drawProbes(nWarmup, 1);
const seqProbes = drawProbes(nCalls, 2);
const concProbes = drawProbes(nCalls, 3);
const pendingProbes = drawProbes(Math.min(nCalls, 4000), 4);

log(`Warming up: ${nWarmup} calls…`);
await measure('warm-up', warmupProbes, 1);
const runs: Run[] = [];
log(`${nCalls} calls, one at a time…`);
runs.push(await measure('one at a time', seqProbes, 1));
log(`${nCalls} calls, ${concurrency} concurrent callers…`);
runs.push(await measure(`${concurrency} concurrent callers`, concProbes, concurrency));

const typical =
  seqProbes.find((p) => p.cls === 'several' && p.hit && p.beneficiaries === 2 && p.keys.length >= 3) ??
  seqProbes.find((p) => p.cls === 'several' && p.hit)!;
const typicalPlan = await explain(typical);
const missPlan = await explain(seqProbes.find((p) => p.cls === 'new' && p.keys.length >= 2) ?? seqProbes[0]!);

// What the planner knows, and the sizes.
const settingNames = [
  'shared_buffers',
  'work_mem',
  'effective_cache_size',
  'random_page_cost',
  'jit',
  'gin_pending_list_limit',
  'default_statistics_target',
];
const settings = (
  await sql<{ name: string; setting: string; unit: string | null }>`
    SELECT name, setting, unit FROM pg_settings WHERE name IN (${sql.join(settingNames)}) ORDER BY name`.execute(
    db,
  )
).rows;
const sizes = (
  await sql<{ name: string; bytes: number }>`
    SELECT c.relname AS name, pg_relation_size(c.oid)::bigint AS bytes
    FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid
    WHERE i.indrelid = 'ledger_entries'::regclass
    UNION ALL SELECT 'ledger_entries (heap)', pg_relation_size('ledger_entries')::bigint
    UNION ALL SELECT 'ledger_entries (with TOAST and indexes)', pg_total_relation_size('ledger_entries')::bigint
    ORDER BY 1`.execute(db)
).rows;
const shape = (
  await sql<{
    persons: number;
    keys: number;
    approved: number;
    first: string;
    last: string;
  }>`SELECT
      (SELECT count(DISTINCT person_id)::int FROM ledger_entries) AS persons,
      (SELECT count(DISTINCT k)::int FROM ledger_entries, unnest(person_keys) k) AS keys,
      (SELECT count(*)::int FROM ledger_entries WHERE status = 'approved') AS approved,
      (SELECT min(period_from)::text FROM ledger_entries) AS first,
      (SELECT max(period_from)::text FROM ledger_entries) AS last`.execute(db)
).rows[0]!;
const byCategory = (
  await sql<{ category: string; n: number }>`
    SELECT category, count(*)::int AS n FROM ledger_entries GROUP BY category ORDER BY n DESC`.execute(db)
).rows;
const perPerson = (
  await sql<{ lines: string; persons: number }>`
    SELECT CASE WHEN n = 1 THEN '1' WHEN n = 2 THEN '2' WHEN n = 3 THEN '3' WHEN n <= 6 THEN '4–6'
                WHEN n <= 12 THEN '7–12' ELSE '13 or more' END AS lines, count(*)::int AS persons
    FROM (SELECT person_id, count(*) AS n FROM ledger_entries GROUP BY person_id) x
    GROUP BY 1 ORDER BY min(n)`.execute(db)
).rows;

// The pending list: a live ledger takes approvals between vacuums; a GIN index with fastupdate (on by
// default) keeps new entries in a pending list that every query reads in full, until an insert finds
// it over gin_pending_list_limit (and merges it into the index) or a vacuum does. Inserts in steps,
// with the guard measured after each, first as the index is, then with fastupdate off.
interface PendingStep {
  fastupdate: 'on' | 'off';
  inserted: number;
  statements: number;
  insertMs: number[];
  pendingPages: number | null;
  run: Run;
}
const pendingSteps: PendingStep[] = [];
const ginIndex = (
  await sql<{ name: string; options: string[] | null }>`
    SELECT c.relname AS name, c.reloptions AS options FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
    JOIN pg_am a ON a.oid = c.relam
    WHERE i.indrelid = 'ledger_entries'::regclass AND a.amname = 'gin' ORDER BY 1 LIMIT 1`.execute(db)
).rows[0];
let ginStats: (() => Promise<number | null>) | null = null;
if (onPostgres && ginIndex) {
  await sql`CREATE EXTENSION IF NOT EXISTS pgstattuple`.execute(db);
  ginStats = async () =>
    (
      await sql<{ pages: number }>`
        SELECT pending_pages::int AS pages FROM pgstatginindex(${ginIndex.name}::regclass)`.execute(db)
    ).rows[0]?.pages ?? null;
}
const ginOptionsBefore = ginIndex?.options ?? null;
if (nPending > 0 && ginIndex) {
  const steps = 4;
  const perStepCalls = Math.max(200, Math.floor(pendingProbes.length / 2));
  for (const fastupdate of ['on', 'off'] as const) {
    await sql.raw(`ALTER INDEX ${ginIndex.name} SET (fastupdate = ${fastupdate})`).execute(db);
    log(`Inserting ${nPending} entries in approval-sized statements, fastupdate ${fastupdate}…`);
    const r = rng(seed + 7);
    let inserted = 0;
    let statements = 0;
    const hex = () =>
      Array.from({ length: 4 }, () =>
        Math.floor(r() * 2 ** 32)
          .toString(16)
          .padStart(8, '0'),
      ).join('');
    for (let step = 1; step <= steps; step++) {
      const insertMs: number[] = [];
      const upTo = Math.round((nPending * step) / steps);
      while (inserted < upTo) {
        const beneficiaries = 1 + Math.floor(r() * 3);
        const category = categoryOf(r());
        const period = ledgerPeriod(addDays('2026-01-01', Math.floor(r() * 365)));
        const values = Array.from({ length: beneficiaries }, () => ({
          person_keys: [`doc:${hex()}`, `name:${hex()}`],
          case_id: null,
          person_id: null,
          plan_line_id: null,
          funder_organisation_id: orgs.funders[Math.floor(r() * orgs.funders.length)]!,
          partner_organisation_id: orgs.partners[Math.floor(r() * orgs.partners.length)]!,
          programme_code: PENDING_MARK,
          category,
          period_from: period.from,
          period_to: period.to,
          amount_cents: 100000,
          currency: 'EUR',
        }));
        const t0 = performance.now();
        await insertLedgerEntries(db, values);
        insertMs.push(performance.now() - t0);
        inserted += values.length;
        statements++;
      }
      const pages = ginStats ? await ginStats() : null;
      log(`  ${inserted} entries, pending list ${pages ?? '?'} pages`);
      const probes = pendingProbes.slice(
        ((step - 1) * perStepCalls) % pendingProbes.length,
        (((step - 1) * perStepCalls) % pendingProbes.length) + perStepCalls,
      );
      const run = await measure(
        `one at a time, ${inserted.toLocaleString('en')} new entries, fastupdate ${fastupdate}`,
        probes,
        1,
      );
      pendingSteps.push({ fastupdate, inserted, statements, insertMs, pendingPages: pages, run });
      if (step === steps) {
        // The full list with several approvals checking at once.
        const concurrent = await measure(
          `${concurrency} concurrent callers, ${inserted.toLocaleString('en')} new entries, fastupdate ${fastupdate}`,
          concProbes.slice(0, Math.min(concProbes.length, perStepCalls * 2)),
          concurrency,
        );
        pendingSteps.push({
          fastupdate,
          inserted,
          statements: 0,
          insertMs: [],
          pendingPages: pages,
          run: concurrent,
        });
      }
    }
    await sql`DELETE FROM ledger_entries WHERE programme_code = ${PENDING_MARK}`.execute(db);
    await sql`VACUUM ANALYZE ledger_entries`.execute(db);
  }
  // The index as it was.
  await sql.raw(`ALTER INDEX ${ginIndex.name} RESET (fastupdate)`).execute(db);
  if (ginOptionsBefore?.length) {
    await sql.raw(`ALTER INDEX ${ginIndex.name} SET (${ginOptionsBefore.join(', ')})`).execute(db);
  }
}
const ginAfter = ginStats ? await ginStats() : null;
const ginOptionsAfter = ginIndex
  ? (
      await sql<{
        options: string[] | null;
      }>`SELECT reloptions AS options FROM pg_class WHERE relname = ${ginIndex.name}`.execute(db)
    ).rows[0]!.options
  : null;
if ((await entryCount()) !== meta.lines)
  throw new Error('The ledger does not hold what it held before the run');
await database.close();

// ---------------------------------------------------------------------------------------------------
// 4. The report.

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
const stats = (xs: number[]) => {
  const s = sortedCopy(xs);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s.at(-1) ?? NaN };
};
const dbName = onPostgres
  ? `PostgreSQL ${postgresVersion}`
  : `embedded PGlite (PostgreSQL ${postgresVersion})`;
const date = today();
const main = runs[0]!;
const conc = runs[1]!;
const target = (r: Run) => stats(r.latencies).p95 <= 30;
const classes = [
  'new',
  'one, category hit',
  'one, category missed',
  'several, category hit',
  'several, category missed',
  'many, category hit',
  'many, category missed',
];
const keysPerCall = (ps: Probe[]) => {
  const n = ps.map((p) => p.keys.length);
  return `${Math.min(...n)}–${Math.max(...n)} (mean ${(n.reduce((a, b) => a + b, 0) / n.length).toFixed(1)})`;
};
const cmd =
  `${onPostgres ? 'DATABASE_URL=… ' : 'HOMEWARD_DATA_DIR=… '}node --import tsx bench/ledger.ts ${process.argv.slice(2).join(' ')}`.trim();

const report = [
  `# Duplicate-assistance guard, ${meta.lines.toLocaleString('en')} ledger entries on ${onPostgres ? 'PostgreSQL' : 'PGlite'} — ${date}`,
  '',
  `Machine: ${machine()}, Node ${process.version}, ${dbName}; sources at ${measuredSources}.`,
  '',
  `Command: \`${cmd}\`. The ledger was ${generated ? 'generated by this run' : `generated on ${meta.generatedOn} (\`${meta.command}\`) and reused`}: INSERT … SELECT over generate_series, ${batchHouseholds.toLocaleString('en')} households per statement, with the table's secondary indexes dropped and built again afterwards, then VACUUM ANALYZE — inserts ${meta.insertSeconds} s, indexes ${meta.indexSeconds} s, vacuum and analyse ${meta.vacuumSeconds} s.`,
  '',
  '## Result',
  '',
  `Each call is the app's \`ledgerCandidates\` (src/server/plans/plans.repository.ts), through the app's Kysely and pg pool (${onPostgres ? '10 connections' : 'PGlite: one connection, calls wait for it in turn'}), timed with performance.now() around the call: what one plan line costs the guard in \`findOverlaps\` (plan approval runs one per line). Warm-up: ${nWarmup} calls with inputs of their own.`,
  '',
  '| run | callers | calls | calls/s | p50 ms | p95 ms | p99 ms | max ms | load average before → after (1 / 5 / 15 min) |',
  '|---|---|---|---|---|---|---|---|---|',
  ...runs.map((r) => {
    const s = stats(r.latencies);
    return `| ${r.name} | ${r.callers} | ${r.calls} | ${r.perSecond.toFixed(0)} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} | ${load(r.loadBefore)} → ${load(r.loadAfter)}${r.waitedSeconds > 0 ? ` (waited ${r.waitedSeconds} s for the machine to quieten)` : ''} |`;
  }),
  '',
  `Target p95 ≤ 30 ms: one at a time ${ms(stats(main.latencies).p95)} ms — ${target(main) ? 'met' : '**not met**'}; ${concurrency} concurrent callers ${ms(stats(conc.latencies).p95)} ms — ${target(conc) ? 'met' : '**not met**'}.`,
  '',
  'By input (one at a time / concurrent, p50 and p95 ms):',
  '',
  '| input | calls | p50 | p95 | calls (concurrent) | p50 | p95 |',
  '|---|---|---|---|---|---|---|',
  ...classes.map((c) => {
    const a = main.byClass.get(c) ?? [];
    const b = conc.byClass.get(c) ?? [];
    return `| ${c} | ${a.length} | ${ms(stats(a).p50)} | ${ms(stats(a).p95)} | ${b.length} | ${ms(stats(b).p50)} | ${ms(stats(b).p95)} |`;
  }),
  '',
  `Inputs: keys per call ${keysPerCall(seqProbes)}; beneficiaries 1–4 of one household. Calls meant to hit (a category the household had in an overlapping period) returned entries in ${main.found.hitFound} of ${main.found.hit} (the others: the household's entries for it were cancelled or recorded under other keys — another spelling of the name and no document); calls meant to miss returned entries in ${main.found.missFound} of ${main.found.miss}. Entries returned per call: max ${Math.max(...main.rows)}, mean ${(main.rows.reduce((a, b) => a + b, 0) / main.rows.length).toFixed(2)}.`,
  '',
  ...(pendingSteps.length
    ? [
        `### While approvals add entries (the GIN pending list of ${ginIndex?.name ?? '?'})`,
        '',
        `${nPending.toLocaleString('en')} new entries written in four steps by INSERTs of 1–3 entries (what one approved line writes, through the app's \`insertLedgerEntries\`; 2 new keys each), with ${pendingSteps[0]!.run.calls} guard calls one at a time after each step (and, after the last, ${concurrency} concurrent callers); first with fastupdate on (PostgreSQL's default, the migration's index), then again with fastupdate off. The new entries were deleted and the table vacuumed after each series; the index's options are as before (${JSON.stringify(ginOptionsBefore)} → ${JSON.stringify(ginOptionsAfter)})${ginAfter !== null ? `, its pending list ${ginAfter} pages` : ''}.`,
        '',
        '| fastupdate | new entries | pending list pages | guard callers | INSERT p50 ms | INSERT p99 ms | INSERT max ms | guard p50 ms | guard p95 ms | guard p99 ms | guard max ms | load average before → after |',
        '|---|---|---|---|---|---|---|---|---|---|---|---|',
        ...pendingSteps.map((p) => {
          const i = stats(p.insertMs);
          const q = stats(p.run.latencies);
          return `| ${p.fastupdate} | ${p.inserted.toLocaleString('en')} | ${p.pendingPages ?? '?'} | ${p.run.callers} | ${ms(i.p50)} | ${ms(i.p99)} | ${ms(i.max)} | ${ms(q.p50)} | ${ms(q.p95)} | ${ms(q.p99)} | ${ms(q.max)} | ${load(p.run.loadBefore)} → ${load(p.run.loadAfter)} |`;
        }),
        '',
      ]
    : []),
  '## The plan of a typical call',
  '',
  `A household with ${householdOf(typical.h).lines.length} earlier lines, ${typical.beneficiaries} beneficiaries, ${typical.keys.length} keys, category ${typical.category} (hit), period ${typical.from} … ${typical.to}; run once more after the measurements:`,
  '',
  '```',
  typicalPlan,
  '```',
  '',
  'A household new to the ledger:',
  '',
  '```',
  missPlan,
  '```',
  '',
  `Settings: ${settings.map((s) => `${s.name} = ${s.setting}${s.unit ? ` ${s.unit}` : ''}`).join(', ')}.`,
  '',
  '## The ledger',
  '',
  `${meta.lines.toLocaleString('en')} entries (${shape.approved.toLocaleString('en')} approved), ${shape.persons.toLocaleString('en')} persons in ${meta.households.toLocaleString('en')}+ households, ${shape.keys.toLocaleString('en')} distinct person keys; periods from ${shape.first} to ${shape.last} (+ 364 days); ${FUNDERS} funders and ${PARTNERS} partners (organisations \`bench-funder-*\`, \`bench-partner-*\`), 40 programmes. The model is described in bench/lib/ledger-data.ts.`,
  '',
  '| entries per person | persons |',
  '|---|---|',
  ...perPerson.map((x) => `| ${x.lines} | ${x.persons.toLocaleString('en')} |`),
  '',
  '| category | entries | share |',
  '|---|---|---|',
  ...byCategory.map(
    (x) => `| ${x.category} | ${x.n.toLocaleString('en')} | ${((x.n / meta.lines) * 100).toFixed(1)} % |`,
  ),
  '',
  `(Category weights asked of the generator: ${CATEGORY_WEIGHTS.map(([c, w]) => `${c} ${Math.round(w * 100)} %`).join(', ')}.)`,
  '',
  '| relation | size |',
  '|---|---|',
  ...sizes.map((s) => `| ${s.name} | ${mib(Number(s.bytes))} |`),
  '',
  '## What else ran on the machine',
  '',
  ...[...runs, ...pendingSteps.map((p) => p.run)].flatMap((r) => [
    `During "${r.name}" (${r.wallSeconds.toFixed(1)} s):`,
    '',
    ...otherLoadLines(r.other, os.cpus().length),
    '',
  ]),
].join('\n');

const out = path.join(
  RESULTS_DIR,
  `ledger-${t.db}-${compactCount(meta.lines)}-${date}${args.label ? `-${args.label}` : ''}.md`,
);
writeFileSync(out, report);
log(`\n${report}\nWritten to ${out}`);
