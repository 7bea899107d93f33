import {
  permissionsForRoles,
  ROLES_BY_ORGANISATION_TYPE,
  TOKEN_GRANTABLE_PERMISSIONS,
  type Permission,
} from '../../domain/permissions.ts';
import { recordAudit, subjectOf } from '../audit/audit.service.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { randomToken, sha256 } from '../auth/secrets.ts';
import type { AppContext } from '../context.ts';
import { Problem, problems } from '../http/problem.ts';
import * as repo from './tokens.repository.ts';

type TokenRow = Awaited<ReturnType<typeof repo.listTokens>>[number];

export function presentToken(t: TokenRow) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    permissions: t.permissions,
    createdAt: t.created_at.toISOString(),
    expiresAt: t.expires_at?.toISOString() ?? null,
    lastUsedAt: t.last_used_at?.toISOString() ?? null,
    revokedAt: t.revoked_at?.toISOString() ?? null,
  };
}

export async function listTokens(ctx: AppContext, actorIn: Actor | null) {
  const actor = requirePermission(actorIn, 'tokens:manage');
  return { items: (await repo.listTokens(ctx.db, actor.organisationId)).map(presentToken) };
}

/** Creates a token; its secret is returned this once and only its hash is stored. */
export async function createToken(
  ctx: AppContext,
  actorIn: Actor | null,
  input: { name: string; permissions: Permission[]; expiresAt?: string | undefined },
) {
  const actor = requirePermission(actorIn, 'tokens:manage');
  const notGrantable = input.permissions.filter((p) => !TOKEN_GRANTABLE_PERMISSIONS.includes(p));
  if (notGrantable.length > 0) {
    throw new Problem(422, `An API token cannot hold: ${notGrantable.join(', ')}.`, {
      errors: [
        {
          path: 'permissions',
          message: `not grantable to a token: ${notGrantable.join(', ')}`,
          location: 'body',
        },
      ],
    });
  }
  // A token can do only what some role of this kind of organisation can do.
  const possible = permissionsForRoles(ROLES_BY_ORGANISATION_TYPE[actor.organisationType]);
  const outOfScope = input.permissions.filter((p) => !possible.includes(p));
  if (outOfScope.length > 0) {
    throw new Problem(
      422,
      `No role in a ${actor.organisationType} organisation has: ${outOfScope.join(', ')}.`,
      {
        errors: [
          { path: 'permissions', message: `out of scope here: ${outOfScope.join(', ')}`, location: 'body' },
        ],
      },
    );
  }
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt.getTime() <= Date.now()) {
    throw problems.validation([{ path: 'expiresAt', message: 'must be in the future', location: 'body' }]);
  }
  const secret = `hw_${randomToken(32)}`;
  const row = await ctx.db.transaction().execute(async (trx) => {
    const created = await repo.insertToken(trx, {
      organisationId: actor.organisationId,
      name: input.name,
      prefix: secret.slice(0, 10),
      tokenHash: sha256(secret),
      permissions: [...new Set(input.permissions)],
      createdBy: actor.userId,
      expiresAt,
    });
    await recordAudit(trx, subjectOf(actor), {
      action: 'token.create',
      targetType: 'api_token',
      targetId: created.id,
      details: { name: input.name, permissions: input.permissions },
    });
    return created;
  });
  return { ...presentToken(row), token: secret };
}

export async function revokeToken(ctx: AppContext, actorIn: Actor | null, id: string): Promise<void> {
  const actor = requirePermission(actorIn, 'tokens:manage');
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await repo.findToken(trx, actor.organisationId, id);
    if (!existing) throw problems.notFound('API token');
    if (existing.revoked_at) return; // revoking twice changes nothing
    await repo.revokeToken(trx, actor.organisationId, id, new Date());
    await recordAudit(trx, subjectOf(actor), {
      action: 'token.revoke',
      targetType: 'api_token',
      targetId: id,
    });
  });
}
