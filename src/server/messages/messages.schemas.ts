import { z } from 'zod';

export const MESSAGE_MAX_LENGTH = 8000;

export const NewMessage = z.strictObject({
  body: z
    .string()
    .trim()
    .min(1, 'write something')
    .max(MESSAGE_MAX_LENGTH, `at most ${MESSAGE_MAX_LENGTH} characters`)
    .describe('Plain text, 1 to 8000 characters'),
});

export const MessageView = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    body: z.string(),
    createdAt: z.iso.datetime(),
    author: z.object({
      organisationId: z.uuid(),
      organisationName: z.string(),
      userId: z.uuid(),
      displayName: z.string(),
    }),
    unread: z.boolean().describe('Written by someone else after the reader last marked the thread read'),
  })
  .meta({ id: 'CaseMessage' });

export const MessageThread = z.object({
  items: z.array(MessageView).describe('Oldest first'),
  unread: z.number().int(),
  lastReadAt: z.iso.datetime().nullable().describe("The reader's read mark on this thread"),
});

export const ThreadRead = z.object({ caseId: z.uuid(), lastReadAt: z.iso.datetime() });

export const UnreadThreads = z.object({
  items: z.array(z.object({ caseId: z.uuid(), reference: z.string(), unread: z.number().int().min(1) })),
});
