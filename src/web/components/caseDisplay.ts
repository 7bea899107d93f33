/**
 * How a case's stage, deadline and possible moves are shown: pure rules, shared by the case list and
 * the case page (and unit-tested beside this file).
 */
import { isCaseStage, isTerminal, PRE_DEPARTURE_STAGES, type CaseStage } from '../../domain/case-workflow.ts';

/** The colour of a stage's badge, by phase of the journey. */
export function stageColor(stage: CaseStage): string {
  switch (stage) {
    case 'intake':
    case 'counselling':
      return 'blue';
    case 'application':
    case 'submitted':
    case 'validated':
      return 'violet';
    case 'pre_departure':
    case 'departed':
      return 'cyan';
    case 'arrived':
    case 'plan_submitted':
    case 'plan_approved':
    case 'in_assistance':
      return 'teal';
    case 'final_report':
    case 'monitoring':
      return 'green';
    case 'closed':
    case 'transferred':
      return 'gray';
    case 'not_departed':
    case 'withdrawn':
    case 'rejected':
    case 'absconded':
      return 'red';
  }
}

/** A deadline counts as near when it falls within this many days. */
export const DEADLINE_SOON_DAYS = 14;

export type DeadlineStatus = 'overdue' | 'soon' | 'later' | 'inactive';

/** Days from `today` (the user's calendar day) to an ISO calendar date; negative when past. */
export function daysUntil(isoDate: string, today: Date = new Date()): number {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  const target = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1);
  const now = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((target - now) / 86_400_000);
}

/**
 * How urgent a voluntary-departure deadline is. It only matters while the person has not left: after
 * departure, or once the case is finished, the deadline is shown without alarm ('inactive').
 */
export function deadlineStatus(deadline: string, stage: CaseStage, today: Date = new Date()): DeadlineStatus {
  if (!PRE_DEPARTURE_STAGES.includes(stage)) return 'inactive';
  const days = daysUntil(deadline, today);
  if (days < 0) return 'overdue';
  if (days <= DEADLINE_SOON_DAYS) return 'soon';
  return 'later';
}

/**
 * The translation key (under `transitions.`) of the button for a move. Most moves are named by the
 * stage they lead to; the three that lead back have their own name.
 */
export type TransitionLabelKey =
  Exclude<CaseStage, 'intake'> | 'returnApplication' | 'declineReferral' | 'returnPlan';

export function transitionLabelKey(from: CaseStage, to: CaseStage): TransitionLabelKey | null {
  if (to === 'application' && from === 'submitted') return 'returnApplication';
  if (to === 'application' && from === 'validated') return 'declineReferral';
  if (to === 'arrived' && from === 'plan_submitted') return 'returnPlan';
  if (to === 'intake') return null;
  return to;
}

/** Moves that end the journey early (withdrawal, refusal, absconding, transfer, non-departure). */
export function isSideExit(to: CaseStage): boolean {
  return isTerminal(to) && to !== 'closed';
}

/** The translation key (under `timeline.`) of a case event type, or null for a type this app does not know. */
export type EventLabelKey =
  | 'created'
  | 'updated'
  | 'transition'
  | 'personAdded'
  | 'counsellingSession'
  | 'consentGiven'
  | 'consentWithdrawn'
  | 'vulnerabilityRecorded'
  | 'programmeEnrolled'
  | 'enrolmentWithdrawn';

export function eventLabelKey(type: string): EventLabelKey | null {
  switch (type) {
    case 'case.created':
      return 'created';
    case 'case.updated':
      return 'updated';
    case 'case.transition':
      return 'transition';
    case 'person.added':
      return 'personAdded';
    case 'counselling.session':
      return 'counsellingSession';
    case 'consent.given':
      return 'consentGiven';
    case 'consent.withdrawn':
      return 'consentWithdrawn';
    case 'vulnerability.recorded':
      return 'vulnerabilityRecorded';
    case 'programme.enrolled':
      return 'programmeEnrolled';
    case 'programme.enrolment_withdrawn':
      return 'enrolmentWithdrawn';
    default:
      return null;
  }
}

export function asStage(value: string | null | undefined): CaseStage | null {
  return isCaseStage(value) ? value : null;
}
