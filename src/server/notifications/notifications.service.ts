import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import {
  checkNotificationParams,
  renderNotification,
  type NotificationLanguage,
  type NotificationType,
} from '../../domain/notifications.ts';
import { permissionsForRoles, ROLES, type Permission, type Role } from '../../domain/permissions.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import type { AppContext } from '../context.ts';
import { problems } from '../http/problem.ts';
import * as repo from './notifications.repository.ts';
import type { NotificationView } from './notifications.schemas.ts';

export type { NotificationType } from '../../domain/notifications.ts';

export interface NotificationInput {
  /** The recipient organisation. */
  organisationId: string;
  /** Only its active users holding this permission (e.g. 'cases:validate'); default 'cases:read'. */
  permission?: Permission;
  /** Or one user of that organisation instead (active; holding `permission` only when it is given). */
  userId?: string;
  caseId: string | null;
  /** From the catalogue (src/domain/notifications.ts). */
  type: NotificationType;
  /** Only reference, organisation, reason, date, count: never personal data. */
  params?: Record<string, string | number>;
}

// E-mail ------------------------------------------------------------------------------------------------

/**
 * The mailers running in this process (one per server with SMTP configured). Their presence decides
 * whether a new notification also waits to be e-mailed, and notify() pokes them so that e-mails leave
 * soon after the caller's transaction commits rather than at the next poll.
 */
const mailers = new Set<() => void>();

export function registerMailer(poke: () => void): () => void {
  mailers.add(poke);
  return () => {
    mailers.delete(poke);
  };
}

function emailEnabled(): boolean {
  return mailers.size > 0;
}

function pokeMailers(): void {
  for (const poke of mailers) poke();
}

// notify ------------------------------------------------------------------------------------------------

const rolesCache = new Map<Permission, Role[]>();

/** The roles that grant a permission (from the one catalogue, src/domain/permissions.ts). */
function rolesHolding(permission: Permission): Role[] {
  let roles = rolesCache.get(permission);
  if (!roles) {
    roles = ROLES.filter((r) => permissionsForRoles([r]).includes(permission));
    rolesCache.set(permission, roles);
  }
  return roles;
}

/**
 * Notifies the users of an organisation: one row per matching active user, written with `db` (pass
 * the caller's transaction so the notification exists exactly when the change it reports does).
 * E-mails, when SMTP is configured, are sent by the mailer after the commit.
 *
 * Within one call, a user is notified at most once of the same type and case. Throws
 * NotificationParamsError when the parameters are not those of the catalogue (a defect of the
 * caller: personal data must never reach a notification).
 */
export async function notify(db: Kysely<DB>, input: NotificationInput | NotificationInput[]): Promise<void> {
  const inputs = Array.isArray(input) ? input : [input];
  const emailPending = emailEnabled();
  const notified = new Map<string, string[]>();
  let pending = 0;
  for (const n of inputs) {
    const raw = { ...(n.params ?? {}) };
    if (n.caseId !== null && raw.reference === undefined) {
      const reference = await repo.caseReference(db, n.caseId);
      if (reference) raw.reference = reference;
    }
    const params = checkNotificationParams(n.type, raw);
    const key = `${n.type}\u0000${n.caseId ?? ''}`;
    const already = notified.get(key) ?? [];
    const permission = n.permission ?? (n.userId === undefined ? 'cases:read' : undefined);
    const users = await repo.insertFanOut(db, {
      organisationId: n.organisationId,
      roles: permission ? rolesHolding(permission) : null,
      userId: n.userId ?? null,
      exceptUserIds: already,
      caseId: n.caseId,
      type: n.type,
      params,
      emailPending,
    });
    notified.set(key, [...already, ...users]);
    if (emailPending) pending += users.length;
  }
  if (pending > 0) pokeMailers();
}

// The inbox ------------------------------------------------------------------------------------------------

type Row = Awaited<ReturnType<typeof repo.listForUser>>['items'][number];

function present(r: Row, language: NotificationLanguage): z.infer<typeof NotificationView> {
  const type = r.type as NotificationType;
  const { subject, text } = renderNotification(type, r.params, language);
  return {
    id: r.id,
    type,
    caseId: r.case_id,
    params: r.params,
    subject,
    text,
    createdAt: r.created_at.toISOString(),
    readAt: r.read_at?.toISOString() ?? null,
  };
}

/**
 * Notifications are addressed to people: an API token has none, and asking for them is a 403 that
 * says so (rather than an empty list that hides a misconfigured integration).
 */
function requireUser(actorIn: Actor | null): Actor & { userId: string } {
  const actor = requirePermission(actorIn, 'profile:read');
  if (actor.kind !== 'user' || actor.userId === null) {
    throw problems.forbidden('Notifications belong to users; an API token has none.');
  }
  return actor as Actor & { userId: string };
}

export async function listNotifications(
  ctx: AppContext,
  actorIn: Actor | null,
  q: { unread?: boolean | undefined; limit: number; offset: number; lang: NotificationLanguage },
) {
  const actor = requireUser(actorIn);
  const page = await repo.listForUser(ctx.db, actor.userId, {
    unreadOnly: q.unread === true,
    limit: q.limit,
    offset: q.offset,
  });
  return { items: page.items.map((r) => present(r, q.lang)), total: page.total, unread: page.unread };
}

export async function readNotification(
  ctx: AppContext,
  actorIn: Actor | null,
  id: string,
  lang: NotificationLanguage,
) {
  const actor = requireUser(actorIn);
  const row = await repo.markRead(ctx.db, actor.userId, id);
  // Another user's notification does not exist for this one.
  if (!row) throw problems.notFound('notification');
  return present(row, lang);
}

export async function readAllNotifications(ctx: AppContext, actorIn: Actor | null) {
  const actor = requireUser(actorIn);
  return { updated: await repo.markAllRead(ctx.db, actor.userId) };
}
