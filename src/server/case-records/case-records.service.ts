import type { z } from 'zod';
import { hasPermission } from '../../domain/permissions.ts';
import { recordAudit, subjectOf } from '../audit/audit.service.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { findPerson, insertEvent } from '../cases/cases.repository.ts';
import { loadCase } from '../cases/cases.service.ts';
import type { AppContext } from '../context.ts';
import { problems } from '../http/problem.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import * as repo from './case-records.repository.ts';
import type {
  ConsentView,
  CounsellingSessionView,
  NewConsent,
  NewCounsellingSession,
  NewVulnerability,
  VulnerabilityView,
} from './case-records.schemas.ts';

type SessionRow = Awaited<ReturnType<typeof repo.listSessions>>[number];
type ConsentRow = Awaited<ReturnType<typeof repo.listConsents>>[number];
type VulnerabilityRow = Awaited<ReturnType<typeof repo.listVulnerabilities>>[number];

function presentSession(s: SessionRow, withRestricted: boolean): z.infer<typeof CounsellingSessionView> {
  return {
    id: s.id,
    caseId: s.case_id,
    heldAt: s.held_at.toISOString(),
    mode: s.mode as z.infer<typeof CounsellingSessionView>['mode'],
    interpreterLanguage: s.interpreter_language,
    counsellorId: s.counsellor_user_id,
    topics: s.topics,
    motivesFor: s.motives_for as z.infer<typeof CounsellingSessionView>['motivesFor'],
    motivesAgainst: s.motives_against as z.infer<typeof CounsellingSessionView>['motivesAgainst'],
    motivesText: s.motives_text,
    informationSource: s.information_source as z.infer<typeof CounsellingSessionView>['informationSource'],
    decision: s.decision as z.infer<typeof CounsellingSessionView>['decision'],
    ...(withRestricted ? { restrictedNotes: s.restricted_notes } : {}),
  };
}

function presentConsent(c: ConsentRow): z.infer<typeof ConsentView> {
  return {
    id: c.id,
    caseId: c.case_id,
    personId: c.person_id,
    purpose: c.purpose as z.infer<typeof ConsentView>['purpose'],
    recipientOrganisationId: c.recipient_organisation_id,
    dataCategories: c.data_categories as z.infer<typeof ConsentView>['dataCategories'],
    method: c.method as z.infer<typeof ConsentView>['method'],
    informationSheetVersion: c.information_sheet_version,
    informationSheetLanguage: c.information_sheet_language,
    witnessName: c.witness_name,
    givenAt: c.given_at.toISOString(),
    withdrawnAt: c.withdrawn_at?.toISOString() ?? null,
    withdrawalEffect: c.withdrawal_effect,
    active: c.withdrawn_at === null,
  };
}

function presentVulnerability(v: VulnerabilityRow): z.infer<typeof VulnerabilityView> {
  return {
    id: v.id,
    caseId: v.case_id,
    personId: v.person_id,
    category: v.category as z.infer<typeof VulnerabilityView>['category'],
    details: v.details,
    createdAt: v.created_at.toISOString(),
  };
}

async function requirePersonOfCase(db: Kysely<DB>, actor: Actor, caseId: string, personId: string) {
  if (!(await findPerson(db, actor.organisationId, caseId, personId))) {
    throw problems.validation(
      [{ path: 'personId', message: 'no person of this case has this id', location: 'body' }],
      'The person must belong to this case.',
    );
  }
}

function eventBy(actor: Actor, caseId: string) {
  return { caseId, organisationId: actor.organisationId, actorUserId: actor.userId, actorLabel: actor.label };
}

// Counselling ---------------------------------------------------------------------------------

export async function listCounselling(ctx: AppContext, actorIn: Actor | null, caseId: string) {
  const actor = requirePermission(actorIn, 'cases:read');
  await loadCase(ctx, actor, caseId);
  const restricted = hasPermission(actor.permissions, 'special_category:read');
  const rows = await repo.listSessions(ctx.db, actor.organisationId, caseId);
  if (restricted && rows.some((r) => r.restricted_notes)) {
    await recordAudit(ctx.db, subjectOf(actor), {
      action: 'counselling.restricted_notes.read',
      targetType: 'case',
      targetId: caseId,
    });
  }
  return { items: rows.map((r) => presentSession(r, restricted)) };
}

export async function addCounselling(
  ctx: AppContext,
  actorIn: Actor | null,
  caseId: string,
  input: z.infer<typeof NewCounsellingSession>,
) {
  const actor = requirePermission(actorIn, 'cases:write');
  // Restricted notes are special-category data: written only by those who may read them.
  if (input.restrictedNotes !== undefined) requirePermission(actor, 'special_category:read');
  await loadCase(ctx, actor, caseId);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.insertSession(trx, {
      case_id: caseId,
      organisation_id: actor.organisationId,
      held_at: input.heldAt,
      mode: input.mode,
      interpreter_language: input.interpreterLanguage ?? null,
      counsellor_user_id: actor.userId,
      topics: input.topics ?? [],
      motives_for: input.motivesFor ?? [],
      motives_against: input.motivesAgainst ?? [],
      motives_text: input.motivesText ?? null,
      information_source: input.informationSource ?? null,
      decision: input.decision ?? null,
      restricted_notes: input.restrictedNotes ?? null,
    });
    await insertEvent(trx, {
      ...eventBy(actor, caseId),
      type: 'counselling.session',
      details: { sessionId: row.id, mode: input.mode, decision: input.decision ?? null },
    });
    await recordAudit(trx, subjectOf(actor), {
      action: 'counselling.create',
      targetType: 'case',
      targetId: caseId,
    });
    return presentSession(row, hasPermission(actor.permissions, 'special_category:read'));
  });
}

// Consent ---------------------------------------------------------------------------------------

export async function listConsents(ctx: AppContext, actorIn: Actor | null, caseId: string) {
  const actor = requirePermission(actorIn, 'cases:read');
  await loadCase(ctx, actor, caseId);
  return { items: (await repo.listConsents(ctx.db, actor.organisationId, caseId)).map(presentConsent) };
}

export async function addConsent(
  ctx: AppContext,
  actorIn: Actor | null,
  caseId: string,
  input: z.infer<typeof NewConsent>,
) {
  const actor = requirePermission(actorIn, 'cases:write');
  await loadCase(ctx, actor, caseId);
  await requirePersonOfCase(ctx.db, actor, caseId, input.personId);
  if (
    input.recipientOrganisationId &&
    !(await repo.organisationExists(ctx.db, input.recipientOrganisationId))
  ) {
    throw problems.validation(
      [{ path: 'recipientOrganisationId', message: 'no such organisation', location: 'body' }],
      'The recipient organisation does not exist.',
    );
  }
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.insertConsent(trx, {
      case_id: caseId,
      organisation_id: actor.organisationId,
      person_id: input.personId,
      purpose: input.purpose,
      recipient_organisation_id: input.recipientOrganisationId ?? null,
      data_categories: [...new Set(input.dataCategories)],
      method: input.method,
      information_sheet_version: input.informationSheetVersion ?? null,
      information_sheet_language: input.informationSheetLanguage ?? null,
      witness_name: input.witnessName ?? null,
      given_at: input.givenAt,
      recorded_by: actor.userId,
    });
    await insertEvent(trx, {
      ...eventBy(actor, caseId),
      type: 'consent.given',
      details: {
        consentId: row.id,
        purpose: input.purpose,
        method: input.method,
        dataCategories: input.dataCategories,
      },
    });
    await recordAudit(trx, subjectOf(actor), {
      action: 'consent.create',
      targetType: 'consent',
      targetId: row.id,
    });
    return presentConsent(row);
  });
}

export async function withdrawConsent(
  ctx: AppContext,
  actorIn: Actor | null,
  caseId: string,
  consentId: string,
  input: { withdrawnAt?: string | undefined; effect?: string | undefined },
) {
  const actor = requirePermission(actorIn, 'cases:write');
  await loadCase(ctx, actor, caseId);
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await repo.findConsent(trx, actor.organisationId, caseId, consentId);
    if (!existing) throw problems.notFound('consent');
    if (existing.withdrawn_at) throw problems.conflict('This consent was already withdrawn.');
    const at = input.withdrawnAt ? new Date(input.withdrawnAt) : new Date();
    if (at < existing.given_at) {
      throw problems.validation([
        { path: 'withdrawnAt', message: 'before the consent was given', location: 'body' },
      ]);
    }
    const row = await repo.withdrawConsent(
      trx,
      actor.organisationId,
      caseId,
      consentId,
      at,
      input.effect ?? null,
    );
    if (!row) throw problems.conflict('This consent was already withdrawn.');
    await insertEvent(trx, {
      ...eventBy(actor, caseId),
      type: 'consent.withdrawn',
      comment: input.effect ?? null,
      details: { consentId, purpose: row.purpose, withdrawnAt: at.toISOString() },
    });
    await recordAudit(trx, subjectOf(actor), {
      action: 'consent.withdraw',
      targetType: 'consent',
      targetId: consentId,
    });
    return presentConsent(row);
  });
}

// Vulnerabilities (special-category data) ----------------------------------------------------------

export async function listVulnerabilities(ctx: AppContext, actorIn: Actor | null, caseId: string) {
  const actor = requirePermission(actorIn, 'cases:read');
  requirePermission(actor, 'special_category:read');
  await loadCase(ctx, actor, caseId);
  const rows = await repo.listVulnerabilities(ctx.db, actor.organisationId, caseId);
  // Every read of special-category data leaves a trace.
  await recordAudit(ctx.db, subjectOf(actor), {
    action: 'vulnerabilities.read',
    targetType: 'case',
    targetId: caseId,
    details: { count: rows.length },
  });
  return { items: rows.map(presentVulnerability) };
}

export async function addVulnerability(
  ctx: AppContext,
  actorIn: Actor | null,
  caseId: string,
  input: z.infer<typeof NewVulnerability>,
) {
  const actor = requirePermission(actorIn, 'cases:write');
  requirePermission(actor, 'special_category:read');
  await loadCase(ctx, actor, caseId);
  await requirePersonOfCase(ctx.db, actor, caseId, input.personId);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.insertVulnerability(trx, {
      case_id: caseId,
      organisation_id: actor.organisationId,
      person_id: input.personId,
      category: input.category,
      details: input.details ?? null,
      recorded_by: actor.userId,
    });
    // The timeline says that something was recorded, never what.
    await insertEvent(trx, { ...eventBy(actor, caseId), type: 'vulnerability.recorded', details: {} });
    await recordAudit(trx, subjectOf(actor), {
      action: 'vulnerability.create',
      targetType: 'case',
      targetId: caseId,
    });
    return presentVulnerability(row);
  });
}
