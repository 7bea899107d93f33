/**
 * Pure helpers of the comparison view: the query kept in the address, the household form, the table's
 * cells by stage and the chart's bars per currency.
 */
import { RETURN_TYPES, type ReturnType } from '../../api/types.ts';
import type { CompareCell, CompareProgramme, CompareQuery, CurrencyTotal } from '../../api/eligibility.ts';
import type { ComponentStage } from '../../../domain/programmes/definition.ts';
import { SITUATIONS, type Situation } from '../../../domain/programmes/households.ts';
import { sumByCurrency } from '../case/EligibilityFormat.ts';

export const STAGES: readonly ComponentStage[] = ['pre_departure', 'post_arrival', 'reintegration'];

/** The household form as typed (strings; empty means "not given"). */
export interface HouseholdDraft {
  adults: string;
  minors: string;
  nationality: string;
  situation: Situation | '';
  vulnerable: boolean;
  returnType: ReturnType | '';
  hostCountry: string;
}

export const EMPTY_HOUSEHOLD: HouseholdDraft = {
  adults: '',
  minors: '',
  nationality: '',
  situation: '',
  vulnerable: false,
  returnType: '',
  hostCountry: '',
};

const HOUSEHOLD_PARAMS = [
  'adults',
  'minors',
  'nationality',
  'situation',
  'vulnerable',
  'returnType',
  'hostCountry',
] as const;

function isOneOf<T extends string>(values: readonly T[], value: string | null): value is T {
  return value !== null && (values as readonly string[]).includes(value);
}

function count(value: string | null): number | undefined {
  if (value === null || !/^\d{1,2}$/.test(value)) return undefined;
  const n = Number(value);
  return n <= 20 ? n : undefined;
}

/** The comparison's query from the address (?countryOfReturn=IQ&adults=2…); invalid values are dropped. */
export function queryFromParams(params: URLSearchParams): CompareQuery {
  const country = (params.get('countryOfReturn') ?? '').toUpperCase();
  const nationality = (params.get('nationality') ?? '').toUpperCase();
  const host = (params.get('hostCountry') ?? '').toUpperCase();
  const situation = params.get('situation');
  const returnType = params.get('returnType');
  const vulnerable = params.get('vulnerable');
  return {
    countryOfReturn: /^[A-Z]{2}$/.test(country) ? country : '',
    adults: count(params.get('adults')),
    minors: count(params.get('minors')),
    nationality: /^[A-Z]{2}$/.test(nationality) ? nationality : undefined,
    situation: isOneOf(SITUATIONS, situation) ? situation : undefined,
    vulnerable: vulnerable === 'true' ? true : vulnerable === 'false' ? false : undefined,
    returnType: isOneOf(RETURN_TYPES, returnType) ? returnType : undefined,
    hostCountry: /^[A-Z]{2}$/.test(host) ? host : undefined,
  };
}

/** Whether the query describes a household of its own (beyond the reference one). */
export function hasHousehold(q: CompareQuery): boolean {
  return HOUSEHOLD_PARAMS.some((k) => q[k] !== undefined);
}

/** The household form filled from a query. */
export function draftFromQuery(q: CompareQuery): HouseholdDraft {
  return {
    adults: q.adults === undefined ? '' : String(q.adults),
    minors: q.minors === undefined ? '' : String(q.minors),
    nationality: q.nationality ?? '',
    situation: q.situation ?? '',
    vulnerable: q.vulnerable === true,
    returnType: q.returnType ?? '',
    hostCountry: q.hostCountry ?? '',
  };
}

/** The address parameters for a country and a household form (empty fields left out). */
export function paramsFor(countryOfReturn: string, draft: HouseholdDraft | null): URLSearchParams {
  const params = new URLSearchParams();
  if (countryOfReturn) params.set('countryOfReturn', countryOfReturn);
  if (!draft) return params;
  const adults = count(draft.adults.trim());
  const minors = count(draft.minors.trim());
  if (adults !== undefined) params.set('adults', String(adults));
  if (minors !== undefined) params.set('minors', String(minors));
  if (draft.nationality) params.set('nationality', draft.nationality);
  if (draft.situation) params.set('situation', draft.situation);
  if (draft.vulnerable) params.set('vulnerable', 'true');
  if (draft.returnType) params.set('returnType', draft.returnType);
  if (draft.hostCountry) params.set('hostCountry', draft.hostCountry);
  return params;
}

/** Checks the household form: adults and minors are whole numbers from 0 to 20. */
export function validateHousehold(draft: HouseholdDraft): Partial<Record<'adults' | 'minors', 'count'>> {
  const out: Partial<Record<'adults' | 'minors', 'count'>> = {};
  for (const field of ['adults', 'minors'] as const) {
    const v = draft[field].trim();
    if (v !== '' && count(v) === undefined) out[field] = 'count';
  }
  return out;
}

/** What a programme offers in one stage: its eligible components there, and their sum per currency. */
export interface StageCell {
  components: CompareCell['components'];
  totals: CurrencyTotal[];
  /** Some component is paid at actual cost (not in the sum). */
  actualCost: boolean;
  /** Some amount is a ceiling. */
  upTo: boolean;
}

export function stageCell(cell: CompareCell, stage: ComponentStage): StageCell {
  const components = cell.components.filter((c) => c.eligible && c.stage === stage);
  return {
    components,
    totals: sumByCurrency(components),
    actualCost: components.some((c) => c.actualCost),
    upTo: components.some((c) => c.upTo),
  };
}

/** Stages in which some programme offers something, in the order of the journey. */
export function stagesOffered(programmes: readonly CompareProgramme[]): ComponentStage[] {
  return STAGES.filter((s) =>
    programmes.some((p) =>
      [p.reference, p.household].some((cell) => cell?.components.some((c) => c.stage === s)),
    ),
  );
}

/** One bar of the chart: a programme's total in one currency, for the reference or the given household. */
export interface ChartBar {
  programmeId: string;
  name: string;
  reference: number;
  household: number | null;
}

export interface ChartGroup {
  currency: string;
  bars: ChartBar[];
  /** The longest bar (at least 1, so that an all-zero chart draws no NaN). */
  max: number;
}

/**
 * The chart's data: one group per currency (sums in different currencies are not comparable), each
 * with a bar per programme paying in it, largest first.
 */
export function chartGroups(programmes: readonly CompareProgramme[]): ChartGroup[] {
  const currencies = new Set<string>();
  for (const p of programmes) {
    for (const tt of [...p.reference.totals, ...(p.household?.totals ?? [])]) {
      if (tt.amount > 0) currencies.add(tt.currency);
    }
  }
  const amountIn = (totals: readonly CurrencyTotal[], currency: string) =>
    totals.find((x) => x.currency === currency)?.amount ?? 0;
  return [...currencies].sort().map((currency) => {
    const bars = programmes
      .map((p) => ({
        programmeId: p.id,
        name: p.name,
        reference: amountIn(p.reference.totals, currency),
        household: p.household ? amountIn(p.household.totals, currency) : null,
      }))
      .filter((b) => b.reference > 0 || (b.household ?? 0) > 0)
      .sort((a, b) => Math.max(b.reference, b.household ?? 0) - Math.max(a.reference, a.household ?? 0));
    const max = Math.max(1, ...bars.map((b) => Math.max(b.reference, b.household ?? 0)));
    return { currency, bars, max };
  });
}

/** A bar's length as a share of the longest (0–100, never below 0.5 for a non-zero amount). */
export function barPercent(amount: number, max: number): number {
  if (amount <= 0 || max <= 0) return 0;
  return Math.max(0.5, Math.min(100, (amount / max) * 100));
}
