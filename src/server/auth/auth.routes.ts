import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { COMMON_ERRORS } from '../http/common.schemas.ts';
import { ProblemBody } from '../http/problem.schemas.ts';
import { changePassword, getMe, updateProfile } from '../users/users.service.ts';
import { requireActor } from './actor.ts';
import { LoginBody, LoginResponse, MePatch, MeView, PasswordChange, UserView } from './auth.schemas.ts';
import { SESSION_COOKIE } from './auth.plugin.ts';
import { login, logout } from './auth.service.ts';

export function authRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/auth/login',
      {
        config: { public: true },
        schema: {
          tags: ['auth'],
          summary: 'Log in with e-mail and password; sets the session cookie',
          security: [],
          body: LoginBody,
          response: { 200: LoginResponse, 400: ProblemBody, 401: ProblemBody, 429: ProblemBody },
        },
      },
      async (req, reply) => {
        const result = await login(ctx, {
          email: req.body.email,
          password: req.body.password,
          ip: req.ip,
          userAgent: req.headers['user-agent'] ?? null,
        });
        void reply.setCookie(SESSION_COOKIE, result.sessionToken, {
          httpOnly: true,
          sameSite: 'strict',
          secure: ctx.config.HOMEWARD_SECURE_COOKIES,
          path: '/',
          expires: result.expiresAt,
        });
        return { csrfToken: result.csrfToken, user: result.user, expiresAt: result.expiresAt.toISOString() };
      },
    );

    app.post(
      '/auth/logout',
      {
        schema: {
          tags: ['auth'],
          summary: 'End the current session',
          response: { 204: z.null().describe('Logged out'), 401: ProblemBody, 403: ProblemBody },
        },
      },
      async (req, reply) => {
        await logout(ctx, requireActor(req.actor));
        void reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/me',
      {
        schema: {
          tags: ['auth'],
          summary: 'Who I am: user (or token), organisation, roles, permissions, CSRF token',
          response: { 200: MeView, ...COMMON_ERRORS },
        },
      },
      (req) => getMe(ctx, req.actor, req.csrfToken),
    );

    app.patch(
      '/me',
      {
        schema: {
          tags: ['auth'],
          summary: 'Change my display name or language',
          body: MePatch,
          response: { 200: z.object({ user: UserView }), ...COMMON_ERRORS },
        },
      },
      async (req) => ({ user: await updateProfile(ctx, req.actor, req.body) }),
    );

    app.post(
      '/me/password',
      {
        schema: {
          tags: ['auth'],
          summary: 'Change my password',
          body: PasswordChange,
          response: { 204: z.null().describe('Changed'), ...COMMON_ERRORS },
        },
      },
      async (req, reply) => {
        await changePassword(ctx, req.actor, req.body);
        return reply.status(204).send(null);
      },
    );
  };
}
