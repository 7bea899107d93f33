/**
 * Households described in a few words (how many adults and minors, nationality, situation) turned
 * into eligibility facts: for the comparison view, the public finder and the rule builder's preview.
 * No real person is involved; ages are typical (adults 35, minors 8).
 */
import type { ProceduralStage } from './definition.ts';
import type { EligibilityFacts } from './facts.ts';

export const SITUATIONS = [
  'asylum_pending',
  'asylum_rejected',
  'no_permit',
  'permit_expired',
  'other',
] as const;
export type Situation = (typeof SITUATIONS)[number];

export interface HouseholdDescription {
  adults: number;
  minors: number;
  nationality: string;
  situation: Situation;
  /** true / false, or null when the person did not say. */
  vulnerable: boolean | null;
  returnType: 'assisted_voluntary' | 'non_assisted_voluntary' | 'assisted_forced';
  /** Days before the planned departure; null when no date is planned. */
  daysBeforeDeparture: number | null;
  hostCountry?: string | null;
}

const SITUATION_FACTS: Record<Situation, { status: string | null; stage: ProceduralStage | null }> = {
  asylum_pending: { status: 'asylum_pending', stage: 'before_asylum_decision' },
  asylum_rejected: { status: 'asylum_rejected', stage: 'within_departure_deadline' },
  no_permit: { status: 'irregular_stay', stage: 'no_return_decision' },
  permit_expired: { status: 'expired_permit', stage: 'no_return_decision' },
  other: { status: null, stage: null },
};

export function householdFacts(h: HouseholdDescription, countryOfReturn: string): EligibilityFacts {
  const { status, stage } = SITUATION_FACTS[h.situation];
  const household = [
    ...Array.from({ length: Math.max(1, h.adults) }, (_, i) => ({
      relationship: i === 0 ? 'principal' : 'spouse',
      age: 35,
      vulnerable: false,
    })),
    ...Array.from({ length: h.minors }, () => ({ relationship: 'child', age: 8, vulnerable: false })),
  ];
  if (h.vulnerable === true && household[0]) household[0].vulnerable = true;
  return {
    nationalities: [h.nationality],
    returnCountry: countryOfReturn,
    hostCountry: h.hostCountry ?? null,
    administrativeStatus: status,
    proceduralStage: stage,
    returnType: h.returnType,
    age: 35,
    household,
    daysBeforeDeparture: h.daysBeforeDeparture,
    daysUntilDeadline: stage === 'within_departure_deadline' ? 30 : null,
    vulnerabilities: h.vulnerable === null ? null : h.vulnerable ? ['other'] : [],
    unaccompaniedMinor: false,
    inDetention: false,
    entryBan: false,
    previousAssistance: [],
  };
}

/** The comparison's reference household: one adult, a national of the country of return, decided
 * within the departure deadline, departing in 60 days, no recorded vulnerability. */
export function referenceHousehold(countryOfReturn: string): HouseholdDescription {
  return {
    adults: 1,
    minors: 0,
    nationality: countryOfReturn,
    situation: 'asylum_rejected',
    vulnerable: false,
    returnType: 'assisted_voluntary',
    daysBeforeDeparture: 60,
  };
}

/** A spread of households the rule builder previews a draft on: countries, sizes, situations. */
export const PREVIEW_HOUSEHOLDS: ReadonlyArray<{
  key: string;
  country: string;
  household: HouseholdDescription;
}> = (() => {
  const countries = ['IQ', 'AF', 'NG', 'GE', 'SY', 'IR', 'RS', 'UA', 'DZ', 'PK', 'ET', 'MA'];
  const shapes: Array<Omit<HouseholdDescription, 'nationality'>> = [
    {
      adults: 1,
      minors: 0,
      situation: 'asylum_rejected',
      vulnerable: false,
      returnType: 'assisted_voluntary',
      daysBeforeDeparture: 45,
    },
    {
      adults: 2,
      minors: 3,
      situation: 'asylum_pending',
      vulnerable: false,
      returnType: 'assisted_voluntary',
      daysBeforeDeparture: 60,
    },
    {
      adults: 1,
      minors: 2,
      situation: 'no_permit',
      vulnerable: true,
      returnType: 'assisted_voluntary',
      daysBeforeDeparture: 20,
    },
    {
      adults: 1,
      minors: 0,
      situation: 'asylum_rejected',
      vulnerable: false,
      returnType: 'assisted_forced',
      daysBeforeDeparture: 10,
    },
  ];
  return countries.flatMap((country, i) => {
    const shape = shapes[i % shapes.length]!;
    const other = shapes[(i + 1) % shapes.length]!;
    return [
      { key: `${country}-a`, country, household: { ...shape, nationality: country } },
      { key: `${country}-b`, country, household: { ...other, nationality: country } },
    ];
  });
})();
