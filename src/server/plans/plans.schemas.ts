import { z } from 'zod';
import { NEED_DIMENSIONS, NEED_LEVELS, PLAN_MODALITIES, PLAN_STATUSES } from '../../domain/plans.ts';
import { OrganisationRef } from '../referrals/referrals.schemas.ts';

const Text = (max: number) => z.string().trim().min(1).max(max);
const IsoDate = z.iso.date();
const Currency = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code, e.g. EUR, IQD');
/** An amount in currency units with at most two decimals (stored in cents). */
const Money = z
  .number()
  .min(0)
  .max(10_000_000)
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, 'at most two decimals');

export const CaseLineParams = z.object({ id: z.uuid(), lineId: z.uuid() });

const Need = z.strictObject({
  level: z.enum(NEED_LEVELS),
  notes: Text(4000).optional(),
});

export const NeedsAssessment = z
  .strictObject({
    economic: Need.optional(),
    social: Need.optional(),
    psychosocial: Need.optional(),
  })
  .describe(`Needs in three dimensions: ${NEED_DIMENSIONS.join(', ')}`);

export const PlanLineInput = z.strictObject({
  id: z.uuid().optional().describe('An existing line of this plan to keep; absent for a new line'),
  enrolmentId: z.uuid().describe('The enrolment whose component pays for the line'),
  componentCode: Text(64),
  modality: z.enum(PLAN_MODALITIES),
  description: Text(500),
  amount: Money.describe('In the component’s currency (usually EUR)'),
  localCurrency: Currency.optional(),
  exchangeRate: z
    .number()
    .positive()
    .max(1_000_000)
    .optional()
    .describe('Units of local currency for one unit of the line’s currency'),
  localAmount: Money.optional().describe('Computed from the rate when absent'),
  supplier: Text(200).optional(),
  dueDate: IsoDate,
  beneficiaryPersonIds: z
    .array(z.uuid())
    .min(1)
    .max(20)
    .optional()
    .describe('Who benefits (default: the principal applicant)'),
});

export const PlanInput = z.strictObject({
  needs: NeedsAssessment,
  lines: z.array(PlanLineInput).max(50),
});

export const GateReturn = z.strictObject({
  reasonCode: z.enum(['plan_over_budget', 'plan_not_feasible', 'incomplete_file', 'other']),
  comment: Text(2000).optional(),
});

export const Justification = z.strictObject({
  text: z
    .string()
    .trim()
    .min(20, 'explain in at least 20 characters why the overlapping assistance is justified')
    .max(4000),
});

export const DeliveryInput = z.strictObject({
  kind: z.enum(['delivery', 'disbursement']),
  deliveredOn: IsoDate,
  amount: Money.refine((v) => v > 0, 'must be more than 0'),
  note: Text(2000).optional(),
  documentIds: z.array(z.uuid()).max(10).default([]).describe('Proofs: documents of this case'),
});

export const Overlap = z
  .object({
    category: z.string(),
    periodFrom: z.string(),
    periodTo: z.string(),
    contact: OrganisationRef.describe('The funding organisation of the other assistance: whom to contact'),
    partner: OrganisationRef.nullable().describe('Its reintegration partner, if any'),
  })
  .describe('Assistance funded elsewhere for the same need and period; never the other case itself')
  .meta({ id: 'AssistanceOverlap' });

const Delivery = z.object({
  id: z.uuid(),
  planLineId: z.uuid(),
  kind: z.enum(['delivery', 'disbursement']),
  deliveredOn: z.string(),
  amount: z.number(),
  note: z.string().nullable(),
  documentIds: z.array(z.uuid()),
  createdAt: z.iso.datetime(),
});

const PlanLineView = z.object({
  id: z.uuid(),
  position: z.number().int(),
  enrolmentId: z.uuid(),
  programmeCode: z.string(),
  componentCode: z.string(),
  category: z.string(),
  modality: z.enum(PLAN_MODALITIES),
  description: z.string(),
  currency: z.string(),
  amount: z.number(),
  localCurrency: z.string().nullable(),
  exchangeRate: z.number().nullable(),
  localAmount: z.number().nullable(),
  supplier: z.string().nullable(),
  dueDate: z.string(),
  beneficiaryPersonIds: z.array(z.uuid()),
  status: z.enum(['planned', 'approved', 'cancelled']),
  delivered: z.number(),
  remaining: z.number(),
  justification: z.string().nullable(),
  justifiedAt: z.iso.datetime().nullable(),
  deliveries: z.array(Delivery),
});

const Allowance = z.object({
  enrolmentId: z.uuid(),
  programmeCode: z.string(),
  componentCode: z.string(),
  name: z.string(),
  category: z.string(),
  currency: z.string(),
  allowed: z.number().nullable().describe('What the enrolment allows (null: actual cost, no ceiling)'),
  planned: z.number(),
  active: z.boolean(),
});

const GateState = z.object({
  status: z.enum(PLAN_STATUSES),
  submittedAt: z.iso.datetime().nullable(),
  validatedAt: z.iso.datetime().nullable(),
  approvedAt: z.iso.datetime().nullable(),
  returnedAt: z.iso.datetime().nullable(),
  returnedBy: z.enum(['partner', 'funder']).nullable(),
  returnReasonCode: z.string().nullable(),
  returnComment: z.string().nullable(),
});

export const PlanView = GateState.extend({
  caseId: z.uuid(),
  partner: OrganisationRef.nullable(),
  needs: NeedsAssessment,
  lines: z.array(PlanLineView),
  allowances: z.array(Allowance),
  totals: z.array(z.object({ currency: z.string(), planned: z.number(), delivered: z.number() })),
  version: z.number().int(),
}).meta({ id: 'ReintegrationPlan' });

export const OverlapReport = z
  .object({
    items: z.array(
      z.object({
        planLineId: z.uuid(),
        justified: z.boolean(),
        overlaps: z.array(Overlap),
      }),
    ),
  })
  .meta({ id: 'AssistanceOverlapReport' });

export const FinalReportInput = z.strictObject({
  situation: Text(8000).describe('The persons’ situation at the end of assistance'),
  finalMeetingOn: IsoDate.optional(),
  finalMeetingNotes: Text(8000).optional(),
  partnerAssessment: Text(8000),
  assessmentRating: z.enum(['very_good', 'good', 'fair', 'poor']).optional(),
});

export const FinalReportView = GateState.extend({
  caseId: z.uuid(),
  situation: z.string().nullable(),
  finalMeetingOn: z.string().nullable(),
  finalMeetingNotes: z.string().nullable(),
  partnerAssessment: z.string().nullable(),
  assessmentRating: z.enum(['very_good', 'good', 'fair', 'poor']).nullable(),
  spend: z
    .array(
      z.object({
        currency: z.string(),
        budgeted: z.number(),
        actual: z.number(),
        executionRate: z.number().nullable().describe('actual ÷ budgeted'),
      }),
    )
    .describe('Actual spend (deliveries) against the approved budget'),
  proofsMissing: z.number().int().describe('Deliveries recorded without a proof document'),
  version: z.number().int(),
}).meta({ id: 'FinalReport' });
