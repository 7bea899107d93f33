/**
 * Referral acceptance, plan approval and deliveries with 50 partner users at once, against the real
 * server (`homeward serve`) on PostgreSQL.
 *
 * The world, prepared once through the API (services in process only for the organisations and
 * accounts, as `homeward org create` and `user create` would): one funding authority (return
 * authority: a programme manager and --approvers coordinators), 5 counselling providers with 2
 * counsellors each, and P reintegration partners (default 50), each with a case worker and a partner
 * coordinator; a published programme (travel allowance, business start-up of 2,000 EUR per adult);
 * then, spread over the partners in turn, R cases validated by the authority and so referred to
 * their partner (pending: for acceptance) and N cases accepted, departed, arrived, with a plan of two
 * lines written and submitted by the partner's case worker and validated by its coordinator (for
 * approval). Every case: created by a counsellor with 1–3 persons (names and passports of their own,
 * so the duplicate-assistance guard finds nothing), consent to share with the partner, enrolment,
 * application naming partner and funder, counselling → application → submitted, validated.
 *
 * That prepared database is kept as a template (`<database>_prepared`) and each run starts from a
 * copy of it (`CREATE DATABASE <database> TEMPLATE …`, seconds), because the phases consume what they
 * measure. The database named by DATABASE_URL is dropped and created again on every run: the script
 * refuses one that holds data it did not make.
 *
 * Phases, against a server started on the copy (bench/lib/serve.ts: production mode, rate limit
 * lifted, logging at warn; a pool of 10 database connections, the default):
 *
 * - A, acceptance: the P case workers, each logged in with a session of its own and one keep-alive
 *   connection, read their inbox (`GET /referrals?box=inbox&status=pending`) and accept every pending
 *   referral in it (`POST /referrals/{id}/accept`) one after the other, all at once;
 * - B, approval: --approvers coordinators of the authority approve the N validated plans
 *   (`POST /cases/{id}/plan/approve`: budget check, duplicate guard over the ledger, ledger entries
 *   written) while the P case workers read their work queues and inbox (`GET /work-queues`,
 *   `GET /referrals?box=inbox`) in turn, --think-ms between requests (default 0: as fast as answered);
 * - C, deliveries: the P case workers record two deliveries on each line of their approved plans
 *   (`POST /cases/{id}/plan/lines/{lineId}/deliveries`), all at once.
 *
 * Writes bench/results/partners-postgres-<date>.md.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:55451/hwpartners npm run bench:partners
 *
 * Options: --partners P (50), --referrals R (2000), --plans N (1000), --approvers K (4),
 * --think-ms T (0), --prep-concurrency C (8), --reprepare (prepare the template again), --prepare-only,
 * --max-load L and --max-wait S (wait up to S seconds, default 120, before each phase for the 1-min
 * load average to fall under L, default 1.5; the report gives it before and after each phase),
 * --label L.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { DB } from '../src/db/schema.ts';
import { rng } from '../src/db/seed/synthetic-cases.ts';
import type { OrganisationType, Role } from '../src/domain/permissions.ts';
import { createOrganisationIn } from '../src/server/organisations/organisations.service.ts';
import { createUserIn } from '../src/server/users/users.service.ts';
import {
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
import { UserClient, type Answer } from './lib/http-client.ts';
import {
  otherLoad,
  otherLoadLines,
  snapshotProcesses,
  sourceVersion,
  type OtherLoad,
} from './lib/machine-load.ts';
import { procStatus, startServer, stopServer, type RunningServer } from './lib/serve.ts';

const { values: args } = parseArgs({
  options: {
    partners: { type: 'string', default: '50' },
    referrals: { type: 'string', default: '2000' },
    plans: { type: 'string', default: '1000' },
    approvers: { type: 'string', default: '4' },
    'think-ms': { type: 'string', default: '0' },
    'prep-concurrency': { type: 'string', default: '8' },
    'max-load': { type: 'string', default: '1.5' },
    'max-wait': { type: 'string', default: '120' },
    reprepare: { type: 'boolean', default: false },
    'prepare-only': { type: 'boolean', default: false },
    label: { type: 'string' },
  },
}); /** The code measured: read before anything runs (sources edited during a run are not measured). */
const measuredSources = sourceVersion();

const nPartners = Number(args.partners);
const nReferrals = Number(args.referrals);
const nPlans = Number(args.plans);
const nApprovers = Number(args.approvers);
const thinkMs = Number(args['think-ms']);
const prepConcurrency = Number(args['prep-concurrency']);
const maxLoad = Number(args['max-load']);
const maxWaitMs = Number(args['max-wait']) * 1000;
const COUNSELLING_ORGS = 5;
const COUNSELLORS_PER_ORG = 2;
const PASSWORD = 'bench-partners-password';
const PREPARATION_VERSION = 1;
const log = (msg: string) => process.stdout.write(`${msg}\n`);

if (!process.env.DATABASE_URL)
  throw new Error('Set DATABASE_URL to a PostgreSQL database of this benchmark.');
const runUrl = new URL(process.env.DATABASE_URL);
const runDb = decodeURIComponent(runUrl.pathname.slice(1));
if (!/^[a-z_][a-z0-9_]*$/.test(runDb)) throw new Error(`Use a plain database name (not ${runDb})`);
const prepDb = `${runDb}_prepared`;
const urlOf = (name: string) => {
  const u = new URL(runUrl);
  u.pathname = `/${name}`;
  return u.toString();
};

// ---------------------------------------------------------------------------------------------------
// Accounts: deterministic e-mails, one password.

const pad = (i: number) => String(i + 1).padStart(2, '0');
const emails = {
  manager: 'manager@authority.bench.example',
  approver: (i: number) => `coordinator-${pad(i)}@authority.bench.example`,
  counsellor: (o: number, i: number) => `counsellor-${pad(i)}@counselling-${pad(o)}.bench.example`,
  caseWorker: (p: number) => `case-worker@partner-${pad(p)}.bench.example`,
  partnerCoordinator: (p: number) => `coordinator@partner-${pad(p)}.bench.example`,
};

interface Meta {
  version: number;
  partners: number;
  referrals: number;
  plans: number;
  approvers: number;
  preparedOn: string;
  prepareSeconds: number;
  requests: number;
  programmeId: string;
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: urlOf('postgres') });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function withDb<T>(name: string, fn: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  const database = await openDatabase({ kind: 'postgres', url: urlOf(name), poolSize: 2 });
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

async function databaseExists(name: string): Promise<boolean> {
  return admin(
    async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1,
  );
}

async function readMeta(name: string): Promise<Meta | null> {
  if (!(await databaseExists(name))) return null;
  return withDb(name, async (db) => {
    const has = (
      await sql<{ t: string | null }>`SELECT to_regclass('bench_partners_meta')::text AS t`.execute(db)
    ).rows[0]!.t;
    if (!has) return null;
    return (
      (await sql<{ meta: Meta }>`SELECT meta FROM bench_partners_meta WHERE id = 1`.execute(db)).rows[0]
        ?.meta ?? null
    );
  });
}

/** Refuses to drop a database that holds anything this benchmark did not make. */
async function assertOurs(name: string): Promise<void> {
  if (!(await databaseExists(name))) return;
  const foreign = await withDb(name, async (db) => {
    const r = (
      await sql<{ tables: number; ours: string | null }>`
        SELECT (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public') AS tables,
               to_regclass('bench_partners_meta')::text AS ours`.execute(db)
    ).rows[0]!;
    return r.tables > 0 && !r.ours;
  });
  if (foreign)
    throw new Error(`Database ${name} holds tables this benchmark did not make: use another name.`);
}

// ---------------------------------------------------------------------------------------------------
// Timing series.

class Series {
  readonly ms: number[] = [];
  readonly statuses = new Map<number, number>();
  constructor(readonly name: string) {}
  add(a: Answer, ok: number): boolean {
    this.statuses.set(a.status, (this.statuses.get(a.status) ?? 0) + 1);
    if (a.status === ok) this.ms.push(a.ms);
    return a.status === ok;
  }
  get count(): number {
    let n = 0;
    for (const v of this.statuses.values()) n += v;
    return n;
  }
  errors(ok: number): string {
    const bad = [...this.statuses].filter(([s]) => s !== ok);
    return bad.length ? bad.map(([s, n]) => `${n} × ${s}`).join(', ') : 'none';
  }
}

async function pool<T>(items: readonly T[], workers: number, fn: (item: T, worker: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (;;) {
        const i = next++;
        if (i >= items.length) return;
        await fn(items[i]!, w);
      }
    }),
  );
}

// ---------------------------------------------------------------------------------------------------
// 1. Preparation (once): the template database.

interface World {
  authorityId: string;
  partnerIds: string[];
}

async function createAccounts(db: Kysely<DB>): Promise<World> {
  const subject = { label: 'bench' };
  const org = (slug: string, name: string, type: OrganisationType, country: string) =>
    createOrganisationIn(db, { slug, name, type, country }, subject);
  const user = (organisationId: string, email: string, roles: Role[]) =>
    createUserIn(
      db,
      organisationId,
      { email, displayName: email.split('@')[0]!, password: PASSWORD, roles },
      subject,
      null,
    );
  const authority = await org('bench-authority', 'Bench Return Authority', 'return_authority', 'DE');
  await user(authority.id, emails.manager, ['programme_manager']);
  for (let i = 0; i < nApprovers; i++) await user(authority.id, emails.approver(i), ['coordinator']);
  for (let o = 0; o < COUNSELLING_ORGS; o++) {
    const c = await org(
      `bench-counselling-${pad(o)}`,
      `Bench Counselling ${pad(o)}`,
      'counselling_provider',
      'DE',
    );
    for (let i = 0; i < COUNSELLORS_PER_ORG; i++) await user(c.id, emails.counsellor(o, i), ['counsellor']);
  }
  const partnerIds: string[] = [];
  for (let p = 0; p < nPartners; p++) {
    const o = await org(
      `bench-partner-${pad(p)}`,
      `Bench Reintegration Partner ${pad(p)}`,
      'reintegration_partner',
      'IQ',
    );
    partnerIds.push(o.id);
    await user(o.id, emails.caseWorker(p), ['case_worker']);
    await user(o.id, emails.partnerCoordinator(p), ['partner_coordinator']);
  }
  return { authorityId: authority.id, partnerIds };
}

async function loginAll(base: string, list: string[]): Promise<Map<string, UserClient>> {
  const out = new Map<string, UserClient>();
  await pool(list, 4, async (email) => {
    const c = new UserClient(base, email);
    await c.login(PASSWORD);
    out.set(email, c);
  });
  return out;
}

const GIVEN = [
  'Karim',
  'Ahmad',
  'Zainab',
  'Fatima',
  'Omar',
  'Layla',
  'Hassan',
  'Noor',
  'Ali',
  'Mariam',
  'Yusuf',
  'Huda',
];
const FAMILY = [
  'Abdulrahman',
  'Al-Jubouri',
  'Hamdan',
  'Kareem',
  'Al-Saadi',
  'Mahmoud',
  'Rashid',
  'Aziz',
  'Salih',
  'Jaber',
];

function household(r: () => number) {
  const letters = () =>
    Array.from({ length: 5 }, () => String.fromCharCode(97 + Math.floor(r() * 26))).join('');
  const family = `${FAMILY[Math.floor(r() * FAMILY.length)]!} ${letters()}`;
  const person = (relationship: string, born: string, adult: boolean) => ({
    relationship,
    givenNames: `${GIVEN[Math.floor(r() * GIVEN.length)]!} ${letters()}`,
    familyName: family,
    sex: r() < 0.5 ? 'male' : 'female',
    dateOfBirth: born,
    nationalities: ['IQ'],
    languages: ['ar'],
    documents: adult
      ? [
          {
            type: 'passport',
            number: `A${randomBytes(4).readUInt32BE() % 100_000_000}`,
            issuingCountry: 'IQ',
            status: 'with_person',
          },
        ]
      : [],
  });
  const year = 1960 + Math.floor(r() * 40);
  const persons = [person('principal', `${year}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`, true)];
  if (r() < 0.4) persons.push(person('spouse', `${year + 2}-05-12`, true));
  if (r() < 0.3) persons.push(person('child', '2015-03-20', false));
  return persons;
}

async function prepare(): Promise<Meta> {
  const started = performance.now();
  await assertOurs(prepDb);
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${prepDb}`);
    await c.query(`CREATE DATABASE ${prepDb}`);
  });
  const world = await withDb(prepDb, async (db) => {
    await migrateToLatest(db);
    await sql`CREATE TABLE bench_partners_meta (id int PRIMARY KEY, meta jsonb NOT NULL)`.execute(db);
    log('Organisations and accounts…');
    return createAccounts(db);
  });
  const server = await startServer({ DATABASE_URL: urlOf(prepDb) });
  let requests = 0;
  let programmeId = '';
  const lookups = await openDatabase({ kind: 'postgres', url: urlOf(prepDb), poolSize: 2 });
  try {
    const counsellorEmails = Array.from({ length: COUNSELLING_ORGS * COUNSELLORS_PER_ORG }, (_, i) =>
      emails.counsellor(Math.floor(i / COUNSELLORS_PER_ORG), i % COUNSELLORS_PER_ORG),
    );
    const clients = await loginAll(server.base, [
      emails.manager,
      emails.approver(0),
      ...counsellorEmails,
      ...Array.from({ length: nPartners }, (_, p) => [
        emails.caseWorker(p),
        emails.partnerCoordinator(p),
      ]).flat(),
    ]);
    const as = (email: string) => clients.get(email)!;
    const manager = as(emails.manager);
    const authority = as(emails.approver(0));
    const code = `BENCH-${randomBytes(3).toString('hex').toUpperCase()}`;
    const programme = await manager.json<{ id: string }>(
      'POST',
      '/programmes',
      {
        code,
        name: { en: `Return and start (${code})` },
        summary: { en: 'Travel allowance and business start-up aid.' },
        validFrom: '2025-01-01',
        countriesOfReturn: ['IQ'],
        components: [
          {
            code: 'travel',
            name: { en: 'Travel allowance' },
            stage: 'pre_departure',
            modality: 'cash',
            category: 'travel_allowance',
            currency: 'EUR',
            amount: { perAdult: 200, perMinor: 100 },
          },
          {
            code: 'start-up',
            name: { en: 'Business start-up' },
            stage: 'reintegration',
            modality: 'in_kind',
            category: 'business_start_up',
            currency: 'EUR',
            amount: { perAdult: 2000 },
          },
        ],
      },
      201,
    );
    programmeId = programme.id;
    await manager.json('POST', `/programmes/${programmeId}/status`, { status: 'published' });

    const total = nPlans + nReferrals;
    let done = 0;
    const r = rng(42);
    const tasks = Array.from({ length: total }, (_, i) => ({
      i,
      kind: i < nPlans ? ('plan' as const) : ('referral' as const),
      partner: i % nPartners,
      counsellor: counsellorEmails[i % counsellorEmails.length]!,
      persons: household(r),
    }));
    const call = async <T>(
      c: UserClient,
      method: 'GET' | 'POST' | 'PUT',
      p: string,
      body?: unknown,
      status = 200,
    ) => {
      requests++;
      return c.json<T>(method, p, body, status);
    };
    const prepStarted = performance.now();
    await pool(tasks, prepConcurrency, async (task) => {
      const counsellor = as(task.counsellor);
      const partnerId = world.partnerIds[task.partner]!;
      const created = await call<{ id: string; persons: { id: string; relationship: string }[] }>(
        counsellor,
        'POST',
        '/cases',
        {
          hostCountry: 'DE',
          returnCountry: 'IQ',
          returnType: 'assisted_voluntary',
          administrativeStatus: 'asylum_rejected',
          plannedDepartureDate: '2026-12-15',
          persons: task.persons,
        },
        201,
      );
      const caseId = created.id;
      const principalId = created.persons.find((x) => x.relationship === 'principal')!.id;
      await call(
        counsellor,
        'POST',
        `/cases/${caseId}/consents`,
        {
          personId: principalId,
          purpose: 'referral_to_partner',
          recipientOrganisationId: partnerId,
          dataCategories: ['identity', 'family', 'travel'],
          method: 'signed_sheet',
          givenAt: new Date(Date.now() - 60_000).toISOString(),
        },
        201,
      );
      const enrolment = await call<{ id: string }>(
        counsellor,
        'POST',
        `/cases/${caseId}/enrolments`,
        { programmeId },
        201,
      );
      await call(counsellor, 'PUT', `/cases/${caseId}/application`, {
        partnerOrganisationId: partnerId,
        fundingOrganisationId: world.authorityId,
      });
      for (const to of ['counselling', 'application', 'submitted']) {
        await call(counsellor, 'POST', `/cases/${caseId}/transitions`, { to });
      }
      await call(authority, 'POST', `/cases/${caseId}/validation`, { decision: 'validate' });
      if (task.kind === 'plan') {
        const worker = as(emails.caseWorker(task.partner));
        const referral = await lookups.db
          .selectFrom('referrals')
          .select('id')
          .where('case_id', '=', caseId)
          .where('kind', '=', 'partner')
          .where('status', '=', 'pending')
          .executeTakeFirstOrThrow();
        await call(worker, 'POST', `/referrals/${referral.id}/accept`);
        await call(authority, 'POST', `/cases/${caseId}/departure`, { outcome: 'departed' });
        await call(worker, 'POST', `/cases/${caseId}/arrival`, { arrivedOn: today() });
        const line = (description: string, amount: number, supplier: string) => ({
          enrolmentId: enrolment.id,
          componentCode: 'start-up',
          modality: 'in_kind',
          description,
          amount,
          localCurrency: 'IQD',
          exchangeRate: 1500,
          supplier,
          dueDate: today(),
        });
        await call(worker, 'PUT', `/cases/${caseId}/plan`, {
          needs: { economic: { level: 'high' }, social: { level: 'low' }, psychosocial: { level: 'medium' } },
          lines: [
            line('Tools and stock for a mobile phone repair shop', 1200, 'Basra Electronics Wholesale'),
            line('Rent of the shop for six months', 600, 'Al-Ashar market landlord'),
          ],
        });
        await call(worker, 'POST', `/cases/${caseId}/plan/submit`);
        await call(as(emails.partnerCoordinator(task.partner)), 'POST', `/cases/${caseId}/plan/validate`);
      }
      done++;
      if (done % 250 === 0 || done === total) {
        const s = (performance.now() - prepStarted) / 1000;
        log(
          `  ${done} / ${total} cases, ${requests} requests, ${s.toFixed(0)} s (${(requests / s).toFixed(0)} requests/s)`,
        );
      }
    });
    for (const c of clients.values()) c.close();
  } catch (err) {
    process.stderr.write(`The server's last output:\n${server.output().slice(-4000)}\n`);
    throw err;
  } finally {
    await lookups.close();
    await stopServer(server.child);
  }
  const meta: Meta = {
    version: PREPARATION_VERSION,
    partners: nPartners,
    referrals: nReferrals,
    plans: nPlans,
    approvers: nApprovers,
    preparedOn: today(),
    prepareSeconds: seconds(performance.now() - started),
    requests,
    programmeId,
  };
  await withDb(prepDb, async (db) => {
    await sql`INSERT INTO bench_partners_meta (id, meta) VALUES (1, ${JSON.stringify(meta)}::jsonb)`.execute(
      db,
    );
    await sql`VACUUM ANALYZE`.execute(db);
  });
  return meta;
}

let meta = args.reprepare ? null : await readMeta(prepDb);
const wanted = (m: Meta | null) =>
  m !== null &&
  m.version === PREPARATION_VERSION &&
  m.partners === nPartners &&
  m.referrals === nReferrals &&
  m.plans === nPlans &&
  m.approvers >= nApprovers;
let prepared = false;
if (!wanted(meta)) {
  log(
    `Preparing ${prepDb}: ${nPartners} partners, ${nReferrals} referrals, ${nPlans} plans (through the API)…`,
  );
  meta = await prepare();
  prepared = true;
  log(`Prepared in ${meta.prepareSeconds} s (${meta.requests} requests).`);
} else {
  log(`Reusing ${prepDb}, prepared on ${meta!.preparedOn} in ${meta!.prepareSeconds} s.`);
}
const m = meta!;
if (args['prepare-only']) process.exit(0);

// ---------------------------------------------------------------------------------------------------
// 2. The run: a copy of the template, the server on it, the phases.

await assertOurs(runDb);
await admin(async (c) => {
  await c.query(`DROP DATABASE IF EXISTS ${runDb}`);
  await c.query(`CREATE DATABASE ${runDb} TEMPLATE ${prepDb}`);
});
const postgresVersion = await withDb(runDb, async (db) => {
  await sql`ANALYZE`.execute(db);
  return (await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(db)).rows[0]!.v;
});
const counts = await withDb(
  runDb,
  async (db) =>
    (
      await sql<{
        cases: number;
        pending: number;
        validated: number;
        users: number;
        ledger: number;
        orgs: number;
      }>`
      SELECT (SELECT count(*)::int FROM cases) AS cases,
             (SELECT count(*)::int FROM referrals WHERE status = 'pending' AND kind = 'partner') AS pending,
             (SELECT count(*)::int FROM plans WHERE status = 'validated') AS validated,
             (SELECT count(*)::int FROM users) AS users,
             (SELECT count(*)::int FROM ledger_entries) AS ledger,
             (SELECT count(*)::int FROM organisations) AS orgs`.execute(db)
    ).rows[0]!,
);
log(`Run database ${runDb}: ${JSON.stringify(counts)}`);

let postmaster: number | null = null;
await withDb(runDb, async (db) => {
  const backend = (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(db)).rows[0]!.pid;
  if (isPostgresProcess(backend)) postmaster = parentOf(backend);
});

interface Cpu {
  server: number;
  db: number | null;
  loadGenerator: number;
  others: number;
}
interface Snapshot {
  at: number;
  server: number;
  db: Map<number, number>;
  self: NodeJS.CpuUsage;
  machine: number;
  procs: ReturnType<typeof snapshotProcesses>;
  load: number[];
}
function snapshot(serverPid: number): Snapshot {
  const db = new Map<number, number>();
  if (postmaster !== null) for (const pid of processFamily(postmaster)) db.set(pid, cpuSecondsOf(pid));
  return {
    at: performance.now(),
    server: cpuSecondsOf(serverPid),
    db,
    self: process.cpuUsage(),
    machine: machineBusySeconds(),
    procs: snapshotProcesses(),
    load: os.loadavg(),
  };
}
interface PhaseCost {
  seconds: number;
  cpu: Cpu;
  loadBefore: number[];
  loadAfter: number[];
  waited: number;
  other: OtherLoad;
}
function since(before: Snapshot, serverPid: number, waited: number): PhaseCost {
  const other = otherLoad(before.procs, [
    process.pid,
    serverPid,
    ...(postmaster === null ? [] : [postmaster]),
  ]);
  const after = snapshot(serverPid);
  const wall = (after.at - before.at) / 1000;
  let db = 0;
  for (const [pid, cpu] of after.db) db += cpu - (before.db.get(pid) ?? 0);
  const selfUsage = process.cpuUsage(before.self);
  const self = (selfUsage.user + selfUsage.system) / 1e6;
  const server = after.server - before.server;
  const others = after.machine - before.machine - server - db - self;
  return {
    seconds: wall,
    cpu: {
      server: (server / wall) * 100,
      db: postmaster === null ? null : (db / wall) * 100,
      loadGenerator: (self / wall) * 100,
      others: Math.max(0, (others / wall) * 100),
    },
    loadBefore: before.load,
    loadAfter: after.load,
    waited,
    other,
  };
}
async function quietEnough(): Promise<number> {
  const started = Date.now();
  while (os.loadavg()[0]! > maxLoad && Date.now() - started < maxWaitMs) {
    await new Promise((r) => setTimeout(r, 10_000));
  }
  return Math.round((Date.now() - started) / 1000);
}

interface Phase {
  name: string;
  cost: PhaseCost;
  series: Array<{ s: Series; ok: number; perSecond: boolean }>;
  note: string;
}

const server: RunningServer = await startServer({ DATABASE_URL: runUrl.toString() });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.child.kill('SIGTERM');
    process.exit(130);
  });
}
const phases: Phase[] = [];
let serverRss = 0;
let serverPeak = 0;
let ledgerAfter = 0;
try {
  const pid = server.child.pid!;
  log(
    `Server ${server.base} (pid ${pid}); logging in ${nPartners} case workers and ${nApprovers} coordinators…`,
  );
  const workerEmails = Array.from({ length: nPartners }, (_, p) => emails.caseWorker(p));
  const approverEmails = Array.from({ length: nApprovers }, (_, i) => emails.approver(i));
  const clients = await loginAll(server.base, [...workerEmails, ...approverEmails]);
  const workers = workerEmails.map((e) => clients.get(e)!);
  const approvers = approverEmails.map((e) => clients.get(e)!);
  // Warm-up: every user reads its queues once (not measured).
  await pool(workers, nPartners, async (c) => {
    await c.request('GET', '/work-queues');
    await c.request('GET', '/referrals?box=inbox&limit=50');
  });

  // Phase A: acceptance.
  {
    const waited = await quietEnough();
    log('Phase A: accepting the pending referrals…');
    const inbox = new Series('GET /referrals?box=inbox&status=pending');
    const accept = new Series('POST /referrals/{id}/accept');
    const before = snapshot(pid);
    await Promise.all(
      workers.map(async (c) => {
        const a = await c.request('GET', '/referrals?box=inbox&status=pending&limit=200');
        if (!inbox.add(a, 200)) return;
        const items = (JSON.parse(a.text) as { items: { id: string; status: string; kind: string }[] }).items;
        for (const ref of items.filter((x) => x.status === 'pending')) {
          accept.add(await c.request('POST', `/referrals/${ref.id}/accept`), 200);
        }
      }),
    );
    const cost = since(before, pid, waited);
    phases.push({
      name: `A. ${nPartners} case workers accept their pending referrals`,
      cost,
      series: [
        { s: inbox, ok: 200, perSecond: false },
        { s: accept, ok: 200, perSecond: true },
      ],
      note: `Each case worker reads its inbox once (pending, up to 200), then accepts each referral in it, one after the other; all ${nPartners} at once.`,
    });
  }

  // Phase B: approvals while the partners read.
  {
    const caseIds = await withDb(runDb, async (db) =>
      (
        await db
          .selectFrom('plans')
          .select('case_id')
          .where('status', '=', 'validated')
          .orderBy('created_at')
          .execute()
      ).map((x) => x.case_id),
    );
    const waited = await quietEnough();
    log(`Phase B: approving ${caseIds.length} plans while ${nPartners} case workers read…`);
    const approve = new Series('POST /cases/{id}/plan/approve');
    const queues = new Series('GET /work-queues');
    const referrals = new Series('GET /referrals?box=inbox');
    let approving = true;
    const pause = () => (thinkMs > 0 ? new Promise((r) => setTimeout(r, thinkMs)) : Promise.resolve());
    const before = snapshot(pid);
    const readers = Promise.all(
      workers.map(async (c) => {
        while (approving) {
          queues.add(await c.request('GET', '/work-queues'), 200);
          await pause();
          if (!approving) break;
          referrals.add(await c.request('GET', '/referrals?box=inbox&limit=50'), 200);
          await pause();
        }
      }),
    );
    await pool(caseIds, nApprovers, async (caseId, w) => {
      approve.add(await approvers[w]!.request('POST', `/cases/${caseId}/plan/approve`), 200);
    });
    const approvalSeconds = (performance.now() - before.at) / 1000;
    approving = false;
    await readers;
    const cost = since(before, pid, waited);
    phases.push({
      name: `B. ${nApprovers} funder coordinators approve plans while ${nPartners} case workers read their queues`,
      cost: { ...cost, seconds: approvalSeconds },
      series: [
        { s: approve, ok: 200, perSecond: true },
        { s: queues, ok: 200, perSecond: true },
        { s: referrals, ok: 200, perSecond: true },
      ],
      note: `${nApprovers} coordinators of the funding authority approve the validated plans as fast as answered (a shared list, each taking the next); meanwhile each case worker asks GET /work-queues, then GET /referrals?box=inbox&limit=50, ${thinkMs > 0 ? `${thinkMs} ms apart` : 'without pause'}, until the approvals are done.`,
    });
  }

  // Phase C: deliveries.
  {
    const lines = await withDb(runDb, async (db) =>
      db
        .selectFrom('plan_lines as l')
        .innerJoin('plans as p', 'p.id', 'l.plan_id')
        .select(['l.case_id', 'l.id', 'l.amount_cents', 'p.partner_organisation_id'])
        .where('p.status', '=', 'approved')
        .orderBy('l.case_id')
        .orderBy('l.position')
        .execute(),
    );
    const partnerIndex = await withDb(
      runDb,
      async (db) =>
        new Map(
          (
            await db
              .selectFrom('organisations')
              .select(['id', 'slug'])
              .where('slug', 'like', 'bench-partner-%')
              .execute()
          ).map((o) => [o.id, Number(o.slug.slice('bench-partner-'.length)) - 1]),
        ),
    );
    const byWorker = new Map<number, typeof lines>();
    for (const l of lines) {
      const p = partnerIndex.get(l.partner_organisation_id)!;
      byWorker.set(p, [...(byWorker.get(p) ?? []), l]);
    }
    const waited = await quietEnough();
    log(`Phase C: ${lines.length * 2} deliveries by ${nPartners} case workers…`);
    const deliver = new Series('POST /cases/{id}/plan/lines/{lineId}/deliveries');
    const before = snapshot(pid);
    await Promise.all(
      workers.map(async (c, p) => {
        for (const l of byWorker.get(p) ?? []) {
          const half = Math.floor(l.amount_cents / 2) / 100;
          for (const amount of [half, l.amount_cents / 100 - half]) {
            deliver.add(
              await c.request('POST', `/cases/${l.case_id}/plan/lines/${l.id}/deliveries`, {
                kind: 'delivery',
                deliveredOn: today(),
                amount,
                note: 'Delivered at the shop; receipt signed',
              }),
              201,
            );
          }
        }
      }),
    );
    const cost = since(before, pid, waited);
    phases.push({
      name: `C. ${nPartners} case workers record deliveries`,
      cost,
      series: [{ s: deliver, ok: 201, perSecond: true }],
      note: `Each case worker records two deliveries (half the amount each) on each line of its partner's approved plans, one after the other; all ${nPartners} at once. The first delivery of a case moves it to in_assistance.`,
    });
  }
  serverRss = procStatus(pid, 'VmRSS');
  serverPeak = procStatus(pid, 'VmHWM');
  for (const c of clients.values()) c.close();
  ledgerAfter = await withDb(
    runDb,
    async (db) =>
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ledger_entries`.execute(db)).rows[0]!.n,
  );
} catch (err) {
  process.stderr.write(`The server's last output:\n${server.output().slice(-4000)}\n`);
  throw err;
} finally {
  await stopServer(server.child);
}

// ---------------------------------------------------------------------------------------------------
// 3. The report.

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
const date = today();
const cmd = `DATABASE_URL=… node --import tsx bench/partners.ts ${process.argv.slice(2).join(' ')}`.trim();
const rows = phases.flatMap((ph) =>
  ph.series.map(({ s, ok, perSecond }) => {
    const sorted = sortedCopy(s.ms);
    return `| ${ph.name.slice(0, 2)} | ${s.name} | ${s.count} | ${perSecond ? (s.ms.length / ph.cost.seconds).toFixed(1) : '–'} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 95))} | ${ms(percentile(sorted, 99))} | ${ms(sorted.at(-1) ?? NaN)} | ${s.errors(ok)} |`;
  }),
);
const report = [
  `# Partner users at work: referral acceptance, plan approval, deliveries on PostgreSQL — ${date}`,
  '',
  `Machine: ${machine()}, Node ${process.version}, PostgreSQL ${postgresVersion} (${runUrl.hostname}:${runUrl.port}, on this machine); sources at ${measuredSources}.`,
  '',
  `Command: \`${cmd}\`. The prepared database (${prepDb}) was ${prepared ? 'made by this run' : `made on ${m.preparedOn}`}, through the API in ${m.prepareSeconds} s (${m.requests.toLocaleString('en')} requests, ${prepConcurrency} at a time); this run used a copy of it.`,
  '',
  `World: 1 funding authority (programme manager, ${m.approvers} coordinators), ${COUNSELLING_ORGS} counselling providers × ${COUNSELLORS_PER_ORG} counsellors, ${m.partners} reintegration partners each with a case worker and a partner coordinator (${counts.users} users, ${counts.orgs} organisations); ${counts.cases.toLocaleString('en')} cases: ${counts.pending.toLocaleString('en')} validated and referred (pending), ${counts.validated.toLocaleString('en')} with a validated plan of two lines (1,200 + 600 EUR of business start-up); households of 1–3 persons. The ledger held ${counts.ledger} entries before the run and ${ledgerAfter} after it. Each simulated user has its own session cookie (logged in through POST /auth/login) and one keep-alive connection; requests are timed from sending to the last byte of the answer, by this process on the same machine. The server: \`homeward serve\` in production mode, rate limit lifted, logging at warn, 10 database connections.`,
  '',
  '| phase | request | requests | per second | p50 ms | p95 ms | p99 ms | max ms | other answers |',
  '|---|---|---|---|---|---|---|---|---|',
  ...rows,
  '',
  ...phases.flatMap((ph) => [
    `**${ph.name}** (${ph.cost.seconds.toFixed(1)} s). ${ph.note} CPU in % of one core (the machine has ${os.cpus().length}): server ${ph.cost.cpu.server.toFixed(0)}, PostgreSQL ${ph.cost.cpu.db === null ? '?' : ph.cost.cpu.db.toFixed(0)}, load generator ${ph.cost.cpu.loadGenerator.toFixed(0)}, everything else ${ph.cost.cpu.others.toFixed(0)}. Load average before ${load(ph.cost.loadBefore)}, after ${load(ph.cost.loadAfter)}${ph.cost.waited > 0 ? ` (waited ${ph.cost.waited} s for it to fall under ${maxLoad})` : ''}.`,
    '',
  ]),
  `Server resident memory after the run: ${serverRss.toFixed(0)} MiB (peak ${serverPeak.toFixed(0)} MiB).`,
  '',
  '## What else ran on the machine',
  '',
  ...phases.flatMap((ph) => [
    `During ${ph.name.slice(0, 2)}`,
    '',
    ...otherLoadLines(ph.cost.other, os.cpus().length),
    '',
  ]),
].join('\n');

const out = path.join(RESULTS_DIR, `partners-postgres-${date}${args.label ? `-${args.label}` : ''}.md`);
writeFileSync(out, report);
log(`\n${report}\nWritten to ${out}`);
