/**
 * Table rows for synthetic cases, built the way `seedSyntheticCases` (src/db/seed/synthetic-cases.ts)
 * builds them — the same households, counsellors and vulnerabilities for the same seed, because the
 * random numbers are drawn in the same order — but returned as plain rows with client-side ids, so the
 * benchmark generator can insert thousands of them per statement. Person rows always come from the
 * app's own `personValues`, which computes the search keys the name search relies on.
 */
import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { CaseEventsTable, CasesTable, PersonsTable, VulnerabilitiesTable } from '../../src/db/schema.ts';
import { syntheticHousehold } from '../../src/db/seed/synthetic-cases.ts';
import { caseReference } from '../../src/domain/case-facts.ts';
import { personValues } from '../../src/server/cases/cases.service.ts';
import { VULNERABILITY_CATEGORIES } from '../../src/domain/case-facts.ts';

export interface CaseRows {
  cases: Insertable<CasesTable>[];
  persons: Insertable<PersonsTable>[];
  vulnerabilities: Insertable<VulnerabilitiesTable>[];
  events: Insertable<CaseEventsTable>[];
}

export function emptyRows(): CaseRows {
  return { cases: [], persons: [], vulnerabilities: [], events: [] };
}

/** The same draw as the seeder's `pick`. */
function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

/**
 * Appends one synthetic household to `out`: its case, its persons, their vulnerabilities and the
 * `case.created` event. `today` anchors ages and deadlines (as in the seeder); `createdAt` is when the
 * case was opened.
 */
export function addSyntheticCase(
  out: CaseRows,
  r: () => number,
  today: Date,
  org: { id: string; country: string },
  counsellorIds: readonly string[],
  referenceNumber: number,
  createdAt: Date,
): void {
  const h = syntheticHousehold(r, today);
  const caseId = randomUUID();
  out.cases.push({
    id: caseId,
    reference: caseReference(createdAt.getUTCFullYear(), referenceNumber),
    organisation_id: org.id,
    counsellor_user_id: counsellorIds.length ? pick(r, counsellorIds) : null,
    host_country: org.country,
    return_country: h.returnCountry,
    return_type: 'assisted_voluntary',
    stage: h.stage,
    administrative_status: h.administrativeStatus,
    departure_deadline: h.departureDeadline,
    created_at: createdAt,
    updated_at: createdAt,
  });
  const personIds: string[] = [];
  for (const p of h.persons) {
    const id = randomUUID();
    personIds.push(id);
    out.persons.push({
      ...personValues(p),
      id,
      case_id: caseId,
      organisation_id: org.id,
      created_at: createdAt,
      updated_at: createdAt,
    });
  }
  for (const idx of h.vulnerablePersonIndexes) {
    out.vulnerabilities.push({
      case_id: caseId,
      organisation_id: org.id,
      person_id: personIds[idx]!,
      category: pick(r, VULNERABILITY_CATEGORIES),
      created_at: createdAt,
    });
  }
  out.events.push({
    case_id: caseId,
    organisation_id: org.id,
    actor_label: 'seed',
    type: 'case.created',
    to_stage: h.stage,
    at: createdAt,
  });
}
