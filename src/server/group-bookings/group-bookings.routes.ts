import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { COMMON_ERRORS } from '../http/common.schemas.ts';
import { ProblemBody } from '../http/problem.schemas.ts';
import { SharedCaseView } from '../referrals/referrals.schemas.ts';
import {
  ConvertPlace,
  GroupBookingListQuery,
  GroupBookingParams,
  GroupBookingSummary,
  GroupBookingView,
  NewGroupBooking,
  PlaceParams,
} from './group-bookings.schemas.ts';
import * as service from './group-bookings.service.ts';

const WRITE_ERRORS = { ...COMMON_ERRORS, 409: ProblemBody, 422: ProblemBody } as const;

/** Group bookings (charter operations): N places announced without identities, converted one by one. */
export function groupBookingsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/group-bookings',
      {
        schema: {
          tags: ['group-bookings'],
          summary:
            'An authority announces a group return (charter operation) of N persons to a reintegration partner, without identities: N empty places',
          body: NewGroupBooking,
          response: { 201: GroupBookingView, ...WRITE_ERRORS },
        },
      },
      async (req, reply) => reply.status(201).send(await service.createBooking(ctx, req.actor, req.body)),
    );
    app.get(
      '/group-bookings',
      {
        schema: {
          tags: ['group-bookings'],
          summary:
            'Group bookings your organisation announced (an authority) or that were announced to it (a partner), latest operation first',
          querystring: GroupBookingListQuery,
          response: {
            200: z.object({ items: z.array(GroupBookingSummary), total: z.number().int() }),
            ...COMMON_ERRORS,
          },
        },
      },
      (req) => service.listBookings(ctx, req.actor, req.query),
    );
    app.get(
      '/group-bookings/:id',
      {
        schema: {
          tags: ['group-bookings'],
          summary: 'One group booking with its places (converted ones name their case)',
          params: GroupBookingParams,
          response: { 200: GroupBookingView, ...COMMON_ERRORS },
        },
      },
      (req) => service.getBooking(ctx, req.actor, req.params.id),
    );
    app.post(
      '/group-bookings/:id/cancel',
      {
        schema: {
          tags: ['group-bookings'],
          summary:
            'The authority cancels the group booking: places not converted are closed; converted cases are left as they are',
          params: GroupBookingParams,
          response: { 200: GroupBookingView, ...WRITE_ERRORS },
        },
      },
      (req) => service.cancelBooking(ctx, req.actor, req.params.id),
    );
    app.post(
      '/group-bookings/:id/places/:placeNumber/convert',
      {
        schema: {
          tags: ['group-bookings'],
          summary:
            'The partner registers the real household of one place, once the operation has taken place: a case of its own, funded and accepted by the authority (a place converts once)',
          params: PlaceParams,
          body: ConvertPlace,
          response: { 201: SharedCaseView, ...WRITE_ERRORS },
        },
      },
      async (req, reply) => {
        const created = await service.convertPlace(
          ctx,
          req.actor,
          req.params.id,
          req.params.placeNumber,
          req.body,
        );
        return reply.status(201).header('etag', `"${created.version}"`).send(created);
      },
    );
  };
}
