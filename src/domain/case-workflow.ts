/**
 * The return file's workflow as a pure state machine (no I/O): which stage may follow which, who may
 * move it (one permission per move), and which moves need a coded reason. The server records every
 * accepted move as a case event (actor, time, reason code, comment); this module only decides.
 *
 * Source: product.md, "The return file and its journey" (stage table, side exits, gates), and the
 * RIAT/RECAMAS notes in domain-references.md.
 *
 * Decisions taken here, so the service and the UI need not guess:
 *
 * - One rule per (from, to) pair, each with exactly one permission. A pair with two possible actors
 *   would be a second rule; none is needed today.
 * - KM2 plan: product.md names two approvers (partner coordinator, then funder/programme office).
 *   The state machine keeps ONE gate, `plan_submitted → plan_approved` ('plans:approve', the funder).
 *   The partner coordinator's validation ('plans:validate') is an approval recorded inside the
 *   `plan_submitted` stage; the service must require it before it lets the funder approve. Returning
 *   the plan for changes (`plan_submitted → arrived`, reason required) belongs to the same gate
 *   ('plans:approve').
 * - Partner decline: product.md's pre-departure gate is "partner accepts or declines (reason)". The
 *   accept is `validated → pre_departure`; the decline is `validated → application` with a reason
 *   ('referrals:respond'), so the counsellor can refer to another partner or programme.
 * - "Before departure" means intake, counselling, application, submitted, validated, pre_departure.
 *   From each of them: `withdrawn` (the person changed their mind; 'cases:write'), `absconded`
 *   ('cases:write') and `transferred` ('cases:write'), all with a reason. From `departed` on, none of
 *   the three is possible: the person has left, and what follows is reintegration, not return.
 * - Absconding uses 'cases:write', not 'cases:confirm_departure': the counsellor is the one in contact
 *   with the person and the first to know that contact is lost, at any stage before departure. The
 *   authority's 'cases:confirm_departure' stays reserved to the departure gate, where a no-show on the
 *   departure day is recorded as `not_departed` (reason 'no_show' or 'lost_contact').
 * - Reason codes are checked against the TARGET stage: `appliesTo` lists the stages a move may go to
 *   with that reason. A reason code on a move that takes no reason is refused ('unknown_reason'), so no
 *   meaningless code lands in the case log. The code 'other' needs a non-empty comment.
 * - Order of checks: unknown_stage, illegal, forbidden, reason_required, unknown_reason.
 */
import type { Permission } from './permissions.ts';

export const CASE_STAGES = [
  'intake',
  'counselling',
  'application',
  'submitted',
  'validated',
  'pre_departure',
  'departed',
  'not_departed',
  'arrived',
  'plan_submitted',
  'plan_approved',
  'in_assistance',
  'final_report',
  'monitoring',
  'closed',
  'withdrawn',
  'rejected',
  'absconded',
  'transferred',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

/**
 * Stages a case never leaves. A person who comes back after any of them gets a new case (which may
 * link to the old one); the old file keeps its history untouched.
 *
 * - `closed`: the journey is over; the retention clock starts (product.md).
 * - `not_departed`: "non-departure closes the case irreversibly" (product.md; RIAT "Not departed
 *   (closed)", irreversible).
 * - `withdrawn`: the person changed their mind. Changing it back is a new decision, with fresh
 *   counselling and consent, so a new case rather than a reopened one.
 * - `rejected`: the application is definitively refused. A fixable rejection at the submitted gate is
 *   not this stage: it returns the case to `application` with the reason.
 * - `absconded`: contact lost before departure. If the person reappears, a new case is opened.
 * - `transferred`: the file moved to another organisation, with its history; at this organisation it
 *   is finished, and the receiving organisation carries on in its own case.
 */
export const TERMINAL_STAGES: readonly CaseStage[] = Object.freeze([
  'closed',
  'not_departed',
  'withdrawn',
  'rejected',
  'absconded',
  'transferred',
] satisfies CaseStage[]);

/** The stages from which the person may still change their mind, abscond or be transferred. */
export const PRE_DEPARTURE_STAGES: readonly CaseStage[] = Object.freeze([
  'intake',
  'counselling',
  'application',
  'submitted',
  'validated',
  'pre_departure',
] satisfies CaseStage[]);

interface ReasonDefinition {
  label: string;
  appliesTo: readonly CaseStage[];
}

const REASON_TABLE = {
  incomplete_file: {
    label: 'The file is incomplete or a required document is missing.',
    appliesTo: ['application', 'arrived'],
  },
  ineligible: {
    label: 'The person does not meet the programme’s eligibility criteria.',
    appliesTo: ['application', 'rejected'],
  },
  no_funds: {
    label: 'The programme has no budget or places left.',
    appliesTo: ['application', 'rejected'],
  },
  duplicate_case: {
    label: 'The person already has another return file.',
    appliesTo: ['rejected', 'withdrawn'],
  },
  partner_declined: {
    label: 'The reintegration partner cannot take the referral (capacity, location or scope).',
    appliesTo: ['application'],
  },
  plan_over_budget: {
    label: 'The reintegration plan exceeds the programme’s budget.',
    appliesTo: ['arrived'],
  },
  plan_not_feasible: {
    label: 'The reintegration plan is not realistic or not sustainable as written.',
    appliesTo: ['arrived'],
  },
  person_changed_mind: {
    label: 'The person no longer wishes to return.',
    appliesTo: ['withdrawn', 'not_departed'],
  },
  family_reasons: {
    label: 'Family circumstances prevent or postpone the return.',
    appliesTo: ['withdrawn', 'not_departed'],
  },
  legal_status_changed: {
    label: 'The person obtained a right to stay (permit, protection, pending appeal).',
    appliesTo: ['withdrawn', 'rejected', 'not_departed'],
  },
  no_travel_document: {
    label: 'No valid travel document could be obtained.',
    appliesTo: ['application', 'not_departed'],
  },
  medical: {
    label: 'A medical condition prevents travel.',
    appliesTo: ['withdrawn', 'not_departed'],
  },
  travel_cancelled: {
    label: 'The travel arrangements were cancelled and could not be rebooked.',
    appliesTo: ['not_departed'],
  },
  no_show: {
    label: 'The person did not appear for departure.',
    appliesTo: ['not_departed', 'absconded'],
  },
  lost_contact: {
    label: 'Contact with the person has been lost.',
    appliesTo: ['absconded', 'not_departed'],
  },
  forced_return: {
    label: 'The person was removed by force instead.',
    appliesTo: ['not_departed'],
  },
  moved_to_other_provider: {
    label: 'The person is better served by another organisation.',
    appliesTo: ['transferred'],
  },
  relocated: {
    label: 'The person moved to an area covered by another organisation.',
    appliesTo: ['transferred'],
  },
  other: {
    label: 'Another reason, explained in the comment.',
    appliesTo: [
      'application',
      'rejected',
      'not_departed',
      'arrived',
      'withdrawn',
      'absconded',
      'transferred',
    ],
  },
} as const satisfies Record<string, ReasonDefinition>;

export type ReasonCode = keyof typeof REASON_TABLE;

/**
 * Coded reasons for send-backs, rejections, withdrawals, absconding, non-departure and transfers.
 * `appliesTo` lists the target stages the reason may explain. Null prototype, frozen: a lookup of
 * 'toString' or '__proto__' finds nothing.
 */
export const REASON_CODES: Readonly<Record<string, { label: string; appliesTo: readonly CaseStage[] }>> =
  Object.freeze(Object.assign(Object.create(null) as Record<string, ReasonDefinition>, REASON_TABLE));

/** The reason code that needs a comment to say what it means. */
export const REASON_NEEDING_COMMENT: ReasonCode = 'other';

export interface TransitionRule {
  from: CaseStage;
  to: CaseStage;
  permission: Permission;
  reasonRequired: boolean;
  label: string;
}

function rule(
  from: CaseStage,
  to: CaseStage,
  permission: Permission,
  label: string,
  reasonRequired = false,
): TransitionRule {
  return Object.freeze({ from, to, permission, reasonRequired, label });
}

/** The main journey and its gates, in the order the UI should offer them. */
const JOURNEY: readonly TransitionRule[] = [
  // Intake, counselling, KM1 application: the counsellor.
  rule('intake', 'counselling', 'cases:write', 'Start counselling'),
  rule('counselling', 'application', 'cases:write', 'Prepare the application'),
  rule('application', 'submitted', 'cases:write', 'Submit the application for validation'),
  // KM1 gate: the coordinator validates, returns for changes, or refuses for good.
  rule('submitted', 'validated', 'cases:validate', 'Validate the application'),
  rule('submitted', 'application', 'cases:validate', 'Return the application for changes', true),
  rule('submitted', 'rejected', 'cases:validate', 'Refuse the application', true),
  // Pre-departure gate: the partner accepts or declines the referral.
  rule('validated', 'pre_departure', 'referrals:respond', 'Accept the referral'),
  rule('validated', 'application', 'referrals:respond', 'Decline the referral', true),
  // Departure: the authority confirms departure or non-departure (irreversible).
  rule('pre_departure', 'departed', 'cases:confirm_departure', 'Confirm departure'),
  rule('pre_departure', 'not_departed', 'cases:confirm_departure', 'Record non-departure', true),
  // KM2: arrival and plan (partner), one approval gate (funder; partner validation recorded before).
  rule('departed', 'arrived', 'referrals:respond', 'Confirm arrival'),
  rule('arrived', 'plan_submitted', 'plans:write', 'Submit the reintegration plan'),
  rule('plan_submitted', 'plan_approved', 'plans:approve', 'Approve the reintegration plan'),
  rule('plan_submitted', 'arrived', 'plans:approve', 'Return the plan for changes', true),
  // Assistance and KM3.
  rule('plan_approved', 'in_assistance', 'plans:write', 'Start delivering assistance'),
  rule('in_assistance', 'final_report', 'plans:write', 'Submit the final report'),
  rule('final_report', 'monitoring', 'plans:approve', 'Approve the final report and start monitoring'),
  rule('monitoring', 'closed', 'plans:approve', 'Close the case'),
];

/** Side exits open until departure. */
const SIDE_EXITS: readonly TransitionRule[] = PRE_DEPARTURE_STAGES.flatMap((from) => [
  rule(from, 'withdrawn', 'cases:write', 'Record that the person withdrew', true),
  rule(from, 'absconded', 'cases:write', 'Record that the person absconded', true),
  rule(from, 'transferred', 'cases:write', 'Transfer to another organisation', true),
]);

/** Every legal move. Per `from` stage: journey moves first, then side exits. */
export const TRANSITIONS: readonly TransitionRule[] = Object.freeze(
  CASE_STAGES.flatMap((from) => [...JOURNEY, ...SIDE_EXITS].filter((r) => r.from === from)),
);

export interface TransitionRequest {
  from: CaseStage;
  to: CaseStage;
  permissions: readonly Permission[];
  reasonCode?: string | undefined;
  comment?: string | undefined;
}

export type TransitionError =
  'unknown_stage' | 'illegal' | 'forbidden' | 'reason_required' | 'unknown_reason';

export type TransitionDecision =
  | { ok: true; rule: TransitionRule }
  | { ok: false; error: TransitionError; message: string; allowed: CaseStage[] };

const STAGE_SET: ReadonlySet<string> = new Set(CASE_STAGES);
const TERMINAL_SET: ReadonlySet<string> = new Set(TERMINAL_STAGES);

export function isCaseStage(value: unknown): value is CaseStage {
  return typeof value === 'string' && STAGE_SET.has(value);
}

export function isTerminal(stage: CaseStage): boolean {
  return TERMINAL_SET.has(stage);
}

export function isReasonCode(value: unknown): value is ReasonCode {
  return typeof value === 'string' && Object.hasOwn(REASON_CODES, value);
}

/** The reason codes that may explain a move to `to`, in catalogue order. */
export function reasonCodesFor(to: CaseStage): ReasonCode[] {
  return (Object.keys(REASON_TABLE) as ReasonCode[]).filter((c) =>
    REASON_TABLE[c].appliesTo.some((s) => s === to),
  );
}

/** The rules from `from` whose permission the actor holds (none from a terminal or unknown stage). */
export function allowedTransitions(from: CaseStage, permissions: readonly Permission[]): TransitionRule[] {
  return TRANSITIONS.filter((r) => r.from === from && permissions.includes(r.permission));
}

function blank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

function allowedSentence(from: string, allowed: readonly CaseStage[]): string {
  if (!isCaseStage(from)) return '';
  if (isTerminal(from)) return ` The stage ${from} is final: the case cannot move to any other stage.`;
  if (allowed.length === 0) return ` From ${from} your permissions do not allow any move.`;
  return ` From ${from} you may move to: ${allowed.join(', ')}.`;
}

/**
 * Decides one requested move. Never throws: stages that arrive from outside the type system (an
 * HTTP body, a database row) are checked at run time and refused as 'unknown_stage'.
 */
export function decideTransition(req: TransitionRequest): TransitionDecision {
  const { from, to, permissions } = req;
  const fromKnown = isCaseStage(from);
  const allowed = fromKnown ? allowedTransitions(from, permissions).map((r) => r.to) : [];
  const refuse = (error: TransitionError, sentence: string): TransitionDecision => ({
    ok: false,
    error,
    message: sentence + allowedSentence(from, allowed),
    allowed,
  });

  if (!fromKnown) return refuse('unknown_stage', `There is no case stage called "${String(from)}".`);
  if (!isCaseStage(to)) return refuse('unknown_stage', `There is no case stage called "${String(to)}".`);

  const found = TRANSITIONS.find((r) => r.from === from && r.to === to);
  if (!found) return refuse('illegal', `A case in stage ${from} cannot move to ${to}.`);

  if (!permissions.includes(found.permission)) {
    return refuse(
      'forbidden',
      `You are not allowed to ${lowerFirst(found.label)} (moving from ${from} to ${to} needs the permission ${found.permission}).`,
    );
  }

  const reasonGiven = !blank(req.reasonCode);
  const reasonCode = req.reasonCode?.trim() ?? '';

  if (found.reasonRequired && !reasonGiven) {
    return refuse(
      'reason_required',
      `Moving a case from ${from} to ${to} needs a reason code: one of ${reasonCodesFor(to).join(', ')}.`,
    );
  }

  if (reasonGiven) {
    if (!found.reasonRequired) {
      return refuse(
        'unknown_reason',
        `Moving a case from ${from} to ${to} takes no reason code; use the comment instead.`,
      );
    }
    if (!isReasonCode(reasonCode)) {
      return refuse(
        'unknown_reason',
        `"${reasonCode}" is not a known reason code. For a move to ${to} use one of: ${reasonCodesFor(to).join(', ')}.`,
      );
    }
    if (!REASON_TABLE[reasonCode].appliesTo.some((s) => s === to)) {
      return refuse(
        'unknown_reason',
        `The reason "${reasonCode}" does not apply to a move to ${to}. Use one of: ${reasonCodesFor(to).join(', ')}.`,
      );
    }
    if (reasonCode === REASON_NEEDING_COMMENT && blank(req.comment)) {
      return refuse('reason_required', `The reason "${reasonCode}" needs a comment explaining it.`);
    }
  }

  return { ok: true, rule: found };
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
