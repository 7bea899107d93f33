import { z } from 'zod';
import { RETURN_TYPES } from '../../domain/case-facts.ts';
import {
  COMPONENT_CATEGORIES,
  COMPONENT_STAGES,
  Component,
  CURRENCIES,
  INSTALMENT_DUE,
  LocalizedText,
  MODALITIES,
  PROCEDURAL_STAGES,
  PROGRAMME_STATUSES,
  ProgrammeDefinition,
} from '../../domain/programmes/definition.ts';
import { SITUATIONS } from '../../domain/programmes/households.ts';

const Country = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'an ISO 3166-1 alpha-2 code')
  .transform((c) => c.toUpperCase());
const IsoDate = z.iso.date();
export const ProgrammeCode = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'letters, digits, _ . - (at most 64)');
const Lang = z.string().regex(/^[a-z]{2,3}$/, 'an ISO 639 language code, e.g. fr');

export const EffectiveFrom = IsoDate.optional().describe(
  'The day this version starts to apply (default today). For a published programme it cannot be in the ' +
    'past nor before a version already scheduled: versions do not overlap.',
);

export const NewProgramme = ProgrammeDefinition.extend({
  code: ProgrammeCode.describe('Unique across the inventory; other programmes refer to it'),
  status: z.enum(['draft', 'published']).default('draft'),
});
export type NewProgramme = z.infer<typeof NewProgramme>;

export const ProgrammeChange = ProgrammeDefinition.extend({ effectiveFrom: EffectiveFrom });
export type ProgrammeChange = z.infer<typeof ProgrammeChange>;

export const ComponentChange = Component.extend({ effectiveFrom: EffectiveFrom });

export const StatusChange = z.strictObject({ status: z.enum(PROGRAMME_STATUSES) });

export const ProgrammeParams = z.object({ id: z.uuid() });
export const VersionParams = z.object({ id: z.uuid(), version: z.coerce.number().int().min(1).max(100_000) });
export const ComponentParams = z.object({ id: z.uuid(), code: ProgrammeCode });

export const ProgrammeListQuery = z.object({
  countryOfReturn: Country.optional(),
  funderOrganisationId: z.uuid().optional(),
  stage: z.enum(COMPONENT_STAGES).optional(),
  modality: z.enum(MODALITIES).optional(),
  category: z.enum(COMPONENT_CATEGORIES).optional(),
  status: z.enum(PROGRAMME_STATUSES).optional(),
  q: z.string().trim().max(100).optional().describe('Part of the code or English name'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const OrganisationRef = z.object({ id: z.uuid(), name: z.string() });

export const ProgrammeSummary = z
  .object({
    id: z.uuid(),
    code: z.string(),
    status: z.enum(PROGRAMME_STATUSES),
    version: z.number().int(),
    name: LocalizedText,
    summary: LocalizedText,
    funder: OrganisationRef,
    implementingOrganisations: z.array(OrganisationRef),
    countriesOfReturn: z.array(z.string()),
    stages: z.array(z.enum(COMPONENT_STAGES)),
    modalities: z.array(z.enum(MODALITIES)),
    categories: z.array(z.enum(COMPONENT_CATEGORIES)),
    validFrom: IsoDate,
    validTo: IsoDate.nullable(),
    updatedAt: z.iso.datetime(),
    canManage: z.boolean().describe('Whether the caller may change this programme'),
  })
  .meta({ id: 'ProgrammeSummary' });

export const ProgrammeVersionInfo = z.object({
  version: z.number().int(),
  effectiveFrom: IsoDate,
  createdAt: z.iso.datetime(),
});

export const ProgrammeView = ProgrammeSummary.extend({
  effectiveFrom: IsoDate.describe('When the current version started or starts to apply'),
  definition: ProgrammeDefinition,
  versions: z.array(ProgrammeVersionInfo),
}).meta({ id: 'ProgrammeView' });

export const ProgrammeVersionView = z.object({
  programmeId: z.uuid(),
  code: z.string(),
  version: z.number().int(),
  effectiveFrom: IsoDate,
  createdAt: z.iso.datetime(),
  definition: ProgrammeDefinition,
});

// Eligibility answers ----------------------------------------------------------------------------

const OUTCOMES = ['met', 'not_met', 'unknown'] as const;
const STATUSES = ['eligible', 'not_eligible', 'to_check'] as const;

export interface ReasonShape {
  outcome: (typeof OUTCOMES)[number];
  code: string;
  path: string;
  text: string;
  children?: ReasonShape[];
}

export const Reason: z.ZodType<ReasonShape> = z
  .object({
    outcome: z.enum(OUTCOMES),
    code: z.string().describe('check.* for a programme check, rule.* for a node of a rule tree'),
    path: z.string().describe('Where the rule sits in the programme definition'),
    text: z.string().describe('The reason in words, in the requested language'),
    get children() {
      return z.array(Reason).optional();
    },
  })
  .meta({ id: 'EligibilityReason' });

const Money = z.number().min(0);

export const ComponentResult = z
  .object({
    code: z.string(),
    name: z.string(),
    stage: z.enum(COMPONENT_STAGES),
    modality: z.enum(MODALITIES),
    category: z.enum(COMPONENT_CATEGORIES),
    currency: z.enum(CURRENCIES),
    status: z.enum(STATUSES),
    eligible: z.boolean(),
    reasons: z.array(Reason),
    amount: Money.nullable().describe('For this household; null when paid at actual cost'),
    upTo: z.boolean(),
    actualCost: z.boolean(),
    calculation: z.array(z.string()).describe('The arithmetic, line by line, in words'),
    instalments: z.array(
      z.object({
        percent: z.number(),
        due: z.enum(INSTALMENT_DUE),
        monthsAfterArrival: z.number().int().optional(),
        amount: Money,
      }),
    ),
  })
  .meta({ id: 'ComponentResult' });

const CurrencyTotal = z.object({ currency: z.string(), amount: Money });

export const ProgrammeResult = z
  .object({
    programmeId: z.uuid(),
    code: z.string(),
    version: z.number().int(),
    name: z.string(),
    status: z.enum(STATUSES),
    eligible: z.boolean(),
    reasons: z.array(Reason),
    components: z.array(ComponentResult),
    totals: z.array(CurrencyTotal),
  })
  .meta({ id: 'ProgrammeResult' });

export const CombinedPackage = z
  .object({
    programmeCodes: z.array(z.string()),
    excluded: z.array(z.object({ programmeCode: z.string(), reason: z.string() })),
    lines: z.array(
      z.object({
        programmeCode: z.string(),
        componentCode: z.string(),
        name: z.string(),
        stage: z.enum(COMPONENT_STAGES),
        modality: z.enum(MODALITIES),
        category: z.enum(COMPONENT_CATEGORIES),
        currency: z.string(),
        amountBefore: Money.nullable(),
        amount: Money.nullable(),
        upTo: z.boolean(),
        actualCost: z.boolean(),
        reductions: z.array(z.object({ byProgrammeCode: z.string(), amount: Money, text: z.string() })),
      }),
    ),
    totals: z.array(CurrencyTotal),
  })
  .meta({ id: 'CombinedPackage' });

export const EligibilityQuery = z.object({
  lang: Lang.optional().describe("The language of the explanation (default: the user's)"),
  scope: z
    .enum(['country', 'all'])
    .default('country')
    .describe("country: programmes covering the case's country of return; all: every published programme"),
});

export const HouseholdFacts = z.object({
  adults: z.number().int(),
  minors: z.number().int(),
  vulnerabilitiesVisible: z.boolean(),
  proceduralStage: z.enum(PROCEDURAL_STAGES).nullable(),
  daysBeforeDeparture: z.number().int().nullable(),
});

export const EnrolmentView = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    programmeId: z.uuid(),
    programmeCode: z.string(),
    programmeVersion: z.number().int(),
    status: z.enum(['active', 'withdrawn']),
    evaluatedOn: IsoDate,
    language: z.string(),
    snapshot: ProgrammeResult.describe(
      'The explanation and amounts as computed when enrolled; never rewritten',
    ),
    packageLines: CombinedPackage.shape.lines.describe(
      "This programme's lines of the package, after offsets",
    ),
    totals: z.array(CurrencyTotal),
    enrolledAt: z.iso.datetime(),
    enrolledBy: z.uuid().nullable(),
    withdrawnAt: z.iso.datetime().nullable(),
    withdrawalReason: z.string().nullable(),
  })
  .meta({ id: 'Enrolment' });

export const EligibilityView = z.object({
  caseId: z.uuid(),
  onDate: IsoDate,
  language: z.string(),
  household: HouseholdFacts,
  programmes: z.array(ProgrammeResult),
  package: CombinedPackage,
  enrolments: z.array(EnrolmentView),
});

export const NewEnrolment = z.strictObject({
  programmeId: z.uuid(),
  lang: Lang.optional().describe("The language the explanation is frozen in (default: the user's)"),
});

export const EnrolmentParams = z.object({ id: z.uuid(), enrolmentId: z.uuid() });
export const WithdrawEnrolment = z.strictObject({ reason: z.string().trim().min(1).max(2000) });

// Comparison and the public finder ---------------------------------------------------------------

const HouseholdQuery = {
  adults: z.coerce.number().int().min(0).max(20).optional(),
  minors: z.coerce.number().int().min(0).max(20).optional(),
  nationality: Country.optional(),
  situation: z.enum(SITUATIONS).optional(),
  vulnerable: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  returnType: z.enum(RETURN_TYPES).optional(),
  hostCountry: Country.optional().describe(
    'Where the household lives now (some programmes run in one country only)',
  ),
};

export const CompareQuery = z.object({
  countryOfReturn: Country,
  ...HouseholdQuery,
  lang: Lang.optional(),
});

export const HouseholdDescription = z.object({
  adults: z.number().int(),
  minors: z.number().int(),
  nationality: z.string(),
  situation: z.enum(SITUATIONS),
  vulnerable: z.boolean(),
  returnType: z.enum(RETURN_TYPES),
  hostCountry: z
    .string()
    .nullable()
    .describe("Where it lives (default: the reader's organisation's country)"),
});

const CompareCell = z.object({
  status: z.enum(STATUSES),
  totals: z.array(CurrencyTotal),
  components: z.array(
    ComponentResult.pick({
      code: true,
      name: true,
      stage: true,
      modality: true,
      category: true,
      currency: true,
      eligible: true,
      amount: true,
      upTo: true,
      actualCost: true,
    }),
  ),
});

export const CompareView = z.object({
  countryOfReturn: z.string(),
  onDate: IsoDate,
  referenceHousehold: HouseholdDescription,
  household: HouseholdDescription.nullable().describe('The household given in the query, if any'),
  programmes: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      name: z.string(),
      funder: OrganisationRef,
      version: z.number().int(),
      reference: CompareCell,
      household: CompareCell.nullable(),
    }),
  ),
});

export const FindQuery = z.object({
  countryOfReturn: Country,
  ...HouseholdQuery,
  lang: Lang.default('en'),
});

export const FindView = z.object({
  countryOfReturn: z.string(),
  language: z.string(),
  programmes: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      summary: z.string(),
      description: z.string().nullable(),
      contact: z.string().nullable(),
      funder: z.string(),
      implementedBy: z.array(z.string()),
      status: z
        .enum(['eligible', 'to_check'])
        .describe('eligible, or may be: depends on facts a counsellor checks'),
      toCheck: z.array(z.string()).describe('What a counsellor still has to check, in words'),
      offers: z.array(
        z.object({
          name: z.string(),
          stage: z.enum(COMPONENT_STAGES),
          modality: z.enum(MODALITIES),
          category: z.enum(COMPONENT_CATEGORIES),
          amount: Money.nullable(),
          currency: z.string(),
          upTo: z.boolean(),
          actualCost: z.boolean(),
        }),
      ),
      totals: z.array(CurrencyTotal),
    }),
  ),
});

export const PreviewBody = z.strictObject({
  code: ProgrammeCode.optional(),
  definition: ProgrammeDefinition,
  lang: Lang.optional(),
});

export const PreviewView = z.object({
  problems: z.array(z.object({ path: z.string(), message: z.string() })),
  households: z.array(
    z.object({
      key: z.string(),
      description: z.string(),
      returnCountry: z.string(),
      status: z.enum(STATUSES),
      totals: z.array(CurrencyTotal),
      failed: z.array(z.string()).describe('The first reasons that did not hold'),
    }),
  ),
});
