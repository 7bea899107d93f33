import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { jsonDepth } from '../../domain/programmes/rules.ts';
import { IfMatchHeaders } from '../cases/cases.schemas.ts';
import type { AppContext } from '../context.ts';
import { COMMON_ERRORS, IdParams } from '../http/common.schemas.ts';
import { problems } from '../http/problem.ts';
import { ProblemBody } from '../http/problem.schemas.ts';
import * as eligibility from './eligibility.service.ts';
import {
  CompareQuery,
  CompareView,
  ComponentChange,
  ComponentParams,
  EligibilityQuery,
  EligibilityView,
  EnrolmentParams,
  EnrolmentView,
  FindQuery,
  FindView,
  NewEnrolment,
  NewProgramme,
  PreviewBody,
  PreviewView,
  ProgrammeChange,
  ProgrammeListQuery,
  ProgrammeParams,
  ProgrammeSummary,
  ProgrammeVersionView,
  ProgrammeView,
  StatusChange,
  VersionParams,
  WithdrawEnrolment,
} from './programmes.schemas.ts';
import * as service from './programmes.service.ts';

const WRITE_ERRORS = { ...COMMON_ERRORS, 409: ProblemBody, 412: ProblemBody, 422: ProblemBody } as const;

/** Rule trees nest; a body nested absurdly deep is refused before the schema walks it. */
const MAX_BODY_DEPTH = 40;

function refuseDeepBodies(req: FastifyRequest): Promise<void> {
  if (jsonDepth(req.body, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) {
    return Promise.reject(
      problems.validation(
        [{ path: '', message: `nested more than ${MAX_BODY_DEPTH} levels deep`, location: 'body' }],
        'The body nests too deeply.',
      ),
    );
  }
  return Promise.resolve();
}

function versionFrom(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined) return undefined;
  return Number(ifMatch.replace(/^W\//, '').replaceAll('"', ''));
}

const ProgrammeIfMatch = IfMatchHeaders;

export function programmesRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/programmes',
      {
        schema: {
          tags: ['programmes'],
          summary: 'The assistance inventory: published programmes of every funder, and your own drafts',
          querystring: ProgrammeListQuery,
          response: { 200: z.object({ items: z.array(ProgrammeSummary) }), ...COMMON_ERRORS },
        },
      },
      (req) => service.listProgrammes(ctx, req.actor, req.query),
    );
    app.post(
      '/programmes',
      {
        preValidation: refuseDeepBodies,
        schema: {
          tags: ['programmes'],
          summary: 'Create a programme funded by your organisation (version 1)',
          body: NewProgramme,
          response: { 201: ProgrammeView, ...WRITE_ERRORS },
        },
      },
      async (req, reply) => {
        const created = await service.createProgramme(ctx, req.actor, req.body);
        return reply.status(201).header('etag', `"${created.version}"`).send(created);
      },
    );
    app.get(
      '/programmes/compare',
      {
        schema: {
          tags: ['programmes'],
          summary:
            "Every published programme's package for one country of return, side by side, for a reference " +
            'household and for the household given in the query',
          querystring: CompareQuery,
          response: { 200: CompareView, ...COMMON_ERRORS },
        },
      },
      (req) => eligibility.compareProgrammes(ctx, req.actor, req.query),
    );
    app.post(
      '/programmes/preview',
      {
        preValidation: refuseDeepBodies,
        schema: {
          tags: ['programmes'],
          summary:
            'Try a draft definition on sample households: its problems and who becomes eligible (nothing saved)',
          body: PreviewBody,
          response: { 200: PreviewView, ...COMMON_ERRORS },
        },
      },
      (req) => eligibility.previewProgramme(ctx, req.actor, req.body),
    );
    app.get(
      '/programmes/:id',
      {
        schema: {
          tags: ['programmes'],
          summary: 'A programme: its current definition and its versions',
          params: ProgrammeParams,
          response: { 200: ProgrammeView, ...COMMON_ERRORS },
        },
      },
      async (req, reply) => {
        const p = await service.getProgramme(ctx, req.actor, req.params.id);
        return reply.header('etag', `"${p.version}"`).send(p);
      },
    );
    app.put(
      '/programmes/:id',
      {
        preValidation: refuseDeepBodies,
        schema: {
          tags: ['programmes'],
          summary: 'Change a programme you fund: the whole definition, saved as a new version',
          params: ProgrammeParams,
          headers: ProgrammeIfMatch,
          body: ProgrammeChange,
          response: { 200: ProgrammeView, ...WRITE_ERRORS },
        },
      },
      async (req, reply) => {
        const p = await service.changeProgramme(
          ctx,
          req.actor,
          req.params.id,
          req.body,
          versionFrom(req.headers['if-match']),
        );
        return reply.header('etag', `"${p.version}"`).send(p);
      },
    );
    app.delete(
      '/programmes/:id',
      {
        schema: {
          tags: ['programmes'],
          summary: 'Delete a draft programme you fund (a programme once published is closed instead: 409)',
          params: ProgrammeParams,
          response: { 204: z.null().describe('Deleted'), ...WRITE_ERRORS },
        },
      },
      async (req, reply) => {
        await service.deleteProgramme(ctx, req.actor, req.params.id);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/programmes/:id/status',
      {
        schema: {
          tags: ['programmes'],
          summary: 'Publish, close or reopen a programme you fund',
          params: ProgrammeParams,
          body: StatusChange,
          response: { 200: ProgrammeView, ...WRITE_ERRORS },
        },
      },
      (req) => service.setProgrammeStatus(ctx, req.actor, req.params.id, req.body.status),
    );
    app.get(
      '/programmes/:id/versions/:version',
      {
        schema: {
          tags: ['programmes'],
          summary: 'One version of a programme, as it was saved',
          params: VersionParams,
          response: { 200: ProgrammeVersionView, ...COMMON_ERRORS },
        },
      },
      (req) => service.getProgrammeVersion(ctx, req.actor, req.params.id, req.params.version),
    );
    app.post(
      '/programmes/:id/components',
      {
        preValidation: refuseDeepBodies,
        schema: {
          tags: ['programmes'],
          summary: 'Add a component (a new version of the programme)',
          params: ProgrammeParams,
          headers: ProgrammeIfMatch,
          body: ComponentChange,
          response: { 201: ProgrammeView, ...WRITE_ERRORS },
        },
      },
      async (req, reply) => {
        const p = await service.putComponent(ctx, req.actor, req.params.id, req.body, {
          expectedVersion: versionFrom(req.headers['if-match']),
        });
        return reply.status(201).header('etag', `"${p.version}"`).send(p);
      },
    );
    app.put(
      '/programmes/:id/components/:code',
      {
        preValidation: refuseDeepBodies,
        schema: {
          tags: ['programmes'],
          summary: 'Replace a component (a new version of the programme)',
          params: ComponentParams,
          headers: ProgrammeIfMatch,
          body: ComponentChange,
          response: { 200: ProgrammeView, ...WRITE_ERRORS },
        },
      },
      async (req, reply) => {
        const p = await service.putComponent(ctx, req.actor, req.params.id, req.body, {
          code: req.params.code,
          expectedVersion: versionFrom(req.headers['if-match']),
        });
        return reply.header('etag', `"${p.version}"`).send(p);
      },
    );
    app.delete(
      '/programmes/:id/components/:code',
      {
        schema: {
          tags: ['programmes'],
          summary: 'Remove a component (a new version of the programme)',
          params: ComponentParams,
          headers: ProgrammeIfMatch,
          response: { 200: ProgrammeView, ...WRITE_ERRORS },
        },
      },
      async (req, reply) => {
        const p = await service.deleteComponent(
          ctx,
          req.actor,
          req.params.id,
          req.params.code,
          versionFrom(req.headers['if-match']),
        );
        return reply.header('etag', `"${p.version}"`).send(p);
      },
    );

    // A case's eligibility and enrolments -------------------------------------------------------
    app.get(
      '/cases/:id/eligibility',
      {
        schema: {
          tags: ['programmes'],
          summary:
            'Per programme: eligible or not, why (each rule that held or failed), the amount for this ' +
            'household; and the combined package after exclusions and offsets',
          params: IdParams,
          querystring: EligibilityQuery,
          response: { 200: EligibilityView, ...COMMON_ERRORS },
        },
      },
      (req) => eligibility.caseEligibility(ctx, req.actor, req.params.id, req.query),
    );
    app.get(
      '/cases/:id/enrolments',
      {
        schema: {
          tags: ['programmes'],
          summary: "The case's enrolments, each with the explanation and amounts frozen when enrolled",
          params: IdParams,
          response: { 200: z.object({ items: z.array(EnrolmentView) }), ...COMMON_ERRORS },
        },
      },
      (req) => eligibility.listEnrolments(ctx, req.actor, req.params.id),
    );
    app.post(
      '/cases/:id/enrolments',
      {
        schema: {
          tags: ['programmes'],
          summary: 'Enrol the case in a programme it is eligible for (freezes the explanation and amounts)',
          params: IdParams,
          body: NewEnrolment,
          response: { 201: EnrolmentView, ...WRITE_ERRORS },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await eligibility.enrol(ctx, req.actor, req.params.id, req.body)),
    );
    app.post(
      '/cases/:id/enrolments/:enrolmentId/withdraw',
      {
        schema: {
          tags: ['programmes'],
          summary: 'Withdraw an enrolment, with the reason (the snapshot stays in the history)',
          params: EnrolmentParams,
          body: WithdrawEnrolment,
          response: { 200: EnrolmentView, ...WRITE_ERRORS },
        },
      },
      (req) =>
        eligibility.withdrawEnrolment(ctx, req.actor, req.params.id, req.params.enrolmentId, req.body.reason),
    );

    // The public finder -------------------------------------------------------------------------
    app.get(
      '/public/programmes',
      {
        // Nothing about the visitor is logged: not even the query, which says where they come from.
        logLevel: 'silent',
        config: { public: true },
        schema: {
          tags: ['public'],
          summary:
            'The public programme finder (no login): programmes a household may be eligible for, in its language',
          security: [],
          querystring: FindQuery,
          response: { 200: FindView, 400: ProblemBody },
        },
      },
      async (req, reply) => {
        void reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
        // Sent as the JSON text kept with the catalogue (already checked against FindView).
        return (
          reply
            .type('application/json; charset=utf-8')
            // A string body is sent as it is (fastify skips the serializer); its type is FindView's.
            .send((await eligibility.findProgrammesJson(ctx, req.query)) as never)
        );
      },
    );
  };
}
