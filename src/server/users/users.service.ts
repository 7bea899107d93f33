import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { roleAllowedIn, type OrganisationType, type Role } from '../../domain/permissions.ts';
import { recordAudit, subjectOf, type AuditSubject } from '../audit/audit.service.ts';
import { requireActor, requirePermission, type Actor } from '../auth/actor.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { deleteOtherSessionsOfUser, deleteSessionsOfUser } from '../auth/sessions.repository.ts';
import type { AppContext } from '../context.ts';
import { Problem, problems } from '../http/problem.ts';
import { findOrganisation } from '../organisations/organisations.repository.ts';
import * as repo from './users.repository.ts';

type Locale = 'en' | 'fr' | 'ar';

function localeOf(v: string): Locale {
  return v === 'fr' || v === 'ar' ? v : 'en';
}

export function presentUser(u: {
  id: string;
  email: string;
  display_name: string;
  locale: string;
  active: boolean;
}) {
  return {
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    locale: localeOf(u.locale),
    active: u.active,
  };
}

export function presentAdminUser(
  u: Parameters<typeof presentUser>[0] & {
    roles: Role[];
    created_at: Date;
    last_login_at: Date | null;
    version: number;
  },
) {
  return {
    ...presentUser(u),
    roles: u.roles,
    createdAt: u.created_at.toISOString(),
    lastLoginAt: u.last_login_at?.toISOString() ?? null,
    version: u.version,
  };
}

export async function getMe(ctx: AppContext, actorIn: Actor | null, csrfToken: string | null) {
  const actor = requireActor(actorIn);
  const org = await findOrganisation(ctx.db, actor.organisationId);
  if (!org) throw problems.notFound('organisation');
  const user = actor.userId ? await repo.findUser(ctx.db, actor.organisationId, actor.userId) : undefined;
  return {
    user: user ? presentUser(user) : null,
    token:
      actor.kind === 'token' && actor.tokenId
        ? { id: actor.tokenId, name: actor.label.replace(/^token:/, '') }
        : null,
    organisation: { id: org.id, slug: org.slug, name: org.name, type: org.type, country: org.country },
    roles: actor.roles,
    permissions: actor.permissions,
    csrfToken,
  };
}

function requireUserActor(actorIn: Actor | null): Actor & { userId: string } {
  const actor = requireActor(actorIn);
  if (!actor.userId) throw problems.forbidden('Only a person logged in can do this, not an API token.');
  return actor as Actor & { userId: string };
}

export async function updateProfile(
  ctx: AppContext,
  actorIn: Actor | null,
  patch: { displayName?: string | undefined; locale?: Locale | undefined },
) {
  const actor = requireUserActor(actorIn);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, actor.organisationId, actor.userId, {
      ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
      ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
    });
    await recordAudit(trx, subjectOf(actor), {
      action: 'user.profile.update',
      targetType: 'user',
      targetId: actor.userId,
      details: { fields: Object.keys(patch) },
    });
  });
  const user = await repo.findUser(ctx.db, actor.organisationId, actor.userId);
  if (!user) throw problems.notFound('user');
  return presentUser(user);
}

export async function changePassword(
  ctx: AppContext,
  actorIn: Actor | null,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const actor = requireUserActor(actorIn);
  const stored = await repo.passwordHashOf(ctx.db, actor.userId);
  if (!stored || !(await verifyPassword(stored, input.currentPassword))) {
    await recordAudit(ctx.db, subjectOf(actor), { action: 'user.password.change', outcome: 'failure' });
    throw problems.validation(
      [{ path: 'currentPassword', message: 'the current password is wrong', location: 'body' }],
      'The current password is wrong.',
    );
  }
  const hash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, actor.organisationId, actor.userId, { password_hash: hash });
    // Every other session of this user ends: a changed password locks out whoever else had it.
    await deleteOtherSessionsOfUser(trx, actor.userId, actor.sessionIdHash);
    await recordAudit(trx, subjectOf(actor), {
      action: 'user.password.change',
      targetType: 'user',
      targetId: actor.userId,
    });
  });
}

export async function listUsers(
  ctx: AppContext,
  actorIn: Actor | null,
  page: { limit: number; offset: number },
) {
  const actor = requirePermission(actorIn, 'users:read');
  const { rows, total } = await repo.listUsers(ctx.db, actor.organisationId, page.limit, page.offset);
  return { items: rows.map((r) => presentAdminUser({ ...r, roles: r.roles ?? [] })), total };
}

export async function getUser(ctx: AppContext, actorIn: Actor | null, userId: string) {
  const actor = requirePermission(actorIn, 'users:read');
  const user = await repo.findUser(ctx.db, actor.organisationId, userId);
  if (!user) throw problems.notFound('user');
  return presentAdminUser(user);
}

function checkRoles(roles: Role[], type: OrganisationType, actor: Actor | null): void {
  const wrong = roles.filter((r) => !roleAllowedIn(r, type));
  if (wrong.length > 0) {
    throw new Problem(422, `These roles do not exist in a ${type} organisation: ${wrong.join(', ')}.`, {
      errors: [{ path: 'roles', message: `not allowed here: ${wrong.join(', ')}`, location: 'body' }],
    });
  }
  if (actor && roles.includes('platform_admin') && !actor.roles.includes('platform_admin')) {
    throw problems.forbidden('Only a platform administrator can give the platform_admin role.');
  }
}

export interface NewUserInput {
  email: string;
  displayName: string;
  password: string;
  roles: Role[];
  locale?: Locale | undefined;
}

/**
 * Creates a user in an organisation after the checks every path shares (roles fit the organisation,
 * e-mail unused). Used by the API (for the actor's own organisation) and by the CLI.
 */
export async function createUserIn(
  db: Kysely<DB>,
  organisationId: string,
  input: NewUserInput,
  subject: AuditSubject,
  actor: Actor | null,
) {
  const org = await findOrganisation(db, organisationId);
  if (!org) throw problems.notFound('organisation');
  checkRoles(input.roles, org.type, actor);
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    if (await repo.emailExists(trx, email)) {
      throw problems.conflict('A user with this e-mail address already exists.', {
        errors: [{ path: 'email', message: 'already in use', location: 'body' }],
      });
    }
    const id = await repo.insertUser(trx, {
      organisationId,
      email,
      displayName: input.displayName,
      passwordHash,
      locale: input.locale ?? 'en',
      roles: [...new Set(input.roles)],
    });
    await recordAudit(trx, subject, {
      action: 'user.create',
      targetType: 'user',
      targetId: id,
      details: { roles: input.roles, organisationId },
    });
    const user = await repo.findUser(trx, organisationId, id);
    if (!user) throw new Error('created user vanished');
    return presentAdminUser(user);
  });
}

export async function createUser(ctx: AppContext, actorIn: Actor | null, input: NewUserInput) {
  const actor = requirePermission(actorIn, 'users:manage');
  return createUserIn(ctx.db, actor.organisationId, input, subjectOf(actor), actor);
}

export async function updateUser(
  ctx: AppContext,
  actorIn: Actor | null,
  userId: string,
  patch: { displayName?: string | undefined; roles?: Role[] | undefined; active?: boolean | undefined },
) {
  const actor = requirePermission(actorIn, 'users:manage');
  const existing = await repo.findUser(ctx.db, actor.organisationId, userId);
  if (!existing) throw problems.notFound('user');
  if (userId === actor.userId) {
    if (patch.active === false) throw problems.conflict('You cannot deactivate your own account.');
    if (patch.roles && !patch.roles.includes('org_admin') && existing.roles.includes('org_admin')) {
      throw problems.conflict('You cannot remove your own org_admin role; ask another administrator.');
    }
  }
  if (patch.roles) checkRoles(patch.roles, actor.organisationType, actor);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, actor.organisationId, userId, {
      ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
    });
    if (patch.roles) await repo.setRoles(trx, userId, [...new Set(patch.roles)]);
    if (patch.active === false) await deleteSessionsOfUser(trx, userId);
    await recordAudit(trx, subjectOf(actor), {
      action: patch.active === false ? 'user.deactivate' : 'user.update',
      targetType: 'user',
      targetId: userId,
      details: {
        ...(patch.roles ? { roles: { from: existing.roles, to: patch.roles } } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
        ...(patch.displayName !== undefined ? { displayName: true } : {}),
      },
    });
  });
  return getUser(ctx, actor, userId);
}
