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

export type SharedCaseRow = Awaited<ReturnType<typeof repo.casesByIds>>[number];
export type ReferralRow = Awaited<ReturnType<typeof repo.openReferralsTo>>[number];

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
  return (await findCaseAccesses(db, organisationId, [caseId])).get(caseId);
}

/**
 * The access of one organisation to each of several cases, in three queries whatever their number
 * (lists check every row they show); a case it may not see has no entry.
 */
export async function findCaseAccesses(
  db: Kysely<DB>,
  organisationId: string,
  caseIds: readonly string[],
): Promise<Map<string, CaseAccess>> {
  const ids = [...new Set(caseIds)];
  const cases = await repo.casesByIds(db, ids);
  const notOwned = cases.filter((c) => c.organisation_id !== organisationId).map((c) => c.id);
  const [referrals, consents] = await Promise.all([
    repo.openReferralsTo(db, notOwned, organisationId),
    repo.consentsInForceTo(db, notOwned, organisationId),
  ]);
  const out = new Map<string, CaseAccess>();
  for (const c of cases) {
    // The newest open referral to the organisation (rows come newest first).
    const open = referrals.find((r) => r.case_id === c.id) ?? null;
    const consented = open
      ? [
          ...new Set(
            consents
              .filter((k) => k.caseId === c.id && k.purpose === CONSENT_PURPOSE_OF[open.kind])
              .map((k) => k.category),
          ),
        ]
      : [];
    const access = accessOf(c, organisationId, open, consented);
    if (access) out.set(c.id, access);
  }
  return out;
}

/**
 * The rule itself: the parts an organisation plays in a case, from ownership, the funding choice and
 * its open referral (which counts only with a consent in force for it, i.e. `consented` non-empty).
 */
function accessOf(
  c: SharedCaseRow,
  organisationId: string,
  open: ReferralRow | null,
  consented: string[],
): CaseAccess | undefined {
  const parts = new Set<CasePart>();
  const owner = c.organisation_id === organisationId;
  if (owner) parts.add('owner');
  if (funderOf(c) === organisationId && (owner || c.first_submitted_at !== null)) parts.add('funder');
  // A case the owner registered after the return (retroactive intake) is its own partner's.
  if (owner && c.retroactive && c.partner_organisation_id === organisationId) parts.add('partner');

  let referral: ReferralRow | null = null;
  if (!owner && open && consented.length > 0) {
    referral = open;
    parts.add(open.kind);
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
