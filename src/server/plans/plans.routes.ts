import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { IfMatchHeaders, versionFrom } from '../cases/cases.schemas.ts';
import { COMMON_ERRORS, IdParams } from '../http/common.schemas.ts';
import { ProblemBody } from '../http/problem.schemas.ts';
import {
  CaseLineParams,
  DeliveryInput,
  FinalReportInput,
  FinalReportView,
  GateReturn,
  Justification,
  OverlapReport,
  PlanInput,
  PlanView,
} from './plans.schemas.ts';
import * as service from './plans.service.ts';

const WRITE_ERRORS = { ...COMMON_ERRORS, 409: ProblemBody, 412: ProblemBody, 422: ProblemBody } as const;

/** KM2 (needs, plan, approvals, deliveries with proofs) and KM3 (final report). */
export function plansRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/cases/:id/plan',
      {
        schema: {
          tags: ['plans'],
          summary:
            'The reintegration plan: needs, budget lines with deliveries, what each enrolment allows (status none before the first save)',
          params: IdParams,
          response: { 200: PlanView, ...COMMON_ERRORS },
        },
      },
      async (req, reply) => {
        const plan = await service.getPlan(ctx, req.actor, req.params.id);
        return reply.header('etag', `"${plan.version}"`).send(plan);
      },
    );
    app.put(
      '/cases/:id/plan',
      {
        schema: {
          tags: ['plans'],
          summary:
            'Write the draft plan (the partner’s focal point); refused when a component would exceed what the enrolment allows',
          params: IdParams,
          headers: IfMatchHeaders,
          body: PlanInput,
          response: { 200: PlanView, ...WRITE_ERRORS },
        },
      },
      (req) =>
        service.savePlan(ctx, req.actor, req.params.id, req.body, versionFrom(req.headers['if-match'])),
    );
    const gate = (path: string, summary: string, run: typeof service.submitPlan) =>
      app.post(
        `/cases/:id/plan/${path}`,
        {
          schema: {
            tags: ['plans'],
            summary,
            params: IdParams,
            response: { 200: PlanView, ...WRITE_ERRORS },
          },
        },
        (req) => run(ctx, req.actor, req.params.id),
      );
    gate('submit', 'Submit the plan (focal point)', service.submitPlan);
    gate('validate', 'Validate the plan (partner coordinator)', service.validatePlan);
    gate(
      'approve',
      'Approve the plan (funding authority): checks the budget and the duplicate-assistance guard, and records the lines in the ledger',
      service.approvePlan,
    );
    app.post(
      '/cases/:id/plan/return',
      {
        schema: {
          tags: ['plans'],
          summary: 'Return the plan with a reason (partner coordinator, or funding authority)',
          params: IdParams,
          body: GateReturn,
          response: { 200: PlanView, ...WRITE_ERRORS },
        },
      },
      (req) => service.returnPlan(ctx, req.actor, req.params.id, req.body),
    );
    app.get(
      '/cases/:id/plan/overlaps',
      {
        schema: {
          tags: ['plans'],
          summary:
            'The duplicate-assistance guard: lines overlapping assistance funded elsewhere (category, period, whom to contact; never the other case)',
          params: IdParams,
          response: { 200: OverlapReport, ...COMMON_ERRORS },
        },
      },
      (req) => service.planOverlaps(ctx, req.actor, req.params.id),
    );
    app.post(
      '/cases/:id/plan/lines/:lineId/justification',
      {
        schema: {
          tags: ['plans'],
          summary:
            'A programme manager of the funding authority justifies an overlapping line so it may be approved (audited)',
          params: CaseLineParams,
          body: Justification,
          response: { 200: OverlapReport, ...WRITE_ERRORS },
        },
      },
      (req) => service.justifyLine(ctx, req.actor, req.params.id, req.params.lineId, req.body.text),
    );
    app.post(
      '/cases/:id/plan/lines/:lineId/deliveries',
      {
        schema: {
          tags: ['plans'],
          summary:
            'Record a delivery or disbursement against an approved line, with proof documents; never beyond the approved amount',
          params: CaseLineParams,
          body: DeliveryInput,
          response: { 201: PlanView, ...WRITE_ERRORS },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await service.addDelivery(ctx, req.actor, req.params.id, req.params.lineId, req.body)),
    );
    app.get(
      '/cases/:id/final-report',
      {
        schema: {
          tags: ['plans'],
          summary: 'The final report (KM3) with actual spend against the approved budget',
          params: IdParams,
          response: { 200: FinalReportView, ...COMMON_ERRORS },
        },
      },
      (req) => service.getFinalReport(ctx, req.actor, req.params.id),
    );
    app.put(
      '/cases/:id/final-report',
      {
        schema: {
          tags: ['plans'],
          summary: 'Write the final report (focal point)',
          params: IdParams,
          headers: IfMatchHeaders,
          body: FinalReportInput,
          response: { 200: FinalReportView, ...WRITE_ERRORS },
        },
      },
      (req) =>
        service.saveFinalReport(
          ctx,
          req.actor,
          req.params.id,
          req.body,
          versionFrom(req.headers['if-match']),
        ),
    );
    const reportGate = (path: string, summary: string, run: typeof service.submitFinalReport) =>
      app.post(
        `/cases/:id/final-report/${path}`,
        {
          schema: {
            tags: ['plans'],
            summary,
            params: IdParams,
            response: { 200: FinalReportView, ...WRITE_ERRORS },
          },
        },
        (req) => run(ctx, req.actor, req.params.id),
      );
    reportGate('submit', 'Submit the final report (focal point)', service.submitFinalReport);
    reportGate('validate', 'Validate the final report (partner coordinator)', service.validateFinalReport);
    reportGate(
      'approve',
      'Approve the final report (funding authority): the case moves to monitoring',
      service.approveFinalReport,
    );
    app.post(
      '/cases/:id/final-report/return',
      {
        schema: {
          tags: ['plans'],
          summary: 'Return the final report with a reason (partner coordinator, or funding authority)',
          params: IdParams,
          body: GateReturn,
          response: { 200: FinalReportView, ...WRITE_ERRORS },
        },
      },
      (req) => service.returnFinalReport(ctx, req.actor, req.params.id, req.body),
    );
  };
}
