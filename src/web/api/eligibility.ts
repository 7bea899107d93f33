/**
 * Types and TanStack Query hooks for a case's eligibility and enrolments, and for the comparison of
 * programmes by country of return. The shapes follow src/server/programmes/programmes.schemas.ts.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ComponentCategory,
  ComponentStage,
  Currency,
  Modality,
  ProceduralStage,
} from '../../domain/programmes/definition.ts';
import type { Situation } from '../../domain/programmes/households.ts';
import { api } from './client.ts';
import { queryKeys } from './queries.ts';
import type { ListOf, ReturnType } from './types.ts';

export type EligibilityStatus = 'eligible' | 'not_eligible' | 'to_check';
export type ReasonOutcome = 'met' | 'not_met' | 'unknown';
export type InstalmentDue = 'before_departure' | 'on_arrival' | 'after_arrival';

/** One reason of an explanation: a programme check or a node of a rule tree, in words. */
export interface EligibilityReason {
  outcome: ReasonOutcome;
  /** check.* for a programme check, rule.* for a node of a rule tree. */
  code: string;
  /** Where the rule sits in the programme definition (dotted). */
  path: string;
  text: string;
  children?: EligibilityReason[];
}

export interface CurrencyTotal {
  currency: string;
  amount: number;
}

export interface InstalmentResult {
  percent: number;
  due: InstalmentDue;
  monthsAfterArrival?: number;
  amount: number;
}

export interface ComponentResult {
  code: string;
  name: string;
  stage: ComponentStage;
  modality: Modality;
  category: ComponentCategory;
  currency: Currency;
  status: EligibilityStatus;
  eligible: boolean;
  reasons: EligibilityReason[];
  /** For this household; null when paid at actual cost. */
  amount: number | null;
  upTo: boolean;
  actualCost: boolean;
  /** The arithmetic, line by line, in words. */
  calculation: string[];
  instalments: InstalmentResult[];
}

export interface ProgrammeResult {
  programmeId: string;
  code: string;
  version: number;
  name: string;
  status: EligibilityStatus;
  eligible: boolean;
  reasons: EligibilityReason[];
  components: ComponentResult[];
  totals: CurrencyTotal[];
}

export interface PackageReduction {
  byProgrammeCode: string;
  amount: number;
  text: string;
}

export interface PackageLine {
  programmeCode: string;
  componentCode: string;
  name: string;
  stage: ComponentStage;
  modality: Modality;
  category: ComponentCategory;
  currency: string;
  /** The component's own amount for the household. */
  amountBefore: number | null;
  /** After offsets: what the package counts. */
  amount: number | null;
  upTo: boolean;
  actualCost: boolean;
  reductions: PackageReduction[];
}

export interface CombinedPackage {
  programmeCodes: string[];
  /** Programmes eligible on their own but left out of the package, and why. */
  excluded: Array<{ programmeCode: string; reason: string }>;
  lines: PackageLine[];
  totals: CurrencyTotal[];
}

/** The household facts the evaluation used. */
export interface HouseholdFacts {
  adults: number;
  minors: number;
  /** false when the reader may not see special-category data: vulnerabilities were not counted. */
  vulnerabilitiesVisible: boolean;
  proceduralStage: ProceduralStage | null;
  daysBeforeDeparture: number | null;
}

export interface Enrolment {
  id: string;
  caseId: string;
  programmeId: string;
  programmeCode: string;
  programmeVersion: number;
  status: 'active' | 'withdrawn';
  evaluatedOn: string;
  language: string;
  /** The explanation and amounts as computed when enrolled; never rewritten. */
  snapshot: ProgrammeResult;
  /** This programme's lines of the package, after offsets. */
  packageLines: PackageLine[];
  totals: CurrencyTotal[];
  enrolledAt: string;
  enrolledBy: string | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
}

/** GET /cases/{id}/eligibility */
export interface CaseEligibility {
  caseId: string;
  onDate: string;
  language: string;
  household: HouseholdFacts;
  programmes: ProgrammeResult[];
  package: CombinedPackage;
  enrolments: Enrolment[];
}

export type EligibilityScope = 'country' | 'all';

/** A household as the comparison describes it. */
export interface HouseholdDescription {
  adults: number;
  minors: number;
  nationality: string;
  situation: Situation;
  vulnerable: boolean;
  returnType: ReturnType;
}

export type CompareComponent = Pick<
  ComponentResult,
  | 'code'
  | 'name'
  | 'stage'
  | 'modality'
  | 'category'
  | 'currency'
  | 'eligible'
  | 'amount'
  | 'upTo'
  | 'actualCost'
>;

export interface CompareCell {
  status: EligibilityStatus;
  totals: CurrencyTotal[];
  components: CompareComponent[];
}

export interface CompareProgramme {
  id: string;
  code: string;
  name: string;
  funder: { id: string; name: string };
  version: number;
  reference: CompareCell;
  household: CompareCell | null;
}

/** GET /programmes/compare */
export interface CompareView {
  countryOfReturn: string;
  onDate: string;
  referenceHousehold: HouseholdDescription;
  household: HouseholdDescription | null;
  programmes: CompareProgramme[];
}

/** The query of the comparison: a country of return and, optionally, a household. */
export interface CompareQuery {
  countryOfReturn: string;
  adults?: number | undefined;
  minors?: number | undefined;
  nationality?: string | undefined;
  situation?: Situation | undefined;
  vulnerable?: boolean | undefined;
  returnType?: ReturnType | undefined;
  /** Where the household lives now (some programmes run in one country only). */
  hostCountry?: string | undefined;
  lang?: string | undefined;
}

export const eligibilityKeys = {
  /** Everything about one case's eligibility and enrolments (any language, any scope). */
  case: (caseId: string) => ['cases', 'eligibility', caseId] as const,
  eligibility: (caseId: string, lang: string, scope: EligibilityScope) =>
    ['cases', 'eligibility', caseId, lang, scope] as const,
  enrolments: (caseId: string) => ['cases', 'eligibility', caseId, 'enrolments'] as const,
  compare: (query: CompareQuery) => ['programmes', 'compare', query] as const,
};

function casePath(caseId: string, rest: string): string {
  return `/cases/${encodeURIComponent(caseId)}/${rest}`;
}

/**
 * GET /cases/{id}/eligibility in the given language. The server reads the vulnerabilities for it (an
 * audited read of special-category data for those who may see them): read once per showing of the
 * tab, forgotten when no longer shown.
 */
export function useCaseEligibility(caseId: string, lang: string, scope: EligibilityScope) {
  return useQuery({
    queryKey: eligibilityKeys.eligibility(caseId, lang, scope),
    queryFn: ({ signal }) =>
      api.get<CaseEligibility>(casePath(caseId, 'eligibility'), {
        query: { lang, scope: scope === 'all' ? 'all' : undefined },
        signal,
      }),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    placeholderData: keepPreviousData,
  });
}

/** GET /cases/{id}/enrolments: each with the explanation and amounts frozen when enrolled. */
export function useEnrolments(caseId: string) {
  return useQuery({
    queryKey: eligibilityKeys.enrolments(caseId),
    queryFn: ({ signal }) => api.get<ListOf<Enrolment>>(casePath(caseId, 'enrolments'), { signal }),
  });
}

/** After an enrolment or a withdrawal: the eligibility (package, enrolments) and the timeline change. */
function useEnrolmentsChanged() {
  const queryClient = useQueryClient();
  return async (saved: Enrolment): Promise<void> => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: eligibilityKeys.case(saved.caseId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.caseTimeline(saved.caseId) }),
    ]);
  };
}

export function useEnrol() {
  const changed = useEnrolmentsChanged();
  return useMutation({
    mutationFn: ({ caseId, programmeId, lang }: { caseId: string; programmeId: string; lang: string }) =>
      api.post<Enrolment>(casePath(caseId, 'enrolments'), { programmeId, lang }),
    onSuccess: changed,
  });
}

export function useWithdrawEnrolment() {
  const changed = useEnrolmentsChanged();
  return useMutation({
    mutationFn: ({ caseId, enrolmentId, reason }: { caseId: string; enrolmentId: string; reason: string }) =>
      api.post<Enrolment>(casePath(caseId, `enrolments/${encodeURIComponent(enrolmentId)}/withdraw`), {
        reason,
      }),
    onSuccess: changed,
  });
}

/** GET /programmes/compare; runs when a country of return is chosen. */
export function useCompareProgrammes(query: CompareQuery | null) {
  return useQuery({
    queryKey: eligibilityKeys.compare(query ?? { countryOfReturn: '' }),
    queryFn: ({ signal }) => api.get<CompareView>('/programmes/compare', { query: { ...query! }, signal }),
    enabled: query !== null && query.countryOfReturn !== '',
    placeholderData: keepPreviousData,
  });
}
