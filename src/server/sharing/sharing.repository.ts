import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** SQL of case access: a case, the open referral to one organisation, and the consents in force. */

export async function casesByIds(db: Kysely<DB>, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  return db.selectFrom('cases').selectAll().where('id', 'in', caseIds).execute();
}

/** The pending or accepted referrals of these cases to one recipient organisation, newest first. */
export async function openReferralsTo(
  db: Kysely<DB>,
  caseIds: readonly string[],
  recipientOrganisationId: string,
) {
  if (caseIds.length === 0) return [];
  return db
    .selectFrom('referrals')
    .selectAll()
    .where('case_id', 'in', caseIds)
    .where('recipient_organisation_id', '=', recipientOrganisationId)
    .where('status', 'in', ['pending', 'accepted'])
    .orderBy('referred_at', 'desc')
    .execute();
}

/**
 * The data categories the principal applicant's consents in force give to one recipient for one
 * purpose (their union). Empty when no such consent is in force.
 */
export async function consentedCategories(
  db: Kysely<DB>,
  ownerOrganisationId: string,
  caseId: string,
  recipientOrganisationId: string,
  purpose: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('consents as k')
    .innerJoin('persons as p', 'p.id', 'k.person_id')
    .select(sql<string>`unnest(k.data_categories)`.as('category'))
    .where('k.organisation_id', '=', ownerOrganisationId)
    .where('k.case_id', '=', caseId)
    .where('p.relationship', '=', 'principal')
    .where('k.purpose', '=', purpose)
    .where('k.recipient_organisation_id', '=', recipientOrganisationId)
    .where('k.withdrawn_at', 'is', null)
    .where('k.given_at', '<=', sql<Date>`now()`)
    .execute();
  return [...new Set(rows.map((r) => r.category))];
}

/**
 * The data categories that the principal applicants' consents in force, recorded by each case's
 * owner, give to one recipient: one row per case, purpose and category. No row for a case means no
 * consent in force for that recipient.
 */
export async function consentsInForceTo(
  db: Kysely<DB>,
  caseIds: readonly string[],
  recipientOrganisationId: string,
) {
  if (caseIds.length === 0) return [];
  return db
    .selectFrom('consents as k')
    .innerJoin('cases as c', (join) =>
      join.onRef('c.id', '=', 'k.case_id').onRef('c.organisation_id', '=', 'k.organisation_id'),
    )
    .innerJoin('persons as p', 'p.id', 'k.person_id')
    .select(['k.case_id as caseId', 'k.purpose as purpose'])
    .select(sql<string>`unnest(k.data_categories)`.as('category'))
    .where('k.case_id', 'in', caseIds)
    .where('p.relationship', '=', 'principal')
    .where('k.recipient_organisation_id', '=', recipientOrganisationId)
    .where('k.withdrawn_at', 'is', null)
    .where('k.given_at', '<=', sql<Date>`now()`)
    .execute();
}
