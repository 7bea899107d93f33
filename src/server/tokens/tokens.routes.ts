import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PERMISSIONS } from '../../domain/permissions.ts';
import type { AppContext } from '../context.ts';
import { COMMON_ERRORS, IdParams } from '../http/common.schemas.ts';
import { ProblemBody } from '../http/problem.schemas.ts';
import * as service from './tokens.service.ts';

const TokenView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    permissions: z.array(z.enum(PERMISSIONS)),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime().nullable(),
    lastUsedAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApiToken' });

const NewToken = z.strictObject({
  name: z.string().trim().min(1).max(100),
  permissions: z.array(z.enum(PERMISSIONS)).min(1).max(PERMISSIONS.length),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});

export function tokensRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/tokens',
      {
        schema: {
          tags: ['tokens'],
          summary: "The organisation's API tokens (never their secrets)",
          response: { 200: z.object({ items: z.array(TokenView) }), ...COMMON_ERRORS },
        },
      },
      (req) => service.listTokens(ctx, req.actor),
    );
    app.post(
      '/tokens',
      {
        schema: {
          tags: ['tokens'],
          summary: 'Create an API token; the secret is in this answer only',
          body: NewToken,
          response: {
            201: TokenView.extend({ token: z.string().describe('The secret, shown once') }),
            422: ProblemBody,
            ...COMMON_ERRORS,
          },
        },
      },
      async (req, reply) => reply.status(201).send(await service.createToken(ctx, req.actor, req.body)),
    );
    app.delete(
      '/tokens/:id',
      {
        schema: {
          tags: ['tokens'],
          summary: 'Revoke an API token',
          params: IdParams,
          response: { 204: z.null().describe('Revoked'), ...COMMON_ERRORS },
        },
      },
      async (req, reply) => {
        await service.revokeToken(ctx, req.actor, req.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
