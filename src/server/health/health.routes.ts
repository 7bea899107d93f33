import { sql } from 'kysely';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { AppContext } from '../context.ts';

const Health = z.object({ status: z.enum(['ok', 'degraded']), database: z.enum(['embedded', 'postgres']) });

/** /healthz for probes and /metrics in Prometheus text format. */
export function healthRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: 'homeward_' });
    const requests = new Counter({
      name: 'homeward_http_requests_total',
      help: 'HTTP requests by method, route and status',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    });
    const duration = new Histogram({
      name: 'homeward_http_request_duration_seconds',
      help: 'HTTP request duration by method and route',
      labelNames: ['method', 'route'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
    app.addHook('onResponse', (req, reply, done) => {
      const route = req.routeOptions.url ?? 'unmatched';
      requests.inc({ method: req.method, route, status: String(reply.statusCode) });
      duration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
      done();
    });

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
      { schema: { tags: ['operations'], summary: 'Prometheus metrics', response: { 200: z.string() } } },
      async (_req, reply) => reply.type(registry.contentType).send(await registry.metrics()),
    );
  };
}
