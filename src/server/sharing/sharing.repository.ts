import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** SQL of case access: a case, the open referral to one organisation, and the consents in force. */

export async function caseById(db: Kysely<DB>, caseId: string) {
  return db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
}

/** The pending or accepted referral of a case to one recipient organisation, if any. */
export async function openReferralTo(db: Kysely<DB>, caseId: string, recipientOrganisationId: string) {
  return db
    .selectFrom('referrals')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('recipient_organisation_id', '=', recipientOrganisationId)
    .where('status', 'in', ['pending', 'accepted'])
    .orderBy('referred_at', 'desc')
    .executeTakeFirst();
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
