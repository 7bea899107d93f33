import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { OrganisationType } from '../../domain/permissions.ts';
import { recordAudit, subjectOf, type AuditSubject } from '../audit/audit.service.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import type { AppContext } from '../context.ts';
import { problems } from '../http/problem.ts';
import * as repo from './organisations.repository.ts';

type OrgRow = NonNullable<Awaited<ReturnType<typeof repo.findOrganisation>>>;

export function presentOrganisation(o: OrgRow) {
  return {
    id: o.id,
    slug: o.slug,
    name: o.name,
    type: o.type,
    country: o.country,
    active: o.active,
    createdAt: o.created_at.toISOString(),
  };
}

export interface NewOrganisationInput {
  slug: string;
  name: string;
  type: OrganisationType;
  country: string;
}

/** Shared by the API (platform administrator) and the CLI. */
export async function createOrganisationIn(
  db: Kysely<DB>,
  input: NewOrganisationInput,
  subject: AuditSubject,
) {
  return db.transaction().execute(async (trx) => {
    if (await repo.findOrganisationBySlug(trx, input.slug)) {
      throw problems.conflict(`An organisation with the slug "${input.slug}" already exists.`, {
        errors: [{ path: 'slug', message: 'already in use', location: 'body' }],
      });
    }
    const org = await repo.insertOrganisation(trx, { ...input, country: input.country.toUpperCase() });
    await recordAudit(trx, subject, {
      action: 'organisation.create',
      targetType: 'organisation',
      targetId: org.id,
      details: { slug: org.slug, type: org.type },
    });
    return presentOrganisation(org);
  });
}

/**
 * The organisations one may name as the recipient of a consent or a referral: every active one, with
 * name, type and country only.
 */
export async function organisationDirectory(ctx: AppContext, actorIn: Actor | null) {
  requirePermission(actorIn, 'cases:read');
  return {
    items: (await repo.activeOrganisations(ctx.db)).map((o) => ({
      id: o.id,
      name: o.name,
      type: o.type,
      country: o.country,
    })),
  };
}

export async function listOrganisations(ctx: AppContext, actorIn: Actor | null) {
  const actor = requirePermission(actorIn, 'organisation:read');
  if (actor.permissions.includes('organisations:manage')) {
    return { items: (await repo.listAllOrganisations(ctx.db)).map(presentOrganisation) };
  }
  const own = await repo.findOrganisation(ctx.db, actor.organisationId);
  return { items: own ? [presentOrganisation(own)] : [] };
}

export async function getOrganisation(ctx: AppContext, actorIn: Actor | null, id: string) {
  const actor = requirePermission(actorIn, 'organisation:read');
  // Another organisation's record answers 404, exactly like one that does not exist.
  if (id !== actor.organisationId && !actor.permissions.includes('organisations:manage')) {
    throw problems.notFound('organisation');
  }
  const org = await repo.findOrganisation(ctx.db, id);
  if (!org) throw problems.notFound('organisation');
  return presentOrganisation(org);
}

export async function createOrganisation(
  ctx: AppContext,
  actorIn: Actor | null,
  input: NewOrganisationInput,
) {
  const actor = requirePermission(actorIn, 'organisations:manage');
  return createOrganisationIn(ctx.db, input, subjectOf(actor));
}

export async function updateOrganisation(
  ctx: AppContext,
  actorIn: Actor | null,
  id: string,
  patch: { name?: string | undefined; active?: boolean | undefined },
) {
  const actor = requirePermission(actorIn, 'organisations:manage');
  if (id === actor.organisationId && patch.active === false) {
    throw problems.conflict('You cannot deactivate your own organisation.');
  }
  return ctx.db.transaction().execute(async (trx) => {
    const org = await repo.updateOrganisation(trx, id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
    });
    if (!org) throw problems.notFound('organisation');
    await recordAudit(trx, subjectOf(actor), {
      action: 'organisation.update',
      targetType: 'organisation',
      targetId: id,
      details: { ...patch },
    });
    return presentOrganisation(org);
  });
}
