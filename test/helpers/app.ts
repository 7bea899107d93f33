import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/server/app.ts';
import type { AppContext } from '../../src/server/context.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  database: TestDatabase;
  close(): Promise<void>;
}

export const TEST_ENV: Record<string, string> = {
  HOMEWARD_LOG_LEVEL: 'silent',
  HOMEWARD_RATE_LIMIT_PER_MINUTE: '100000',
  HOMEWARD_SEED_DEMO: 'false',
};

/** An app on a fresh copy of the migrated database; call close() in afterAll. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({ ...TEST_ENV, ...env });
  const ctx: AppContext = { db: database.db, databaseKind: database.kind, config };
  const app = await buildApp(ctx, { web: false });
  await app.ready();
  return {
    app,
    ctx,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** Another app instance on the same database (a second server process in miniature). */
export async function secondAppOn(ctx: AppContext): Promise<FastifyInstance> {
  const app = await buildApp(ctx, { web: false });
  await app.ready();
  return app;
}

export function json<T = Record<string, unknown>>(res: LightMyRequestResponse): T {
  return res.json<T>();
}

export type Req = InjectOptions;
