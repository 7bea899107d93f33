import { setTimeout as sleep } from 'node:timers/promises';
import { permissionsForRoles } from '../../domain/permissions.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { AppContext } from '../context.ts';
import { Problem, problems } from '../http/problem.ts';
import { findUserForLogin, markLogin, rolesOf } from '../users/users.repository.ts';
import { presentUser } from '../users/users.service.ts';
import type { Actor } from './actor.ts';
import {
  clearThrottle,
  findThrottles,
  purgeStaleThrottles,
  recordFailure,
} from './login-throttle.repository.ts';
import { verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { randomToken, sha256 } from './secrets.ts';
import {
  deleteExpiredSessions,
  deleteSession,
  findLiveSession,
  insertSession,
  touchSession,
} from './sessions.repository.ts';
import { findLiveToken, touchToken } from '../tokens/tokens.repository.ts';

export interface LoginInput {
  email: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

export interface LoginResult {
  sessionToken: string;
  csrfToken: string;
  user: ReturnType<typeof presentUser>;
  expiresAt: Date;
}

const INVALID = 'The email address or password is incorrect.';
/** Touch a session's last-seen time at most this often, to spare writes. */
const TOUCH_EVERY_MS = 60_000;

function minutes(n: number): number {
  return n * 60_000;
}

export async function login(ctx: AppContext, input: LoginInput): Promise<LoginResult> {
  const { config, db } = ctx;
  const email = input.email.trim().toLowerCase();
  const now = new Date();
  const keys = [`account:${email}`, ...(input.ip ? [`ip:${input.ip}`] : [])];
  const subject = { label: email, ip: input.ip };

  const throttles = await findThrottles(db, keys);
  const windowStart = new Date(now.getTime() - minutes(config.HOMEWARD_LOGIN_LOCK_MINUTES));
  const lock = throttles.find((t) => t.locked_until && t.locked_until > now);
  if (lock?.locked_until) {
    const retryAfter = Math.ceil((lock.locked_until.getTime() - now.getTime()) / 1000);
    await recordAudit(db, subject, {
      action: 'auth.login',
      outcome: 'denied',
      details: { reason: 'throttled' },
    });
    throw problems.tooManyRequests(
      `Too many failed login attempts. Try again in ${Math.ceil(retryAfter / 60)} minute(s).`,
      retryAfter,
    );
  }
  const recentFailures = Math.max(
    0,
    ...throttles.filter((t) => t.first_failure_at >= windowStart).map((t) => t.failures),
  );
  if (recentFailures >= config.HOMEWARD_LOGIN_SLOWDOWN_AFTER) {
    // Slowed down: each further failure costs the caller more time, up to 3 s.
    await sleep(Math.min(3000, 250 * (recentFailures - config.HOMEWARD_LOGIN_SLOWDOWN_AFTER + 1)));
  }

  const user = await findUserForLogin(db, email);
  const valid = user
    ? await verifyPassword(user.password_hash, input.password)
    : (await verifyAgainstDummy(input.password), false);
  if (!user || !valid || !user.active || !user.organisation_active) {
    const lockUntil = new Date(now.getTime() + minutes(config.HOMEWARD_LOGIN_LOCK_MINUTES));
    for (const key of keys) {
      await recordFailure(db, key, now, windowStart, config.HOMEWARD_LOGIN_LOCK_AFTER, lockUntil);
    }
    await recordAudit(
      db,
      { ...subject, userId: user?.id ?? null, organisationId: user?.organisation_id ?? null },
      {
        action: 'auth.login',
        outcome: 'failure',
        details: { reason: !user || !valid ? 'bad_credentials' : 'inactive' },
      },
    );
    throw new Problem(401, INVALID, { type: 'https://homeward.example/problems/invalid-credentials' });
  }

  const sessionToken = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + config.HOMEWARD_SESSION_ABSOLUTE_HOURS * 3_600_000);
  await db.transaction().execute(async (trx) => {
    await insertSession(trx, {
      idHash: sha256(sessionToken),
      userId: user.id,
      csrfToken,
      now,
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await markLogin(trx, user.id, now);
    await clearThrottle(trx, `account:${email}`);
    // Housekeeping on an indexed column: ended sessions and stale throttle counts go away.
    await deleteExpiredSessions(
      trx,
      now,
      new Date(now.getTime() - minutes(config.HOMEWARD_SESSION_IDLE_MINUTES)),
    );
    await purgeStaleThrottles(trx, now, windowStart);
    await recordAudit(
      trx,
      { ...subject, userId: user.id, organisationId: user.organisation_id },
      { action: 'auth.login', targetType: 'user', targetId: user.id },
    );
  });
  return { sessionToken, csrfToken, user: presentUser(user), expiresAt };
}

export async function logout(ctx: AppContext, actor: Actor): Promise<void> {
  if (!actor.sessionIdHash) return;
  const idHash = actor.sessionIdHash;
  await ctx.db.transaction().execute(async (trx) => {
    await deleteSession(trx, idHash);
    await recordAudit(
      trx,
      { userId: actor.userId, label: actor.label, organisationId: actor.organisationId, ip: actor.ip },
      { action: 'auth.logout', targetType: 'user', targetId: actor.userId ?? undefined },
    );
  });
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
}

export async function resolveSession(
  ctx: AppContext,
  sessionToken: string,
  ip: string | null,
): Promise<ResolvedSession | null> {
  const now = new Date();
  const idleSince = new Date(now.getTime() - minutes(ctx.config.HOMEWARD_SESSION_IDLE_MINUTES));
  const idHash = sha256(sessionToken);
  const s = await findLiveSession(ctx.db, idHash, now, idleSince);
  if (!s) return null;
  if (now.getTime() - s.last_seen_at.getTime() > TOUCH_EVERY_MS) await touchSession(ctx.db, idHash, now);
  const roles = await rolesOf(ctx.db, s.user_id);
  return {
    csrfToken: s.csrf_token,
    actor: {
      kind: 'user',
      userId: s.user_id,
      tokenId: null,
      sessionIdHash: idHash,
      label: s.email,
      organisationId: s.organisation_id,
      organisationType: s.organisation_type,
      roles,
      permissions: permissionsForRoles(roles),
      ip,
    },
  };
}

export async function resolveApiToken(
  ctx: AppContext,
  token: string,
  ip: string | null,
): Promise<Actor | null> {
  const now = new Date();
  const t = await findLiveToken(ctx.db, sha256(token), now);
  if (!t) return null;
  if (!t.last_used_at || now.getTime() - t.last_used_at.getTime() > TOUCH_EVERY_MS)
    await touchToken(ctx.db, t.id, now);
  return {
    kind: 'token',
    userId: null,
    tokenId: t.id,
    sessionIdHash: null,
    label: `token:${t.name}`,
    organisationId: t.organisation_id,
    organisationType: t.organisation_type,
    roles: [],
    permissions: t.permissions,
    ip,
  };
}
