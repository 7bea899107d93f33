import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { COMMON_ERRORS, IdParams } from '../http/common.schemas.ts';
import { ProblemBody } from '../http/problem.schemas.ts';
import {
  CaseEventView,
  CaseListQuery,
  CasePatch,
  CaseSummary,
  CaseView,
  DuplicateQuery,
  IfMatchHeaders,
  NewCase,
  PersonInput,
  PersonView,
  PossibleDuplicate,
  TransitionBody,
  versionFrom,
} from './cases.schemas.ts';
import * as service from './cases.service.ts';

const WRITE_ERRORS = { ...COMMON_ERRORS, 409: ProblemBody, 412: ProblemBody, 422: ProblemBody } as const;

export function casesRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/cases',
      {
        schema: {
          tags: ['cases'],
          summary: "Search and list the organisation's cases (filters, work queues, stable order)",
          querystring: CaseListQuery,
          response: {
            200: z.object({
              items: z.array(
                CaseSummary.extend({
                  matchScore: z
                    .number()
                    .min(0)
                    .max(1)
                    .optional()
                    .describe('With q: how well the case matched (1 for a reference or document number)'),
                }),
              ),
              total: z.number().int().describe('Matching cases (with q: among the candidates looked at)'),
              truncated: z
                .boolean()
                .optional()
                .describe('With q: true when more names matched than were looked at; refine the query'),
            }),
            ...COMMON_ERRORS,
          },
        },
      },
      (req) => service.listCases(ctx, req.actor, req.query),
    );
    app.post(
      '/cases',
      {
        schema: {
          tags: ['cases'],
          summary: 'Open a return file for a household (exactly one principal applicant)',
          body: NewCase,
          response: { 201: CaseView, ...WRITE_ERRORS },
        },
      },
      async (req, reply) => {
        const created = await service.createCase(ctx, req.actor, req.body);
        return reply.status(201).header('etag', `"${created.version}"`).send(created);
      },
    );
    app.get(
      '/cases/:id',
      {
        schema: {
          tags: ['cases'],
          summary: 'One case with its persons and the transitions you may make',
          params: IdParams,
          response: { 200: CaseView, ...COMMON_ERRORS },
        },
      },
      async (req, reply) => {
        const c = await service.getCase(ctx, req.actor, req.params.id);
        return reply.header('etag', `"${c.version}"`).send(c);
      },
    );
    app.patch(
      '/cases/:id',
      {
        schema: {
          tags: ['cases'],
          summary:
            'Change a case (legal situation, counsellor, return country); send If-Match with its version',
          params: IdParams,
          headers: IfMatchHeaders,
          body: CasePatch,
          response: { 200: CaseView, ...WRITE_ERRORS },
        },
      },
      async (req, reply) => {
        const c = await service.updateCase(
          ctx,
          req.actor,
          req.params.id,
          req.body,
          versionFrom(req.headers['if-match']),
        );
        return reply.header('etag', `"${c.version}"`).send(c);
      },
    );
    app.post(
      '/cases/:id/transitions',
      {
        schema: {
          tags: ['cases'],
          summary: 'Move a case to another stage; refused with the stages allowed from here',
          params: IdParams,
          headers: IfMatchHeaders,
          body: TransitionBody,
          response: { 200: CaseView, ...WRITE_ERRORS },
        },
      },
      async (req, reply) => {
        const c = await service.transitionCase(
          ctx,
          req.actor,
          req.params.id,
          req.body,
          versionFrom(req.headers['if-match']),
        );
        return reply.header('etag', `"${c.version}"`).send(c);
      },
    );
    app.post(
      '/persons/possible-duplicates',
      {
        schema: {
          tags: ['cases'],
          summary:
            'Persons already in a case of your organisation who may be this person (any script or spelling), with score and reasons',
          body: DuplicateQuery,
          response: { 200: z.object({ items: z.array(PossibleDuplicate) }), ...COMMON_ERRORS },
        },
      },
      (req) => service.possibleDuplicates(ctx, req.actor, req.body),
    );
    app.get(
      '/cases/:id/timeline',
      {
        schema: {
          tags: ['cases'],
          summary: 'Every event of the case, oldest first',
          params: IdParams,
          response: { 200: z.object({ items: z.array(CaseEventView) }), ...COMMON_ERRORS },
        },
      },
      (req) => service.caseTimeline(ctx, req.actor, req.params.id),
    );
    app.get(
      '/cases/:id/persons',
      {
        schema: {
          tags: ['cases'],
          summary: 'The persons of a case',
          params: IdParams,
          response: { 200: z.object({ items: z.array(PersonView) }), ...COMMON_ERRORS },
        },
      },
      (req) => service.listPersons(ctx, req.actor, req.params.id),
    );
    app.post(
      '/cases/:id/persons',
      {
        schema: {
          tags: ['cases'],
          summary: 'Add a family member to a case',
          params: IdParams,
          body: PersonInput,
          response: { 201: PersonView, ...WRITE_ERRORS },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.addPerson(ctx, req.actor, req.params.id, req.body)),
    );
  };
}
