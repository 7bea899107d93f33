/**
 * The pure part of the plan and final report panels: what the inputs hold, how they are checked and
 * become API bodies, the local amount computed from the rate, what each component allows against
 * what is planned, which gate buttons a reader gets, and what a refused request says. No React.
 *
 * Errors are keyed by the server's paths (`lines.0.amount`, `situation`) and their values are keys
 * under `plan.validation.` in the translations.
 */
import { isApiError } from '../../api/client.ts';
import {
  NEED_DIMENSIONS,
  type Allowance,
  type AssessmentRating,
  type FinalReport,
  type FinalReportInput,
  type GateState,
  type NeedDimension,
  type NeedLevel,
  type OverlapReport,
  type Plan,
  type PlanInput,
  type PlanLineInput,
  type PlanModality,
  type PlanStatus,
  type SharedCaseLike,
  type SharedEnrolmentLike,
} from '../../api/plans.ts';
import type { Permission } from '../../../domain/permissions.ts';

export const DESCRIPTION_MAX = 500;
export const SUPPLIER_MAX = 200;
export const NOTES_MAX = 4000;
export const REPORT_TEXT_MAX = 8000;
export const JUSTIFICATION_MIN = 20;
export const JUSTIFICATION_MAX = 4000;
export const RETURN_COMMENT_MAX = 2000;
export const DELIVERY_NOTE_MAX = 2000;
export const MAX_LINES = 50;
export const MAX_AMOUNT = 10_000_000;
export const MAX_RATE = 1_000_000;
export const MAX_PROOFS = 10;

export type PlanValidationKey =
  | 'componentRequired'
  | 'modalityRequired'
  | 'descriptionRequired'
  | 'tooLong'
  | 'amountRequired'
  | 'amountInvalid'
  | 'currencyInvalid'
  | 'rateRequired'
  | 'rateInvalid'
  | 'currencyRequired'
  | 'dateRequired'
  | 'dateInvalid'
  | 'dateInFuture'
  | 'beneficiariesRequired'
  | 'levelRequired'
  | 'situationRequired'
  | 'assessmentRequired'
  | 'reasonRequired'
  | 'commentRequired'
  | 'justificationTooShort'
  | 'amountOverRemaining'
  | 'tooManyProofs';

export const PLAN_VALIDATION_KEYS: readonly PlanValidationKey[] = [
  'componentRequired',
  'modalityRequired',
  'descriptionRequired',
  'tooLong',
  'amountRequired',
  'amountInvalid',
  'currencyInvalid',
  'rateRequired',
  'rateInvalid',
  'currencyRequired',
  'dateRequired',
  'dateInvalid',
  'dateInFuture',
  'beneficiariesRequired',
  'levelRequired',
  'situationRequired',
  'assessmentRequired',
  'reasonRequired',
  'commentRequired',
  'justificationTooShort',
  'amountOverRemaining',
  'tooManyProofs',
];

export type DraftErrors = Record<string, PlanValidationKey>;

// Numbers ------------------------------------------------------------------------------------------

/** Arabic-Indic and Eastern Arabic-Indic digits as ASCII, the Arabic decimal and thousands marks too. */
export function normaliseDigits(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\u066b/g, '.')
    .replace(/[\u066c\s\u00a0\u202f]/g, '');
}

/**
 * A number typed by a person: digits with at most one decimal mark (a point or a comma) and at most
 * `decimals` decimals. Null when the text is not such a number.
 */
export function parseDecimal(text: string, decimals = 2): number | null {
  const clean = normaliseDigits(text.trim()).replace(',', '.');
  const pattern = new RegExp(`^\\d+(\\.\\d{1,${decimals}})?$`);
  if (!pattern.test(clean)) return null;
  const value = Number(clean);
  return Number.isFinite(value) ? value : null;
}

/** An amount in currency units (two decimals at most, up to the server's ceiling), or null. */
export function parseAmount(text: string): number | null {
  const value = parseDecimal(text, 2);
  return value === null || value > MAX_AMOUNT ? null : value;
}

/** An exchange rate (positive, up to six decimals), or null. */
export function parseRate(text: string): number | null {
  const value = parseDecimal(text, 6);
  return value === null || value <= 0 || value > MAX_RATE ? null : value;
}

/** The local amount for an amount at a rate, to the cent, as the server computes it. */
export function localAmountOf(amount: number | null, rate: number | null): number | null {
  if (amount === null || rate === null) return null;
  return Math.round(amount * rate * 100) / 100;
}

/** Sums in cents, so that 0.1 + 0.2 is 0.3. */
export function sumMoney(values: readonly number[]): number {
  return values.reduce((cents, v) => cents + Math.round(v * 100), 0) / 100;
}

function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

// The plan draft -----------------------------------------------------------------------------------

export interface NeedDraft {
  level: NeedLevel | '';
  notes: string;
}

export type NeedsDraft = Record<NeedDimension, NeedDraft>;

export interface LineDraft {
  /** A stable identity for React while lines are added and removed (never sent). */
  key: string;
  /** The saved line this draft edits; absent for a new line. */
  id?: string | undefined;
  /** `enrolmentId/componentCode`, or '' before a component is chosen. */
  component: string;
  modality: PlanModality | '';
  description: string;
  amount: string;
  localCurrency: string;
  exchangeRate: string;
  supplier: string;
  dueDate: string;
  beneficiaryPersonIds: string[];
}

export interface PlanDraft {
  needs: NeedsDraft;
  lines: LineDraft[];
}

let nextKey = 0;
function newKey(): string {
  nextKey += 1;
  return `line-${nextKey}`;
}

export function allowanceKey(a: { enrolmentId: string; componentCode: string }): string {
  return `${a.enrolmentId}/${a.componentCode}`;
}

function splitKey(key: string): { enrolmentId: string; componentCode: string } {
  const at = key.indexOf('/');
  return { enrolmentId: key.slice(0, at), componentCode: key.slice(at + 1) };
}

/** Numbers as a person would type them back (no grouping, a point for decimals). */
function numberText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

export function emptyLine(beneficiaryPersonIds: string[], dueDate = ''): LineDraft {
  return {
    key: newKey(),
    component: '',
    modality: '',
    description: '',
    amount: '',
    localCurrency: '',
    exchangeRate: '',
    supplier: '',
    dueDate,
    beneficiaryPersonIds,
  };
}

export function draftFromPlan(plan: Plan): PlanDraft {
  const needs = Object.fromEntries(
    NEED_DIMENSIONS.map((d) => [d, { level: plan.needs[d]?.level ?? '', notes: plan.needs[d]?.notes ?? '' }]),
  ) as NeedsDraft;
  return {
    needs,
    lines: [...plan.lines]
      .filter((l) => l.status !== 'cancelled')
      .sort((a, b) => a.position - b.position)
      .map((l) => ({
        key: newKey(),
        id: l.id,
        component: allowanceKey(l),
        modality: l.modality,
        description: l.description,
        amount: numberText(l.amount),
        localCurrency: l.localCurrency ?? '',
        exchangeRate: numberText(l.exchangeRate),
        supplier: l.supplier ?? '',
        dueDate: l.dueDate,
        beneficiaryPersonIds: [...l.beneficiaryPersonIds],
      })),
  };
}

/** Checks a draft plan and makes the body of PUT /cases/{id}/plan (null when an error was found). */
export function planInputFromDraft(draft: PlanDraft): { input: PlanInput | null; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const needs: PlanInput['needs'] = {};
  for (const d of NEED_DIMENSIONS) {
    const need = draft.needs[d];
    const notes = need.notes.trim();
    if (need.level === '') {
      if (notes !== '') errors[`needs.${d}.level`] = 'levelRequired';
      continue;
    }
    if (notes.length > NOTES_MAX) errors[`needs.${d}.notes`] = 'tooLong';
    needs[d] = notes === '' ? { level: need.level } : { level: need.level, notes };
  }
  const lines: PlanLineInput[] = [];
  draft.lines.forEach((l, i) => {
    const at = (field: string) => `lines.${i}.${field}`;
    if (l.component === '') errors[at('componentCode')] = 'componentRequired';
    if (l.modality === '') errors[at('modality')] = 'modalityRequired';
    const description = l.description.trim();
    if (description === '') errors[at('description')] = 'descriptionRequired';
    else if (description.length > DESCRIPTION_MAX) errors[at('description')] = 'tooLong';
    const amount = parseAmount(l.amount);
    if (l.amount.trim() === '') errors[at('amount')] = 'amountRequired';
    else if (amount === null || amount <= 0) errors[at('amount')] = 'amountInvalid';
    const currency = l.localCurrency.trim().toUpperCase();
    const rate = parseRate(l.exchangeRate);
    if (currency !== '' && !/^[A-Z]{3}$/.test(currency)) errors[at('localCurrency')] = 'currencyInvalid';
    if (currency !== '' && l.exchangeRate.trim() === '') errors[at('exchangeRate')] = 'rateRequired';
    else if (l.exchangeRate.trim() !== '' && rate === null) errors[at('exchangeRate')] = 'rateInvalid';
    else if (currency === '' && rate !== null) errors[at('localCurrency')] = 'currencyRequired';
    const supplier = l.supplier.trim();
    if (supplier.length > SUPPLIER_MAX) errors[at('supplier')] = 'tooLong';
    if (l.dueDate === '') errors[at('dueDate')] = 'dateRequired';
    else if (!isIsoDate(l.dueDate)) errors[at('dueDate')] = 'dateInvalid';
    if (l.beneficiaryPersonIds.length === 0) errors[at('beneficiaryPersonIds')] = 'beneficiariesRequired';
    if (l.component === '' || l.modality === '' || amount === null) return;
    const { enrolmentId, componentCode } = splitKey(l.component);
    const line: PlanLineInput = {
      enrolmentId,
      componentCode,
      modality: l.modality,
      description,
      amount,
      dueDate: l.dueDate,
      beneficiaryPersonIds: [...new Set(l.beneficiaryPersonIds)],
    };
    if (l.id) line.id = l.id;
    if (currency !== '' && rate !== null) {
      line.localCurrency = currency;
      line.exchangeRate = rate;
      const local = localAmountOf(amount, rate);
      if (local !== null && local <= MAX_AMOUNT) line.localAmount = local;
    }
    if (supplier !== '') line.supplier = supplier;
    lines.push(line);
  });
  if (Object.keys(errors).length > 0) return { input: null, errors };
  return { input: { needs, lines }, errors };
}

// What each component allows ----------------------------------------------------------------------

export interface ComponentBudget {
  key: string;
  enrolmentId: string;
  programmeCode: string;
  componentCode: string;
  name: string;
  category: string;
  currency: string;
  /** The component's usual modality (from the enrolment's package), when known. */
  modality: string | null;
  /** Null: actual cost, no ceiling. */
  allowed: number | null;
  upTo: boolean;
  active: boolean;
  /** On the saved plan. */
  planned: number;
  /** On the plan as it is being written (the lines shown now). */
  drafted: number;
  /** What is left after the draft (null without a ceiling). */
  left: number | null;
  /** The draft puts more on it than it allows. */
  over: boolean;
}

export interface ProgrammeBudget {
  enrolmentId: string;
  programmeCode: string;
  components: ComponentBudget[];
}

/**
 * What each of the case's enrolment components allows, how much the saved plan and the draft put on
 * it, grouped by enrolment (programme) in the server's order. Components of withdrawn enrolments
 * stay listed (inactive) when a line uses them.
 */
export function groupAllowances(
  allowances: readonly Allowance[],
  enrolments: readonly SharedEnrolmentLike[],
  draftLines: readonly Pick<LineDraft, 'component' | 'amount'>[] | null,
): ProgrammeBudget[] {
  const drafted = new Map<string, number>();
  for (const l of draftLines ?? []) {
    const amount = parseAmount(l.amount);
    if (l.component === '' || amount === null) continue;
    drafted.set(l.component, sumMoney([drafted.get(l.component) ?? 0, amount]));
  }
  const used = new Set((draftLines ?? []).map((l) => l.component));
  const groups: ProgrammeBudget[] = [];
  for (const a of allowances) {
    const key = allowanceKey(a);
    if (!a.active && !used.has(key) && a.planned === 0) continue;
    const packageLine = enrolments
      .find((e) => e.programmeCode === a.programmeCode)
      ?.lines.find((l) => l.componentCode === a.componentCode);
    const onDraft = draftLines === null ? a.planned : (drafted.get(key) ?? 0);
    const allowed = a.active ? a.allowed : 0;
    let group = groups.find((g) => g.enrolmentId === a.enrolmentId);
    if (!group) {
      group = { enrolmentId: a.enrolmentId, programmeCode: a.programmeCode, components: [] };
      groups.push(group);
    }
    group.components.push({
      key,
      enrolmentId: a.enrolmentId,
      programmeCode: a.programmeCode,
      componentCode: a.componentCode,
      name: a.name,
      category: a.category,
      currency: a.currency,
      modality: packageLine?.modality ?? null,
      allowed: a.allowed,
      upTo: packageLine?.upTo ?? false,
      active: a.active,
      planned: a.planned,
      drafted: onDraft,
      left: allowed === null ? null : sumMoney([allowed, -onDraft]),
      over: allowed !== null && Math.round(onDraft * 100) > Math.round(allowed * 100),
    });
  }
  return groups;
}

/** The modality a line on this component starts with: the component's own, when it is one of a plan's. */
export function defaultModality(budget: ComponentBudget | undefined): PlanModality | '' {
  const m = budget?.modality;
  return m === 'cash' || m === 'in_kind' || m === 'service' || m === 'referral' ? m : '';
}

// Who may do what ----------------------------------------------------------------------------------

export type CasePart = 'owner' | 'funder' | 'partner';

/**
 * The parts the reader's organisation plays in the case: its relation, and also funder or partner
 * when the owner funds the case itself or registered it after the return as the partner.
 */
export function casePartsOf(view: SharedCaseLike, organisationId: string): Set<CasePart> {
  const parts = new Set<CasePart>();
  if (view.relation === 'owner' || view.relation === 'funder' || view.relation === 'partner') {
    parts.add(view.relation);
  }
  if (view.funder?.id === organisationId) parts.add('funder');
  if (view.partner?.id === organisationId) parts.add('partner');
  return parts;
}

export type GateButton = 'submit' | 'validate' | 'returnAsPartner' | 'approve' | 'returnAsFunder';

export interface Reader {
  permissions: readonly Permission[];
  parts: ReadonlySet<CasePart>;
}

function can(reader: Reader, permission: Permission, part: CasePart): boolean {
  return reader.permissions.includes(permission) && reader.parts.has(part);
}

/** May the reader write the plan now (the partner's focal point, after arrival, not yet submitted)? */
export function canEditPlan(reader: Reader, stage: string, status: PlanStatus): boolean {
  return (
    can(reader, 'plans:write', 'partner') &&
    (stage === 'arrived' || stage === 'plan_submitted') &&
    (status === 'none' || status === 'draft' || status === 'returned')
  );
}

/**
 * The plan's gate buttons for this reader: submit (focal point), validate or return (partner
 * coordinator), approve or return (funding authority), from the case's stage and the plan's status.
 */
export function planGateButtons(reader: Reader, stage: string, status: PlanStatus): GateButton[] {
  const out: GateButton[] = [];
  // Not yet saved (none): submitting saves the form first.
  const writable = status === 'none' || status === 'draft' || status === 'returned';
  if (
    can(reader, 'plans:write', 'partner') &&
    writable &&
    (stage === 'arrived' || (stage === 'plan_submitted' && status === 'returned'))
  ) {
    out.push('submit');
  }
  if (can(reader, 'plans:validate', 'partner') && stage === 'plan_submitted' && status === 'submitted') {
    out.push('validate', 'returnAsPartner');
  }
  if (can(reader, 'plans:approve', 'funder') && stage === 'plan_submitted') {
    if (status === 'validated') out.push('approve');
    if (status === 'validated' || status === 'submitted') out.push('returnAsFunder');
  }
  return out;
}

/** May the reader record deliveries (the focal point, once the plan is approved)? */
export function canRecordDeliveries(reader: Reader, stage: string): boolean {
  return can(reader, 'plans:write', 'partner') && (stage === 'plan_approved' || stage === 'in_assistance');
}

/** May the reader justify an overlapping line (a programme manager of the funding authority)? */
export function canJustify(reader: Reader, status: PlanStatus): boolean {
  return (
    can(reader, 'plans:approve', 'funder') &&
    reader.permissions.includes('programmes:manage') &&
    status !== 'approved' &&
    status !== 'none'
  );
}

export function canEditReport(reader: Reader, stage: string, status: PlanStatus): boolean {
  return (
    can(reader, 'plans:write', 'partner') &&
    (stage === 'in_assistance' || stage === 'final_report') &&
    (status === 'none' || status === 'draft' || status === 'returned')
  );
}

export function reportGateButtons(reader: Reader, stage: string, status: PlanStatus): GateButton[] {
  const out: GateButton[] = [];
  // Not yet saved (none): submitting saves the form first.
  const writable = status === 'none' || status === 'draft' || status === 'returned';
  if (
    can(reader, 'plans:write', 'partner') &&
    writable &&
    (stage === 'in_assistance' || (stage === 'final_report' && status === 'returned'))
  ) {
    out.push('submit');
  }
  if (can(reader, 'plans:validate', 'partner') && stage === 'final_report' && status === 'submitted') {
    out.push('validate', 'returnAsPartner');
  }
  if (can(reader, 'plans:approve', 'funder') && stage === 'final_report') {
    if (status === 'validated') out.push('approve');
    if (status === 'validated' || status === 'submitted') out.push('returnAsFunder');
  }
  return out;
}

/** The stages in which the final report exists or is being written. */
export const REPORT_STAGES: readonly string[] = ['in_assistance', 'final_report', 'monitoring', 'closed'];

// The gate's history -------------------------------------------------------------------------------

export interface GateEvent {
  kind: 'submitted' | 'validated' | 'approved' | 'returned';
  at: string;
  by?: 'partner' | 'funder' | null;
  reasonCode?: string | null;
  comment?: string | null;
}

/** The gate's recorded steps (the last of each), oldest first. */
export function gateHistory(state: GateState): GateEvent[] {
  const events: GateEvent[] = [];
  if (state.submittedAt) events.push({ kind: 'submitted', at: state.submittedAt });
  if (state.validatedAt) events.push({ kind: 'validated', at: state.validatedAt });
  if (state.approvedAt) events.push({ kind: 'approved', at: state.approvedAt });
  if (state.returnedAt) {
    events.push({
      kind: 'returned',
      at: state.returnedAt,
      by: state.returnedBy,
      reasonCode: state.returnReasonCode,
      comment: state.returnComment,
    });
  }
  return events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

// What a refused request says ----------------------------------------------------------------------

export interface Excess {
  enrolmentId: string;
  programmeCode: string;
  componentCode: string;
  currency: string;
  allowed: number;
  planned: number;
}

function problemType(error: unknown): string {
  return isApiError(error) ? (error.problem.type ?? '') : '';
}

/** The components a refused plan exceeds (422 plan-over-budget), or none. */
export function excessesOf(error: unknown): Excess[] {
  if (!isApiError(error) || !problemType(error).endsWith('/plan-over-budget')) return [];
  const list = error.problem.extensions?.excesses;
  if (!Array.isArray(list)) return [];
  return list.flatMap((x: unknown) => {
    if (typeof x !== 'object' || x === null) return [];
    const e = x as Record<string, unknown>;
    if (
      typeof e.enrolmentId !== 'string' ||
      typeof e.componentCode !== 'string' ||
      typeof e.allowed !== 'number' ||
      typeof e.planned !== 'number'
    ) {
      return [];
    }
    return [
      {
        enrolmentId: e.enrolmentId,
        programmeCode: typeof e.programmeCode === 'string' ? e.programmeCode : '',
        componentCode: e.componentCode,
        currency: typeof e.currency === 'string' ? e.currency : '',
        allowed: e.allowed,
        planned: e.planned,
      },
    ];
  });
}

/** The lines an approval was refused for (422 duplicate-assistance), or none. */
export function duplicateLinesOf(error: unknown): string[] {
  if (!isApiError(error) || !problemType(error).endsWith('/duplicate-assistance')) return [];
  const list = error.problem.extensions?.overlaps;
  if (!Array.isArray(list)) return [];
  return list.flatMap((x: unknown) =>
    typeof x === 'object' && x !== null && typeof (x as { planLineId?: unknown }).planLineId === 'string'
      ? [(x as { planLineId: string }).planLineId]
      : [],
  );
}

/** The overlaps of one line, from the guard's report. */
export function overlapsOfLine(report: OverlapReport | undefined, lineId: string) {
  return report?.items.find((i) => i.planLineId === lineId);
}

// A delivery ---------------------------------------------------------------------------------------

export interface DeliveryDraft {
  kind: 'delivery' | 'disbursement';
  deliveredOn: string;
  amount: string;
  note: string;
  documentIds: string[];
}

/** Checks a delivery against what is left on the line; answers the errors found (none: it may go). */
export function checkDelivery(draft: DeliveryDraft, remaining: number, today = todayIso()): DraftErrors {
  const errors: DraftErrors = {};
  const amount = parseAmount(draft.amount);
  if (draft.amount.trim() === '') errors.amount = 'amountRequired';
  else if (amount === null || amount <= 0) errors.amount = 'amountInvalid';
  else if (Math.round(amount * 100) > Math.round(remaining * 100)) errors.amount = 'amountOverRemaining';
  if (draft.deliveredOn === '') errors.deliveredOn = 'dateRequired';
  else if (!isIsoDate(draft.deliveredOn)) errors.deliveredOn = 'dateInvalid';
  else if (draft.deliveredOn > today) errors.deliveredOn = 'dateInFuture';
  if (draft.note.trim().length > DELIVERY_NOTE_MAX) errors.note = 'tooLong';
  if (draft.documentIds.length > MAX_PROOFS) errors.documentIds = 'tooManyProofs';
  return errors;
}

// The final report draft ---------------------------------------------------------------------------

export interface ReportDraft {
  situation: string;
  finalMeetingOn: string;
  finalMeetingNotes: string;
  partnerAssessment: string;
  assessmentRating: AssessmentRating | '';
}

export function draftFromReport(report: FinalReport): ReportDraft {
  return {
    situation: report.situation ?? '',
    finalMeetingOn: report.finalMeetingOn ?? '',
    finalMeetingNotes: report.finalMeetingNotes ?? '',
    partnerAssessment: report.partnerAssessment ?? '',
    assessmentRating: report.assessmentRating ?? '',
  };
}

export function reportInputFromDraft(
  draft: ReportDraft,
  today = todayIso(),
): { input: FinalReportInput | null; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const situation = draft.situation.trim();
  const assessment = draft.partnerAssessment.trim();
  const notes = draft.finalMeetingNotes.trim();
  if (situation === '') errors.situation = 'situationRequired';
  else if (situation.length > REPORT_TEXT_MAX) errors.situation = 'tooLong';
  if (assessment === '') errors.partnerAssessment = 'assessmentRequired';
  else if (assessment.length > REPORT_TEXT_MAX) errors.partnerAssessment = 'tooLong';
  if (notes.length > REPORT_TEXT_MAX) errors.finalMeetingNotes = 'tooLong';
  if (draft.finalMeetingOn !== '') {
    if (!isIsoDate(draft.finalMeetingOn)) errors.finalMeetingOn = 'dateInvalid';
    else if (draft.finalMeetingOn > today) errors.finalMeetingOn = 'dateInFuture';
  }
  if (Object.keys(errors).length > 0) return { input: null, errors };
  const input: FinalReportInput = { situation, partnerAssessment: assessment };
  if (draft.finalMeetingOn !== '') input.finalMeetingOn = draft.finalMeetingOn;
  if (notes !== '') input.finalMeetingNotes = notes;
  if (draft.assessmentRating !== '') input.assessmentRating = draft.assessmentRating;
  return { input, errors };
}

/** Whether two plan drafts hold the same values (the lines' React keys aside): nothing to save. */
export function sameDraft(a: PlanDraft, b: PlanDraft): boolean {
  const plain = (d: PlanDraft) =>
    JSON.stringify({ needs: d.needs, lines: d.lines.map(({ key: _key, ...rest }) => rest) });
  return plain(a) === plain(b);
}

/** Whether two report drafts hold the same values. */
export function sameReport(a: ReportDraft, b: ReportDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
