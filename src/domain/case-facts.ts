/**
 * Coded lists of the return file: vulnerabilities, consent, counselling. Each code is documented so
 * that reports and the eligibility engine can rely on it; extend by adding codes, never by reusing one.
 */

export const RETURN_TYPES = ['assisted_voluntary', 'non_assisted_voluntary', 'assisted_forced'] as const;
export const ADMINISTRATIVE_STATUSES = [
  'asylum_pending',
  'asylum_rejected',
  'irregular_stay',
  'expired_permit',
  'tolerated_stay',
  'other',
] as const;

/** Return Directive Art. 3(9) list, plus the other vulnerabilities of product.md. Special-category data. */
export const VULNERABILITY_CATEGORIES = [
  'minor',
  'unaccompanied_minor',
  'disability',
  'elderly',
  'pregnancy',
  'single_parent_with_minors',
  'victim_of_torture_rape_or_serious_violence',
  'serious_illness',
  'mental_health',
  'trafficking',
  'other',
] as const;
export type VulnerabilityCategory = (typeof VULNERABILITY_CATEGORIES)[number];

export const CONSENT_PURPOSES = [
  'referral_to_partner',
  'sharing_with_origin_authority',
  'follow_up_contact',
  'research_statistics',
] as const;

export const CONSENT_DATA_CATEGORIES = [
  'identity',
  'contact',
  'family',
  'legal_status',
  'travel',
  'counselling',
  'health',
  'vulnerabilities',
] as const;

export const CONSENT_METHODS = ['signed_sheet', 'online', 'witnessed_verbal'] as const;

export const COUNSELLING_MODES = ['in_person', 'video', 'phone', 'messaging'] as const;

/** Why a person considers returning (coded; free text alongside). */
export const MOTIVES_FOR_RETURN = [
  'family_reunion',
  'family_obligations',
  'health',
  'asylum_rejected',
  'no_legal_prospects',
  'economic_hardship_here',
  'economic_opportunity_home',
  'improved_safety_at_home',
  'homesickness',
  'detention_or_pressure',
  'isolation_or_discrimination',
  'other',
] as const;

/** What holds a person back from returning. */
export const MOTIVES_AGAINST_RETURN = [
  'debts',
  'safety_concerns',
  'stigma_of_return',
  'no_prospects_at_home',
  'family_expectations',
  'children_schooling_here',
  'health_care_access',
  'no_housing_at_home',
  'pending_legal_remedy',
  'other',
] as const;

export const INFORMATION_SOURCES = [
  'authority_office',
  'counselling_centre',
  'ngo',
  'reception_centre',
  'friend_or_family',
  'social_media',
  'website',
  'lawyer',
  'other',
] as const;

export const COUNSELLING_DECISIONS = ['yes', 'no', 'considering'] as const;

/** A case's human-readable reference: `HW-2026-000123` (year, then a number from a sequence). */
export function caseReference(year: number, n: number): string {
  return `HW-${year}-${String(n).padStart(6, '0')}`;
}
