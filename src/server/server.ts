import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import { openDatabase, targetFromConfig, type Database } from '../db/database.ts';
import { refreshPlannerStatistics, schedulePlannerStatistics } from '../db/maintenance.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { DEFAULT_DEMO_CASES, isEmpty, seedDemo } from '../db/seed/seed.ts';
import type { DemoAccount } from '../db/seed/demo-world.ts';
import { seedDemoJourneys } from '../db/seed/demo-journeys.ts';
import { buildApp } from './app.ts';
import type { AppContext } from './context.ts';
import { startMailer, type Mailer } from './notifications/mailer.ts';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  seeded: DemoAccount[] | null;
  close(): Promise<void>;
}

/**
 * Opens the database, applies migrations, seeds the demo world on the first start of an empty
 * embedded database, and listens.
 */
export async function startServer(
  config: Config,
  log: (msg: string) => void = () => {},
): Promise<RunningServer> {
  const database = await openDatabase(targetFromConfig(config));
  try {
    const applied = await migrateToLatest(database.db);
    if (applied.length > 0) log(`Applied migrations: ${applied.join(', ')}`);
    let seeded: DemoAccount[] | null = null;
    if (config.HOMEWARD_SEED_DEMO && database.kind === 'embedded' && (await isEmpty(database.db))) {
      log('Empty database: creating the demo world…');
      seeded = await seedDemo(database.db, { cases: DEFAULT_DEMO_CASES });
    }
    const ctx: AppContext = { db: database.db, databaseKind: database.kind, config };
    if (seeded) {
      const journeys = await seedDemoJourneys(ctx);
      log(`Demo returns under way across organisations: ${journeys}.`);
    }
    await refreshPlannerStatistics(database);
    const app = await buildApp(ctx);
    // Notification e-mails leave from a loop in this process, started once listening, stopped with the app.
    let mailer: Mailer | null = null;
    app.addHook('onClose', async () => {
      await mailer?.stop();
    });
    const stopStatistics = schedulePlannerStatistics(database, (err) =>
      app.log.error({ err }, 'ANALYZE failed'),
    );
    const address = await app.listen({ port: config.PORT, host: config.HOST });
    const url = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
    mailer = startMailer(ctx, { log: app.log });
    return {
      app,
      database,
      url,
      seeded,
      async close() {
        stopStatistics();
        await app.close();
        await database.close();
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
