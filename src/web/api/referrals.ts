/**
 * Types and TanStack Query hooks for the case across organisations: the application's choices (KM1),
 * the funding authority's gates, referrals to partners and origin authorities, departure and arrival,
 * and the shared case view. The shapes follow src/server/referrals/referrals.schemas.ts.
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CaseStage } from '../../domain/case-workflow.ts';
import { api } from './client.ts';
import { queryKeys } from './queries.ts';
import type {
  AdministrativeStatus,
  ConsentDataCategory,
  DocumentType,
  DocumentStatus,
  Relationship,
  ReturnType,
  Sex,
  VulnerabilityCategory,
} from './types.ts';

export interface OrganisationRef {
  id: string;
  name: string;
}

export type RecipientKind = 'partner' | 'origin';
export type CaseRelation = 'owner' | 'funder' | 'partner' | 'origin';

/** The consent check of one recipient of the application. */
export interface RecipientCheck {
  organisation: OrganisationRef;
  kind: RecipientKind;
  /** A consent of the principal applicant to share with it is in force. */
  consentInForce: boolean;
  /** What it will receive (what the consent names, within its maximum). */
  dataset: ConsentDataCategory[];
}

/** GET/PUT /cases/{id}/application */
export interface ApplicationView {
  caseId: string;
  stage: CaseStage;
  owner: OrganisationRef;
  /** The funding authority (the owner when none was chosen). */
  funder: OrganisationRef;
  partner: RecipientCheck | null;
  originAuthority: RecipientCheck | null;
  /** Funders of the case's active enrolments: who may be chosen as funding authority. */
  funderChoices: OrganisationRef[];
  /** What stops the application from being submitted or validated now. */
  blockers: Array<{ path: string; message: string }>;
  version: number;
}

/** PUT /cases/{id}/application (null clears a choice; a missing member leaves it as it is). */
export interface ApplicationChoice {
  partnerOrganisationId?: string | null;
  originAuthorityOrganisationId?: string | null;
  fundingOrganisationId?: string | null;
}

export const REFERRAL_STATUSES = ['pending', 'accepted', 'declined', 'transferred', 'withdrawn'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** One referral (GET /referrals, /referrals/{id}). */
export interface Referral {
  id: string;
  caseId: string;
  caseReference: string;
  stage: CaseStage;
  kind: RecipientKind;
  status: ReferralStatus;
  sender: OrganisationRef;
  recipient: OrganisationRef;
  returnCountry: string;
  referredAt: string;
  respondBy: string;
  respondedAt: string | null;
  reasonCode: string | null;
  comment: string | null;
  endedAt: string | null;
  /** While pending: hours since the referral (null once answered). */
  waitingHours: number | null;
  /** Pending past its respond-by time. */
  overdue: boolean;
}

export interface ReferralListParams {
  box: 'inbox' | 'outbox';
  caseId?: string;
  status?: ReferralStatus;
  overdue?: boolean;
  limit?: number;
  offset?: number;
}

/** A person as a recipient sees it: the fields of categories it does not receive are absent. */
export interface SharedPerson {
  id: string;
  relationship: Relationship;
  givenNames?: string;
  familyName?: string;
  originalScriptName?: string | null;
  otherSpellings?: string[];
  dateOfBirth?: string | null;
  dateOfBirthApproximate?: boolean;
  sex?: Sex;
  nationalities?: string[];
  documents?: Array<{
    type: DocumentType;
    number?: string;
    issuingCountry?: string;
    expiresOn?: string;
    status: DocumentStatus;
  }>;
  languages?: string[];
  unaccompaniedMinor?: boolean;
}

export interface SharedEnrolmentLine {
  componentCode: string;
  name: string;
  category: string;
  modality: string;
  stage: string;
  currency: string;
  /** What the enrolment allows (null: actual cost). */
  amount: number | null;
  upTo: boolean;
}

export interface SharedEnrolment {
  programmeCode: string;
  programmeVersion: number;
  lines: SharedEnrolmentLine[];
}

export interface SharedTimelineEvent {
  at: string;
  type: string;
  fromStage: string | null;
  toStage: string | null;
  reasonCode: string | null;
  comment: string | null;
  actorOrganisation: string | null;
}

/** The actions GET /cases/{id}/shared may offer (`allowedActions`); unknown names are ignored. */
export type SharedAction =
  | 'validate_application'
  | 'return_application'
  | 'reject_application'
  | 'accept_referral'
  | 'decline_referral'
  | 'confirm_departure'
  | 'record_not_departed'
  | 'confirm_arrival'
  | 'submit_plan'
  | 'approve_plan'
  | 'return_plan'
  | 'record_delivery'
  | 'submit_final_report'
  | 'approve_final_report'
  | 'close_case'
  | 'request_departure_confirmation'
  | 'acknowledge_referral'
  | 'decide_retroactive'
  | 'transfer_partner';

/** GET /cases/{id}/shared: the case as the reader's organisation may see it. */
export interface SharedCase {
  id: string;
  reference: string;
  stage: CaseStage;
  relation: CaseRelation;
  /** The data categories this view contains; fields of other categories are absent. */
  dataset: ConsentDataCategory[];
  hostCountry: string;
  returnCountry: string;
  returnType: ReturnType;
  owner: OrganisationRef;
  funder: OrganisationRef;
  partner: OrganisationRef | null;
  originAuthority: OrganisationRef | null;
  /** The open referral to the reader's organisation. */
  referral: Referral | null;
  retroactive: boolean;
  retroactiveStatus: 'pending' | 'accepted' | 'declined' | null;
  householdSize: number;
  departedOn: string | null;
  arrivedOn: string | null;
  departureConfirmationRequestedAt: string | null;
  /** The first day the partner may request confirmation of departure. */
  departureConfirmationRequestableFrom: string | null;
  persons: SharedPerson[];
  legalStatus?: {
    administrativeStatus: AdministrativeStatus | null;
    returnDecisionDate: string | null;
    departureDeadline: string | null;
    entryBan: boolean;
    entryBanUntil: string | null;
    inDetention: boolean;
  };
  travel?: { plannedDepartureDate: string | null };
  counselling?: Array<{
    heldAt: string;
    motivesFor: string[];
    motivesAgainst: string[];
    decision: string | null;
  }>;
  vulnerabilities?: Array<{ personId: string; category: VulnerabilityCategory }>;
  enrolments: SharedEnrolment[];
  timeline: SharedTimelineEvent[];
  allowedActions: string[];
  version: number;
}

/** POST /cases/{id}/validation */
export interface ValidationDecision {
  decision: 'validate' | 'return' | 'reject';
  reasonCode?: string;
  comment?: string;
}

/** POST /cases/{id}/departure */
export interface DepartureDecision {
  outcome: 'departed' | 'not_departed';
  date?: string;
  reasonCode?: string;
  comment?: string;
}

export const TRANSFER_REASONS = ['moved_to_other_provider', 'relocated', 'other'] as const;
export type TransferReason = (typeof TRANSFER_REASONS)[number];

/** POST /cases/{id}/transfer */
export interface TransferRequest {
  partnerOrganisationId: string;
  reasonCode: TransferReason;
  comment?: string;
}

export const referralKeys = {
  shared: (caseId: string) => ['cases', 'shared', caseId] as const,
  application: (caseId: string) => ['cases', 'application', caseId] as const,
  /** Every referral list and referral. */
  all: ['referrals'] as const,
  list: (params: ReferralListParams) => ['referrals', 'list', params] as const,
  one: (id: string) => ['referrals', 'one', id] as const,
};

/** Keys of other lists a hand-over changes (kept here to avoid an import cycle with workQueues.ts). */
const WORK_QUEUES_KEY = ['work-queues'] as const;
const SHARED_CASES_KEY = ['shared-cases'] as const;

function casePath(caseId: string, rest: string): string {
  return `/cases/${encodeURIComponent(caseId)}/${rest}`;
}

function ifMatch(version: number): Record<string, string> {
  return { 'If-Match': `"${version}"` };
}

/**
 * After a case moved between organisations: every view of it and every list it may enter or leave
 * (queues, inbox and outbox, shared cases, the owner's own case and lists, notifications).
 */
export async function invalidateHandover(
  queryClient: QueryClient,
  caseId: string,
  options: { lostAccess?: boolean } = {},
): Promise<void> {
  // An organisation that just lost access (a partner that declined) would only read a 404 now: its
  // view of the case is marked stale, to be read again when it is next shown.
  const refetchType = options.lostAccess ? 'none' : 'active';
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: referralKeys.shared(caseId), refetchType }),
    queryClient.invalidateQueries({ queryKey: referralKeys.application(caseId), refetchType }),
    queryClient.invalidateQueries({ queryKey: referralKeys.all }),
    queryClient.invalidateQueries({ queryKey: WORK_QUEUES_KEY }),
    queryClient.invalidateQueries({ queryKey: SHARED_CASES_KEY }),
    queryClient.invalidateQueries({ queryKey: queryKeys.case(caseId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.caseLists }),
    queryClient.invalidateQueries({ queryKey: queryKeys.caseTimeline(caseId) }),
  ]);
}

/** GET /cases/{id}/shared */
export function useSharedCase(caseId: string) {
  return useQuery({
    queryKey: referralKeys.shared(caseId),
    queryFn: ({ signal }) => api.get<SharedCase>(casePath(caseId, 'shared'), { signal }),
  });
}

/** After a gate answered with the shared view: show it at once, then refresh the rest. */
function useSharedCaseChanged() {
  const queryClient = useQueryClient();
  return async (view: SharedCase): Promise<void> => {
    queryClient.setQueryData(referralKeys.shared(view.id), view);
    await invalidateHandover(queryClient, view.id);
  };
}

/** GET /cases/{id}/application (the owner or the funding authority). Always read afresh. */
export function useApplication(caseId: string, enabled = true) {
  return useQuery({
    queryKey: referralKeys.application(caseId),
    queryFn: ({ signal }) => api.get<ApplicationView>(casePath(caseId, 'application'), { signal }),
    staleTime: 0,
    enabled,
  });
}

/** PUT /cases/{id}/application with If-Match (the choices change the case's version). */
export function useSetApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      caseId,
      version,
      choice,
    }: {
      caseId: string;
      version: number;
      choice: ApplicationChoice;
    }) => api.put<ApplicationView>(casePath(caseId, 'application'), choice, { headers: ifMatch(version) }),
    onSuccess: async (view) => {
      queryClient.setQueryData(referralKeys.application(view.caseId), view);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.case(view.caseId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.caseTimeline(view.caseId) }),
        queryClient.invalidateQueries({ queryKey: referralKeys.shared(view.caseId) }),
      ]);
    },
  });
}

/** POST /cases/{id}/validation: the funding authority validates, returns or refuses. */
export function useDecideApplication() {
  const changed = useSharedCaseChanged();
  return useMutation({
    mutationFn: ({
      caseId,
      version,
      decision,
    }: {
      caseId: string;
      version: number;
      decision: ValidationDecision;
    }) => api.post<SharedCase>(casePath(caseId, 'validation'), decision, { headers: ifMatch(version) }),
    onSuccess: changed,
  });
}

/** POST /cases/{id}/departure: departed, or not departed (final). */
export function useDecideDeparture() {
  const changed = useSharedCaseChanged();
  return useMutation({
    mutationFn: ({
      caseId,
      version,
      decision,
    }: {
      caseId: string;
      version: number;
      decision: DepartureDecision;
    }) => api.post<SharedCase>(casePath(caseId, 'departure'), decision, { headers: ifMatch(version) }),
    onSuccess: changed,
  });
}

/** POST /cases/{id}/departure-confirmation-request (the partner). */
export function useRequestDepartureConfirmation() {
  const changed = useSharedCaseChanged();
  return useMutation({
    mutationFn: ({ caseId }: { caseId: string }) =>
      api.post<SharedCase>(casePath(caseId, 'departure-confirmation-request')),
    onSuccess: changed,
  });
}

/** POST /cases/{id}/arrival (the partner). */
export function useConfirmArrival() {
  const changed = useSharedCaseChanged();
  return useMutation({
    mutationFn: ({ caseId, version, arrivedOn }: { caseId: string; version: number; arrivedOn: string }) =>
      api.post<SharedCase>(casePath(caseId, 'arrival'), { arrivedOn }, { headers: ifMatch(version) }),
    onSuccess: changed,
  });
}

/** POST /cases/{id}/transfer (the funding authority or the owner). */
export function useTransferCase() {
  const changed = useSharedCaseChanged();
  return useMutation({
    mutationFn: ({ caseId, transfer }: { caseId: string; transfer: TransferRequest }) =>
      api.post<SharedCase>(casePath(caseId, 'transfer'), transfer),
    onSuccess: changed,
  });
}

/** GET /referrals (inbox: to my organisation, pending first; outbox: of cases it owns or funds). */
export function useReferrals(params: ReferralListParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: referralKeys.list(params),
    queryFn: ({ signal }) =>
      api.get<{ items: Referral[]; total: number }>('/referrals', {
        query: {
          box: params.box,
          caseId: params.caseId,
          status: params.status,
          overdue: params.overdue === undefined ? undefined : String(params.overdue),
          limit: params.limit,
          offset: params.offset,
        },
        signal,
      }),
    enabled: options.enabled ?? true,
  });
}

export function useReferral(id: string) {
  return useQuery({
    queryKey: referralKeys.one(id),
    queryFn: ({ signal }) => api.get<Referral>(`/referrals/${encodeURIComponent(id)}`, { signal }),
  });
}

/** After a referral was answered: the referral lists, and every view of its case. */
function useReferralChanged(options: { lostAccess?: boolean } = {}) {
  const queryClient = useQueryClient();
  return async (referral: Referral): Promise<void> => {
    queryClient.setQueryData(referralKeys.one(referral.id), referral);
    await invalidateHandover(queryClient, referral.caseId, options);
  };
}

/** POST /referrals/{id}/accept (a partner accepts; an origin authority acknowledges receipt). */
export function useAcceptReferral() {
  const changed = useReferralChanged();
  return useMutation({
    mutationFn: ({ referralId }: { referralId: string }) =>
      api.post<Referral>(`/referrals/${encodeURIComponent(referralId)}/accept`),
    onSuccess: changed,
  });
}

/** POST /referrals/{id}/decline with a reason (partner_declined, or other with a comment). */
export function useDeclineReferral() {
  const changed = useReferralChanged({ lostAccess: true });
  return useMutation({
    mutationFn: ({
      referralId,
      reasonCode,
      comment,
    }: {
      referralId: string;
      reasonCode: string;
      comment?: string | undefined;
    }) =>
      api.post<Referral>(`/referrals/${encodeURIComponent(referralId)}/decline`, {
        reasonCode,
        ...(comment ? { comment } : {}),
      }),
    onSuccess: changed,
  });
}
