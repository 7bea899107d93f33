/**
 * The machine-readable shape of an assistance programme: who may receive it (a rule tree over case
 * facts), what it offers (components with amount rules) and how it interacts with other programmes.
 * These zod schemas are the one contract: the API validates with them, the OpenAPI document is
 * generated from them, and the engine reads the parsed values. Semantic checks that a schema cannot
 * express (impossible conditions, unknown groups, instalments that do not add up) are in `rules.ts`.
 */
import { z } from 'zod';

export const PROGRAMME_STATUSES = ['draft', 'published', 'closed'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

export const COMPONENT_STAGES = ['pre_departure', 'post_arrival', 'reintegration'] as const;
export type ComponentStage = (typeof COMPONENT_STAGES)[number];

export const MODALITIES = ['cash', 'in_kind', 'service'] as const;
export type Modality = (typeof MODALITIES)[number];

export const COMPONENT_CATEGORIES = [
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
] as const;
export type ComponentCategory = (typeof COMPONENT_CATEGORIES)[number];

export const CURRENCIES = ['EUR', 'CHF', 'GBP', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'HUF', 'USD'] as const;
export type Currency = (typeof CURRENCIES)[number];

/**
 * Where the person stands in the procedure when they apply. Several programmes pay more to those
 * who decide early (StarthilfePlus historically: before the asylum decision more than within the
 * departure deadline). Derived from the case by `deriveFacts`.
 */
export const PROCEDURAL_STAGES = [
  'before_asylum_decision',
  'within_departure_deadline',
  'after_departure_deadline',
  'no_return_decision',
] as const;
export type ProceduralStage = (typeof PROCEDURAL_STAGES)[number];

/** The facts a rule may test, by the kind of value they hold. */
export const LIST_FACTS = [
  'nationality',
  'nationalityGroup',
  'returnCountry',
  'hostCountry',
  'administrativeStatus',
  'proceduralStage',
  'returnType',
  'vulnerability',
  'previousAssistance',
] as const;
export const NUMBER_FACTS = [
  'age',
  'adults',
  'minors',
  'householdSize',
  'daysBeforeDeparture',
  'daysUntilDeadline',
] as const;
export const BOOLEAN_FACTS = ['vulnerable', 'unaccompaniedMinor', 'inDetention', 'entryBan'] as const;
export const FACTS = [...LIST_FACTS, ...NUMBER_FACTS, ...BOOLEAN_FACTS] as const;
export type ListFact = (typeof LIST_FACTS)[number];
export type NumberFact = (typeof NUMBER_FACTS)[number];
export type BooleanFact = (typeof BOOLEAN_FACTS)[number];
export type Fact = (typeof FACTS)[number];

export const LIST_OPERATORS = ['in', 'not_in'] as const;
export const NUMBER_OPERATORS = ['eq', 'gt', 'gte', 'lt', 'lte'] as const;
export const BOOLEAN_OPERATORS = ['is'] as const;
export const OPERATORS = [...LIST_OPERATORS, ...NUMBER_OPERATORS, ...BOOLEAN_OPERATORS] as const;
export type Operator = (typeof OPERATORS)[number];

/** How deep a rule tree may nest, and how many nodes it may have (a guard against abuse). */
export const MAX_RULE_DEPTH = 12;
export const MAX_RULE_NODES = 300;

const Code = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'letters, digits, _ . - (at most 64)');
const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code in capitals, e.g. AF');
const IsoDate = z.iso.date();

const LANGUAGE_KEY = /^[a-z]{2,3}$/;
const Text = z.string().trim().min(1).max(4000);

export const LocalizedText = z
  .object({ en: Text })
  .catchall(Text)
  .superRefine((t, ctx) => {
    for (const key of Object.keys(t)) {
      if (!LANGUAGE_KEY.test(key)) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'keys are ISO 639 language codes, e.g. fr' });
      }
    }
    if (Object.keys(t).length > 30) ctx.addIssue({ code: 'custom', message: 'at most 30 languages' });
  })
  .meta({
    id: 'LocalizedText',
    description: 'A text in several languages, keyed by ISO 639 code; "en" is required and is the fallback',
    propertyNames: { type: 'string', pattern: '^[a-z]{2,3}$' },
    maxProperties: 30,
  });
export type LocalizedText = z.infer<typeof LocalizedText>;

export const FactCondition = z.strictObject({
  kind: z.literal('fact'),
  fact: z.enum(FACTS),
  op: z.enum(OPERATORS),
  value: z
    .union([z.number(), z.boolean(), z.array(z.string().min(1).max(64)).min(1).max(300)])
    .describe('A number for number facts, true/false for yes/no facts, a list of codes for list facts'),
});
export type FactCondition = z.infer<typeof FactCondition>;

export type Condition =
  | { kind: 'all'; conditions: Condition[] }
  | { kind: 'any'; conditions: Condition[] }
  | { kind: 'not'; condition: Condition }
  | FactCondition;

export const Condition: z.ZodType<Condition> = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('all'),
      get conditions() {
        return z.array(Condition).min(1).max(50);
      },
    }),
    z.strictObject({
      kind: z.literal('any'),
      get conditions() {
        return z.array(Condition).min(1).max(50);
      },
    }),
    z.strictObject({
      kind: z.literal('not'),
      get condition() {
        return Condition;
      },
    }),
    FactCondition,
  ])
  .meta({
    id: 'Condition',
    description:
      'A rule: all/any of several conditions, the negation of one, or a test of one case fact. ' +
      'List facts take in/not_in, number facts eq/gt/gte/lt/lte, yes/no facts is.',
  });

const Money = z
  .number()
  .min(0, 'an amount cannot be negative')
  .max(10_000_000)
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, { message: 'at most two decimals' });

const Amounts = {
  perAdult: Money.optional().describe('Paid for each adult (18 or over) of the household'),
  perMinor: Money.optional().describe('Paid for each minor of the household'),
  perHousehold: Money.optional().describe('Paid once for the household'),
};

export const AmountVariant = z.strictObject({
  label: LocalizedText.describe('Why this amount applies, e.g. "decided before the asylum decision"'),
  when: Condition,
  ...Amounts,
});

export const INSTALMENT_DUE = ['before_departure', 'on_arrival', 'after_arrival'] as const;

export const Instalment = z.strictObject({
  percent: z.number().gt(0).max(100),
  due: z.enum(INSTALMENT_DUE),
  monthsAfterArrival: z.number().int().min(0).max(60).optional(),
});

export const AmountRule = z
  .strictObject({
    ...Amounts,
    actualCost: z
      .boolean()
      .optional()
      .describe('Paid at actual cost (e.g. the ticket): no fixed sum; amounts, if any, are ceilings'),
    upTo: z.boolean().optional().describe('The amount is a ceiling (e.g. in-kind support up to 2,000 EUR)'),
    cap: Money.optional().describe('At most this much for the whole household'),
    vulnerabilityTopUp: z
      .strictObject({
        perVulnerablePerson: Money.optional(),
        perHousehold: Money.optional(),
      })
      .optional()
      .describe('Added when the household has a recorded vulnerability'),
    variants: z
      .array(AmountVariant)
      .max(20)
      .optional()
      .describe(
        'Amounts that replace the base amounts when their condition holds (first match wins), ' +
          'e.g. by procedural stage or nationality group',
      ),
    instalments: z
      .array(Instalment)
      .max(12)
      .optional()
      .describe('How the amount is paid; percents add up to 100'),
  })
  .meta({ id: 'AmountRule' });
export type AmountRule = z.infer<typeof AmountRule>;

export const Component = z
  .strictObject({
    code: Code.describe('Stable within the programme; enrolments and plans refer to it'),
    name: LocalizedText,
    description: LocalizedText.optional(),
    stage: z.enum(COMPONENT_STAGES),
    modality: z.enum(MODALITIES),
    category: z.enum(COMPONENT_CATEGORIES),
    currency: z.enum(CURRENCIES),
    eligibility: Condition.optional().describe('Extra condition for this component only'),
    amount: AmountRule,
  })
  .meta({ id: 'ProgrammeComponent' });
export type Component = z.infer<typeof Component>;

export const INTERACTION_TYPES = ['requires', 'not_combinable', 'offset'] as const;
export type InteractionType = (typeof INTERACTION_TYPES)[number];

export const Interaction = z
  .strictObject({
    type: z.enum(INTERACTION_TYPES),
    programmeCode: Code,
    category: z
      .enum(COMPONENT_CATEGORIES)
      .optional()
      .describe('For an offset: the need whose amount is reduced by what the other programme pays for it'),
  })
  .meta({
    id: 'ProgrammeInteraction',
    description:
      'requires: only with the other programme; not_combinable: one or the other; ' +
      'offset: reduced by what the other programme pays for the same category of need',
  });
export type Interaction = z.infer<typeof Interaction>;

export const NationalityGroup = z.strictObject({
  code: Code,
  name: LocalizedText,
  countries: z.array(CountryCode).min(1).max(250),
});
export type NationalityGroup = z.infer<typeof NationalityGroup>;

/** Everything about a programme that changes by version. */
export const ProgrammeDefinition = z
  .strictObject({
    name: LocalizedText,
    summary: LocalizedText.describe('One or two sentences in plain language, shown in the public finder'),
    description: LocalizedText.optional(),
    contact: LocalizedText.optional().describe('Whom the person contacts: office, telephone, web address'),
    implementingOrganisationIds: z.array(z.uuid()).max(20).default([]),
    validFrom: IsoDate,
    validTo: IsoDate.nullable().default(null),
    countriesOfReturn: z.array(CountryCode).min(1).max(250),
    hostCountries: z
      .array(CountryCode)
      .max(50)
      .default([])
      .describe('Where the programme runs; empty means anywhere'),
    leadTimeDays: z
      .number()
      .int()
      .min(0)
      .max(365)
      .nullable()
      .default(null)
      .describe('The application must be made at least this many days before departure'),
    departureConfirmationAfterDays: z
      .number()
      .int()
      .min(1)
      .max(365)
      .optional()
      .describe(
        'From this many days after the planned departure (30 when absent), the partner may request confirmation of departure',
      ),
    nationalityGroups: z.array(NationalityGroup).max(20).default([]),
    eligibility: Condition.nullable().default(null),
    interactions: z.array(Interaction).max(20).default([]),
    components: z.array(Component).min(1).max(30),
  })
  .meta({ id: 'ProgrammeDefinition' });
export type ProgrammeDefinition = z.infer<typeof ProgrammeDefinition>;
export type ProgrammeDefinitionInput = z.input<typeof ProgrammeDefinition>;

/** A programme as the engine sees it: identity, status and the version in force. */
export interface Programme {
  id: string;
  code: string;
  status: ProgrammeStatus;
  funderOrganisationId: string;
  version: number;
  definition: ProgrammeDefinition;
}

/** Picks a text in the wanted language, else English, else any. */
export function localize(text: LocalizedText | undefined, lang: string): string {
  if (!text) return '';
  return text[lang] ?? text.en ?? Object.values(text)[0] ?? '';
}
