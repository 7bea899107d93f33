import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CASE_STAGES } from '../../domain/case-workflow.ts';
import type { AppContext } from '../context.ts';
import { COMMON_ERRORS } from '../http/common.schemas.ts';
import { listSharedCases, QUEUE_KEYS, workQueues } from './work-queues.service.ts';

const WorkQueues = z
  .object({
    queues: z.array(
      z.object({
        key: z.enum(QUEUE_KEYS),
        total: z.number().int(),
        items: z.array(
          z.object({
            caseId: z.uuid(),
            reference: z.string(),
            stage: z.enum(CASE_STAGES),
            returnCountry: z.string(),
            since: z.iso.datetime().describe('When the case last changed (how long it has waited)'),
            due: z.string().nullable().describe('departures_to_confirm: the planned departure date'),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'WorkQueues' });

export function workQueuesRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/work-queues',
      {
        schema: {
          tags: ['referrals'],
          summary:
            'The hand-overs waiting for your organisation, per queue your permissions act in (applications to validate, referrals to answer, plans to approve, …), oldest first',
          querystring: z.strictObject({
            queue: z.enum(QUEUE_KEYS).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(20),
          }),
          response: { 200: WorkQueues, ...COMMON_ERRORS },
        },
      },
      (req) => workQueues(ctx, req.actor, req.query),
    );
    app.get(
      '/shared-cases',
      {
        schema: {
          tags: ['referrals'],
          summary:
            'Cases other organisations share with yours, in one part: partner (my cases), funder, origin authority; newest change first',
          querystring: z.strictObject({
            part: z.enum(['partner', 'funder', 'origin']),
            stage: z.enum(CASE_STAGES).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
            offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
          }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.uuid(),
                  reference: z.string(),
                  stage: z.enum(CASE_STAGES),
                  returnCountry: z.string(),
                  relation: z.enum(['owner', 'funder', 'partner', 'origin']),
                  retroactive: z.boolean(),
                  principalName: z
                    .string()
                    .nullable()
                    .describe('Only when your organisation receives the identity category'),
                  updatedAt: z.iso.datetime(),
                }),
              ),
              total: z.number().int(),
            }),
            ...COMMON_ERRORS,
          },
        },
      },
      (req) => listSharedCases(ctx, req.actor, req.query),
    );
  };
}
