/**
 * Types and TanStack Query hooks for KM2 and KM3 of a shared case: the reintegration plan (needs,
 * budget lines, what each enrolment allows), its gates, the duplicate-assistance guard, deliveries,
 * and the final report. The shapes follow src/server/plans/plans.schemas.ts; the enumerations are
 * copied (the web app does not bundle the server's domain, which hashes with node:crypto) and
 * plans.test.ts fails when they drift apart.
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CaseStage } from '../../domain/case-workflow.ts';
import { api } from './client.ts';
import type { Relationship } from './types.ts';

export const PLAN_MODALITIES = ['cash', 'in_kind', 'service', 'referral'] as const;
export type PlanModality = (typeof PLAN_MODALITIES)[number];

export const NEED_DIMENSIONS = ['economic', 'social', 'psychosocial'] as const;
export type NeedDimension = (typeof NEED_DIMENSIONS)[number];

export const NEED_LEVELS = ['none', 'low', 'medium', 'high'] as const;
export type NeedLevel = (typeof NEED_LEVELS)[number];

export const PLAN_STATUSES = ['none', 'draft', 'submitted', 'validated', 'approved', 'returned'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** The reasons a plan or a final report may be returned with. */
export const GATE_RETURN_REASONS = [
  'plan_over_budget',
  'plan_not_feasible',
  'incomplete_file',
  'other',
] as const;
export type GateReturnReason = (typeof GATE_RETURN_REASONS)[number];

export const DELIVERY_KINDS = ['delivery', 'disbursement'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

export const ASSESSMENT_RATINGS = ['very_good', 'good', 'fair', 'poor'] as const;
export type AssessmentRating = (typeof ASSESSMENT_RATINGS)[number];

export interface OrganisationRef {
  id: string;
  name: string;
}

// The shared case view (GET /cases/{id}/shared), as much of it as these panels use ------------------

export interface SharedPersonLike {
  id: string;
  relationship: Relationship;
  /** Present only with the identity category. */
  givenNames?: string | undefined;
  familyName?: string | undefined;
}

export interface SharedEnrolmentLineLike {
  componentCode: string;
  name: string;
  category: string;
  modality: string;
  stage: string;
  currency: string;
  amount: number | null;
  upTo: boolean;
}

export interface SharedEnrolmentLike {
  programmeCode: string;
  programmeVersion: number;
  lines: readonly SharedEnrolmentLineLike[];
}

/**
 * The fields of the shared case view the plan, report, documents and messages panels use. The shared
 * case page's own type of the whole view is assignable to it.
 */
export interface SharedCaseLike {
  id: string;
  reference?: string | undefined;
  stage: CaseStage;
  relation: 'owner' | 'funder' | 'partner' | 'origin';
  dataset?: readonly string[] | undefined;
  owner?: OrganisationRef | undefined;
  funder?: OrganisationRef | undefined;
  partner?: OrganisationRef | null | undefined;
  allowedActions: readonly string[];
  enrolments: readonly SharedEnrolmentLike[];
  persons: readonly SharedPersonLike[];
  version: number;
}

// The plan -----------------------------------------------------------------------------------------

export interface Need {
  level: NeedLevel;
  notes?: string | undefined;
}

export type NeedsAssessment = Partial<Record<NeedDimension, Need>>;

/** One line of PUT /cases/{id}/plan. */
export interface PlanLineInput {
  id?: string;
  enrolmentId: string;
  componentCode: string;
  modality: PlanModality;
  description: string;
  amount: number;
  localCurrency?: string;
  exchangeRate?: number;
  localAmount?: number;
  supplier?: string;
  dueDate: string;
  beneficiaryPersonIds?: string[];
}

/** PUT /cases/{id}/plan */
export interface PlanInput {
  needs: NeedsAssessment;
  lines: PlanLineInput[];
}

export interface Delivery {
  id: string;
  planLineId: string;
  kind: DeliveryKind;
  deliveredOn: string;
  amount: number;
  note: string | null;
  documentIds: string[];
  createdAt: string;
}

export interface PlanLine {
  id: string;
  position: number;
  enrolmentId: string;
  programmeCode: string;
  componentCode: string;
  category: string;
  modality: PlanModality;
  description: string;
  currency: string;
  amount: number;
  localCurrency: string | null;
  exchangeRate: number | null;
  localAmount: number | null;
  supplier: string | null;
  dueDate: string;
  beneficiaryPersonIds: string[];
  status: 'planned' | 'approved' | 'cancelled';
  delivered: number;
  remaining: number;
  justification: string | null;
  justifiedAt: string | null;
  deliveries: Delivery[];
}

/** What one enrolment allows for one component, and how much the saved plan puts on it. */
export interface Allowance {
  enrolmentId: string;
  programmeCode: string;
  componentCode: string;
  name: string;
  category: string;
  currency: string;
  /** Null: the actual cost, no ceiling. */
  allowed: number | null;
  planned: number;
  active: boolean;
}

/** The state of a gate (plan or final report). */
export interface GateState {
  status: PlanStatus;
  submittedAt: string | null;
  validatedAt: string | null;
  approvedAt: string | null;
  returnedAt: string | null;
  returnedBy: 'partner' | 'funder' | null;
  returnReasonCode: string | null;
  returnComment: string | null;
}

/** GET /cases/{id}/plan */
export interface Plan extends GateState {
  caseId: string;
  partner: OrganisationRef | null;
  needs: NeedsAssessment;
  lines: PlanLine[];
  allowances: Allowance[];
  totals: Array<{ currency: string; planned: number; delivered: number }>;
  version: number;
}

export interface AssistanceOverlap {
  category: string;
  periodFrom: string;
  periodTo: string;
  /** The funding organisation of the other assistance: whom to contact. */
  contact: OrganisationRef;
  partner: OrganisationRef | null;
}

/** GET /cases/{id}/plan/overlaps */
export interface OverlapReport {
  items: Array<{ planLineId: string; justified: boolean; overlaps: AssistanceOverlap[] }>;
}

/** POST /cases/{id}/plan/lines/{lineId}/deliveries */
export interface DeliveryInput {
  kind: DeliveryKind;
  deliveredOn: string;
  amount: number;
  note?: string;
  documentIds: string[];
}

export interface GateReturn {
  reasonCode: GateReturnReason;
  comment?: string;
}

// The final report ---------------------------------------------------------------------------------

/** PUT /cases/{id}/final-report */
export interface FinalReportInput {
  situation: string;
  finalMeetingOn?: string;
  finalMeetingNotes?: string;
  partnerAssessment: string;
  assessmentRating?: AssessmentRating;
}

export interface SpendLine {
  currency: string;
  budgeted: number;
  actual: number;
  /** actual ÷ budgeted; null without a budget. */
  executionRate: number | null;
}

/** GET /cases/{id}/final-report */
export interface FinalReport extends GateState {
  caseId: string;
  situation: string | null;
  finalMeetingOn: string | null;
  finalMeetingNotes: string | null;
  partnerAssessment: string | null;
  assessmentRating: AssessmentRating | null;
  spend: SpendLine[];
  proofsMissing: number;
  version: number;
}

// Hooks --------------------------------------------------------------------------------------------

export const planKeys = {
  plan: (caseId: string) => ['cases', 'plan', caseId] as const,
  overlaps: (caseId: string) => ['cases', 'plan', caseId, 'overlaps'] as const,
  report: (caseId: string) => ['cases', 'final-report', caseId] as const,
};

function casePath(caseId: string, rest: string): string {
  return `/cases/${encodeURIComponent(caseId)}/${rest}`;
}

function ifMatch(version: number): Record<string, string> {
  return { 'If-Match': `"${version}"` };
}

/**
 * After a change that may move the case: everything cached about this case is read again (its shared
 * view and stage, whichever page shows it, the plan, the report, the timeline).
 */
export function invalidateCase(queryClient: QueryClient, caseId: string): Promise<void> {
  return queryClient.invalidateQueries({ predicate: (q) => q.queryKey.includes(caseId) });
}

export function usePlan(caseId: string) {
  return useQuery({
    queryKey: planKeys.plan(caseId),
    queryFn: ({ signal }) => api.get<Plan>(casePath(caseId, 'plan'), { signal }),
  });
}

/** The duplicate-assistance guard's findings, once the plan has lines. */
export function usePlanOverlaps(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: planKeys.overlaps(caseId),
    queryFn: ({ signal }) => api.get<OverlapReport>(casePath(caseId, 'plan/overlaps'), { signal }),
    enabled,
  });
}

/** A change answered with the plan: show it, and read again what depends on the case. */
function usePlanChanged() {
  const queryClient = useQueryClient();
  return async (plan: Plan): Promise<void> => {
    queryClient.setQueryData(planKeys.plan(plan.caseId), plan);
    await invalidateCase(queryClient, plan.caseId);
  };
}

export function useSavePlan() {
  const changed = usePlanChanged();
  return useMutation({
    mutationFn: ({ caseId, version, input }: { caseId: string; version: number; input: PlanInput }) =>
      api.put<Plan>(casePath(caseId, 'plan'), input, { headers: ifMatch(version) }),
    onSuccess: changed,
  });
}

export type GateAction = 'submit' | 'validate' | 'approve';

export function usePlanGate() {
  const changed = usePlanChanged();
  return useMutation({
    mutationFn: ({ caseId, action }: { caseId: string; action: GateAction }) =>
      api.post<Plan>(casePath(caseId, `plan/${action}`)),
    onSuccess: changed,
  });
}

export function useReturnPlan() {
  const changed = usePlanChanged();
  return useMutation({
    mutationFn: ({ caseId, body }: { caseId: string; body: GateReturn }) =>
      api.post<Plan>(casePath(caseId, 'plan/return'), body),
    onSuccess: changed,
  });
}

export function useJustifyLine() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, lineId, text }: { caseId: string; lineId: string; text: string }) =>
      api.post<OverlapReport>(casePath(caseId, `plan/lines/${encodeURIComponent(lineId)}/justification`), {
        text,
      }),
    onSuccess: (report, { caseId }) => {
      queryClient.setQueryData(planKeys.overlaps(caseId), report);
      return invalidateCase(queryClient, caseId);
    },
  });
}

export function useRecordDelivery() {
  const changed = usePlanChanged();
  return useMutation({
    mutationFn: ({ caseId, lineId, delivery }: { caseId: string; lineId: string; delivery: DeliveryInput }) =>
      api.post<Plan>(casePath(caseId, `plan/lines/${encodeURIComponent(lineId)}/deliveries`), delivery),
    onSuccess: changed,
  });
}

export function useFinalReport(caseId: string) {
  return useQuery({
    queryKey: planKeys.report(caseId),
    queryFn: ({ signal }) => api.get<FinalReport>(casePath(caseId, 'final-report'), { signal }),
  });
}

function useReportChanged() {
  const queryClient = useQueryClient();
  return async (report: FinalReport): Promise<void> => {
    queryClient.setQueryData(planKeys.report(report.caseId), report);
    await invalidateCase(queryClient, report.caseId);
  };
}

export function useSaveFinalReport() {
  const changed = useReportChanged();
  return useMutation({
    mutationFn: ({ caseId, version, input }: { caseId: string; version: number; input: FinalReportInput }) =>
      api.put<FinalReport>(casePath(caseId, 'final-report'), input, { headers: ifMatch(version) }),
    onSuccess: changed,
  });
}

export function useReportGate() {
  const changed = useReportChanged();
  return useMutation({
    mutationFn: ({ caseId, action }: { caseId: string; action: GateAction }) =>
      api.post<FinalReport>(casePath(caseId, `final-report/${action}`)),
    onSuccess: changed,
  });
}

export function useReturnReport() {
  const changed = useReportChanged();
  return useMutation({
    mutationFn: ({ caseId, body }: { caseId: string; body: GateReturn }) =>
      api.post<FinalReport>(casePath(caseId, 'final-report/return'), body),
    onSuccess: changed,
  });
}
