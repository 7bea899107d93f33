import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB, GroupBookingsTable } from '../../db/schema.ts';

/**
 * SQL of group bookings and their places. A booking is seen only by the authority that announced it
 * and the partner it was announced to: every read takes the reader's organisation.
 */

export async function insertBooking(db: Kysely<DB>, values: Insertable<GroupBookingsTable>) {
  return db.insertInto('group_bookings').values(values).returning('id').executeTakeFirstOrThrow();
}

/** The N empty places of a new booking, numbered 1..N, in one statement. */
export async function insertPlaces(db: Kysely<DB>, bookingId: string, count: number) {
  await sql`
    INSERT INTO group_booking_places (booking_id, place_number)
    SELECT ${bookingId}::uuid, n FROM generate_series(1, ${count}::int) AS n
  `.execute(db);
}

function bookings(db: Kysely<DB>) {
  return db
    .selectFrom('group_bookings as b')
    .innerJoin('organisations as a', 'a.id', 'b.authority_organisation_id')
    .innerJoin('organisations as p', 'p.id', 'b.partner_organisation_id')
    .leftJoin('programmes as g', 'g.id', 'b.programme_id')
    .selectAll('b')
    .select([
      'a.name as authority_name',
      'p.name as partner_name',
      'g.code as programme_code',
      (eb) =>
        eb
          .selectFrom('group_booking_places as x')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('x.booking_id', '=', 'b.id')
          .where('x.case_id', 'is not', null)
          .as('converted_count'),
      (eb) =>
        eb
          .selectFrom('group_booking_places as x')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('x.booking_id', '=', 'b.id')
          .where('x.case_id', 'is', null)
          .where('x.cancelled_at', 'is', null)
          .as('open_count'),
    ]);
}

export type BookingRow = NonNullable<Awaited<ReturnType<typeof findBookingFor>>>;

/** One booking as seen by an organisation party to it (its authority or its partner); else nothing. */
export async function findBookingFor(db: Kysely<DB>, organisationId: string, id: string) {
  return bookings(db)
    .where('b.id', '=', id)
    .where((eb) =>
      eb.or([
        eb('b.authority_organisation_id', '=', organisationId),
        eb('b.partner_organisation_id', '=', organisationId),
      ]),
    )
    .executeTakeFirst();
}

export interface BookingFilter {
  organisationId: string;
  status?: 'announced' | 'cancelled' | undefined;
  limit: number;
  offset: number;
}

/**
 * The bookings an organisation announced, and those announced to it. Without a status: all of the
 * authority's, the partner's announced ones only. Latest operation first.
 */
export async function listBookings(db: Kysely<DB>, f: BookingFilter) {
  const scope = db
    .selectFrom('group_bookings as b')
    .where((eb) =>
      f.status
        ? eb.and([
            eb('b.status', '=', f.status),
            eb.or([
              eb('b.authority_organisation_id', '=', f.organisationId),
              eb('b.partner_organisation_id', '=', f.organisationId),
            ]),
          ])
        : eb.or([
            eb('b.authority_organisation_id', '=', f.organisationId),
            eb.and([
              eb('b.partner_organisation_id', '=', f.organisationId),
              eb('b.status', '=', 'announced'),
            ]),
          ]),
    );
  const [ids, count] = await Promise.all([
    scope
      .select(['b.id'])
      .orderBy('b.operation_date', 'desc')
      .orderBy('b.created_at', 'desc')
      .orderBy('b.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    scope.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const rows =
    ids.length === 0
      ? []
      : await bookings(db)
          .where(
            'b.id',
            'in',
            ids.map((r) => r.id),
          )
          .orderBy('b.operation_date', 'desc')
          .orderBy('b.created_at', 'desc')
          .orderBy('b.id')
          .execute();
  return { rows, total: Number(count.n) };
}

export async function placesOf(db: Kysely<DB>, bookingId: string) {
  return db
    .selectFrom('group_booking_places as x')
    .leftJoin('cases as c', 'c.id', 'x.case_id')
    .select(['x.place_number', 'x.case_id', 'x.converted_at', 'x.cancelled_at', 'c.reference'])
    .where('x.booking_id', '=', bookingId)
    .orderBy('x.place_number')
    .execute();
}

/** One place, locked for the rest of the transaction (a conversion or a cancellation takes it first). */
export async function lockPlace(db: Kysely<DB>, bookingId: string, placeNumber: number) {
  return db
    .selectFrom('group_booking_places as x')
    .leftJoin('cases as c', 'c.id', 'x.case_id')
    .select(['x.id', 'x.case_id', 'x.cancelled_at', 'c.reference'])
    .where('x.booking_id', '=', bookingId)
    .where('x.place_number', '=', placeNumber)
    .forUpdate('x')
    .executeTakeFirst();
}

/** Links an empty, open place to its case; undefined when it is no longer empty and open. */
export async function fillPlace(db: Kysely<DB>, placeId: string, caseId: string, userId: string | null) {
  return db
    .updateTable('group_booking_places')
    .set({ case_id: caseId, converted_at: new Date(), converted_by: userId })
    .where('id', '=', placeId)
    .where('case_id', 'is', null)
    .where('cancelled_at', 'is', null)
    .returning(['id'])
    .executeTakeFirst();
}

/** Cancels an announced booking of the authority and its places not converted; answers how many. */
export async function cancelBooking(
  db: Kysely<DB>,
  authorityOrganisationId: string,
  id: string,
  userId: string | null,
) {
  const now = new Date();
  const booking = await db
    .updateTable('group_bookings')
    .set({ status: 'cancelled', cancelled_at: now, cancelled_by: userId })
    .where('id', '=', id)
    .where('authority_organisation_id', '=', authorityOrganisationId)
    .where('status', '=', 'announced')
    .returning(['id'])
    .executeTakeFirst();
  if (!booking) return undefined;
  const places = await db
    .updateTable('group_booking_places')
    .set({ cancelled_at: now })
    .where('booking_id', '=', id)
    .where('case_id', 'is', null)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
  return { cancelledPlaces: Number(places.numUpdatedRows) };
}
