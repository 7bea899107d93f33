/**
 * The code lists of programme definitions, for the web app. They mirror the domain's
 * (src/domain/programmes/definition.ts), which builds zod schemas when loaded: copying the lists
 * keeps zod out of the browser bundle, and vocab.test.ts fails when the copies drift apart.
 */
import type {
  BooleanFact,
  ComponentCategory,
  ComponentStage,
  Currency,
  Fact,
  InteractionType,
  ListFact,
  Modality,
  NumberFact,
  Operator,
  ProceduralStage,
  ProgrammeStatus,
} from '../../../domain/programmes/definition.ts';

export const PROGRAMME_STATUSES: readonly ProgrammeStatus[] = ['draft', 'published', 'closed'];
export const COMPONENT_STAGES: readonly ComponentStage[] = ['pre_departure', 'post_arrival', 'reintegration'];
export const MODALITIES: readonly Modality[] = ['cash', 'in_kind', 'service'];
export const COMPONENT_CATEGORIES: readonly ComponentCategory[] = [
  'travel',
  'travel_allowance',
  'medical',
  'reception',
  'accommodation',
  'business_start_up',
  'training',
  'employment',
  'housing',
  'education',
  'psychosocial',
  'legal_documents',
  'family_tracing',
  'other',
];
export const CURRENCIES: readonly Currency[] = [
  'EUR',
  'CHF',
  'GBP',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CZK',
  'HUF',
  'USD',
];
export const PROCEDURAL_STAGES: readonly ProceduralStage[] = [
  'before_asylum_decision',
  'within_departure_deadline',
  'after_departure_deadline',
  'no_return_decision',
];
export const LIST_FACTS: readonly ListFact[] = [
  'nationality',
  'nationalityGroup',
  'returnCountry',
  'hostCountry',
  'administrativeStatus',
  'proceduralStage',
  'returnType',
  'vulnerability',
  'previousAssistance',
];
export const NUMBER_FACTS: readonly NumberFact[] = [
  'age',
  'adults',
  'minors',
  'householdSize',
  'daysBeforeDeparture',
  'daysUntilDeadline',
];
export const BOOLEAN_FACTS: readonly BooleanFact[] = [
  'vulnerable',
  'unaccompaniedMinor',
  'inDetention',
  'entryBan',
];
export const FACTS: readonly Fact[] = [...LIST_FACTS, ...NUMBER_FACTS, ...BOOLEAN_FACTS];

export type ListOperator = 'in' | 'not_in';
export type NumberOperator = 'eq' | 'gt' | 'gte' | 'lt' | 'lte';
export const LIST_OPERATORS: readonly ListOperator[] = ['in', 'not_in'];
export const NUMBER_OPERATORS: readonly NumberOperator[] = ['eq', 'gt', 'gte', 'lt', 'lte'];
export const BOOLEAN_OPERATORS: readonly Operator[] = ['is'];
export const OPERATORS: readonly Operator[] = [...LIST_OPERATORS, ...NUMBER_OPERATORS, ...BOOLEAN_OPERATORS];

export type InstalmentDue = 'before_departure' | 'on_arrival' | 'after_arrival';
export const INSTALMENT_DUE: readonly InstalmentDue[] = ['before_departure', 'on_arrival', 'after_arrival'];
export const INTERACTION_TYPES: readonly InteractionType[] = ['requires', 'not_combinable', 'offset'];

/** The whole numbers a number fact may be compared with (as the server's checks allow). */
export const NUMBER_RANGES: Readonly<Record<NumberFact, readonly [number, number]>> = {
  age: [0, 130],
  adults: [0, 50],
  minors: [0, 50],
  householdSize: [0, 60],
  daysBeforeDeparture: [-3650, 3650],
  daysUntilDeadline: [-3650, 3650],
};

export type FactKind = 'list' | 'number' | 'boolean';

export function factKind(fact: Fact): FactKind {
  if ((LIST_FACTS as readonly string[]).includes(fact)) return 'list';
  if ((NUMBER_FACTS as readonly string[]).includes(fact)) return 'number';
  return 'boolean';
}

/** The operators a fact of this kind takes. */
export function operatorsFor(fact: Fact): readonly Operator[] {
  const kind = factKind(fact);
  return kind === 'list' ? LIST_OPERATORS : kind === 'number' ? NUMBER_OPERATORS : BOOLEAN_OPERATORS;
}

/** List facts whose values are ISO country codes. */
export const COUNTRY_FACTS: readonly ListFact[] = ['nationality', 'returnCountry', 'hostCountry'];

export function isCountryFact(fact: Fact): boolean {
  return (COUNTRY_FACTS as readonly string[]).includes(fact);
}

/**
 * The languages a programme's texts are written in: those of the public finder. English is required
 * and is the fallback; a definition may carry others, which the editor keeps.
 */
export const TEXT_LANGUAGES = ['en', 'fr', 'ar', 'ru', 'fa', 'es'] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

/** Languages written right to left (inputs in them get dir="rtl"). */
export const RTL_LANGUAGES: ReadonlySet<string> = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb']);

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
