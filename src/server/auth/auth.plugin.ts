import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { Problem, problems } from '../http/problem.ts';
import type { Actor } from './actor.ts';
import { resolveApiToken, resolveSession } from './auth.service.ts';
import { safeEqual } from './secrets.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** The route needs no actor (e.g. login). Every other /api/v1 route answers 401 without one. */
    public?: boolean;
  }
}

export const SESSION_COOKIE = 'hw_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerOf(request: FastifyRequest): string | null | undefined {
  const h = request.headers.authorization;
  if (h === undefined) return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  return m?.[1] ?? null;
}

/**
 * Resolves the actor of every API request from its bearer token or session cookie, and checks the
 * CSRF token on cookie-authenticated writes.
 */
export function installAuthentication(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/v1/')) return;
    const bearer = bearerOf(request);
    if (bearer !== undefined) {
      const actor = bearer ? await resolveApiToken(ctx, bearer, request.ip) : null;
      if (!actor) throw problems.unauthenticated('The API token is not valid, has expired or was revoked.');
      request.actor = actor;
      return;
    }
    const isPublic = request.routeOptions.config.public === true;
    const cookie = request.cookies[SESSION_COOKIE];
    const session = cookie ? await resolveSession(ctx, cookie, request.ip) : null;
    if (!session) {
      // Checked before the body is validated: an anonymous caller learns nothing about the API.
      if (!isPublic) throw problems.unauthenticated();
      return;
    }
    request.actor = session.actor;
    request.csrfToken = session.csrfToken;
    // Public routes (login) need no CSRF token: logging in creates the session it would protect.
    if (!SAFE_METHODS.has(request.method) && !isPublic) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, session.csrfToken)) {
        throw new Problem(
          403,
          `Send the X-CSRF-Token header with the token from /api/v1/me for every change.`,
          {
            type: 'https://homeward.example/problems/csrf',
          },
        );
      }
    }
  });
}
