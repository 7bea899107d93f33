import type { z } from 'zod';
import { hasPermission } from '../../domain/permissions.ts';
import type { RETURN_TYPES } from '../../domain/case-facts.ts';
import { recordAudit, subjectOf } from '../audit/audit.service.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import type { AppContext } from '../context.ts';
import { problems } from '../http/problem.ts';
import { notify } from '../notifications/notifications.service.ts';
import { getSharedCase } from '../referrals/referrals.service.ts';
import { today, unprocessable } from '../referrals/workflow.service.ts';
import * as retroactiveRepo from '../retroactive/retroactive.repository.ts';
import {
  insertReturnedCase,
  namesAdded,
  notInFuture,
  requirePartnerActor,
} from '../retroactive/retroactive.service.ts';
import * as repo from './group-bookings.repository.ts';
import type {
  ConvertPlace,
  GroupBookingListQuery,
  GroupBookingSummary,
  GroupBookingView,
  NewGroupBooking,
} from './group-bookings.schemas.ts';

/**
 * Group bookings: an authority announces to a reintegration partner that N persons return on one
 * charter operation, before their identities are known. The booking holds N numbered, empty places
 * and never a person (the workaround of other tools, dummy persons born 1900-01-01, has no place
 * here). Once the operation has taken place, the partner converts a place by registering the real
 * household: a case of its own, funded by the authority and accepted by it (it announced the
 * return), at departed or, when the arrival is known, arrived. A place converts once; cancelling the
 * booking closes the places not converted and leaves the converted cases alone.
 */

const AUTHORITY_TYPES = ['return_authority', 'programme_office'];

function requireAuthorityActor(actorIn: Actor | null): Actor {
  const actor = requirePermission(actorIn, 'cases:read');
  if (
    !hasPermission(actor.permissions, 'cases:validate') &&
    !hasPermission(actor.permissions, 'cases:confirm_departure')
  ) {
    throw problems.forbidden(
      'This needs the permission "cases:validate" or "cases:confirm_departure", which your account does not have.',
    );
  }
  if (!AUTHORITY_TYPES.includes(actor.organisationType)) {
    throw problems.forbidden('Only a return authority or a programme office announces a group return.');
  }
  return actor;
}

function present(r: repo.BookingRow): z.infer<typeof GroupBookingSummary> {
  return {
    id: r.id,
    operationReference: r.operation_reference,
    operationDate: r.operation_date,
    returnCountry: r.return_country,
    hostCountry: r.host_country,
    returnType: r.return_type as (typeof RETURN_TYPES)[number],
    places: r.places,
    converted: Number(r.converted_count ?? 0),
    open: Number(r.open_count ?? 0),
    status: r.status,
    authority: { id: r.authority_organisation_id, name: r.authority_name },
    partner: { id: r.partner_organisation_id, name: r.partner_name },
    programme: r.programme_id ? { id: r.programme_id, code: r.programme_code ?? '' } : null,
    notes: r.notes,
    createdAt: r.created_at.toISOString(),
    cancelledAt: r.cancelled_at?.toISOString() ?? null,
  };
}

async function loadBooking(ctx: AppContext, actor: Actor, id: string) {
  const b = await repo.findBookingFor(ctx.db, actor.organisationId, id);
  if (!b) throw problems.notFound('group booking');
  return b;
}

export async function getBooking(
  ctx: AppContext,
  actorIn: Actor | null,
  id: string,
): Promise<z.infer<typeof GroupBookingView>> {
  const actor = requirePermission(actorIn, 'cases:read');
  const b = await loadBooking(ctx, actor, id);
  const places = await repo.placesOf(ctx.db, b.id);
  return {
    ...present(b),
    placeList: places.map((p) =>
      p.case_id
        ? {
            placeNumber: p.place_number,
            status: 'converted' as const,
            caseId: p.case_id,
            caseReference: p.reference ?? '',
            convertedAt: p.converted_at!.toISOString(),
          }
        : {
            placeNumber: p.place_number,
            status: p.cancelled_at ? ('cancelled' as const) : ('open' as const),
          },
    ),
  };
}

export async function listBookings(
  ctx: AppContext,
  actorIn: Actor | null,
  q: z.infer<typeof GroupBookingListQuery>,
) {
  const actor = requirePermission(actorIn, 'cases:read');
  const { rows, total } = await repo.listBookings(ctx.db, {
    organisationId: actor.organisationId,
    status: q.status,
    limit: q.limit,
    offset: q.offset,
  });
  return { items: rows.map(present), total };
}

export async function createBooking(ctx: AppContext, actorIn: Actor | null, body: NewGroupBooking) {
  const actor = requireAuthorityActor(actorIn);
  const partner = await retroactiveRepo.activeOrganisation(ctx.db, body.partnerOrganisationId);
  if (!partner || partner.type !== 'reintegration_partner') {
    throw unprocessable(
      'partnerOrganisationId',
      'must be the id of an active reintegration partner',
      'invalid-recipient',
    );
  }
  if (body.programmeId) {
    const programme = await retroactiveRepo.publishedProgrammeOf(
      ctx.db,
      actor.organisationId,
      body.programmeId,
    );
    if (!programme) {
      throw unprocessable(
        'programmeId',
        'must be a published programme of your organisation',
        'unknown-programme',
      );
    }
    if (!programme.countries_of_return.includes(body.returnCountry)) {
      throw unprocessable(
        'programmeId',
        `the programme does not cover the country of return ${body.returnCountry}`,
        'unknown-programme',
      );
    }
  }
  const own = await retroactiveRepo.activeOrganisation(ctx.db, actor.organisationId);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const { id } = await repo.insertBooking(trx, {
      authority_organisation_id: actor.organisationId,
      partner_organisation_id: partner.id,
      operation_reference: body.operationReference,
      operation_date: body.operationDate,
      return_country: body.returnCountry,
      host_country: body.hostCountry,
      return_type: body.returnType,
      places: body.places,
      notes: body.notes ?? null,
      programme_id: body.programmeId ?? null,
      created_by: actor.userId,
    });
    await repo.insertPlaces(trx, id, body.places);
    await recordAudit(trx, subjectOf(actor), {
      action: 'group_booking.create',
      targetType: 'group_booking',
      targetId: id,
      details: { partnerOrganisationId: partner.id, places: body.places, operationDate: body.operationDate },
    });
    await notify(trx, {
      organisationId: partner.id,
      permission: 'referrals:respond',
      caseId: null,
      type: 'group_booking.announced',
      params: {
        count: body.places,
        date: body.operationDate,
        ...(own ? { organisation: own.name } : {}),
      },
    });
    return id;
  });
  return getBooking(ctx, actor, id);
}

/** The authority cancels: places not converted are closed, converted cases stay as they are. */
export async function cancelBooking(ctx: AppContext, actorIn: Actor | null, id: string) {
  const actor = requirePermission(actorIn, 'cases:read');
  const b = await loadBooking(ctx, actor, id);
  if (b.authority_organisation_id !== actor.organisationId) {
    throw problems.forbidden('Only the authority that announced the group return may cancel it.');
  }
  requireAuthorityActor(actor);
  if (b.status !== 'announced') throw problems.conflict('The group booking is already cancelled.');
  await ctx.db.transaction().execute(async (trx) => {
    const done = await repo.cancelBooking(trx, actor.organisationId, id, actor.userId);
    if (!done) throw problems.conflict('The group booking is already cancelled.');
    await recordAudit(trx, subjectOf(actor), {
      action: 'group_booking.cancel',
      targetType: 'group_booking',
      targetId: id,
      details: { cancelledPlaces: done.cancelledPlaces },
    });
    await notify(trx, {
      organisationId: b.partner_organisation_id,
      permission: 'referrals:respond',
      caseId: null,
      type: 'group_booking.cancelled',
      // The operation's reference is free text: the notice names the day, as the announcement did.
      params: {
        date: b.operation_date,
        count: done.cancelledPlaces,
        organisation: b.authority_name,
      },
    });
  });
  return getBooking(ctx, actor, id);
}

/**
 * The partner registers the household that took one place: a real case, owned by the partner,
 * funded and already accepted by the authority, departed on the operation date. The place is locked
 * first and filled only while empty, and a case fills one place (unique constraint): of two
 * concurrent conversions of the same place one gets the case, the other a 409 and nothing written.
 */
export async function convertPlace(
  ctx: AppContext,
  actorIn: Actor | null,
  id: string,
  placeNumber: number,
  body: ConvertPlace,
) {
  const reader = requirePermission(actorIn, 'cases:read');
  const b = await loadBooking(ctx, reader, id);
  if (b.partner_organisation_id !== reader.organisationId) {
    throw problems.forbidden('Only the partner the group return was announced to converts its places.');
  }
  const actor = requirePartnerActor(reader, 'converts a place of a group return');
  if (b.status !== 'announced') throw problems.conflict('The group booking was cancelled.');
  if (placeNumber > b.places) throw problems.notFound('place');
  if (b.operation_date > today()) {
    throw problems.conflict(
      `The operation is on ${b.operation_date}: its places are converted once it has taken place.`,
      { convertibleFrom: b.operation_date },
    );
  }
  if (body.arrivedOn) {
    notInFuture('arrivedOn', body.arrivedOn);
    if (body.arrivedOn < b.operation_date) {
      throw unprocessable(
        'arrivedOn',
        `cannot be before the operation on ${b.operation_date}`,
        'invalid-date',
      );
    }
  }
  const created = await ctx.db.transaction().execute(async (trx) => {
    const place = await repo.lockPlace(trx, b.id, placeNumber);
    if (!place) throw problems.notFound('place');
    if (place.case_id) {
      throw problems.conflict(`Place ${placeNumber} was already converted (case ${place.reference ?? ''}).`, {
        caseId: place.case_id,
      });
    }
    if (place.cancelled_at) throw problems.conflict('The group booking was cancelled.');
    const c = await insertReturnedCase(trx, actor, {
      household: {
        hostCountry: b.host_country,
        returnCountry: b.return_country,
        returnType: b.return_type as (typeof RETURN_TYPES)[number],
        administrativeStatus: body.administrativeStatus,
        persons: body.persons,
      },
      fundingOrganisationId: b.authority_organisation_id,
      departedOn: b.operation_date,
      arrivedOn: body.arrivedOn ?? null,
      retroactiveStatus: 'accepted',
      programmeId: b.programme_id,
      programmePath: 'programmeId',
      event: {
        type: 'group_booking.converted',
        details: { bookingId: b.id, placeNumber, operationReference: b.operation_reference },
      },
    });
    let filled;
    try {
      filled = await repo.fillPlace(trx, place.id, c.id, actor.userId);
    } catch (err) {
      if ((err as { code?: string }).code === '23505') {
        throw problems.conflict(`Place ${placeNumber} was already converted.`);
      }
      throw err;
    }
    if (!filled) throw problems.conflict(`Place ${placeNumber} was already converted.`);
    await recordAudit(trx, subjectOf(actor), {
      action: 'group_booking.convert',
      targetType: 'group_booking',
      targetId: b.id,
      details: { placeNumber, caseId: c.id },
    });
    // The catalogue has no "place converted" notice: the authority learns of the household's arrival,
    // or of its departure on the operation, on the new case.
    await notify(trx, {
      organisationId: b.authority_organisation_id,
      permission: 'cases:confirm_departure',
      caseId: c.id,
      type: body.arrivedOn ? 'arrival.confirmed' : 'departure.confirmed',
      params: {
        reference: c.reference,
        date: body.arrivedOn ?? b.operation_date,
        organisation: b.partner_name,
      },
    });
    return c;
  });
  namesAdded(ctx);
  return getSharedCase(ctx, actor, created.id);
}
