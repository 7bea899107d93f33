import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import {
  CONSENT_PURPOSE_OF,
  partFor,
  sharedCategories,
  type CasePart,
  type CaseRelation,
  type DataCategory,
} from '../../domain/sharing.ts';
import type { Permission } from '../../domain/permissions.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { problems } from '../http/problem.ts';
import * as repo from './sharing.repository.ts';

export type SharedCaseRow = NonNullable<Awaited<ReturnType<typeof repo.caseById>>>;
export type ReferralRow = NonNullable<Awaited<ReturnType<typeof repo.openReferralTo>>>;

/**
 * What one organisation may do with one case: computed on every request from ownership, the funding
 * choice, the open referral and the consents in force, so a withdrawn consent or an ended referral
 * stops access at once (src/domain/sharing.ts explains the relations).
 */
export interface CaseAccess {
  case: SharedCaseRow;
  /** The relation that decides what the organisation sees (the strongest it has). */
  relation: CaseRelation;
  /** Every part the organisation plays in the case. */
  parts: ReadonlySet<CasePart>;
  /** The open referral to this organisation (partner or origin), when it is a recipient. */
  referral: ReferralRow | null;
  /** The data categories it receives. */
  categories: DataCategory[];
}

/** The funding authority of a case: the one chosen at submission, else the owner. */
export function funderOf(c: SharedCaseRow): string {
  return c.funding_organisation_id ?? c.organisation_id;
}

/**
 * The access of the actor's organisation to a case, or a 404 when it has none: an organisation that
 * may not see a case cannot tell it from one that does not exist.
 */
export async function caseAccess(db: Kysely<DB>, actor: Actor, caseId: string): Promise<CaseAccess> {
  const access = await findCaseAccess(db, actor.organisationId, caseId);
  if (!access) throw problems.notFound('case');
  return access;
}

export async function findCaseAccess(
  db: Kysely<DB>,
  organisationId: string,
  caseId: string,
): Promise<CaseAccess | undefined> {
  const c = await repo.caseById(db, caseId);
  if (!c) return undefined;
  const parts = new Set<CasePart>();
  const owner = c.organisation_id === organisationId;
  if (owner) parts.add('owner');
  if (funderOf(c) === organisationId && (owner || c.first_submitted_at !== null)) parts.add('funder');
  // A case the owner registered after the return (retroactive intake) is its own partner's.
  if (owner && c.retroactive && c.partner_organisation_id === organisationId) parts.add('partner');

  let referral: ReferralRow | null = null;
  let consented: string[] = [];
  if (!owner) {
    const open = await repo.openReferralTo(db, caseId, organisationId);
    if (open) {
      consented = await repo.consentedCategories(
        db,
        c.organisation_id,
        caseId,
        organisationId,
        CONSENT_PURPOSE_OF[open.kind],
      );
      if (consented.length > 0) {
        referral = open;
        parts.add(open.kind);
      }
    }
  }
  const relation: CaseRelation | undefined = owner
    ? 'owner'
    : parts.has('funder')
      ? 'funder'
      : parts.has('partner')
        ? 'partner'
        : parts.has('origin')
          ? 'origin'
          : undefined;
  if (!relation) return undefined;
  return { case: c, relation, parts, referral, categories: sharedCategories(relation, consented) };
}

/**
 * The actor holds `permission` AND its organisation plays, in this case, the part the permission is
 * exercised in; else 403 (the case itself is visible, so 404 would be a lie).
 */
export function requireCasePermission(actorIn: Actor | null, access: CaseAccess, permission: Permission) {
  const actor = requirePermission(actorIn, permission);
  const part = partFor(permission);
  if (part && !access.parts.has(part)) {
    throw problems.forbidden(
      `Only the case's ${PART_NAMES[part]} may do this; your organisation is its ${PART_NAMES[access.relation]}.`,
    );
  }
  return actor;
}

const PART_NAMES: Record<CasePart, string> = {
  owner: 'owning organisation',
  funder: 'funding authority',
  partner: 'reintegration partner',
  origin: 'origin authority',
};
