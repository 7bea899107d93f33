import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { auditRoutes } from './audit/audit.routes.ts';
import { caseRecordsRoutes } from './case-records/case-records.routes.ts';
import { casesRoutes } from './cases/cases.routes.ts';
import { documentsRoutes } from './documents/documents.routes.ts';
import { installAuthentication } from './auth/auth.plugin.ts';
import { authRoutes } from './auth/auth.routes.ts';
import type { AppContext } from './context.ts';
import { healthRoutes } from './health/health.routes.ts';
import { installMetrics } from './health/metrics.ts';
import { installErrorHandling } from './http/error-handler.ts';
import { messagesRoutes } from './messages/messages.routes.ts';
import { notificationsRoutes } from './notifications/notifications.routes.ts';
import { problems } from './http/problem.ts';
import { organisationsRoutes } from './organisations/organisations.routes.ts';
import { tokensRoutes } from './tokens/tokens.routes.ts';
import { programmesRoutes } from './programmes/programmes.routes.ts';
import { plansRoutes } from './plans/plans.routes.ts';
import { referralsRoutes } from './referrals/referrals.routes.ts';
import { retroactiveRoutes } from './retroactive/retroactive.routes.ts';
import { groupBookingsRoutes } from './group-bookings/group-bookings.routes.ts';
import { workQueuesRoutes } from './work-queues/work-queues.routes.ts';
import { usersRoutes } from './users/users.routes.ts';
import { installWeb } from './web/web.plugin.ts';

export interface BuildOptions {
  /** Serve the built web app from dist/web (off in API tests). */
  web?: boolean;
  logger?: boolean;
}

export const API_VERSION = '0.1.0';

export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const { config } = ctx;
  const app = Fastify({
    logger:
      options.logger === false || config.HOMEWARD_LOG_LEVEL === 'silent'
        ? false
        : { level: config.HOMEWARD_LOG_LEVEL },
    bodyLimit: config.HOMEWARD_BODY_LIMIT_BYTES,
    trustProxy: config.HOMEWARD_TRUST_PROXY,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine writes its CSS variables into a <style> element at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyRateLimit, {
    max: config.HOMEWARD_RATE_LIMIT_PER_MINUTE,
    timeWindow: '1 minute',
    errorResponseBuilder: (_req, context) => {
      const seconds = Math.ceil(context.ttl / 1000);
      return problems.tooManyRequests(`Too many requests: try again in ${seconds} s.`, seconds);
    },
  });
  await app.register(fastifyCookie);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Homeward API',
        version: API_VERSION,
        description:
          'Assisted voluntary return and reintegration. Errors are RFC 9457 problem details ' +
          '(application/problem+json) with a field-level `errors` list for validation. Cookie sessions ' +
          'must send X-CSRF-Token on every change; systems use organisation API tokens as Bearer.',
        license: { name: 'AGPL-3.0-or-later' },
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'hw_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'Organisation API token (hw_…)' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  installAuthentication(app, ctx);
  const metrics = installMetrics(app);

  await app.register(healthRoutes(ctx, metrics));
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
  await app.register(
    async (api) => {
      await api.register(authRoutes(ctx));
      await api.register(usersRoutes(ctx));
      await api.register(tokensRoutes(ctx));
      await api.register(organisationsRoutes(ctx));
      await api.register(auditRoutes(ctx));
      await api.register(casesRoutes(ctx));
      await api.register(caseRecordsRoutes(ctx));
      await api.register(documentsRoutes(ctx));
      await api.register(programmesRoutes(ctx));
      await api.register(referralsRoutes(ctx));
      await api.register(plansRoutes(ctx));
      await api.register(retroactiveRoutes(ctx));
      await api.register(groupBookingsRoutes(ctx));
      await api.register(workQueuesRoutes(ctx));
      await api.register(notificationsRoutes(ctx));
      await api.register(messagesRoutes(ctx));
    },
    { prefix: '/api/v1' },
  );
  if (options.web !== false) await installWeb(app);
  else await installWeb(app, '/nonexistent');
  return app;
}
