import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { COMMON_ERRORS, IdParams } from '../http/common.schemas.ts';
import { ProblemBody } from '../http/problem.schemas.ts';
import {
  CaseAndItemParams,
  ConsentView,
  ConsentWithdrawal,
  CounsellingSessionView,
  NewConsent,
  NewCounsellingSession,
  NewVulnerability,
  VulnerabilityView,
} from './case-records.schemas.ts';
import * as service from './case-records.service.ts';

const WRITE_ERRORS = { ...COMMON_ERRORS, 409: ProblemBody } as const;

export function caseRecordsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/cases/:id/counselling-sessions',
      {
        schema: {
          tags: ['counselling'],
          summary:
            'Counselling sessions (restricted notes only for roles that may read them; such reads are audited)',
          params: IdParams,
          response: { 200: z.object({ items: z.array(CounsellingSessionView) }), ...COMMON_ERRORS },
        },
      },
      (req) => service.listCounselling(ctx, req.actor, req.params.id),
    );
    app.post(
      '/cases/:id/counselling-sessions',
      {
        schema: {
          tags: ['counselling'],
          summary: 'Record a counselling session with coded motives for and against return',
          params: IdParams,
          body: NewCounsellingSession,
          response: { 201: CounsellingSessionView, ...WRITE_ERRORS },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.addCounselling(ctx, req.actor, req.params.id, req.body)),
    );
    app.get(
      '/cases/:id/consents',
      {
        schema: {
          tags: ['consent'],
          summary: 'Consent records of the case, given and withdrawn',
          params: IdParams,
          response: { 200: z.object({ items: z.array(ConsentView) }), ...COMMON_ERRORS },
        },
      },
      (req) => service.listConsents(ctx, req.actor, req.params.id),
    );
    app.post(
      '/cases/:id/consents',
      {
        schema: {
          tags: ['consent'],
          summary: 'Record a consent: purpose, recipient, data categories and how it was given',
          params: IdParams,
          body: NewConsent,
          response: { 201: ConsentView, ...WRITE_ERRORS },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.addConsent(ctx, req.actor, req.params.id, req.body)),
    );
    app.post(
      '/cases/:id/consents/:itemId/withdraw',
      {
        schema: {
          tags: ['consent'],
          summary: 'Withdraw a consent (possible at any time; its effect is recorded)',
          params: CaseAndItemParams,
          body: ConsentWithdrawal,
          response: { 200: ConsentView, ...WRITE_ERRORS },
        },
      },
      (req) => service.withdrawConsent(ctx, req.actor, req.params.id, req.params.itemId, req.body),
    );
    app.get(
      '/cases/:id/vulnerabilities',
      {
        schema: {
          tags: ['vulnerabilities'],
          summary: 'Vulnerabilities (special-category data: restricted roles, every read audited)',
          params: IdParams,
          response: { 200: z.object({ items: z.array(VulnerabilityView) }), ...COMMON_ERRORS },
        },
      },
      (req) => service.listVulnerabilities(ctx, req.actor, req.params.id),
    );
    app.post(
      '/cases/:id/vulnerabilities',
      {
        schema: {
          tags: ['vulnerabilities'],
          summary: 'Record a vulnerability of a person of the case',
          params: IdParams,
          body: NewVulnerability,
          response: { 201: VulnerabilityView, ...WRITE_ERRORS },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.addVulnerability(ctx, req.actor, req.params.id, req.body)),
    );
  };
}
