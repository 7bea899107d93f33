import { z } from 'zod';
import {
  CONSENT_DATA_CATEGORIES,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  COUNSELLING_DECISIONS,
  COUNSELLING_MODES,
  INFORMATION_SOURCES,
  MOTIVES_AGAINST_RETURN,
  MOTIVES_FOR_RETURN,
  VULNERABILITY_CATEGORIES,
} from '../../domain/case-facts.ts';

const Language = z.string().regex(/^[a-z]{2,3}$/, 'an ISO 639 code, e.g. ar, fa, ru');
const Text = (max: number) => z.string().trim().min(1).max(max);

/** Clocks of the client and the server may differ by this much. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** A date-time with offset that has already happened (a record of something done). */
const PastDateTime = () =>
  z.iso
    .datetime({ offset: true })
    .refine((v) => Date.parse(v) <= Date.now() + CLOCK_SKEW_MS, 'cannot be in the future');

export const CaseAndItemParams = z.object({ id: z.uuid(), itemId: z.uuid() });

export const NewCounsellingSession = z.strictObject({
  heldAt: PastDateTime(),
  mode: z.enum(COUNSELLING_MODES),
  interpreterLanguage: Language.optional(),
  topics: z.array(Text(100)).max(20).optional(),
  motivesFor: z.array(z.enum(MOTIVES_FOR_RETURN)).max(MOTIVES_FOR_RETURN.length).optional(),
  motivesAgainst: z.array(z.enum(MOTIVES_AGAINST_RETURN)).max(MOTIVES_AGAINST_RETURN.length).optional(),
  motivesText: Text(4000).optional(),
  informationSource: z.enum(INFORMATION_SOURCES).optional(),
  decision: z.enum(COUNSELLING_DECISIONS).optional(),
  restrictedNotes: Text(8000).optional().describe('Shown only to roles that may read special-category data'),
});

export const CounsellingSessionView = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    heldAt: z.iso.datetime(),
    mode: z.enum(COUNSELLING_MODES),
    interpreterLanguage: z.string().nullable(),
    counsellorId: z.uuid().nullable(),
    topics: z.array(z.string()),
    motivesFor: z.array(z.enum(MOTIVES_FOR_RETURN)),
    motivesAgainst: z.array(z.enum(MOTIVES_AGAINST_RETURN)),
    motivesText: z.string().nullable(),
    informationSource: z.enum(INFORMATION_SOURCES).nullable(),
    decision: z.enum(COUNSELLING_DECISIONS).nullable(),
    restrictedNotes: z.string().nullable().optional(),
  })
  .meta({ id: 'CounsellingSession' });

export const NewConsent = z
  .strictObject({
    personId: z.uuid(),
    purpose: z.enum(CONSENT_PURPOSES),
    recipientOrganisationId: z.uuid().optional(),
    dataCategories: z.array(z.enum(CONSENT_DATA_CATEGORIES)).min(1).max(CONSENT_DATA_CATEGORIES.length),
    method: z.enum(CONSENT_METHODS),
    informationSheetVersion: Text(50).optional(),
    informationSheetLanguage: Language.optional(),
    witnessName: Text(200).optional(),
    givenAt: PastDateTime(),
  })
  .superRefine((c, ctx) => {
    if (c.method === 'online') {
      for (const field of ['informationSheetVersion', 'informationSheetLanguage'] as const) {
        if (!c[field]) {
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: 'online consent records the information sheet version and language shown',
          });
        }
      }
    }
    if (c.method === 'witnessed_verbal' && !c.witnessName) {
      ctx.addIssue({ code: 'custom', path: ['witnessName'], message: 'verbal consent needs a witness' });
    }
  });

export const ConsentWithdrawal = z.strictObject({
  withdrawnAt: PastDateTime().optional(),
  effect: Text(2000).optional().describe('What the withdrawal stops (e.g. sharing with the partner)'),
});

export const ConsentView = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    personId: z.uuid(),
    purpose: z.enum(CONSENT_PURPOSES),
    recipientOrganisationId: z.uuid().nullable(),
    dataCategories: z.array(z.enum(CONSENT_DATA_CATEGORIES)),
    method: z.enum(CONSENT_METHODS),
    informationSheetVersion: z.string().nullable(),
    informationSheetLanguage: z.string().nullable(),
    witnessName: z.string().nullable(),
    givenAt: z.iso.datetime(),
    withdrawnAt: z.iso.datetime().nullable(),
    withdrawalEffect: z.string().nullable(),
    active: z.boolean(),
  })
  .meta({ id: 'Consent' });

export const NewVulnerability = z.strictObject({
  personId: z.uuid(),
  category: z.enum(VULNERABILITY_CATEGORIES),
  details: Text(4000).optional(),
});

export const VulnerabilityView = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    personId: z.uuid(),
    category: z.enum(VULNERABILITY_CATEGORIES),
    details: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Vulnerability' });
