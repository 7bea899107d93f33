import { sql } from 'kysely';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Registry } from 'prom-client';
import type { AppContext } from '../context.ts';

const Health = z.object({ status: z.enum(['ok', 'degraded']), database: z.enum(['embedded', 'postgres']) });

/** /healthz for probes and /metrics in Prometheus text format. */
export function healthRoutes(ctx: AppContext, registry: Registry): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/healthz',
      {
        schema: {
          tags: ['operations'],
          summary: 'Liveness and database check',
          response: { 200: Health, 503: Health },
        },
      },
      async (_req, reply) => {
        try {
          await sql`SELECT 1`.execute(ctx.db);
          return { status: 'ok' as const, database: ctx.databaseKind };
        } catch {
          return reply.status(503).send({ status: 'degraded' as const, database: ctx.databaseKind });
        }
      },
    );
    app.get(
      '/metrics',
      {
        config: { rateLimit: false },
        schema: { tags: ['operations'], summary: 'Prometheus metrics', response: { 200: z.string() } },
      },
      async (_req, reply) => reply.type(registry.contentType).send(await registry.metrics()),
    );
  };
}
