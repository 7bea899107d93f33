import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { IfMatchHeaders, versionFrom } from '../cases/cases.schemas.ts';
import { COMMON_ERRORS, IdParams } from '../http/common.schemas.ts';
import { ProblemBody } from '../http/problem.schemas.ts';
import {
  ApplicationChoice,
  ApplicationView,
  ArrivalBody,
  DeclineBody,
  DepartureDecision,
  ReferralListQuery,
  ReferralParams,
  ReferralView,
  SharedCaseView,
  TransferBody,
  ValidationDecision,
} from './referrals.schemas.ts';
import * as service from './referrals.service.ts';

const WRITE_ERRORS = { ...COMMON_ERRORS, 409: ProblemBody, 412: ProblemBody, 422: ProblemBody } as const;

/** KM1 choices, gates, referrals, departure and arrival: the case across organisations. */
export function referralsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/cases/:id/shared',
      {
        schema: {
          tags: ['referrals'],
          summary:
            'The case as your organisation may see it (owner, funding authority, partner or origin authority): only the data categories you receive',
          params: IdParams,
          response: { 200: SharedCaseView, ...COMMON_ERRORS },
        },
      },
      async (req, reply) => {
        const view = await service.getSharedCase(ctx, req.actor, req.params.id);
        return reply.header('etag', `"${view.version}"`).send(view);
      },
    );
    app.get(
      '/cases/:id/application',
      {
        schema: {
          tags: ['referrals'],
          summary:
            'The application’s choices (partner, origin authority, funding authority), the consent check and what each recipient will receive',
          params: IdParams,
          response: { 200: ApplicationView, ...COMMON_ERRORS },
        },
      },
      (req) => service.getApplication(ctx, req.actor, req.params.id),
    );
    app.put(
      '/cases/:id/application',
      {
        schema: {
          tags: ['referrals'],
          summary: 'Choose the partner, origin authority and funding authority before submitting',
          params: IdParams,
          headers: IfMatchHeaders,
          body: ApplicationChoice,
          response: { 200: ApplicationView, ...WRITE_ERRORS },
        },
      },
      (req) =>
        service.setApplication(ctx, req.actor, req.params.id, req.body, versionFrom(req.headers['if-match'])),
    );
    app.post(
      '/cases/:id/validation',
      {
        schema: {
          tags: ['referrals'],
          summary:
            'The funding authority validates the application (the case is referred to the partner), returns it with a reason, or refuses it',
          params: IdParams,
          headers: IfMatchHeaders,
          body: ValidationDecision,
          response: { 200: SharedCaseView, ...WRITE_ERRORS },
        },
      },
      (req) =>
        service.decideApplication(
          ctx,
          req.actor,
          req.params.id,
          req.body,
          versionFrom(req.headers['if-match']),
        ),
    );
    app.post(
      '/cases/:id/departure',
      {
        schema: {
          tags: ['referrals'],
          summary: 'The funding authority confirms departure, or records non-departure (final)',
          params: IdParams,
          headers: IfMatchHeaders,
          body: DepartureDecision,
          response: { 200: SharedCaseView, ...WRITE_ERRORS },
        },
      },
      (req) =>
        service.decideDeparture(
          ctx,
          req.actor,
          req.params.id,
          req.body,
          versionFrom(req.headers['if-match']),
        ),
    );
    app.post(
      '/cases/:id/departure-confirmation-request',
      {
        schema: {
          tags: ['referrals'],
          summary:
            'The partner asks the funding authority to confirm departure (from N days after the planned date)',
          params: IdParams,
          response: { 200: SharedCaseView, ...WRITE_ERRORS },
        },
      },
      (req) => service.requestDepartureConfirmation(ctx, req.actor, req.params.id),
    );
    app.post(
      '/cases/:id/arrival',
      {
        schema: {
          tags: ['referrals'],
          summary: 'The partner confirms arrival',
          params: IdParams,
          headers: IfMatchHeaders,
          body: ArrivalBody,
          response: { 200: SharedCaseView, ...WRITE_ERRORS },
        },
      },
      (req) =>
        service.confirmArrival(ctx, req.actor, req.params.id, req.body, versionFrom(req.headers['if-match'])),
    );
    app.post(
      '/cases/:id/transfer',
      {
        schema: {
          tags: ['referrals'],
          summary:
            'Transfer the case to another reintegration partner; the history keeps both referrals (funding authority or owner)',
          params: IdParams,
          body: TransferBody,
          response: { 200: SharedCaseView, ...WRITE_ERRORS },
        },
      },
      (req) => service.transferCase(ctx, req.actor, req.params.id, req.body),
    );
    app.get(
      '/referrals',
      {
        schema: {
          tags: ['referrals'],
          summary:
            'Referrals to your organisation (inbox, pending first, longest waiting first) or of the cases it owns or funds (outbox)',
          querystring: ReferralListQuery,
          response: {
            200: z.object({ items: z.array(ReferralView), total: z.number().int() }),
            ...COMMON_ERRORS,
          },
        },
      },
      (req) => service.listReferrals(ctx, req.actor, req.query),
    );
    app.get(
      '/referrals/:id',
      {
        schema: {
          tags: ['referrals'],
          summary: 'One referral (its recipient, or the owner or funding authority of its case)',
          params: ReferralParams,
          response: { 200: ReferralView, ...COMMON_ERRORS },
        },
      },
      (req) => service.getReferral(ctx, req.actor, req.params.id),
    );
    app.post(
      '/referrals/:id/accept',
      {
        schema: {
          tags: ['referrals'],
          summary:
            'Accept a referral (a partner: the case moves to pre-departure; an origin authority: receipt acknowledged)',
          params: ReferralParams,
          response: { 200: ReferralView, ...WRITE_ERRORS },
        },
      },
      (req) => service.acceptReferral(ctx, req.actor, req.params.id),
    );
    app.post(
      '/referrals/:id/decline',
      {
        schema: {
          tags: ['referrals'],
          summary: 'Decline a referral with a reason; the case returns to the counsellor',
          params: ReferralParams,
          body: DeclineBody,
          response: { 200: ReferralView, ...WRITE_ERRORS },
        },
      },
      (req) => service.declineReferral(ctx, req.actor, req.params.id, req.body),
    );
  };
}
