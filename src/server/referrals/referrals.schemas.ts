import { z } from 'zod';
import { CONSENT_DATA_CATEGORIES, VULNERABILITY_CATEGORIES } from '../../domain/case-facts.ts';
import { CASE_STAGES } from '../../domain/case-workflow.ts';
import {
  ADMINISTRATIVE_STATUSES,
  DocumentInput,
  RELATIONSHIPS,
  RETURN_TYPES,
  SEXES,
} from '../cases/cases.schemas.ts';

const Text = (max: number) => z.string().trim().min(1).max(max);
const IsoDate = z.iso.date();
const Reason = {
  reasonCode: z.string().trim().min(1).max(60).optional().describe('A coded reason (see the case workflow)'),
  comment: Text(2000).optional(),
};

export const ReferralParams = z.object({ id: z.uuid() });

export const OrganisationRef = z.object({ id: z.uuid(), name: z.string() }).meta({ id: 'OrganisationRef' });

// The application (KM1) choices -------------------------------------------------------------------

export const ApplicationChoice = z.strictObject({
  partnerOrganisationId: z
    .uuid()
    .nullable()
    .optional()
    .describe('The reintegration partner the case will be referred to on validation (null: none)'),
  originAuthorityOrganisationId: z
    .uuid()
    .nullable()
    .optional()
    .describe('The origin authority to inform, where the consent covers it (null: none)'),
  fundingOrganisationId: z
    .uuid()
    .nullable()
    .optional()
    .describe(
      'The funding authority that validates: the funder of one of the case’s active enrolments (null: the owning organisation)',
    ),
});

const RecipientCheck = z.object({
  organisation: OrganisationRef,
  kind: z.enum(['partner', 'origin']),
  consentInForce: z.boolean().describe('A consent of the principal applicant to share with it is in force'),
  dataset: z
    .array(z.enum(CONSENT_DATA_CATEGORIES))
    .describe('The data categories it will receive (what the consent names, within its maximum)'),
});

export const ApplicationView = z
  .object({
    caseId: z.uuid(),
    stage: z.enum(CASE_STAGES),
    owner: OrganisationRef,
    funder: OrganisationRef.describe('The funding authority (the owner when none was chosen)'),
    partner: RecipientCheck.nullable(),
    originAuthority: RecipientCheck.nullable(),
    funderChoices: z
      .array(OrganisationRef)
      .describe('Funders of the case’s active enrolments: who may be chosen as funding authority'),
    blockers: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .describe('What stops the application from being submitted or validated now'),
    version: z.number().int(),
  })
  .meta({ id: 'Application' });

// Gates -------------------------------------------------------------------------------------------

export const ValidationDecision = z.strictObject({
  decision: z
    .enum(['validate', 'return', 'reject'])
    .describe('validate; return for changes; refuse for good'),
  ...Reason,
});

export const DepartureDecision = z.strictObject({
  outcome: z.enum(['departed', 'not_departed']).describe('not_departed closes the case and is final'),
  date: IsoDate.optional().describe('The day of departure (default today); not in the future'),
  ...Reason,
});

export const ArrivalBody = z.strictObject({
  arrivedOn: IsoDate.describe('The day the person arrived; not in the future, not before departure'),
});

export const DeclineBody = z.strictObject({
  reasonCode: z.string().trim().min(1).max(60).describe('Why the partner cannot take the referral'),
  comment: Text(2000).optional(),
});

export const TransferBody = z.strictObject({
  partnerOrganisationId: z.uuid().describe('The reintegration partner that takes the case over'),
  reasonCode: z.enum(['moved_to_other_provider', 'relocated', 'other']),
  comment: Text(2000).optional(),
});

// Referrals ---------------------------------------------------------------------------------------

export const REFERRAL_STATUSES = ['pending', 'accepted', 'declined', 'transferred', 'withdrawn'] as const;

export const ReferralView = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    caseReference: z.string(),
    stage: z
      .enum(CASE_STAGES)
      .nullable()
      .describe(
        'Null for a recipient that no longer has access to the case (the referral ended or consent was withdrawn)',
      ),
    kind: z.enum(['partner', 'origin']),
    status: z.enum(REFERRAL_STATUSES),
    sender: OrganisationRef,
    recipient: OrganisationRef,
    returnCountry: z.string(),
    referredAt: z.iso.datetime(),
    respondBy: z.iso.datetime(),
    respondedAt: z.iso.datetime().nullable(),
    reasonCode: z.string().nullable(),
    comment: z.string().nullable(),
    endedAt: z.iso.datetime().nullable(),
    waitingHours: z
      .number()
      .int()
      .nullable()
      .describe('While pending: hours since the referral (null once answered)'),
    overdue: z.boolean().describe('Pending past its respond-by time'),
  })
  .meta({ id: 'Referral' });

export const ReferralListQuery = z.strictObject({
  box: z
    .enum(['inbox', 'outbox'])
    .default('inbox')
    .describe('inbox: referrals to my organisation; outbox: referrals of cases it owns or funds'),
  caseId: z.uuid().optional().describe('Only the referrals of this case'),
  status: z.enum(REFERRAL_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** The names of what a reader of a shared case may do next (`allowedActions`). */
export const SHARED_CASE_ACTIONS = [
  'validate_application',
  'return_application',
  'reject_application',
  'accept_referral',
  'decline_referral',
  'acknowledge_referral',
  'confirm_departure',
  'record_not_departed',
  'request_departure_confirmation',
  'confirm_arrival',
  'submit_plan',
  'approve_plan',
  'return_plan',
  'record_delivery',
  'submit_final_report',
  'approve_final_report',
  'close_case',
  'decide_retroactive',
  'transfer_partner',
] as const;
export type SharedCaseAction = (typeof SHARED_CASE_ACTIONS)[number];

// What a recipient sees of a case ----------------------------------------------------------------

const SharedPerson = z.object({
  id: z.uuid(),
  relationship: z.enum(RELATIONSHIPS),
  givenNames: z.string().optional().describe('identity'),
  familyName: z.string().optional().describe('identity'),
  originalScriptName: z.string().nullable().optional().describe('identity'),
  otherSpellings: z.array(z.string()).optional().describe('identity'),
  dateOfBirth: z.string().nullable().optional().describe('identity'),
  dateOfBirthApproximate: z.boolean().optional().describe('identity'),
  sex: z.enum(SEXES).optional().describe('identity'),
  nationalities: z.array(z.string()).optional().describe('identity'),
  documents: z.array(DocumentInput).optional().describe('identity'),
  languages: z.array(z.string()).optional().describe('contact'),
  unaccompaniedMinor: z.boolean().optional().describe('family'),
});

const SharedEnrolment = z.object({
  programmeCode: z.string(),
  programmeVersion: z.number().int(),
  lines: z.array(
    z.object({
      componentCode: z.string(),
      name: z.string(),
      category: z.string(),
      modality: z.string(),
      stage: z.string(),
      currency: z.string(),
      amount: z
        .number()
        .nullable()
        .describe('What the enrolment allows, in currency units (null: actual cost)'),
      upTo: z.boolean(),
    }),
  ),
});

export const SharedCaseView = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    stage: z.enum(CASE_STAGES),
    relation: z.enum(['owner', 'funder', 'partner', 'origin']),
    dataset: z
      .array(z.enum(CONSENT_DATA_CATEGORIES))
      .describe('The data categories this view contains; fields of other categories are absent'),
    hostCountry: z.string(),
    returnCountry: z.string(),
    returnType: z.enum(RETURN_TYPES),
    owner: OrganisationRef,
    funder: OrganisationRef,
    partner: OrganisationRef.nullable(),
    originAuthority: OrganisationRef.nullable(),
    referral: ReferralView.nullable().describe('The open referral to the reader’s organisation'),
    retroactive: z.boolean(),
    retroactiveStatus: z.enum(['pending', 'accepted', 'declined']).nullable(),
    householdSize: z.number().int(),
    departedOn: z.string().nullable(),
    arrivedOn: z.string().nullable(),
    departureConfirmationRequestedAt: z.iso.datetime().nullable(),
    departureConfirmationRequestableFrom: z
      .string()
      .nullable()
      .describe('The first day the partner may request confirmation of departure'),
    persons: z
      .array(SharedPerson)
      .describe('The principal applicant; the family too with the category family'),
    legalStatus: z
      .object({
        administrativeStatus: z.enum(ADMINISTRATIVE_STATUSES).nullable(),
        returnDecisionDate: z.string().nullable(),
        departureDeadline: z.string().nullable(),
        entryBan: z.boolean(),
        entryBanUntil: z.string().nullable(),
        inDetention: z.boolean(),
      })
      .optional()
      .describe('legal_status'),
    travel: z.object({ plannedDepartureDate: z.string().nullable() }).optional().describe('travel'),
    counselling: z
      .array(
        z.object({
          heldAt: z.iso.datetime(),
          motivesFor: z.array(z.string()),
          motivesAgainst: z.array(z.string()),
          decision: z.string().nullable(),
        }),
      )
      .optional()
      .describe('counselling (coded motives and decision; never notes)'),
    vulnerabilities: z
      .array(z.object({ personId: z.uuid(), category: z.enum(VULNERABILITY_CATEGORIES) }))
      .optional()
      .describe(
        'health and vulnerabilities: only for readers of special-category data; each read is audited',
      ),
    enrolments: z.array(SharedEnrolment),
    timeline: z.array(
      z.object({
        at: z.iso.datetime(),
        type: z.string(),
        fromStage: z.string().nullable(),
        toStage: z.string().nullable(),
        reasonCode: z.string().nullable(),
        comment: z.string().nullable(),
        actorOrganisation: z.string().nullable(),
      }),
    ),
    allowedActions: z
      .array(z.enum(SHARED_CASE_ACTIONS))
      .describe('What the reader may do now, in the order of the journey'),
    version: z.number().int(),
  })
  .meta({ id: 'SharedCase' });
