import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requirePermission } from '../auth/actor.ts';
import type { AppContext } from '../context.ts';
import { COMMON_ERRORS } from '../http/common.schemas.ts';
import { listAudit, verifyAuditChain } from './audit.service.ts';

const AuditEntry = z
  .object({
    seq: z.number().int(),
    at: z.iso.datetime(),
    actorUserId: z.uuid().nullable(),
    actorTokenId: z.uuid().nullable(),
    actorLabel: z.string().nullable(),
    organisationId: z.uuid().nullable(),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    outcome: z.enum(['success', 'failure', 'denied']),
    ip: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' });

const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  beforeSeq: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe('Page backwards: entries older than this seq'),
  action: z.string().max(100).optional(),
});

const VerifyResult = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  problem: z
    .object({ seq: z.number().int(), problem: z.string(), expected: z.number().int().optional() })
    .optional(),
});

export function auditRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit',
      {
        schema: {
          tags: ['audit'],
          summary: "Audit log entries, newest first (the organisation's; all for a platform administrator)",
          querystring: AuditQuery,
          response: { 200: z.object({ items: z.array(AuditEntry) }), ...COMMON_ERRORS },
        },
      },
      async (req) => {
        const rows = await listAudit(ctx, req.actor, req.query);
        return {
          items: rows.map((r) => ({
            seq: Number(r.seq),
            at: r.at.toISOString(),
            actorUserId: r.actor_user_id,
            actorTokenId: r.actor_token_id,
            actorLabel: r.actor_label,
            organisationId: r.organisation_id,
            action: r.action,
            targetType: r.target_type,
            targetId: r.target_id,
            outcome: r.outcome,
            ip: r.ip,
            details: r.details,
            hash: r.hash,
          })),
        };
      },
    );
    app.get(
      '/audit/verify',
      {
        schema: {
          tags: ['audit'],
          summary: "Verify the whole log's hash chain (platform administrator)",
          response: { 200: VerifyResult, ...COMMON_ERRORS },
        },
      },
      async (req) => {
        requirePermission(req.actor, 'audit:verify');
        return verifyAuditChain(ctx.db);
      },
    );
  };
}
