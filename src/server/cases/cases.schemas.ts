import { z } from 'zod';
import { ADMINISTRATIVE_STATUSES, RETURN_TYPES } from '../../domain/case-facts.ts';
import { CASE_STAGES } from '../../domain/case-workflow.ts';

export { ADMINISTRATIVE_STATUSES, RETURN_TYPES };

export const RELATIONSHIPS = [
  'principal',
  'spouse',
  'child',
  'parent',
  'sibling',
  'other_relative',
  'other',
] as const;
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export const DOCUMENT_TYPES = [
  'passport',
  'national_id',
  'travel_document',
  'laissez_passer',
  'birth_certificate',
  'other',
] as const;
export const DOCUMENT_STATUSES = [
  'with_person',
  'held_by_authorities',
  'lost',
  'stolen',
  'expired',
  'never_held',
  'requested',
] as const;

const Country = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'an ISO 3166-1 alpha-2 code')
  .transform((c) => c.toUpperCase());
const Language = z.string().regex(/^[a-z]{2,3}$/, 'an ISO 639 code, e.g. ar, fa, ru');
const IsoDate = z.iso.date();
const Name = z.string().trim().min(1).max(200);

export const DocumentInput = z.strictObject({
  type: z.enum(DOCUMENT_TYPES),
  number: z.string().trim().min(1).max(60).optional(),
  issuingCountry: Country.optional(),
  expiresOn: IsoDate.optional(),
  status: z.enum(DOCUMENT_STATUSES),
});

export const PersonInput = z.strictObject({
  relationship: z.enum(RELATIONSHIPS),
  givenNames: Name,
  familyName: Name,
  originalScriptName: z.string().trim().min(1).max(200).optional(),
  otherSpellings: z.array(Name).max(20).optional(),
  dateOfBirth: IsoDate.optional(),
  dateOfBirthApproximate: z.boolean().optional(),
  sex: z.enum(SEXES),
  nationalities: z.array(Country).max(5).optional(),
  languages: z.array(Language).max(10).optional(),
  unaccompaniedMinor: z.boolean().optional(),
  documents: z.array(DocumentInput).max(10).optional(),
});
export type PersonInput = z.infer<typeof PersonInput>;

export const PersonPatch = PersonInput.partial().extend({ version: z.number().int().min(1).optional() });

const LegalFields = {
  administrativeStatus: z.enum(ADMINISTRATIVE_STATUSES).nullable().optional(),
  returnDecisionDate: IsoDate.nullable().optional(),
  departureDeadline: IsoDate.nullable().optional(),
  entryBan: z.boolean().optional(),
  entryBanUntil: IsoDate.nullable().optional(),
  inDetention: z.boolean().optional(),
  plannedDepartureDate: IsoDate.nullable().optional(),
};

export const NewCase = z.strictObject({
  hostCountry: Country,
  returnCountry: Country,
  returnType: z.enum(RETURN_TYPES),
  counsellorId: z.uuid().optional(),
  ...LegalFields,
  persons: z
    .array(PersonInput)
    .min(1)
    .max(30)
    .refine((ps) => ps.filter((p) => p.relationship === 'principal').length === 1, {
      message: 'exactly one person must be the principal',
    }),
});
export type NewCase = z.infer<typeof NewCase>;

export const CasePatch = z.strictObject({
  counsellorId: z.uuid().nullable().optional(),
  returnCountry: Country.optional(),
  returnType: z.enum(RETURN_TYPES).optional(),
  ...LegalFields,
});
export type CasePatch = z.infer<typeof CasePatch>;

export const DocumentView = z.object({
  type: z.enum(DOCUMENT_TYPES),
  number: z.string().optional(),
  issuingCountry: z.string().optional(),
  expiresOn: z.string().optional(),
  status: z.enum(DOCUMENT_STATUSES),
});

export const PersonView = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    relationship: z.enum(RELATIONSHIPS),
    givenNames: z.string(),
    familyName: z.string(),
    originalScriptName: z.string().nullable(),
    otherSpellings: z.array(z.string()),
    dateOfBirth: z.iso.date().nullable(),
    dateOfBirthApproximate: z.boolean(),
    sex: z.enum(SEXES),
    nationalities: z.array(z.string()),
    languages: z.array(z.string()),
    unaccompaniedMinor: z.boolean(),
    documents: z.array(DocumentView),
    version: z.number().int(),
  })
  .meta({ id: 'Person' });

export const CaseView = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    organisationId: z.uuid(),
    counsellorId: z.uuid().nullable(),
    hostCountry: z.string(),
    returnCountry: z.string(),
    returnType: z.enum(RETURN_TYPES),
    stage: z.enum(CASE_STAGES),
    administrativeStatus: z.enum(ADMINISTRATIVE_STATUSES).nullable(),
    returnDecisionDate: z.iso.date().nullable(),
    departureDeadline: z.iso.date().nullable(),
    entryBan: z.boolean(),
    entryBanUntil: z.iso.date().nullable(),
    inDetention: z.boolean(),
    plannedDepartureDate: z.iso.date().nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    persons: z.array(PersonView),
    allowedTransitions: z.array(
      z.object({ to: z.enum(CASE_STAGES), label: z.string(), reasonRequired: z.boolean() }),
    ),
  })
  .meta({ id: 'Case' });

export const CaseSummary = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    stage: z.enum(CASE_STAGES),
    hostCountry: z.string(),
    returnCountry: z.string(),
    returnType: z.enum(RETURN_TYPES),
    counsellorId: z.uuid().nullable(),
    departureDeadline: z.iso.date().nullable(),
    principalName: z.string().nullable(),
    householdSize: z.number().int(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'CaseSummary' });

export const CaseListQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('Reference, name (any script or spelling) or document number'),
  stage: z.enum(CASE_STAGES).optional(),
  returnCountry: Country.optional(),
  counsellorId: z.uuid().optional(),
  deadlineWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  queue: z.enum(['mine', 'deadlines', 'awaiting_validation']).optional(),
  vulnerable: z
    .enum(['true', 'false'])
    .optional()
    .describe(
      'Only cases with (true) or without (false) a recorded vulnerability; needs special-category access',
    ),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export const TransitionBody = z.strictObject({
  to: z.enum(CASE_STAGES),
  reasonCode: z.string().trim().min(1).max(60).optional(),
  comment: z.string().trim().max(4000).optional(),
});

export const CaseEventView = z
  .object({
    id: z.number().int(),
    at: z.iso.datetime(),
    actorLabel: z.string().nullable(),
    type: z.string(),
    fromStage: z.string().nullable(),
    toStage: z.string().nullable(),
    reasonCode: z.string().nullable(),
    comment: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'CaseEvent' });

export const IfMatchHeaders = z.object({
  'if-match': z
    .string()
    .regex(/^(W\/)?"?\d{1,9}"?$/, 'the case version, e.g. "3"')
    .optional()
    .describe('The version the change is based on; a stale one gets 412'),
});

/** The version an If-Match header names (`"3"`, `W/"3"` or `3`), if any. */
export function versionFrom(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined) return undefined;
  return Number(ifMatch.replace(/^W\//, '').replaceAll('"', ''));
}

export const DuplicateQuery = z.strictObject({
  givenNames: Name,
  familyName: Name,
  originalScriptName: z.string().trim().min(1).max(200).optional(),
  otherSpellings: z.array(Name).max(20).optional(),
  dateOfBirth: IsoDate.optional(),
  dateOfBirthApproximate: z.boolean().optional(),
  sex: z.enum(SEXES).optional(),
  excludeCaseId: z.uuid().optional(),
});

export const PossibleDuplicate = z
  .object({
    personId: z.uuid(),
    caseId: z.uuid(),
    caseReference: z.string(),
    name: z.string(),
    dateOfBirth: z.iso.date().nullable(),
    score: z.number().min(0).max(1),
    reasons: z.array(
      z.enum([
        'similar_name',
        'same_name',
        'same_date_of_birth',
        'birth_year_close',
        'different_date_of_birth',
        'different_sex',
      ]),
    ),
  })
  .meta({ id: 'PossibleDuplicate' });
