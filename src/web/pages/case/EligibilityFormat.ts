/**
 * Pure helpers of the eligibility screens (the case's Eligibility tab and the comparison): amounts in
 * words, totals per currency, the combined package grouped by programme. No React, no i18next: the
 * caller passes the words.
 */
import type {
  CombinedPackage,
  CurrencyTotal,
  EligibilityReason,
  EligibilityStatus,
  PackageLine,
  ProgrammeResult,
} from '../../api/eligibility.ts';

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** "1,000 €", "CHF 3,000.50" in the interface language (no decimals unless there are cents). */
export function formatMoney(language: string, amount: number, currency: string): string {
  const cents = Math.round(amount * 100);
  const whole = cents % 100 === 0;
  const key = `${language}\u0000${currency}\u0000${whole ? 0 : 2}`;
  let format = moneyFormats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(language, {
        style: 'currency',
        currency,
        minimumFractionDigits: whole ? 0 : 2,
        maximumFractionDigits: whole ? 0 : 2,
      });
    } catch {
      format = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
    }
    moneyFormats.set(key, format);
  }
  const text = format.format(cents / 100);
  return format.resolvedOptions().style === 'currency' ? text : `${text} ${currency}`;
}

/** What an amount is: a fixed sum, a ceiling, the actual cost (with or without a ceiling). */
export type AmountKind = 'exact' | 'upTo' | 'actualCost' | 'actualCostUpTo';

export interface AmountLike {
  amount: number | null;
  currency: string;
  upTo: boolean;
  actualCost: boolean;
}

export function amountKind(a: AmountLike): AmountKind {
  if (a.actualCost) return a.amount === null ? 'actualCost' : 'actualCostUpTo';
  return a.upTo && a.amount !== null ? 'upTo' : a.amount === null ? 'actualCost' : 'exact';
}

/** The words for each kind of amount; `{{amount}}` is the formatted sum. */
export interface AmountWords {
  upTo: (amount: string) => string;
  actualCost: string;
  actualCostUpTo: (amount: string) => string;
}

/** "1,000 €", "up to 2,000 €", "actual cost", "actual cost, up to 500 €". */
export function amountText(language: string, a: AmountLike, words: AmountWords): string {
  const kind = amountKind(a);
  if (kind === 'actualCost') return words.actualCost;
  const sum = formatMoney(language, a.amount ?? 0, a.currency);
  if (kind === 'upTo') return words.upTo(sum);
  if (kind === 'actualCostUpTo') return words.actualCostUpTo(sum);
  return sum;
}

/** Totals in several currencies in one line: "1,200 € + CHF 1,000"; `none` when there is none. */
export function totalsText(language: string, totals: readonly CurrencyTotal[], none: string): string {
  const shown = totals.filter((x) => x.amount > 0);
  if (shown.length === 0) return none;
  return shown.map((x) => formatMoney(language, x.amount, x.currency)).join(' + ');
}

/** Sums amounts per currency in cents (no float drift), currencies in alphabetical order. */
export function sumByCurrency(
  items: ReadonlyArray<{ currency: string; amount: number | null }>,
): CurrencyTotal[] {
  const cents = new Map<string, number>();
  for (const item of items) {
    if (item.amount === null) continue;
    cents.set(item.currency, (cents.get(item.currency) ?? 0) + Math.round(item.amount * 100));
  }
  return [...cents.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, c]) => ({ currency, amount: c / 100 }));
}

const STATUS_ORDER: Record<EligibilityStatus, number> = { eligible: 0, to_check: 1, not_eligible: 2 };

/** Eligible programmes first, then those to check, then the others; by name within each. */
export function byStatus<T extends { status: EligibilityStatus; name: string }>(
  items: readonly T[],
  collator: Intl.Collator,
): T[] {
  return [...items].sort(
    (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || collator.compare(a.name, b.name),
  );
}

/** One programme's part of the combined package. */
export interface PackageGroup {
  programmeCode: string;
  /** The programme's name (its code when it is not among the results). */
  name: string;
  lines: PackageLine[];
  /** After offsets. */
  totals: CurrencyTotal[];
  /** Some line was reduced by what another programme pays. */
  reduced: boolean;
  /** Some line is paid at actual cost (not in the totals). */
  hasActualCost: boolean;
}

/** The package's lines grouped by programme, in the package's order, with each group's totals. */
export function groupPackage(
  pkg: CombinedPackage,
  programmes: readonly Pick<ProgrammeResult, 'code' | 'name'>[],
): PackageGroup[] {
  const names = new Map(programmes.map((p) => [p.code, p.name]));
  const order = [...pkg.programmeCodes];
  for (const line of pkg.lines) if (!order.includes(line.programmeCode)) order.push(line.programmeCode);
  return order
    .map((code) => {
      const lines = pkg.lines.filter((l) => l.programmeCode === code);
      return {
        programmeCode: code,
        name: names.get(code) ?? code,
        lines,
        totals: sumByCurrency(lines),
        reduced: lines.some((l) => l.reductions.length > 0),
        hasActualCost: lines.some((l) => l.actualCost),
      };
    })
    .filter((g) => g.lines.length > 0);
}

/** The name of a programme of the evaluation, by code (the code itself when unknown). */
export function programmeName(
  programmes: readonly Pick<ProgrammeResult, 'code' | 'name'>[],
  code: string,
): string {
  return programmes.find((p) => p.code === code)?.name ?? code;
}

/**
 * The reasons that decided a status, as the server words them: for a programme not eligible the
 * failed leaves, for one to check the unknown ones (only inside branches with that outcome).
 */
export function decisiveReasons(reasons: readonly EligibilityReason[], status: EligibilityStatus): string[] {
  if (status === 'eligible') return [];
  const outcome = status === 'to_check' ? 'unknown' : 'not_met';
  const out: string[] = [];
  const walk = (r: EligibilityReason) => {
    if (r.outcome !== outcome) return;
    if (r.children && r.children.length > 0) r.children.forEach(walk);
    else out.push(r.text);
  };
  reasons.forEach(walk);
  return out;
}
