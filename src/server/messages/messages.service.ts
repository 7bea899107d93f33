import type { z } from 'zod';
import { recordAudit, subjectOf } from '../audit/audit.service.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import type { AppContext } from '../context.ts';
import { problems } from '../http/problem.ts';
import { notify, type NotificationInput } from '../notifications/notifications.service.ts';
import { caseAccess, findCaseAccess, findCaseAccesses, type SharedCaseRow } from '../sharing/access.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import * as repo from './messages.repository.ts';
import type { MessageView } from './messages.schemas.ts';

/**
 * Per-case message threads. The thread is the case's: every organisation that shares the case (the
 * owner, the funding authority, the partner, the origin authority) reads and writes all of it while
 * it has access, and loses it at once when access ends (a withdrawn consent, an ended referral).
 * Every operation starts with caseAccess, so an organisation without access gets 404.
 */

function present(r: repo.MessageRow, readerId: string | null, lastRead: Date | null) {
  return {
    id: r.id,
    caseId: r.case_id,
    body: r.body,
    createdAt: r.created_at.toISOString(),
    author: {
      organisationId: r.author_organisation_id,
      organisationName: r.author_organisation_name,
      userId: r.author_user_id,
      displayName: r.author_display_name,
    },
    unread:
      readerId !== null && r.author_user_id !== readerId && (lastRead === null || r.created_at > lastRead),
  } satisfies z.infer<typeof MessageView>;
}

/** Read marks and authorship are a person's: an API token may read a thread, not write or mark it. */
function requireUser(actor: Actor, what: string): Actor & { userId: string } {
  if (actor.kind !== 'user' || actor.userId === null) {
    throw problems.forbidden(`Only a user can ${what}; an API token cannot.`);
  }
  return actor as Actor & { userId: string };
}

export async function listMessages(ctx: AppContext, actorIn: Actor | null, caseId: string) {
  const actor = requirePermission(actorIn, 'cases:read');
  await caseAccess(ctx.db, actor, caseId);
  const rows = await repo.listThread(ctx.db, caseId);
  const lastRead = actor.userId ? await repo.lastRead(ctx.db, actor.userId, caseId) : null;
  const items = rows.map((r) => present(r, actor.userId, lastRead));
  return {
    items,
    unread: items.filter((m) => m.unread).length,
    lastReadAt: lastRead?.toISOString() ?? null,
  };
}

export async function postMessage(
  ctx: AppContext,
  actorIn: Actor | null,
  caseId: string,
  input: { body: string },
) {
  const actor = requireUser(requirePermission(actorIn, 'cases:read'), 'write a message');
  await caseAccess(ctx.db, actor, caseId);
  return ctx.db.transaction().execute(async (trx) => {
    // Checked again inside the transaction: a consent withdrawn meanwhile stops the message.
    const access = await caseAccess(trx, actor, caseId);
    const row = await repo.insertMessage(trx, {
      caseId,
      organisationId: actor.organisationId,
      userId: actor.userId,
      body: input.body,
    });
    await notify(
      trx,
      await recipientsOf(trx, access.case, actor.organisationId, row.author_organisation_name),
    );
    await recordAudit(trx, subjectOf(actor), {
      action: 'case_message.create',
      targetType: 'case',
      targetId: caseId,
      details: { messageId: row.id },
    });
    return present(row, actor.userId, null);
  });
}

/**
 * 'message.received' for the other organisations that have access to the case now: the owner, the
 * funding authority and the recipients of open referrals, each checked with the same rule as reading.
 */
async function recipientsOf(
  db: Kysely<DB>,
  c: SharedCaseRow,
  authorOrganisationId: string,
  authorOrganisationName: string,
): Promise<NotificationInput[]> {
  const candidates = new Set<string>([c.organisation_id]);
  if (c.funding_organisation_id) candidates.add(c.funding_organisation_id);
  for (const org of await repo.openReferralRecipients(db, c.id)) candidates.add(org);
  candidates.delete(authorOrganisationId);
  const out: NotificationInput[] = [];
  for (const organisationId of candidates) {
    if (!(await findCaseAccess(db, organisationId, c.id))) continue;
    out.push({
      organisationId,
      caseId: c.id,
      type: 'message.received',
      params: { reference: c.reference, organisation: authorOrganisationName },
    });
  }
  return out;
}

export async function markThreadRead(ctx: AppContext, actorIn: Actor | null, caseId: string) {
  const actor = requireUser(requirePermission(actorIn, 'cases:read'), 'mark a thread read');
  await caseAccess(ctx.db, actor, caseId);
  const at = await repo.markThreadRead(ctx.db, actor.userId, caseId);
  return { caseId, lastReadAt: at.toISOString() };
}

/** Unread messages per case, for the cases the actor's organisation may still see. */
export async function unreadThreads(ctx: AppContext, actorIn: Actor | null) {
  const actor = requireUser(requirePermission(actorIn, 'cases:read'), 'have unread messages');
  const rows = await repo.unreadByCase(ctx.db, actor.userId, actor.organisationId, 200);
  const visible = await findCaseAccesses(
    ctx.db,
    actor.organisationId,
    rows.map((r) => r.caseId),
  );
  return { items: rows.filter((r) => visible.has(r.caseId)) };
}
