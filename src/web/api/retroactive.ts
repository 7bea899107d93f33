/**
 * Types and TanStack Query hooks for retroactive intake (a partner registers a household that already
 * returned; the funding authority decides whether it funds the assistance). The shapes follow
 * src/server/retroactive/retroactive.schemas.ts.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseStage } from '../../domain/case-workflow.ts';
import { api } from './client.ts';
import { invalidateHandover, referralKeys, type OrganisationRef, type SharedCase } from './referrals.ts';
import type { AdministrativeStatus, NewPerson, ReturnType } from './types.ts';

export const RETROACTIVE_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type RetroactiveStatus = (typeof RETROACTIVE_STATUSES)[number];

/** The reasons a funding authority may give for declining to fund assistance after the return. */
export const RETROACTIVE_DECLINE_REASONS = ['ineligible', 'no_funds', 'duplicate_case', 'other'] as const;
export type RetroactiveDeclineReason = (typeof RETROACTIVE_DECLINE_REASONS)[number];

/** One row of GET /retroactive-cases. */
export interface RetroactiveCaseSummary {
  id: string;
  reference: string;
  stage: CaseStage;
  returnCountry: string;
  retroactiveStatus: RetroactiveStatus;
  registeredAt: string;
  funder: OrganisationRef;
  partner: OrganisationRef;
  departedOn: string | null;
  arrivedOn: string | null;
}

/** POST /retroactive-cases */
export interface NewRetroactiveCase {
  hostCountry: string;
  returnCountry: string;
  returnType: ReturnType;
  administrativeStatus?: AdministrativeStatus | null;
  persons: NewPerson[];
  fundingOrganisationId: string;
  departedOn: string;
  arrivedOn: string;
  programmeId?: string;
}

/** POST /cases/{id}/retroactive-decision */
export interface RetroactiveDecision {
  decision: 'accept' | 'decline';
  reasonCode?: RetroactiveDeclineReason;
  comment?: string;
}

export const retroactiveKeys = {
  all: ['retroactive-cases'] as const,
  list: (status: RetroactiveStatus | undefined, offset: number) =>
    ['retroactive-cases', status ?? 'all', offset] as const,
};

/** GET /retroactive-cases: those the organisation registered (a partner) or is asked to fund. */
export function useRetroactiveCases(status: RetroactiveStatus | undefined, limit: number, offset: number) {
  return useQuery({
    queryKey: retroactiveKeys.list(status, offset),
    queryFn: ({ signal }) =>
      api.get<{ items: RetroactiveCaseSummary[]; total: number }>('/retroactive-cases', {
        query: { status, limit, offset },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useRegisterRetroactiveCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewRetroactiveCase) => api.post<SharedCase>('/retroactive-cases', input),
    onSuccess: async (view) => {
      queryClient.setQueryData(referralKeys.shared(view.id), view);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: retroactiveKeys.all }),
        invalidateHandover(queryClient, view.id),
      ]);
    },
  });
}

/** The funding authority accepts or declines (final) to fund a retroactive case. */
export function useDecideRetroactive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, decision }: { caseId: string; decision: RetroactiveDecision }) =>
      api.post<SharedCase>(`/cases/${encodeURIComponent(caseId)}/retroactive-decision`, decision),
    onSuccess: async (view) => {
      queryClient.setQueryData(referralKeys.shared(view.id), view);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: retroactiveKeys.all }),
        invalidateHandover(queryClient, view.id),
      ]);
    },
  });
}
