/**
 * The facts of a case that eligibility rules may test, derived from the return file by pure code.
 * A fact that is not recorded is `null`: a rule that needs it is "to check", never silently met.
 */
import type { ProceduralStage } from './definition.ts';

export interface HouseholdMember {
  relationship: string;
  /** Age in whole years on the evaluation date; null when the date of birth is not recorded. */
  age: number | null;
  vulnerable: boolean;
}

export interface EligibilityFacts {
  /** The principal applicant's nationalities (ISO alpha-2). Empty when not recorded. */
  nationalities: string[];
  returnCountry: string;
  hostCountry: string | null;
  administrativeStatus: string | null;
  proceduralStage: ProceduralStage | null;
  returnType: string | null;
  /** The principal applicant's age; null when unknown. */
  age: number | null;
  household: HouseholdMember[];
  /** Days from the evaluation date to the planned departure; null when no date is planned. */
  daysBeforeDeparture: number | null;
  /** Days from the evaluation date to the departure deadline (negative once passed). */
  daysUntilDeadline: number | null;
  /** Recorded vulnerability categories; null when the reader may not see special-category data. */
  vulnerabilities: string[] | null;
  unaccompaniedMinor: boolean;
  inDetention: boolean;
  entryBan: boolean;
  /** Codes of programmes the household is enrolled in or has received. */
  previousAssistance: string[];
}

export const ADULT_AGE = 18;

const DAY_MS = 86_400_000;

function dayNumber(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

/** Whole days from `from` to `to` (both ISO dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Age in whole years on `onDate`. */
export function ageOn(dateOfBirth: string, onDate: string): number {
  const [by, bm, bd] = dateOfBirth.slice(0, 10).split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

export function deriveProceduralStage(input: {
  administrativeStatus: string | null;
  returnDecisionDate: string | null;
  departureDeadline: string | null;
  onDate: string;
}): ProceduralStage | null {
  if (input.administrativeStatus === 'asylum_pending') return 'before_asylum_decision';
  if (input.departureDeadline) {
    return daysBetween(input.onDate, input.departureDeadline) >= 0
      ? 'within_departure_deadline'
      : 'after_departure_deadline';
  }
  if (input.returnDecisionDate) return null;
  if (input.administrativeStatus === null) return null;
  return 'no_return_decision';
}

export interface CaseForFacts {
  returnCountry: string;
  hostCountry: string | null;
  returnType: string | null;
  administrativeStatus: string | null;
  returnDecisionDate: string | null;
  departureDeadline: string | null;
  plannedDepartureDate: string | null;
  inDetention: boolean;
  entryBan: boolean;
  persons: Array<{
    id: string;
    relationship: string;
    dateOfBirth: string | null;
    nationalities: string[];
    unaccompaniedMinor: boolean;
  }>;
}

/**
 * Derives the facts from a case on `onDate`. `vulnerabilities` lists (personId, category) pairs, or
 * is null when the reader may not see them; `previousAssistance` lists programme codes.
 */
export function deriveFacts(
  c: CaseForFacts,
  onDate: string,
  vulnerabilities: Array<{ personId: string; category: string }> | null,
  previousAssistance: string[] = [],
): EligibilityFacts {
  const principal = c.persons.find((p) => p.relationship === 'principal') ?? c.persons[0];
  const vulnerablePersons = new Set((vulnerabilities ?? []).map((v) => v.personId));
  return {
    nationalities: principal?.nationalities ?? [],
    returnCountry: c.returnCountry,
    hostCountry: c.hostCountry,
    administrativeStatus: c.administrativeStatus,
    proceduralStage: deriveProceduralStage({ ...c, onDate }),
    returnType: c.returnType,
    age: principal?.dateOfBirth ? ageOn(principal.dateOfBirth, onDate) : null,
    household: c.persons.map((p) => ({
      relationship: p.relationship,
      age: p.dateOfBirth ? ageOn(p.dateOfBirth, onDate) : null,
      vulnerable: vulnerablePersons.has(p.id),
    })),
    daysBeforeDeparture: c.plannedDepartureDate ? daysBetween(onDate, c.plannedDepartureDate) : null,
    daysUntilDeadline: c.departureDeadline ? daysBetween(onDate, c.departureDeadline) : null,
    vulnerabilities:
      vulnerabilities === null ? null : [...new Set(vulnerabilities.map((v) => v.category))].sort(),
    unaccompaniedMinor: c.persons.some((p) => p.unaccompaniedMinor),
    inDetention: c.inDetention,
    entryBan: c.entryBan,
    previousAssistance: [...new Set(previousAssistance)].sort(),
  };
}

/**
 * Whether a member counts as a minor. Without a date of birth, a child of the principal counts as a
 * minor and anyone else as an adult; the explanation says so.
 */
export function isMinor(m: HouseholdMember): boolean {
  return m.age === null ? m.relationship === 'child' : m.age < ADULT_AGE;
}

export function householdCounts(facts: EligibilityFacts): {
  adults: number;
  minors: number;
  size: number;
  ageUnknown: number;
  vulnerablePersons: number;
} {
  const minors = facts.household.filter(isMinor).length;
  return {
    adults: facts.household.length - minors,
    minors,
    size: facts.household.length,
    ageUnknown: facts.household.filter((m) => m.age === null).length,
    vulnerablePersons: facts.household.filter((m) => m.vulnerable).length,
  };
}
