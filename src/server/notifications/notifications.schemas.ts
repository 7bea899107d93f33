import { z } from 'zod';
import { NOTIFICATION_LANGUAGES, NOTIFICATION_TYPES } from '../../domain/notifications.ts';
import { Pagination } from '../http/common.schemas.ts';

const Lang = z
  .enum(NOTIFICATION_LANGUAGES)
  .default('en')
  .describe('Language of subject and text: en, fr or ar');

export const LangQuery = z.object({ lang: Lang });

export const NotificationListQuery = Pagination.extend({
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true: only notifications not yet read'),
  lang: Lang,
});

export const NotificationView = z
  .object({
    id: z.uuid(),
    type: z.enum(NOTIFICATION_TYPES),
    caseId: z.uuid().nullable(),
    params: z
      .record(z.string(), z.union([z.string(), z.number()]))
      .describe('reference, organisation, reason, date, count: never personal data'),
    subject: z.string(),
    text: z.string(),
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Notification' });

export const NotificationList = z.object({
  items: z.array(NotificationView),
  total: z.number().int().describe('How many match the query (all, or unread only)'),
  unread: z.number().int().describe('How many of the user’s notifications are unread'),
});
