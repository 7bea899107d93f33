import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { COMMON_ERRORS, IdParams } from '../http/common.schemas.ts';
import { MessageThread, MessageView, NewMessage, ThreadRead, UnreadThreads } from './messages.schemas.ts';
import * as service from './messages.service.ts';

export function messagesRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/cases/:id/messages',
      {
        schema: {
          tags: ['messages'],
          summary:
            'The message thread of a case, oldest first, shared by every organisation with access to the case',
          params: IdParams,
          response: { 200: MessageThread, ...COMMON_ERRORS },
        },
      },
      (req) => service.listMessages(ctx, req.actor, req.params.id),
    );
    app.post(
      '/cases/:id/messages',
      {
        schema: {
          tags: ['messages'],
          summary:
            'Write to the thread of a case (users only); the other organisations with access are notified',
          params: IdParams,
          body: NewMessage,
          response: { 201: MessageView, ...COMMON_ERRORS },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.postMessage(ctx, req.actor, req.params.id, req.body)),
    );
    app.post(
      '/cases/:id/messages/read',
      {
        schema: {
          tags: ['messages'],
          summary: 'Mark the thread of a case read up to now, for you',
          params: IdParams,
          response: { 200: ThreadRead, ...COMMON_ERRORS },
        },
      },
      (req) => service.markThreadRead(ctx, req.actor, req.params.id),
    );
    app.get(
      '/messages/unread',
      {
        schema: {
          tags: ['messages'],
          summary: 'Your unread messages per case, among the cases your organisation may still see',
          response: { 200: UnreadThreads, ...COMMON_ERRORS },
        },
      },
      (req) => service.unreadThreads(ctx, req.actor),
    );
  };
}
