import { z } from 'zod';
import { CASE_STAGES } from '../../domain/case-workflow.ts';
import { NewCase } from '../cases/cases.schemas.ts';
import { OrganisationRef } from '../referrals/referrals.schemas.ts';

export const RETROACTIVE_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type RetroactiveStatus = (typeof RETROACTIVE_STATUSES)[number];

/** The reasons a funding authority may give for declining to fund assistance after the return. */
export const RETROACTIVE_DECLINE_REASONS = ['ineligible', 'no_funds', 'duplicate_case', 'other'] as const;

const IsoDate = z.iso.date();

/** The household as a new case has it (one principal applicant), where it returned from and to. */
export const ReturnedHousehold = NewCase.pick({
  hostCountry: true,
  returnCountry: true,
  returnType: true,
  administrativeStatus: true,
  persons: true,
});

export const NewRetroactiveCase = ReturnedHousehold.extend({
  fundingOrganisationId: z
    .uuid()
    .describe(
      'The funding authority asked to fund the assistance: an active return authority or programme office',
    ),
  departedOn: IsoDate.describe('The day the household left the host country; not in the future'),
  arrivedOn: IsoDate.describe(
    'The day it arrived in the country of return; not before departure, not in the future',
  ),
  programmeId: z
    .uuid()
    .optional()
    .describe(
      'A published programme of that funding authority to enrol the case in (eligibility is checked)',
    ),
});
export type NewRetroactiveCase = z.infer<typeof NewRetroactiveCase>;

export const RetroactiveDecision = z.strictObject({
  decision: z
    .enum(['accept', 'decline'])
    .describe('accept: the funding authority funds the assistance; decline: it does not (final)'),
  reasonCode: z
    .enum(RETROACTIVE_DECLINE_REASONS)
    .optional()
    .describe('Needed to decline (other needs a comment); an acceptance takes none'),
  comment: z.string().trim().min(1).max(2000).optional(),
});
export type RetroactiveDecision = z.infer<typeof RetroactiveDecision>;

export const RetroactiveListQuery = z.strictObject({
  status: z.enum(RETROACTIVE_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const RetroactiveCaseSummary = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    stage: z.enum(CASE_STAGES),
    returnCountry: z.string(),
    retroactiveStatus: z.enum(RETROACTIVE_STATUSES),
    registeredAt: z.iso.datetime(),
    funder: OrganisationRef,
    partner: OrganisationRef,
    departedOn: z.iso.date().nullable(),
    arrivedOn: z.iso.date().nullable(),
  })
  .meta({ id: 'RetroactiveCaseSummary' });
