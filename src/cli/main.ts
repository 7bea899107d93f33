import { writeFileSync, readFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { Kysely, PostgresDialect } from 'kysely';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { openDatabase, targetFromConfig, type Database } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, demoAccounts, type DemoAccount } from '../db/seed/demo-world.ts';
import { seedDemo } from '../db/seed/seed.ts';
import { seedDemoJourneys } from '../db/seed/demo-journeys.ts';
import type { DB } from '../db/schema.ts';
import { ORGANISATION_TYPES, ROLES, type OrganisationType, type Role } from '../domain/permissions.ts';
import { buildApp } from '../server/app.ts';
import { verifyAuditChain } from '../server/audit/audit.service.ts';
import { Problem } from '../server/http/problem.ts';
import { createOrganisationIn } from '../server/organisations/organisations.service.ts';
import { findOrganisationBySlug } from '../server/organisations/organisations.repository.ts';
import { startServer } from '../server/server.ts';
import { createUserIn } from '../server/users/users.service.ts';
import { buildWebIfStale } from './web-build.ts';

const CLI_SUBJECT = { label: 'cli' };

function out(msg: string): void {
  process.stdout.write(`${msg}\n`);
}

async function withDatabase<T>(fn: (db: Database, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(targetFromConfig(config));
  try {
    await migrateToLatest(database.db);
    return await fn(database, config);
  } finally {
    await database.close();
  }
}

function printAccounts(accounts: DemoAccount[]): void {
  out(`Demo accounts (password for all: ${DEMO_PASSWORD}):`);
  for (const a of accounts) out(`  ${a.email.padEnd(46)} ${a.roles.join(', ').padEnd(20)} ${a.organisation}`);
}

function oneOf<T extends string>(values: readonly T[], what: string) {
  return (v: string): T => {
    if (!(values as readonly string[]).includes(v)) {
      throw new InvalidArgumentError(`${what} must be one of: ${values.join(', ')}`);
    }
    return v as T;
  };
}

function collectRoles(v: string, prev: Role[] = []): Role[] {
  const parse = oneOf(ROLES, 'role');
  return [...prev, ...v.split(',').map((r) => parse(r.trim()))];
}

/** An app instance for generating the OpenAPI document, with no database behind it. */
async function documentOnlyApp(config: Config) {
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool: () => Promise.reject(new Error('no database: document only')) }),
  });
  const app = await buildApp({ db, databaseKind: 'embedded', config }, { web: false, logger: false });
  await app.ready();
  return app;
}

export function openapiDocument(app: { swagger(): unknown }): string {
  return `${JSON.stringify(app.swagger(), null, 2)}\n`;
}

export function buildProgram(): Command {
  const program = new Command('homeward')
    .description('Homeward: assisted voluntary return and reintegration')
    .showHelpAfterError();

  program
    .command('serve')
    .description('Start the server (migrates, and seeds the demo world into an empty embedded database)')
    .option('--build-web', 'build the web app first when it is missing or stale')
    .action(async (opts: { buildWeb?: boolean }) => {
      const config = loadConfig();
      const started = Date.now();
      if (opts.buildWeb) await buildWebIfStale(out);
      const server = await startServer(config, out);
      // The demo accounts are printed at every start of a demo database, not only the first.
      if (server.seeded) printAccounts(server.seeded);
      else if (await findOrganisationBySlug(server.database.db, DEMO_ORGANISATIONS[1]!.slug))
        printAccounts(demoAccounts());
      out(
        `Homeward is running at ${server.url} (database: ${server.database.kind}) — ready in ${Date.now() - started} ms`,
      );
      const stop = () => {
        void server.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  program
    .command('migrate')
    .description('Apply database migrations')
    .action(async () => {
      const config = loadConfig();
      const database = await openDatabase(targetFromConfig(config));
      try {
        const applied = await migrateToLatest(database.db);
        out(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
      } finally {
        await database.close();
      }
    });

  program
    .command('seed')
    .description('Create demo data')
    .requiredOption('--demo', 'create the demo organisations and users (password homeward-demo)')
    .option(
      '--cases <n>',
      'also create N synthetic households, spread over the counselling organisations',
      (v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0 || n > 10_000_000)
          throw new InvalidArgumentError('cases: a whole number ≥ 0');
        return n;
      },
    )
    .action(async (o: { cases?: number }) => {
      await withDatabase(async (database, config) => {
        const started = Date.now();
        printAccounts(await seedDemo(database.db, { cases: o.cases ?? 0 }));
        if (o.cases) {
          out(`Created ${o.cases} synthetic cases in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
          // As on the first start of the embedded database: a few returns already under way.
          const ctx = { db: database.db, databaseKind: database.kind, config };
          out(`Demo returns under way across organisations: ${await seedDemoJourneys(ctx)}.`);
        }
      });
    });

  const org = program.command('org').description('Manage organisations');
  org
    .command('create')
    .description('Create an organisation')
    .requiredOption('--slug <slug>', 'short unique name, e.g. lumen-counselling')
    .requiredOption('--name <name>', 'display name')
    .requiredOption(
      '--type <type>',
      `one of: ${ORGANISATION_TYPES.join(', ')}`,
      oneOf(ORGANISATION_TYPES, 'type'),
    )
    .requiredOption('--country <CC>', 'ISO 3166-1 alpha-2 country code')
    .action(async (o: { slug: string; name: string; type: OrganisationType; country: string }) => {
      if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(o.slug))
        throw new InvalidArgumentError('slug: lower-case letters, digits, hyphens');
      if (!/^[A-Za-z]{2}$/.test(o.country)) throw new InvalidArgumentError('country: two letters, e.g. DE');
      await withDatabase(async ({ db }) => {
        const created = await createOrganisationIn(
          db,
          { ...o, country: o.country.toUpperCase() },
          CLI_SUBJECT,
        );
        out(`Created organisation ${created.slug} (${created.type}, ${created.country}) id=${created.id}`);
      });
    });

  const user = program.command('user').description('Manage users');
  user
    .command('create')
    .description('Create a user in an organisation')
    .requiredOption('--org <slug>', 'organisation slug')
    .requiredOption('--email <email>', 'e-mail address (the login)')
    .requiredOption('--role <role>', `role(s), repeat or comma-separate: ${ROLES.join(', ')}`, collectRoles)
    .requiredOption('--password <password>', 'initial password (at least 12 characters)')
    .option('--name <name>', 'display name (defaults to the e-mail address)')
    .action(async (o: { org: string; email: string; role: Role[]; password: string; name?: string }) => {
      if (o.password.length < 12) throw new InvalidArgumentError('password: at least 12 characters');
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(o.email))
        throw new InvalidArgumentError('email: not an e-mail address');
      await withDatabase(async ({ db }) => {
        const organisation = await findOrganisationBySlug(db, o.org);
        if (!organisation) throw new InvalidArgumentError(`no organisation with slug "${o.org}"`);
        const created = await createUserIn(
          db,
          organisation.id,
          { email: o.email, displayName: o.name ?? o.email, password: o.password, roles: o.role },
          { ...CLI_SUBJECT, organisationId: organisation.id },
          null,
        );
        out(
          `Created user ${created.email} (${created.roles.join(', ')}) in ${organisation.slug} id=${created.id}`,
        );
      });
    });

  const audit = program.command('audit').description('The audit log');
  audit
    .command('verify')
    .description("Verify the audit log's hash chain; exits 1 and names the first bad row")
    .action(async () => {
      await withDatabase(async ({ db }) => {
        const res = await verifyAuditChain(db);
        if (res.ok) {
          out(`Audit log intact: ${res.entries} entries verified.`);
        } else {
          const p = res.problem;
          const why: Record<typeof p.problem, string> = {
            hash_mismatch: 'its content was changed (hash mismatch)',
            broken_link:
              'it does not link to the row before it (a row was changed, removed or inserted before it)',
            sequence_gap: 'the sequence jumps here (a row was removed or inserted)',
            head_mismatch: 'the log ends before the recorded head (rows were removed from the end)',
          };
          process.stderr.write(`Audit log TAMPERED at seq ${p.seq}: ${why[p.problem]}.\n`);
          process.exitCode = 1;
        }
      });
    });

  program
    .command('openapi')
    .description('Print the OpenAPI document, write it to a file, or check a file against it')
    .addOption(new Option('--write <file>', 'write the document to this file'))
    .addOption(new Option('--check <file>', 'exit 1 when this file differs from the generated document'))
    .action(async (o: { write?: string; check?: string }) => {
      const app = await documentOnlyApp(loadConfig({ ...process.env, HOMEWARD_LOG_LEVEL: 'silent' }));
      const doc = openapiDocument(app);
      await app.close();
      if (o.write) {
        mkdirSync(path.dirname(o.write), { recursive: true });
        writeFileSync(o.write, doc);
        out(`Wrote ${o.write}`);
      } else if (o.check) {
        const current = existsSync(o.check) ? readFileSync(o.check, 'utf8') : '';
        if (current !== doc) {
          process.stderr.write(`${o.check} is out of date: run npm run openapi and commit it.\n`);
          process.exitCode = 1;
        } else out(`${o.check} is up to date.`);
      } else process.stdout.write(doc);
    });

  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (err) {
    if (
      err instanceof ConfigError ||
      err instanceof InvalidArgumentError ||
      err instanceof DataDirLockedError
    ) {
      process.stderr.write(`${err.message}\n`);
    } else if (err instanceof Problem) {
      const fields = err.errors?.map((e) => ` (${e.path}: ${e.message})`).join('') ?? '';
      process.stderr.write(`${err.detail ?? err.title}${fields}\n`);
    } else {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    }
    process.exitCode = 1;
  }
}
