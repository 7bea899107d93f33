/**
 * Types and TanStack Query hooks for group bookings (a charter operation announced to a partner as N
 * places without identities; the partner converts a place into a real case once the operation took
 * place). The shapes follow src/server/group-bookings/group-bookings.schemas.ts.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import { invalidateHandover, referralKeys, type OrganisationRef, type SharedCase } from './referrals.ts';
import type { AdministrativeStatus, NewPerson, ReturnType } from './types.ts';

export const GROUP_BOOKING_STATUSES = ['announced', 'cancelled'] as const;
export type GroupBookingStatus = (typeof GROUP_BOOKING_STATUSES)[number];
export const PLACE_STATUSES = ['open', 'converted', 'cancelled'] as const;
export type PlaceStatus = (typeof PLACE_STATUSES)[number];
export const MAX_PLACES = 500;

/** One row of GET /group-bookings. */
export interface GroupBookingSummary {
  id: string;
  operationReference: string;
  operationDate: string;
  returnCountry: string;
  hostCountry: string;
  returnType: ReturnType;
  /** Places announced. */
  places: number;
  /** Places a real case was registered for. */
  converted: number;
  /** Places still to convert (0 once cancelled). */
  open: number;
  status: GroupBookingStatus;
  authority: OrganisationRef;
  partner: OrganisationRef;
  programme: { id: string; code: string } | null;
  notes: string | null;
  createdAt: string;
  cancelledAt: string | null;
}

export interface GroupBookingPlace {
  placeNumber: number;
  status: PlaceStatus;
  caseId?: string;
  caseReference?: string;
  convertedAt?: string;
}

/** GET /group-bookings/{id} */
export interface GroupBooking extends GroupBookingSummary {
  placeList: GroupBookingPlace[];
}

/** POST /group-bookings */
export interface NewGroupBooking {
  partnerOrganisationId: string;
  operationReference: string;
  operationDate: string;
  returnCountry: string;
  hostCountry: string;
  returnType?: ReturnType;
  places: number;
  notes?: string;
  programmeId?: string;
}

/** POST /group-bookings/{id}/places/{n}/convert */
export interface ConvertPlace {
  persons: NewPerson[];
  administrativeStatus?: AdministrativeStatus | null;
  arrivedOn?: string;
}

export const groupBookingKeys = {
  all: ['group-bookings'] as const,
  list: (status: GroupBookingStatus | undefined, offset: number) =>
    ['group-bookings', 'list', status ?? 'default', offset] as const,
  one: (id: string) => ['group-bookings', 'one', id] as const,
};

export function useGroupBookings(status: GroupBookingStatus | undefined, limit: number, offset: number) {
  return useQuery({
    queryKey: groupBookingKeys.list(status, offset),
    queryFn: ({ signal }) =>
      api.get<{ items: GroupBookingSummary[]; total: number }>('/group-bookings', {
        query: { status, limit, offset },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useGroupBooking(id: string) {
  return useQuery({
    queryKey: groupBookingKeys.one(id),
    queryFn: ({ signal }) => api.get<GroupBooking>(`/group-bookings/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useAnnounceGroupBooking() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewGroupBooking) => api.post<GroupBooking>('/group-bookings', input),
    onSuccess: (booking) => {
      queryClient.setQueryData(groupBookingKeys.one(booking.id), booking);
      return queryClient.invalidateQueries({ queryKey: groupBookingKeys.all });
    },
  });
}

export function useCancelGroupBooking() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<GroupBooking>(`/group-bookings/${encodeURIComponent(id)}/cancel`),
    onSuccess: (booking) => {
      queryClient.setQueryData(groupBookingKeys.one(booking.id), booking);
      return queryClient.invalidateQueries({ queryKey: groupBookingKeys.all });
    },
  });
}

/** The partner registers the real household of one place: a case of its own. */
export function useConvertPlace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, placeNumber, input }: { id: string; placeNumber: number; input: ConvertPlace }) =>
      api.post<SharedCase>(`/group-bookings/${encodeURIComponent(id)}/places/${placeNumber}/convert`, input),
    onSuccess: async (view) => {
      queryClient.setQueryData(referralKeys.shared(view.id), view);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: groupBookingKeys.all }),
        invalidateHandover(queryClient, view.id),
      ]);
    },
  });
}
