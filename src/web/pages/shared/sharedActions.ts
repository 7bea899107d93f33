/**
 * Which buttons the shared case page offers, from the server's `allowedActions` (what the reader's
 * organisation and permissions may do now). Pure rules, unit-tested beside this file.
 */
import { reasonCodesFor, type ReasonCode } from '../../../domain/case-workflow.ts';
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
  // The funding authority, or an owner that does not fund the case, while a partner referral is open.
  transfer_partner: [{ key: 'transfer', tone: 'secondary' }],
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

/**
 * The buttons, in the order the server lists the actions (journey first, the transfer last). An
 * action that needs the reader's referral (accept, decline, acknowledge) is left out without one.
 */
export function actionButtons(view: Pick<SharedCase, 'allowedActions' | 'referral'>): ActionButton[] {
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
