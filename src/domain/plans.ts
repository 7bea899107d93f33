/**
 * The reintegration plan's rules as pure functions: what an enrolment allows per component, whether
 * a plan stays within it, the assistance ledger's periods and person keys, and when two assistance
 * lines overlap. The server applies them; nothing here reads or writes.
 */
import { createHash } from 'node:crypto';

export const PLAN_MODALITIES = ['cash', 'in_kind', 'service', 'referral'] as const;
export type PlanModality = (typeof PLAN_MODALITIES)[number];

export const NEED_DIMENSIONS = ['economic', 'social', 'psychosocial'] as const;
export type NeedDimension = (typeof NEED_DIMENSIONS)[number];
export const NEED_LEVELS = ['none', 'low', 'medium', 'high'] as const;

export const PLAN_STATUSES = ['none', 'draft', 'submitted', 'validated', 'approved', 'returned'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/**
 * How long one assistance line counts as covering a need, from its due date, for the duplicate
 * guard: the same need funded twice within a year is the double funding the EU strategy names.
 */
export const LEDGER_PERIOD_DAYS = 365;

/** What one enrolment allows for one component: the amount frozen at enrolment, in cents. */
export interface ComponentAllowance {
  enrolmentId: string;
  programmeCode: string;
  componentCode: string;
  name: string;
  category: string;
  currency: string;
  /** Null: the component pays the actual cost, with no fixed ceiling (the funder's approval decides). */
  allowedCents: number | null;
  /** False when the enrolment was withdrawn: nothing may be planned against it. */
  active: boolean;
}

export interface PlannedAmount {
  enrolmentId: string;
  componentCode: string;
  amountCents: number;
}

export interface Excess {
  enrolmentId: string;
  programmeCode: string;
  componentCode: string;
  name: string;
  currency: string;
  allowedCents: number;
  plannedCents: number;
}

export function allowanceKey(enrolmentId: string, componentCode: string): string {
  return `${enrolmentId}/${componentCode}`;
}

/** Total planned per component. */
export function plannedByComponent(lines: readonly PlannedAmount[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of lines) {
    const key = allowanceKey(l.enrolmentId, l.componentCode);
    out.set(key, (out.get(key) ?? 0) + l.amountCents);
  }
  return out;
}

/**
 * The components a plan exceeds: planned more than the enrolment allows, or anything at all against
 * a withdrawn enrolment. Lines on an unknown component are the caller's to refuse before this.
 */
export function budgetExcesses(
  allowances: readonly ComponentAllowance[],
  lines: readonly PlannedAmount[],
): Excess[] {
  const planned = plannedByComponent(lines);
  const out: Excess[] = [];
  for (const a of allowances) {
    const total = planned.get(allowanceKey(a.enrolmentId, a.componentCode)) ?? 0;
    const allowed = a.active ? a.allowedCents : 0;
    if (allowed !== null && total > allowed) {
      out.push({
        enrolmentId: a.enrolmentId,
        programmeCode: a.programmeCode,
        componentCode: a.componentCode,
        name: a.name,
        currency: a.currency,
        allowedCents: allowed,
        plannedCents: total,
      });
    }
  }
  return out;
}

/** Whether one more delivery of `amountCents` keeps a line within its approved amount. */
export function deliveryFits(approvedCents: number, deliveredCents: number, amountCents: number): boolean {
  return amountCents > 0 && deliveredCents + amountCents <= approvedCents;
}

// The ledger --------------------------------------------------------------------------------------

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The period an assistance line covers for the duplicate guard. */
export function ledgerPeriod(dueDate: string): { from: string; to: string } {
  return { from: dueDate, to: addDays(dueDate, LEDGER_PERIOD_DAYS - 1) };
}

/** Closed date intervals (ISO dates compare as strings). */
export function periodsOverlap(a: { from: string; to: string }, b: { from: string; to: string }): boolean {
  return a.from <= b.to && b.from <= a.to;
}

export interface LedgerPerson {
  givenNames?: string | undefined;
  familyName?: string | undefined;
  dateOfBirth?: string | null | undefined;
  documents?: readonly { type: string; number?: string | undefined; issuingCountry?: string | undefined }[];
}

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function hashKey(kind: string, canonical: string): string {
  return `${kind}:${createHash('sha256').update(`homeward-ledger-v1|${kind}|${canonical}`).digest('hex').slice(0, 32)}`;
}

/**
 * Pseudonymous keys of one person for the ledger: one per identity document (type, country, number)
 * and one for the name with the date of birth. Two cases of the same person in different
 * organisations share at least one key when they recorded the same document, or the same spelling
 * and birth date. The keys are hashes, so the ledger holds no name or number.
 */
export function ledgerKeys(person: LedgerPerson): string[] {
  const keys = new Set<string>();
  for (const d of person.documents ?? []) {
    const number = d.number?.toUpperCase().replace(/[^A-Z0-9]/g, '');
    if (number && number.length >= 4) {
      keys.add(hashKey('doc', `${d.issuingCountry?.toUpperCase() ?? '??'}|${number}`));
    }
  }
  if (person.dateOfBirth && person.familyName) {
    const tokens = fold(`${person.givenNames ?? ''} ${person.familyName}`)
      .split(' ')
      .filter(Boolean)
      .sort();
    if (tokens.length > 0) keys.add(hashKey('name', `${tokens.join(' ')}|${person.dateOfBirth}`));
  }
  return [...keys].sort();
}

/** One side of a duplicate check: a planned line, or an entry already in the ledger. */
export interface AssistanceLine {
  planLineId: string | null;
  caseId: string | null;
  category: string;
  programmeCode: string;
  funderId: string;
  period: { from: string; to: string };
}

/**
 * Whether a ledger entry is a possible duplicate of a planned line: the same category of need in an
 * overlapping period, funded by another programme, another organisation, or through another case of
 * the same person. A line never duplicates itself.
 */
export function isDuplicateAssistance(line: AssistanceLine, entry: AssistanceLine): boolean {
  if (entry.planLineId !== null && entry.planLineId === line.planLineId) return false;
  if (entry.category !== line.category) return false;
  if (!periodsOverlap(line.period, entry.period)) return false;
  return (
    entry.caseId !== line.caseId ||
    entry.programmeCode !== line.programmeCode ||
    entry.funderId !== line.funderId
  );
}
