import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { COMMON_ERRORS, IdParams } from '../http/common.schemas.ts';
import { ProblemBody } from '../http/problem.schemas.ts';
import { SharedCaseView } from '../referrals/referrals.schemas.ts';
import {
  NewRetroactiveCase,
  RetroactiveCaseSummary,
  RetroactiveDecision,
  RetroactiveListQuery,
} from './retroactive.schemas.ts';
import * as service from './retroactive.service.ts';

const WRITE_ERRORS = { ...COMMON_ERRORS, 409: ProblemBody, 422: ProblemBody } as const;

/** Retroactive intake: a partner registers a household after its return; the funder decides. */
export function retroactiveRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/retroactive-cases',
      {
        schema: {
          tags: ['retroactive'],
          summary:
            'A reintegration partner registers a household that already returned and asks a funding authority to fund its assistance (the case starts at arrived, pending the funder’s decision)',
          body: NewRetroactiveCase,
          response: { 201: SharedCaseView, ...WRITE_ERRORS },
        },
      },
      async (req, reply) => {
        const created = await service.registerRetroactiveCase(ctx, req.actor, req.body);
        return reply.status(201).header('etag', `"${created.version}"`).send(created);
      },
    );
    app.get(
      '/retroactive-cases',
      {
        schema: {
          tags: ['retroactive'],
          summary:
            'Retroactive cases your organisation registered (a partner) or is asked to fund (a funding authority), newest first',
          querystring: RetroactiveListQuery,
          response: {
            200: z.object({ items: z.array(RetroactiveCaseSummary), total: z.number().int() }),
            ...COMMON_ERRORS,
          },
        },
      },
      (req) => service.listRetroactiveCases(ctx, req.actor, req.query),
    );
    app.post(
      '/cases/:id/retroactive-decision',
      {
        schema: {
          tags: ['retroactive'],
          summary:
            'The funding authority accepts to fund a retroactive case, or declines with a reason (final; the stage does not change, the plan can then never be approved)',
          params: IdParams,
          body: RetroactiveDecision,
          response: { 200: SharedCaseView, ...WRITE_ERRORS },
        },
      },
      (req) => service.decideRetroactive(ctx, req.actor, req.params.id, req.body),
    );
  };
}
