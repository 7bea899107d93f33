/**
 * Which buttons the shared case page offers, from the server's `allowedActions` (what the reader's
 * organisation and permissions may do now) and, for a transfer the server does not list, from the
 * case's relation and stage. Pure rules, unit-tested beside this file.
 */
import {
  isTerminal,
  reasonCodesFor,
  type CaseStage,
  type ReasonCode,
} from '../../../domain/case-workflow.ts';
import type { Permission } from '../../../domain/permissions.ts';
import type { SharedCase } from '../../api/referrals.ts';

/** A button of the actions area. */
export type ActionKey =
  | 'validate'
  | 'returnApplication'
  | 'reject'
  | 'accept'
  | 'decline'
  | 'acknowledge'
  | 'confirmDeparture'
  | 'notDeparted'
  | 'requestDepartureConfirmation'
  | 'confirmArrival'
  | 'acceptFunding'
  | 'declineFunding'
  | 'transfer';

export type ActionTone = 'primary' | 'secondary' | 'danger';

export interface ActionButton {
  key: ActionKey;
  tone: ActionTone;
}

/** The server's action names, and the buttons each becomes (work of other tabs has none here). */
const BUTTONS_OF: Readonly<Record<string, readonly ActionButton[]>> = {
  validate_application: [{ key: 'validate', tone: 'primary' }],
  return_application: [{ key: 'returnApplication', tone: 'secondary' }],
  reject_application: [{ key: 'reject', tone: 'danger' }],
  accept_referral: [{ key: 'accept', tone: 'primary' }],
  decline_referral: [{ key: 'decline', tone: 'danger' }],
  acknowledge_referral: [{ key: 'acknowledge', tone: 'primary' }],
  confirm_departure: [{ key: 'confirmDeparture', tone: 'primary' }],
  record_not_departed: [{ key: 'notDeparted', tone: 'danger' }],
  request_departure_confirmation: [{ key: 'requestDepartureConfirmation', tone: 'secondary' }],
  confirm_arrival: [{ key: 'confirmArrival', tone: 'primary' }],
  // A household registered after its return: the funding authority funds it, or declines (final).
  decide_retroactive: [
    { key: 'acceptFunding', tone: 'primary' },
    { key: 'declineFunding', tone: 'danger' },
  ],
};

/** Actions whose work is done in another part of the page (the plan, the final report). */
export type WorkTab = 'plan' | 'report';
const TAB_OF: Readonly<Record<string, WorkTab>> = {
  submit_plan: 'plan',
  approve_plan: 'plan',
  return_plan: 'plan',
  record_delivery: 'plan',
  submit_final_report: 'report',
  approve_final_report: 'report',
};

/** Stages in which a case has an open referral to a partner (from validation until the end). */
const REFERRED_STAGES: readonly CaseStage[] = [
  'validated',
  'pre_departure',
  'departed',
  'arrived',
  'plan_submitted',
  'plan_approved',
  'in_assistance',
  'final_report',
  'monitoring',
];

/**
 * Whether the reader may transfer the case to another partner: the funding authority (with
 * cases:validate) or the owner that does not fund it (with cases:write), while a partner referral is
 * open and the case is not finished.
 */
export function canTransfer(
  view: Pick<SharedCase, 'relation' | 'stage' | 'partner' | 'funder'>,
  organisationId: string,
  permissions: readonly Permission[],
): boolean {
  if (view.partner === null || isTerminal(view.stage) || !REFERRED_STAGES.includes(view.stage)) return false;
  const funds = view.relation === 'funder' || view.funder.id === organisationId;
  if (funds) return permissions.includes('cases:validate');
  return view.relation === 'owner' && permissions.includes('cases:write');
}

/**
 * The buttons, in the order the server lists the actions (journey first), then the transfer. An
 * action that needs the reader's referral (accept, decline, acknowledge) is left out without one.
 */
export function actionButtons(
  view: Pick<SharedCase, 'allowedActions' | 'referral' | 'relation' | 'stage' | 'partner' | 'funder'>,
  organisationId: string,
  permissions: readonly Permission[],
): ActionButton[] {
  const out: ActionButton[] = [];
  for (const name of view.allowedActions) {
    for (const button of BUTTONS_OF[name] ?? []) {
      if (out.some((b) => b.key === button.key)) continue;
      const needsReferral =
        button.key === 'accept' || button.key === 'decline' || button.key === 'acknowledge';
      if (needsReferral && (view.referral === null || view.referral.status !== 'pending')) continue;
      out.push(button);
    }
  }
  if (canTransfer(view, organisationId, permissions)) out.push({ key: 'transfer', tone: 'secondary' });
  return out;
}

/** The other tabs where work waits for the reader (from `allowedActions`), without repeats. */
export function workTabs(allowedActions: readonly string[]): WorkTab[] {
  const tabs: WorkTab[] = [];
  for (const name of allowedActions) {
    const tab = TAB_OF[name];
    if (tab && !tabs.includes(tab)) tabs.push(tab);
  }
  return tabs;
}

/** The reason dialogs of the actions area. */
export type ReasonAction =
  'returnApplication' | 'reject' | 'decline' | 'notDeparted' | 'transfer' | 'declineFunding';

/**
 * The coded reasons valid for a move, in catalogue order. A partner declines with
 * `partner_declined` or `other` only (the server refuses the rest); returning an application for
 * changes is the funder's, so the partner's reason is not offered there.
 */
export function reasonsFor(action: ReasonAction): ReasonCode[] {
  switch (action) {
    case 'returnApplication':
      return reasonCodesFor('application').filter((c) => c !== 'partner_declined');
    case 'reject':
      return reasonCodesFor('rejected');
    case 'decline':
      return reasonCodesFor('application').filter((c) => c === 'partner_declined' || c === 'other');
    case 'notDeparted':
      return reasonCodesFor('not_departed');
    case 'transfer':
      return reasonCodesFor('transferred');
    case 'declineFunding':
      // src/server/retroactive/retroactive.schemas.ts, RETROACTIVE_DECLINE_REASONS.
      return ['ineligible', 'no_funds', 'duplicate_case', 'other'];
  }
}

/** Why a calendar date entered in a dialog is refused, or null when it is fine. */
export type DayProblem = 'required' | 'invalid' | 'future' | 'tooEarly';

/** Checks a YYYY-MM-DD day: present, a real date, not after `max` (today), not before `min`. */
export function checkDay(value: string, limits: { max: string; min?: string | null }): DayProblem | null {
  if (value.trim() === '') return 'required';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return 'invalid';
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) return 'invalid';
  if (value > limits.max) return 'future';
  if (limits.min && value < limits.min) return 'tooEarly';
  return null;
}
