import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { COMMON_ERRORS, IdParams, Pagination } from '../http/common.schemas.ts';
import { ProblemBody } from '../http/problem.schemas.ts';
import { AdminUser, NewUser, UserList, UserPatch } from './users.schemas.ts';
import * as service from './users.service.ts';

export function usersRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/users',
      {
        schema: {
          tags: ['users'],
          summary: "List the users of the actor's organisation",
          querystring: Pagination,
          response: { 200: UserList, ...COMMON_ERRORS },
        },
      },
      (req) => service.listUsers(ctx, req.actor, req.query),
    );
    app.post(
      '/users',
      {
        schema: {
          tags: ['users'],
          summary: "Create a user in the actor's organisation",
          body: NewUser,
          response: { 201: AdminUser, 409: ProblemBody, 422: ProblemBody, ...COMMON_ERRORS },
        },
      },
      async (req, reply) => reply.status(201).send(await service.createUser(ctx, req.actor, req.body)),
    );
    app.get(
      '/users/:id',
      {
        schema: {
          tags: ['users'],
          summary: 'One user',
          params: IdParams,
          response: { 200: AdminUser, ...COMMON_ERRORS },
        },
      },
      (req) => service.getUser(ctx, req.actor, req.params.id),
    );
    app.patch(
      '/users/:id',
      {
        schema: {
          tags: ['users'],
          summary: 'Change a user: display name, roles, active (deactivation ends their sessions)',
          params: IdParams,
          body: UserPatch,
          response: { 200: AdminUser, 409: ProblemBody, 422: ProblemBody, ...COMMON_ERRORS },
        },
      },
      (req) => service.updateUser(ctx, req.actor, req.params.id, req.body),
    );
  };
}
