import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { COMMON_ERRORS, IdParams } from '../http/common.schemas.ts';
import {
  LangQuery,
  NotificationList,
  NotificationListQuery,
  NotificationView,
} from './notifications.schemas.ts';
import * as service from './notifications.service.ts';

export function notificationsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/notifications',
      {
        schema: {
          tags: ['notifications'],
          summary: "The actor's own notifications, newest first (users only: an API token gets 403)",
          querystring: NotificationListQuery,
          response: { 200: NotificationList, ...COMMON_ERRORS },
        },
      },
      (req) => service.listNotifications(ctx, req.actor, req.query),
    );
    app.post(
      '/notifications/:id/read',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Mark one of your notifications read (another user’s answers 404)',
          params: IdParams,
          querystring: LangQuery,
          response: { 200: NotificationView, ...COMMON_ERRORS },
        },
      },
      (req) => service.readNotification(ctx, req.actor, req.params.id, req.query.lang),
    );
    app.post(
      '/notifications/read-all',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Mark all your notifications read',
          response: {
            200: z.object({ updated: z.number().int().describe('How many were unread') }),
            ...COMMON_ERRORS,
          },
        },
      },
      (req) => service.readAllNotifications(ctx, req.actor),
    );
  };
}
