/**
 * Generates N synthetic cases for the case benchmarks (bench/cases-search.ts), into the database named
 * by DATABASE_URL (PostgreSQL) or HOMEWARD_DATA_DIR (embedded PGlite, as the server would open it).
 * It migrates, creates the demo world (`seedDemo` without cases), then adds the households of the
 * demo seeder (src/db/seed/synthetic-cases.ts) spread over the counselling organisations and their
 * counsellors like `homeward seed --demo --cases N`, but with thousands of rows per INSERT. Indexes and
 * triggers stay in place. Ends with VACUUM ANALYZE and writes bench/results/dataset-<db>-<N>-<date>.json
 * (time, peak memory, sizes), which the search benchmark quotes.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:55433/postgres npm run bench:generate -- --cases 1000000
 *   HOMEWARD_DATA_DIR=/tmp/hwbench/pglite npm run bench:generate -- --cases 100000
 *
 * Options: --cases N (required), --seed S (default 1; organisation i uses S + i, like the seeder),
 * --batch B (cases generated and inserted together, default 2000), --tx T (cases per transaction,
 * default 20000), --span-days D (creation dates spread over the last D days, default 1095),
 * --append (add to a database that already holds cases).
 */
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/db/schema.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedDemo } from '../src/db/seed/seed.ts';
import { rng } from '../src/db/seed/synthetic-cases.ts';
import { DEMO_ORGANISATIONS } from '../src/db/seed/demo-world.ts';
import { findOrganisationBySlug } from '../src/server/organisations/organisations.repository.ts';
import { addSyntheticCase, emptyRows, type CaseRows } from './lib/case-rows.ts';
import {
  benchTarget,
  machine,
  mib,
  peakRssMiB,
  seconds,
  today,
  writeDatasetInfo,
  type DatasetInfo,
} from './lib/common.ts';

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string' },
    seed: { type: 'string', default: '1' },
    batch: { type: 'string', default: '2000' },
    tx: { type: 'string', default: '20000' },
    'span-days': { type: 'string', default: '1095' },
    append: { type: 'boolean', default: false },
  },
});

function wholeNumber(name: string, v: string | undefined, min: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name}: a whole number ≥ ${min}`);
  return n;
}

const count = wholeNumber('cases', args.cases, 1);
const seed = wholeNumber('seed', args.seed, 0);
const batchSize = wholeNumber('batch', args.batch, 1);
const txCases = Math.max(batchSize, wholeNumber('tx', args.tx, 1));
const spanMs = wholeNumber('span-days', args['span-days'], 0) * 86_400_000;
/** PostgreSQL's limit of bind parameters per statement. */
const MAX_PARAMS = 65_535;
const PROGRESS_EVERY = 50_000;

/** Inserts `rows` into `table`, as many per statement as the bind-parameter limit allows. */
async function insertAll<T extends keyof CaseRows>(
  db: Kysely<DB>,
  table: T,
  rows: CaseRows[T],
): Promise<void> {
  if (rows.length === 0) return;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / Object.keys(rows[0]!).length));
  const name = (
    { cases: 'cases', persons: 'persons', vulnerabilities: 'vulnerabilities', events: 'case_events' } as const
  )[table];
  for (let i = 0; i < rows.length; i += perStatement) {
    // The row type follows the table; Kysely cannot relate the two through the generic.
    await db
      .insertInto(name)
      .values(rows.slice(i, i + perStatement) as never)
      .execute();
  }
}

async function reserveReferences(db: Kysely<DB>, n: number): Promise<number[]> {
  const r = await sql<{
    n: number;
  }>`SELECT nextval('case_reference_seq')::int AS n FROM generate_series(1, ${n}::int)`.execute(db);
  return r.rows.map((x) => x.n).sort((a, b) => a - b);
}

const t = benchTarget();
const started = performance.now();
const database = await openDatabase(t.target.kind === 'postgres' ? { ...t.target, poolSize: 2 } : t.target);
const { db } = database;
const log = (msg: string) => process.stdout.write(`${msg}\n`);
try {
  const version = (await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(db))
    .rows[0]!.v;
  log(`Database: ${t.db} ${version} at ${t.label}`);
  const applied = await migrateToLatest(db);
  if (applied.length) log(`Applied migrations: ${applied.join(', ')}`);
  await seedDemo(db, { cases: 0 });
  const existing = Number(
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM cases`.execute(db)).rows[0]!.n,
  );
  if (existing > 0 && !args.append) {
    throw new Error(
      `The database already holds ${existing} cases: use a fresh database, or pass --append (and another --seed).`,
    );
  }

  // The counselling organisations hold the cases, shared out like seedDemo does.
  const counselling = DEMO_ORGANISATIONS.filter((o) => o.type === 'counselling_provider');
  const orgs: { slug: string; id: string; country: string; counsellorIds: string[]; share: number }[] = [];
  for (const [i, o] of counselling.entries()) {
    const org = await findOrganisationBySlug(db, o.slug);
    if (!org) throw new Error(`demo organisation ${o.slug} is missing`);
    const counsellors = await db
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .select('users.id')
      .where('users.organisation_id', '=', org.id)
      .where('user_roles.role', '=', 'counsellor')
      .orderBy('users.email')
      .execute();
    const share = Math.floor(count / counselling.length) + (i < count % counselling.length ? 1 : 0);
    orgs.push({
      slug: o.slug,
      id: org.id,
      country: org.country,
      counsellorIds: counsellors.map((c) => c.id),
      share,
    });
  }

  // Every batch of households is built while the previous one is being inserted (building yields to
  // the event loop every few cases), so JavaScript and the database work at the same time.
  interface Batch {
    org: (typeof orgs)[number];
    r: () => number;
    refs: number[];
    start: number;
    n: number;
  }
  const anchor = new Date();
  const insertStarted = performance.now();
  const batches: Batch[] = [];
  for (const [i, org] of orgs.entries()) {
    const r = rng(seed + i);
    const refs = await reserveReferences(db, org.share);
    for (let start = 0; start < org.share; start += batchSize) {
      batches.push({ org, r, refs, start, n: Math.min(batchSize, org.share - start) });
    }
  }
  let buildMs = 0;
  async function build(b: Batch): Promise<CaseRows> {
    const rows = emptyRows();
    let t0 = performance.now();
    for (let k = 0; k < b.n; k++) {
      const index = b.start + k;
      const createdAt = new Date(anchor.getTime() - (spanMs * (b.org.share - index)) / b.org.share);
      addSyntheticCase(rows, b.r, anchor, b.org, b.org.counsellorIds, b.refs[index]!, createdAt);
      if (k % 50 === 49) {
        buildMs += performance.now() - t0;
        await new Promise((resolve) => setImmediate(resolve));
        t0 = performance.now();
      }
    }
    buildMs += performance.now() - t0;
    return rows;
  }
  function startBuild(j: number): Promise<CaseRows> | null {
    if (j >= batches.length) return null;
    const p = build(batches[j]!);
    p.catch(() => {}); // awaited below; this only keeps a failure from being reported as unhandled
    return p;
  }

  const batchesPerTx = Math.max(1, Math.floor(txCases / batchSize));
  let done = 0;
  let nextProgress = PROGRESS_EVERY;
  let next = startBuild(0);
  let waitMs = 0;
  for (let j = 0; j < batches.length; j += batchesPerTx) {
    await db.transaction().execute(async (trx) => {
      for (let k = j; k < Math.min(batches.length, j + batchesPerTx); k++) {
        const w = performance.now();
        const rows = await next!;
        waitMs += performance.now() - w;
        next = startBuild(k + 1);
        await insertAll(trx, 'cases', rows.cases);
        await insertAll(trx, 'persons', rows.persons);
        await insertAll(trx, 'vulnerabilities', rows.vulnerabilities);
        await insertAll(trx, 'events', rows.events);
        done += rows.cases.length;
        if (done >= nextProgress || done === count) {
          const s = (performance.now() - insertStarted) / 1000;
          log(
            `${done.toLocaleString('en')} / ${count.toLocaleString('en')} cases — ${s.toFixed(1)} s, ` +
              `${Math.round(done / s).toLocaleString('en')} cases/s, RSS ${mib(process.memoryUsage.rss()).toFixed(0)} MiB`,
          );
          while (nextProgress <= done) nextProgress += PROGRESS_EVERY;
        }
      }
    });
  }
  const insertMs = performance.now() - insertStarted;
  log(
    `Inserted ${count.toLocaleString('en')} cases in ${seconds(insertMs)} s ` +
      `(building the rows in JavaScript: ${seconds(buildMs)} s, overlapping the inserts; waited for rows ${seconds(waitMs)} s).`,
  );

  const vacuumStarted = performance.now();
  await sql`VACUUM ANALYZE`.execute(db);
  const vacuumMs = performance.now() - vacuumStarted;
  log(`VACUUM ANALYZE: ${seconds(vacuumMs)} s.`);

  const counts = (
    await sql<{ cases: number; persons: number; vulnerabilities: number; events: number; size: number }>`
      SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM persons)::int AS persons,
        (SELECT count(*) FROM vulnerabilities)::int AS vulnerabilities,
        (SELECT count(*) FROM case_events)::int AS events,
        pg_database_size(current_database())::float8 AS size`.execute(db)
  ).rows[0]!;
  const byOrganisation = (
    await sql<{ slug: string; n: number }>`
      SELECT o.slug, count(c.id)::int AS n FROM organisations o JOIN cases c ON c.organisation_id = o.id
      GROUP BY o.slug ORDER BY o.slug`.execute(db)
  ).rows.map((x) => ({ slug: x.slug, cases: x.n }));
  const totalMs = performance.now() - started;
  const info: DatasetInfo = {
    date: today(),
    db: t.db,
    target: t.label,
    command: `node --import tsx bench/generate-cases.ts ${process.argv.slice(2).join(' ')}`.trim(),
    seed,
    casesGenerated: count,
    totals: {
      cases: counts.cases,
      persons: counts.persons,
      vulnerabilities: counts.vulnerabilities,
      caseEvents: counts.events,
    },
    byOrganisation,
    insertSeconds: seconds(insertMs),
    vacuumAnalyzeSeconds: seconds(vacuumMs),
    totalSeconds: seconds(totalMs),
    peakRssMiB: Math.round(peakRssMiB()),
    databaseSizeMiB: Math.round(mib(counts.size)),
    node: process.version,
    postgres: version,
    machine: machine(),
  };
  const file = writeDatasetInfo(info);
  log(
    `Done: ${counts.cases.toLocaleString('en')} cases, ${counts.persons.toLocaleString('en')} persons, ` +
      `database ${info.databaseSizeMiB} MiB; ${info.totalSeconds} s in all, peak RSS ${info.peakRssMiB} MiB ` +
      `(this process${t.db === 'pglite' ? ', the embedded database included' : ''}). Written to ${file}.`,
  );
} finally {
  await database.close();
}
