/**
 * Who may see a case, and what of it (pure data and functions, no I/O).
 *
 * A case belongs to the organisation that opened it (the owner). Other organisations see it through
 * one of three relations:
 *
 * - `funder`: the funding authority chosen at submission (the funder of an enrolled programme). It
 *   validates the application, confirms departure and approves the plan and final report. It sees the
 *   case from the first submission on, by the programme's legal basis rather than by consent, and only
 *   the application's dataset (FUNDER_DATASET).
 * - `partner`: the reintegration partner the case was referred to. It sees the case while its
 *   referral is pending or accepted AND the principal applicant's consent to share with that partner
 *   is in force; the categories it sees are those the consent names, within PARTNER_DATASET.
 * - `origin`: the country-of-origin authority, the same way, with consent purpose
 *   `sharing_with_origin_authority` and never more than ORIGIN_DATASET. Legal status, counselling and
 *   special-category data are never shared with the state the person returns to, whatever a consent
 *   says: revealing an asylum claim or a vulnerability to it can endanger the person.
 *
 * docs/sharing-datasets.md lists, per category, the fields each recipient receives.
 */
import type { CONSENT_DATA_CATEGORIES, VulnerabilityCategory } from './case-facts.ts';
import type { Permission } from './permissions.ts';

export type DataCategory = (typeof CONSENT_DATA_CATEGORIES)[number];
export type CaseRelation = 'owner' | 'funder' | 'partner' | 'origin';
export type RecipientKind = 'partner' | 'origin';

/** The consent purpose that governs sharing with each kind of recipient. */
export const CONSENT_PURPOSE_OF: Readonly<Record<RecipientKind, string>> = {
  partner: 'referral_to_partner',
  origin: 'sharing_with_origin_authority',
};

/** The most a reintegration partner may ever receive (a consent may name less). */
export const PARTNER_DATASET: readonly DataCategory[] = [
  'identity',
  'contact',
  'family',
  'legal_status',
  'travel',
  'counselling',
  'health',
  'vulnerabilities',
];

/** The most an origin authority may ever receive: who is coming, with whom, and when. */
export const ORIGIN_DATASET: readonly DataCategory[] = ['identity', 'contact', 'family', 'travel'];

/**
 * What the funding authority sees to validate the application. Special-category data (health,
 * vulnerabilities) only reaches users whose role may read it, and each read is audited.
 */
export const FUNDER_DATASET: readonly DataCategory[] = [
  'identity',
  'contact',
  'family',
  'legal_status',
  'travel',
  'counselling',
  'health',
  'vulnerabilities',
];

export const SPECIAL_CATEGORIES: readonly DataCategory[] = ['health', 'vulnerabilities'];

/** Vulnerabilities that are health data: shared under the consent category `health`. */
export const HEALTH_VULNERABILITIES: readonly VulnerabilityCategory[] = [
  'disability',
  'pregnancy',
  'serious_illness',
  'mental_health',
];

export function maximumDataset(relation: CaseRelation): readonly DataCategory[] {
  switch (relation) {
    case 'owner':
    case 'funder':
      return FUNDER_DATASET;
    case 'partner':
      return PARTNER_DATASET;
    case 'origin':
      return ORIGIN_DATASET;
  }
}

/**
 * The categories a recipient receives: what the consents name, within the recipient's maximum, in
 * catalogue order. The owner and the funder are not governed by consent (`consented` is ignored).
 */
export function sharedCategories(relation: CaseRelation, consented: readonly string[]): DataCategory[] {
  const max = maximumDataset(relation);
  if (relation === 'owner' || relation === 'funder') return [...max];
  const given = new Set(consented);
  return max.filter((c) => given.has(c));
}

/**
 * Which vulnerability categories a reader with these data categories sees: health ones under
 * `health`, the others under `vulnerabilities`.
 */
export function visibleVulnerability(
  category: VulnerabilityCategory,
  categories: readonly DataCategory[],
): boolean {
  const health = HEALTH_VULNERABILITIES.includes(category);
  return categories.includes(health ? 'health' : 'vulnerabilities');
}

/**
 * The parts an organisation plays in one case. One organisation may play several: the owner is also
 * the funder when no other funding authority was chosen, and also the partner when it registered the
 * case itself after the return (retroactive intake).
 */
export type CasePart = 'owner' | 'funder' | 'partner' | 'origin';

/**
 * Which part of a case a permission is exercised in: holding the permission is not enough, the
 * actor's organisation must play that part in this case. A coordinator of a counselling provider
 * cannot validate a case funded by an authority; a partner cannot approve its own plan.
 */
export const PART_OF_PERMISSION = {
  'cases:write': 'owner',
  'cases:validate': 'funder',
  'cases:confirm_departure': 'funder',
  'referrals:respond': 'partner',
  'plans:write': 'partner',
  'plans:validate': 'partner',
  'plans:approve': 'funder',
} as const satisfies Partial<Record<Permission, CasePart>>;

export type CasePermission = keyof typeof PART_OF_PERMISSION;

export function partFor(permission: Permission): CasePart | undefined {
  return (PART_OF_PERMISSION as Partial<Record<Permission, CasePart>>)[permission];
}
