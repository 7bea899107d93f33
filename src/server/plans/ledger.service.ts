import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { isDuplicateAssistance, ledgerKeys, ledgerPeriod, type LedgerPerson } from '../../domain/plans.ts';
import * as casesRepo from '../cases/cases.repository.ts';
import type { CaseAccess } from '../sharing/access.ts';
import * as repo from './plans.repository.ts';

/**
 * The assistance ledger: every approved plan line recorded against each person it benefits, under
 * pseudonymous person keys, and the duplicate-assistance guard that reads it across organisations.
 * The guard answers THAT an overlap exists (category, period, whom to contact), never the other
 * case: no id, reference, name or amount leaves this module.
 */

export interface GuardLine {
  id: string;
  enrolmentId: string;
  programmeCode: string;
  category: string;
  dueDate: string;
  beneficiaryPersonIds: string[];
}

export interface FoundOverlap {
  category: string;
  periodFrom: string;
  periodTo: string;
  contact: { id: string; name: string };
  partner: { id: string; name: string } | null;
}

type Person = Awaited<ReturnType<typeof casesRepo.personsOfCase>>[number];

export function keysOfPerson(p: Person): string[] {
  return ledgerKeys({
    givenNames: p.given_names,
    familyName: p.family_name,
    dateOfBirth: p.date_of_birth,
    documents: p.documents as LedgerPerson['documents'],
  });
}

export async function personKeys(db: Kysely<DB>, access: CaseAccess): Promise<Map<string, string[]>> {
  const persons = await casesRepo.personsOfCase(db, access.case.organisation_id, access.case.id);
  return new Map(persons.map((p) => [p.id, keysOfPerson(p)]));
}

/** The overlaps of each line, by line id (lines without any are absent). */
export async function findOverlaps(
  db: Kysely<DB>,
  access: CaseAccess,
  lines: readonly GuardLine[],
  funderOfEnrolment: ReadonlyMap<string, string>,
): Promise<Map<string, FoundOverlap[]>> {
  const keysOf = await personKeys(db, access);
  const out = new Map<string, FoundOverlap[]>();
  for (const line of lines) {
    const keys = [...new Set(line.beneficiaryPersonIds.flatMap((id) => keysOf.get(id) ?? []))];
    const period = ledgerPeriod(line.dueDate);
    const candidates = await repo.ledgerCandidates(db, keys, [line.category], period.from, period.to);
    const mine = {
      planLineId: line.id,
      caseId: access.case.id,
      category: line.category,
      programmeCode: line.programmeCode,
      funderId: funderOfEnrolment.get(line.enrolmentId) ?? '',
      period,
    };
    const found = new Map<string, FoundOverlap>();
    for (const c of candidates) {
      const entry = {
        planLineId: c.plan_line_id,
        caseId: c.case_id,
        category: c.category,
        programmeCode: c.programme_code,
        funderId: c.funder_organisation_id,
        period: { from: c.period_from, to: c.period_to },
      };
      if (!isDuplicateAssistance(mine, entry)) continue;
      // One overlap per funder, partner and period: several beneficiaries of one line are one fact.
      const key = `${c.funder_organisation_id}|${c.partner_organisation_id ?? ''}|${c.period_from}|${c.period_to}`;
      found.set(key, {
        category: c.category,
        periodFrom: c.period_from,
        periodTo: c.period_to,
        contact: { id: c.funder_organisation_id, name: c.funder_name },
        partner: c.partner_organisation_id
          ? { id: c.partner_organisation_id, name: c.partner_name ?? '' }
          : null,
      });
    }
    if (found.size > 0) out.set(line.id, [...found.values()]);
  }
  return out;
}

/** Records approved lines in the ledger, one entry per line and beneficiary. */
export async function recordApprovedLines(
  db: Kysely<DB>,
  access: CaseAccess,
  lines: readonly (GuardLine & { amountCents: number; currency: string })[],
  funderOfEnrolment: ReadonlyMap<string, string>,
): Promise<void> {
  const keysOf = await personKeys(db, access);
  const partner = access.case.partner_organisation_id;
  await repo.insertLedgerEntries(
    db,
    lines.flatMap((line) => {
      const period = ledgerPeriod(line.dueDate);
      return line.beneficiaryPersonIds.map((personId) => ({
        person_keys: keysOf.get(personId) ?? [],
        case_id: access.case.id,
        person_id: personId,
        plan_line_id: line.id,
        funder_organisation_id: funderOfEnrolment.get(line.enrolmentId) ?? access.case.organisation_id,
        partner_organisation_id: partner,
        programme_code: line.programmeCode,
        category: line.category,
        period_from: period.from,
        period_to: period.to,
        amount_cents: line.amountCents,
        currency: line.currency,
      }));
    }),
  );
}
