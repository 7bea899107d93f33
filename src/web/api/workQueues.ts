/**
 * Types and TanStack Query hooks for the work queues (GET /work-queues) and the cases other
 * organisations share with the reader's (GET /shared-cases). The shapes follow
 * src/server/work-queues/work-queues.routes.ts.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CaseStage } from '../../domain/case-workflow.ts';
import { api } from './client.ts';
import type { CaseRelation } from './referrals.ts';

/** The queues, in the server's order (src/server/work-queues/work-queues.service.ts). */
export const QUEUE_KEYS = [
  'applications_to_validate',
  'departures_to_confirm',
  'retroactive_to_decide',
  'plans_to_approve',
  'reports_to_approve',
  'referrals_to_answer',
  'arrivals_to_confirm',
  'plans_to_write',
  'deliveries_due',
  'reports_to_write',
  'plans_to_validate',
  'reports_to_validate',
  'applications_returned',
] as const;
export type QueueKey = (typeof QUEUE_KEYS)[number];

export interface QueueItem {
  caseId: string;
  reference: string;
  stage: CaseStage;
  returnCountry: string;
  /** When the case last changed (how long it has waited). */
  since: string;
  /** departures_to_confirm: the planned departure date. */
  due: string | null;
}

export interface WorkQueue {
  key: QueueKey;
  total: number;
  items: QueueItem[];
}

export const SHARED_PARTS = ['partner', 'funder', 'origin'] as const;
export type SharedPart = (typeof SHARED_PARTS)[number];

/** One row of GET /shared-cases. */
export interface SharedCaseSummary {
  id: string;
  reference: string;
  stage: CaseStage;
  returnCountry: string;
  relation: CaseRelation;
  retroactive: boolean;
  /** Only when the reader's organisation receives the identity category. */
  principalName: string | null;
  updatedAt: string;
}

export interface SharedCasesParams {
  part: SharedPart;
  stage?: CaseStage | undefined;
  limit?: number;
  offset?: number;
}

export const workKeys = {
  queues: (limit: number) => ['work-queues', limit] as const,
  shared: (params: SharedCasesParams) => ['shared-cases', params] as const,
};

/** GET /work-queues: the queues the user's permissions act in, each with its oldest cases. */
export function useWorkQueues(limit = 20) {
  return useQuery({
    queryKey: workKeys.queues(limit),
    queryFn: ({ signal }) => api.get<{ queues: WorkQueue[] }>('/work-queues', { query: { limit }, signal }),
    refetchOnWindowFocus: true,
  });
}

/** GET /shared-cases?part=…, newest change first; the previous page stays while the next loads. */
export function useSharedCases(params: SharedCasesParams) {
  return useQuery({
    queryKey: workKeys.shared(params),
    queryFn: ({ signal }) =>
      api.get<{ items: SharedCaseSummary[]; total: number }>('/shared-cases', {
        query: { ...params },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}
