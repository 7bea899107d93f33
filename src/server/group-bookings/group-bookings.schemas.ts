import { z } from 'zod';
import { RETURN_TYPES } from '../../domain/case-facts.ts';
import { NewCase } from '../cases/cases.schemas.ts';
import { OrganisationRef } from '../referrals/referrals.schemas.ts';

export const GROUP_BOOKING_STATUSES = ['announced', 'cancelled'] as const;
export const PLACE_STATUSES = ['open', 'converted', 'cancelled'] as const;
export const MAX_PLACES = 500;

const IsoDate = z.iso.date();

export const NewGroupBooking = z.strictObject({
  partnerOrganisationId: z
    .uuid()
    .describe('The reintegration partner that receives the returnees: an active reintegration partner'),
  operationReference: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .describe('The authority’s reference of the charter operation'),
  operationDate: IsoDate.describe('The day of the operation (departure)'),
  returnCountry: NewCase.shape.returnCountry,
  hostCountry: NewCase.shape.hostCountry,
  returnType: z.enum(RETURN_TYPES).default('assisted_voluntary'),
  places: z.number().int().min(1).max(MAX_PLACES).describe('How many persons the operation returns'),
  notes: z.string().trim().min(1).max(4000).optional(),
  programmeId: z
    .uuid()
    .optional()
    .describe(
      'A published programme of the authority covering the country of return; each converted case is enrolled in it',
    ),
});
export type NewGroupBooking = z.infer<typeof NewGroupBooking>;

export const GroupBookingListQuery = z.strictObject({
  status: z
    .enum(GROUP_BOOKING_STATUSES)
    .optional()
    .describe('Default: the authority sees all its bookings, the partner the announced ones'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const GroupBookingParams = z.object({ id: z.uuid() });
export const PlaceParams = z.object({
  id: z.uuid(),
  placeNumber: z.coerce.number().int().min(1).max(MAX_PLACES),
});

export const ConvertPlace = z.strictObject({
  persons: NewCase.shape.persons,
  administrativeStatus: NewCase.shape.administrativeStatus,
  arrivedOn: IsoDate.optional().describe(
    'The day the household arrived (not before the operation, not in the future): the case then starts at arrived, else at departed',
  ),
});
export type ConvertPlace = z.infer<typeof ConvertPlace>;

export const GroupBookingSummary = z
  .object({
    id: z.uuid(),
    operationReference: z.string(),
    operationDate: z.iso.date(),
    returnCountry: z.string(),
    hostCountry: z.string(),
    returnType: z.enum(RETURN_TYPES),
    places: z.number().int().describe('Places announced'),
    converted: z.number().int().describe('Places a real case was registered for'),
    open: z.number().int().describe('Places still to convert (0 once cancelled)'),
    status: z.enum(GROUP_BOOKING_STATUSES),
    authority: OrganisationRef,
    partner: OrganisationRef,
    programme: z.object({ id: z.uuid(), code: z.string() }).nullable(),
    notes: z.string().nullable(),
    createdAt: z.iso.datetime(),
    cancelledAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'GroupBookingSummary' });

export const GroupBookingPlace = z.object({
  placeNumber: z.number().int(),
  status: z.enum(PLACE_STATUSES),
  caseId: z.uuid().optional().describe('Converted places only'),
  caseReference: z.string().optional().describe('Converted places only'),
  convertedAt: z.iso.datetime().optional().describe('Converted places only'),
});

export const GroupBookingView = GroupBookingSummary.extend({
  placeList: z
    .array(GroupBookingPlace)
    .describe('Every place by number; an empty place holds no person, only its number'),
}).meta({ id: 'GroupBooking' });
