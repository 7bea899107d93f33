/**
 * The eligibility engine and package calculator: pure functions from (programmes, case facts, date)
 * to an explained answer. Rules use three-valued logic: a condition on a fact that is not recorded is
 * "unknown", so a programme is `eligible` only when every rule is met, `not_eligible` as soon as one
 * fails, and `to_check` when the answer depends on a missing fact.
 */
import {
  type AmountRule,
  type INSTALMENT_DUE,
  type Component,
  type Condition,
  type FactCondition,
  type NationalityGroup,
  type Programme,
  localize,
} from './definition.ts';
import {
  countryName,
  factLabel,
  formatMoney,
  message,
  opLabel,
  valueLabel,
  type MessageKey,
} from './explain-texts.ts';
import { type EligibilityFacts, householdCounts as countHousehold } from './facts.ts';

/** Household counts, worked out once per set of facts (every number rule and amount reads them). */
const countsMemo = new WeakMap<EligibilityFacts, ReturnType<typeof countHousehold>>();
function householdCounts(facts: EligibilityFacts): ReturnType<typeof countHousehold> {
  let counts = countsMemo.get(facts);
  if (!counts) {
    counts = countHousehold(facts);
    countsMemo.set(facts, counts);
  }
  return counts;
}

export type Outcome = 'met' | 'not_met' | 'unknown';
export type EligibilityStatus = 'eligible' | 'not_eligible' | 'to_check';

export interface Reason {
  outcome: Outcome;
  /** What was checked: a programme check (`check.*`) or a rule node (`rule.*`). */
  code: string;
  /** Where in the programme definition the rule sits, e.g. `eligibility.conditions[1]`. */
  path: string;
  text: string;
  children?: Reason[];
}

export interface InstalmentAmount {
  percent: number;
  due: (typeof INSTALMENT_DUE)[number];
  monthsAfterArrival?: number;
  amount: number;
}

export interface ComponentResult {
  code: string;
  name: string;
  stage: Component['stage'];
  modality: Component['modality'];
  category: Component['category'];
  currency: Component['currency'];
  status: EligibilityStatus;
  eligible: boolean;
  reasons: Reason[];
  /** The amount for this household in `currency` (two decimals); null when paid at actual cost. */
  amount: number | null;
  upTo: boolean;
  actualCost: boolean;
  /** The arithmetic, line by line, in words. */
  calculation: string[];
  instalments: InstalmentAmount[];
}

export interface CurrencyTotal {
  currency: string;
  amount: number;
}

export interface ProgrammeResult {
  programmeId: string;
  code: string;
  version: number;
  name: string;
  status: EligibilityStatus;
  eligible: boolean;
  reasons: Reason[];
  components: ComponentResult[];
  /** Sum of the eligible components' amounts, per currency. */
  totals: CurrencyTotal[];
}

export interface EvaluateOptions {
  /** The evaluation date (ISO); facts such as ages and days before departure are relative to it. */
  onDate: string;
  lang?: string;
}

interface Ctx {
  lang: string;
  groups: readonly NationalityGroup[];
  facts: EligibilityFacts;
}

// ---------------------------------------------------------------------------------------------
// Conditions

type FactValue =
  | { known: false }
  | { known: true; list: string[] }
  | { known: true; num: number }
  | { known: true; bool: boolean };

const UNKNOWN: FactValue = { known: false };
function list(v: string[] | null): FactValue {
  return v === null ? UNKNOWN : { known: true, list: v };
}
function one(v: string | null): FactValue {
  return v === null ? UNKNOWN : { known: true, list: [v] };
}
function num(v: number | null): FactValue {
  return v === null ? UNKNOWN : { known: true, num: v };
}

function factValue(c: FactCondition, ctx: Ctx): FactValue {
  const f = ctx.facts;
  switch (c.fact) {
    case 'nationality':
      return list(f.nationalities.length ? f.nationalities : null);
    case 'nationalityGroup':
      return list(
        f.nationalities.length
          ? ctx.groups.filter((g) => g.countries.some((x) => f.nationalities.includes(x))).map((g) => g.code)
          : null,
      );
    case 'returnCountry':
      return one(f.returnCountry);
    case 'hostCountry':
      return one(f.hostCountry);
    case 'administrativeStatus':
      return one(f.administrativeStatus);
    case 'proceduralStage':
      return one(f.proceduralStage);
    case 'returnType':
      return one(f.returnType);
    case 'vulnerability':
      return list(f.vulnerabilities);
    case 'previousAssistance':
      return list(f.previousAssistance);
    case 'age':
      return num(f.age);
    case 'adults':
      return num(householdCounts(f).adults);
    case 'minors':
      return num(householdCounts(f).minors);
    case 'householdSize':
      return num(f.household.length);
    case 'daysBeforeDeparture':
      return num(f.daysBeforeDeparture);
    case 'daysUntilDeadline':
      return num(f.daysUntilDeadline);
    case 'vulnerable':
      if (f.unaccompaniedMinor) return { known: true, bool: true };
      return f.vulnerabilities === null
        ? { known: false }
        : { known: true, bool: f.vulnerabilities.length > 0 };
    case 'unaccompaniedMinor':
      return { known: true, bool: f.unaccompaniedMinor };
    case 'inDetention':
      return { known: true, bool: f.inDetention };
    case 'entryBan':
      return { known: true, bool: f.entryBan };
  }
}

function compareNumber(op: FactCondition['op'], actual: number, expected: number): boolean {
  switch (op) {
    case 'eq':
      return actual === expected;
    case 'gt':
      return actual > expected;
    case 'gte':
      return actual >= expected;
    case 'lt':
      return actual < expected;
    case 'lte':
      return actual <= expected;
    case 'in':
    case 'not_in':
    case 'is':
      return false;
  }
}

function testFact(c: FactCondition, v: FactValue): Outcome {
  if (!v.known) return 'unknown';
  if ('list' in v && Array.isArray(c.value)) {
    const values = c.value;
    const hit = v.list.some((x) => values.includes(x));
    if (c.op === 'in') return hit ? 'met' : 'not_met';
    if (c.op === 'not_in') return hit ? 'not_met' : 'met';
    return 'not_met';
  }
  if ('num' in v && typeof c.value === 'number')
    return compareNumber(c.op, v.num, c.value) ? 'met' : 'not_met';
  if ('bool' in v && typeof c.value === 'boolean' && c.op === 'is')
    return v.bool === c.value ? 'met' : 'not_met';
  return 'not_met';
}

function displayCodes(fact: FactCondition['fact'], codes: readonly string[], ctx: Ctx): string {
  return codes
    .map((code) => {
      if (fact === 'nationality' || fact === 'returnCountry' || fact === 'hostCountry') {
        return countryName(ctx.lang, code);
      }
      if (fact === 'nationalityGroup') {
        const g = ctx.groups.find((x) => x.code === code);
        return g ? localize(g.name, ctx.lang) : code;
      }
      return valueLabel(ctx.lang, code);
    })
    .join(', ');
}

/**
 * A condition's expected value in words, kept per condition and language: a list of forty countries
 * is named once, not at every evaluation (programme objects live in the published catalogue's memo).
 */
const expectedMemo = new WeakMap<FactCondition, Map<string, string>>();
function displayExpected(c: FactCondition, ctx: Ctx): string {
  let byLang = expectedMemo.get(c);
  if (!byLang) {
    byLang = new Map();
    expectedMemo.set(c, byLang);
  }
  let text = byLang.get(ctx.lang);
  if (text === undefined) {
    text = display(c.fact, c.value, ctx);
    byLang.set(ctx.lang, text);
  }
  return text;
}

function display(fact: FactCondition['fact'], value: FactCondition['value'] | FactValue, ctx: Ctx): string {
  if (typeof value === 'boolean') return message(ctx.lang, value ? 'value.yes' : 'value.no');
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return displayCodes(fact, value, ctx);
  if (!value.known) return '';
  if ('list' in value) {
    return value.list.length ? displayCodes(fact, value.list, ctx) : message(ctx.lang, 'value.none');
  }
  if ('num' in value) return String(value.num);
  return message(ctx.lang, value.bool ? 'value.yes' : 'value.no');
}

export function combineAll(outcomes: readonly Outcome[]): Outcome {
  if (outcomes.includes('not_met')) return 'not_met';
  return outcomes.includes('unknown') ? 'unknown' : 'met';
}

export function combineAny(outcomes: readonly Outcome[]): Outcome {
  if (outcomes.includes('met')) return 'met';
  return outcomes.includes('unknown') ? 'unknown' : 'not_met';
}

function negate(o: Outcome): Outcome {
  return o === 'met' ? 'not_met' : o === 'not_met' ? 'met' : 'unknown';
}

function evaluateNode(c: Condition, ctx: Ctx, path: string): Reason {
  switch (c.kind) {
    case 'all':
    case 'any': {
      const children = c.conditions.map((x, i) => evaluateNode(x, ctx, `${path}.conditions[${i}]`));
      const outcomes = children.map((x) => x.outcome);
      return {
        outcome: c.kind === 'all' ? combineAll(outcomes) : combineAny(outcomes),
        code: `rule.${c.kind}`,
        path,
        text: message(ctx.lang, c.kind === 'all' ? 'rule.all' : 'rule.any'),
        children,
      };
    }
    case 'not': {
      const child = evaluateNode(c.condition, ctx, `${path}.condition`);
      return {
        outcome: negate(child.outcome),
        code: 'rule.not',
        path,
        text: message(ctx.lang, 'rule.not'),
        children: [child],
      };
    }
    case 'fact': {
      const v = factValue(c, ctx);
      const outcome = testFact(c, v);
      const params = {
        fact: factLabel(ctx.lang, c.fact),
        op: opLabel(ctx.lang, c.op),
        expected: displayExpected(c, ctx),
        actual: display(c.fact, v, ctx),
      };
      return {
        outcome,
        code: `rule.fact.${c.fact}`,
        path,
        text: message(ctx.lang, outcome === 'unknown' ? 'rule.unknown' : 'rule.fact', params),
      };
    }
  }
}

/** Evaluates a rule tree against the facts, with the reason for every node. */
export function evaluateCondition(
  c: Condition,
  facts: EligibilityFacts,
  options: { lang?: string; groups?: readonly NationalityGroup[]; path?: string } = {},
): Reason {
  return evaluateNode(
    c,
    { lang: options.lang ?? 'en', groups: options.groups ?? [], facts },
    options.path ?? 'rule',
  );
}

// ---------------------------------------------------------------------------------------------
// Amounts (computed in cents, returned in currency units)

export function toCents(amount: number | undefined): number {
  return Math.round((amount ?? 0) * 100);
}

export interface AmountOutcome {
  cents: number | null;
  calculation: string[];
  instalments: InstalmentAmount[];
}

export function computeAmount(
  rule: AmountRule,
  currency: string,
  facts: EligibilityFacts,
  ctx: Ctx,
  path: string,
): AmountOutcome {
  const lang = ctx.lang;
  const money = (cents: number) => formatMoney(lang, cents, currency);
  const counts = householdCounts(facts);
  const lines: string[] = [];
  let base: { perAdult?: number; perMinor?: number; perHousehold?: number } = rule;
  for (const [i, variant] of (rule.variants ?? []).entries()) {
    const r = evaluateNode(variant.when, ctx, `${path}.variants[${i}].when`);
    if (r.outcome === 'met') {
      base = variant;
      lines.push(message(lang, 'amount.variant', { label: localize(variant.label, lang) }));
      break;
    }
    // A variant that depends on a missing fact is not applied, but the reader is told it might be.
    if (r.outcome === 'unknown') {
      lines.push(message(lang, 'amount.variantUnknown', { label: localize(variant.label, lang) }));
    }
  }
  const perAdult = toCents(base.perAdult);
  const perMinor = toCents(base.perMinor);
  const perHousehold = toCents(base.perHousehold);
  const hasFixed =
    base.perAdult !== undefined || base.perMinor !== undefined || base.perHousehold !== undefined;
  if (rule.actualCost && !hasFixed) {
    lines.push(message(lang, 'amount.actualCost'));
    return { cents: null, calculation: lines, instalments: [] };
  }
  if (rule.actualCost) lines.push(message(lang, 'amount.actualCost'));
  if (counts.ageUnknown > 0 && perAdult !== perMinor) {
    lines.push(message(lang, 'amount.ageUnknown', { n: counts.ageUnknown }));
  }
  let total = 0;
  if (base.perHousehold !== undefined) {
    total += perHousehold;
    lines.push(message(lang, 'amount.perHousehold', { amount: money(perHousehold) }));
  }
  if (base.perAdult !== undefined && counts.adults > 0) {
    total += perAdult * counts.adults;
    lines.push(
      message(lang, 'amount.perAdult', {
        n: counts.adults,
        amount: money(perAdult),
        total: money(perAdult * counts.adults),
      }),
    );
  }
  if (base.perMinor !== undefined && counts.minors > 0) {
    total += perMinor * counts.minors;
    lines.push(
      message(lang, 'amount.perMinor', {
        n: counts.minors,
        amount: money(perMinor),
        total: money(perMinor * counts.minors),
      }),
    );
  }
  const topUp = rule.vulnerabilityTopUp;
  if (topUp) {
    const vulnerableHousehold = counts.vulnerablePersons > 0 || facts.unaccompaniedMinor;
    if (facts.vulnerabilities === null && !facts.unaccompaniedMinor) {
      lines.push(message(lang, 'amount.topUpUnknown'));
    } else if (vulnerableHousehold) {
      const perPerson = toCents(topUp.perVulnerablePerson);
      const persons = Math.max(counts.vulnerablePersons, facts.unaccompaniedMinor ? 1 : 0);
      if (perPerson > 0) {
        total += perPerson * persons;
        lines.push(
          message(lang, 'amount.topUpPerson', {
            n: persons,
            amount: money(perPerson),
            total: money(perPerson * persons),
          }),
        );
      }
      const once = toCents(topUp.perHousehold);
      if (once > 0) {
        total += once;
        lines.push(message(lang, 'amount.topUpHousehold', { amount: money(once) }));
      }
    }
  }
  if (rule.cap !== undefined && total > toCents(rule.cap)) {
    total = toCents(rule.cap);
    lines.push(message(lang, 'amount.cap', { cap: money(total) }));
  }
  if (rule.upTo) lines.push(message(lang, 'amount.upTo'));
  lines.push(message(lang, 'amount.total', { total: money(total) }));
  return { cents: total, calculation: lines, instalments: splitInstalments(rule, total) };
}

/** Splits an amount into its instalments; the last one takes the rounding remainder. */
export function splitInstalments(rule: AmountRule, cents: number): InstalmentAmount[] {
  const parts = rule.instalments ?? [];
  let left = cents;
  return parts.map((p, i) => {
    const share = i === parts.length - 1 ? left : Math.floor((cents * p.percent) / 100);
    left -= share;
    return {
      percent: p.percent,
      due: p.due,
      ...(p.monthsAfterArrival !== undefined ? { monthsAfterArrival: p.monthsAfterArrival } : {}),
      amount: share / 100,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// One programme

function statusOf(outcome: Outcome): EligibilityStatus {
  return outcome === 'met' ? 'eligible' : outcome === 'not_met' ? 'not_eligible' : 'to_check';
}

function check(
  outcome: Outcome,
  code: MessageKey,
  lang: string,
  path: string,
  params: Record<string, string | number> = {},
): Reason {
  return { outcome, code, path, text: message(lang, code, params) };
}

function inForce(p: Programme, onDate: string): boolean {
  const d = p.definition;
  return d.validFrom <= onDate && (d.validTo === null || onDate <= d.validTo);
}

/**
 * Evaluates one programme. `prerequisite` answers for a required programme's code; it is supplied by
 * `evaluateAll`, which knows the other programmes (without it, a prerequisite is met only when the
 * household has already received that programme).
 */
export function evaluateProgramme(
  p: Programme,
  facts: EligibilityFacts,
  options: EvaluateOptions,
  prerequisite: (code: string) => { outcome: Outcome; name: string } = (code) => ({
    outcome: facts.previousAssistance.includes(code) ? 'met' : 'not_met',
    name: code,
  }),
): ProgrammeResult {
  const lang = options.lang ?? 'en';
  const d = p.definition;
  const ctx: Ctx = { lang, groups: d.nationalityGroups, facts };
  const reasons: Reason[] = [];
  if (p.status === 'draft') reasons.push(check('unknown', 'check.draft', lang, 'status'));
  if (p.status === 'closed') reasons.push(check('not_met', 'check.closed', lang, 'status'));
  reasons.push(
    inForce(p, options.onDate)
      ? check('met', 'check.inForce', lang, 'validFrom', { date: options.onDate })
      : check('not_met', 'check.notInForce', lang, options.onDate < d.validFrom ? 'validFrom' : 'validTo', {
          date: options.onDate,
          period: `${d.validFrom} – ${d.validTo ?? '…'}`,
        }),
  );
  const country = countryName(lang, facts.returnCountry);
  reasons.push(
    d.countriesOfReturn.includes(facts.returnCountry)
      ? check('met', 'check.countryCovered', lang, 'countriesOfReturn', { country })
      : check('not_met', 'check.countryNotCovered', lang, 'countriesOfReturn', { country }),
  );
  if (d.hostCountries.length > 0) {
    if (facts.hostCountry === null)
      reasons.push(
        check('unknown', 'check.hostUnknown', lang, 'hostCountries', {
          countries: d.hostCountries.map((c) => countryName(lang, c)).join(', '),
        }),
      );
    else {
      const host = countryName(lang, facts.hostCountry);
      reasons.push(
        d.hostCountries.includes(facts.hostCountry)
          ? check('met', 'check.hostCovered', lang, 'hostCountries', { country: host })
          : check('not_met', 'check.hostNotCovered', lang, 'hostCountries', { country: host }),
      );
    }
  }
  if (d.leadTimeDays !== null) {
    const min = d.leadTimeDays;
    const days = facts.daysBeforeDeparture;
    reasons.push(
      days === null
        ? check('unknown', 'check.leadTimeUnknown', lang, 'leadTimeDays', { min })
        : check(
            days >= min ? 'met' : 'not_met',
            days >= min ? 'check.leadTimeMet' : 'check.leadTimeFailed',
            lang,
            'leadTimeDays',
            {
              days,
              min,
            },
          ),
    );
  }
  for (const [n, i] of d.interactions.entries()) {
    if (i.type !== 'requires') continue;
    const pre = prerequisite(i.programmeCode);
    const key: MessageKey =
      pre.outcome === 'met'
        ? 'check.requiresMet'
        : pre.outcome === 'not_met'
          ? 'check.requiresFailed'
          : 'check.requiresUnknown';
    reasons.push({
      ...check(pre.outcome, key, lang, `interactions[${n}]`, { programme: pre.name }),
      code: 'check.requires',
    });
  }
  if (d.eligibility) reasons.push(evaluateNode(d.eligibility, ctx, 'eligibility'));

  const components = d.components.map((c, i) => evaluateComponent(c, facts, ctx, `components[${i}]`));
  const anyComponent = combineAny(
    components.map((c) =>
      c.status === 'eligible' ? 'met' : c.status === 'to_check' ? 'unknown' : 'not_met',
    ),
  );
  if (anyComponent === 'not_met') reasons.push(check('not_met', 'check.noComponent', lang, 'components'));
  const outcome = combineAll([...reasons.map((r) => r.outcome), anyComponent]);
  const status = statusOf(outcome);
  return {
    programmeId: p.id,
    code: p.code,
    version: p.version,
    name: localize(d.name, lang),
    status,
    eligible: status === 'eligible',
    reasons,
    components,
    totals: sumByCurrency(components.filter((c) => c.eligible)),
  };
}

function evaluateComponent(c: Component, facts: EligibilityFacts, ctx: Ctx, path: string): ComponentResult {
  const reasons = c.eligibility ? [evaluateNode(c.eligibility, ctx, `${path}.eligibility`)] : [];
  const status = statusOf(combineAll(reasons.map((r) => r.outcome)));
  const amount = computeAmount(c.amount, c.currency, facts, ctx, `${path}.amount`);
  return {
    code: c.code,
    name: localize(c.name, ctx.lang),
    stage: c.stage,
    modality: c.modality,
    category: c.category,
    currency: c.currency,
    status,
    eligible: status === 'eligible',
    reasons,
    amount: amount.cents === null ? null : amount.cents / 100,
    upTo: c.amount.upTo === true,
    actualCost: c.amount.actualCost === true,
    calculation: amount.calculation,
    instalments: amount.instalments,
  };
}

/** Totals per currency, in cents then back to units; lines paid at actual cost (null) are left out. */
export function sumByCurrency(
  lines: ReadonlyArray<{ currency: string; amount: number | null }>,
): CurrencyTotal[] {
  const cents = new Map<string, number>();
  for (const l of lines) {
    if (l.amount === null) continue;
    cents.set(l.currency, (cents.get(l.currency) ?? 0) + toCents(l.amount));
  }
  return [...cents.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, c]) => ({ currency, amount: c / 100 }));
}

// ---------------------------------------------------------------------------------------------
// All programmes and the combined package

export interface PackageReduction {
  byProgrammeCode: string;
  amount: number;
  text: string;
}

export interface PackageLine {
  programmeCode: string;
  componentCode: string;
  name: string;
  stage: Component['stage'];
  modality: Component['modality'];
  category: Component['category'];
  currency: string;
  /** The component's own amount for the household. */
  amountBefore: number | null;
  /** After offsets: what the package counts. */
  amount: number | null;
  upTo: boolean;
  actualCost: boolean;
  reductions: PackageReduction[];
}

export interface CombinedPackage {
  /** Codes of the programmes the package is made of. */
  programmeCodes: string[];
  /** Programmes that were eligible on their own but are left out, and why. */
  excluded: Array<{ programmeCode: string; reason: string }>;
  lines: PackageLine[];
  totals: CurrencyTotal[];
}

export interface EligibilityAnswer {
  onDate: string;
  programmes: ProgrammeResult[];
  package: CombinedPackage;
}

/**
 * Evaluates every programme for the household (prerequisites resolved across them) and combines
 * the eligible ones into one package. `enrolledCodes` are programmes the case is already enrolled in:
 * when two programmes cannot be combined, an enrolled one is kept.
 */
export function evaluateAll(
  programmes: readonly Programme[],
  facts: EligibilityFacts,
  options: EvaluateOptions & {
    enrolledCodes?: readonly string[];
    /**
     * Only these programmes are answered (others are evaluated only when one of these requires them);
     * the package is made of the answered ones. Default: all.
     */
    focus?: (p: Programme) => boolean;
    /** Whether to combine a package (default true); the finder and the comparison do not need one. */
    withPackage?: boolean;
  },
): EligibilityAnswer {
  const byCode = new Map(programmes.map((p) => [p.code, p]));
  const results = new Map<string, ProgrammeResult>();
  const visiting = new Set<string>();
  const lang = options.lang ?? 'en';

  const resultOf = (p: Programme): ProgrammeResult => {
    const done = results.get(p.code);
    if (done) return done;
    visiting.add(p.code);
    const r = evaluateProgramme(p, facts, options, (code) => {
      const other = byCode.get(code);
      if (facts.previousAssistance.includes(code))
        return { outcome: 'met', name: other ? localize(other.definition.name, lang) : code };
      if (!other || visiting.has(code)) return { outcome: 'not_met', name: code };
      const o = resultOf(other);
      return {
        outcome: o.status === 'eligible' ? 'met' : o.status === 'to_check' ? 'unknown' : 'not_met',
        name: o.name,
      };
    });
    visiting.delete(p.code);
    results.set(p.code, r);
    return r;
  };
  const focus = options.focus;
  const answered = focus ? programmes.filter(focus) : programmes;
  const all = answered.map(resultOf);
  return {
    onDate: options.onDate,
    programmes: all,
    package:
      options.withPackage === false
        ? { programmeCodes: [], excluded: [], lines: [], totals: [] }
        : combinePackage(answered, all, {
            lang,
            enrolledCodes: options.enrolledCodes ?? [],
            received: facts.previousAssistance,
          }),
  };
}

function totalCents(r: ProgrammeResult): number {
  return r.totals.reduce((s, t) => s + toCents(t.amount), 0);
}

/**
 * Combines eligible programmes: of programmes that cannot be combined, keeps the preferred (the
 * enrolled one, else the larger package, else the earlier code), drops programmes whose prerequisite
 * was dropped, then applies offsets. Each offsetting amount is used once, however many lines it reduces.
 */
export function combinePackage(
  programmes: readonly Programme[],
  results: readonly ProgrammeResult[],
  options: { lang: string; enrolledCodes: readonly string[]; received: readonly string[] },
): CombinedPackage {
  const lang = options.lang;
  const byCode = new Map(programmes.map((p) => [p.code, p]));
  const resultByCode = new Map(results.map((r) => [r.code, r]));
  const kept = new Set(results.filter((r) => r.eligible).map((r) => r.code));
  const excluded: CombinedPackage['excluded'] = [];
  const name = (code: string) => resultByCode.get(code)?.name ?? code;
  const rank = (code: string) => {
    const r = resultByCode.get(code);
    return [options.enrolledCodes.includes(code) ? 1 : 0, r ? totalCents(r) : 0];
  };
  const prefer = (a: string, b: string): string => {
    const [ea, ta] = rank(a) as [number, number];
    const [eb, tb] = rank(b) as [number, number];
    if (ea !== eb) return ea > eb ? a : b;
    if (ta !== tb) return ta > tb ? a : b;
    return a < b ? a : b;
  };
  // Not combinable (either side may declare it). Programmes are taken from the most preferred down;
  // one that cannot be combined with a programme already taken is left out, so the reason always
  // names a programme that stays (pair by pair, A could be dropped for B and B then for C).
  const declares = (a: string, b: string) =>
    (byCode.get(a)?.definition.interactions ?? []).some(
      (i) => i.type === 'not_combinable' && i.programmeCode === b,
    );
  const taken: string[] = [];
  for (const code of [...kept].sort((a, b) => (a === b ? 0 : prefer(a, b) === a ? -1 : 1))) {
    const winner = taken.find((k) => declares(code, k) || declares(k, code));
    if (winner === undefined) {
      taken.push(code);
      continue;
    }
    kept.delete(code);
    excluded.push({
      programmeCode: code,
      reason: message(lang, 'package.notCombinable', { dropped: name(code), kept: name(winner) }),
    });
  }
  // Prerequisites that are no longer in the package (unless already received).
  for (let changed = true; changed;) {
    changed = false;
    for (const code of [...kept].sort()) {
      const missing = (byCode.get(code)?.definition.interactions ?? []).find(
        (i) =>
          i.type === 'requires' && !kept.has(i.programmeCode) && !options.received.includes(i.programmeCode),
      );
      if (missing) {
        kept.delete(code);
        excluded.push({
          programmeCode: code,
          reason: message(lang, 'package.requiresExcluded', {
            dropped: name(code),
            required: name(missing.programmeCode),
          }),
        });
        changed = true;
      }
    }
  }
  const lines: PackageLine[] = [];
  for (const r of results) {
    if (!kept.has(r.code)) continue;
    for (const c of r.components) {
      if (!c.eligible) continue;
      lines.push({
        programmeCode: r.code,
        componentCode: c.code,
        name: c.name,
        stage: c.stage,
        modality: c.modality,
        category: c.category,
        currency: c.currency,
        amountBefore: c.amount,
        amount: c.amount,
        upTo: c.upTo,
        actualCost: c.actualCost,
        reductions: [],
      });
    }
  }
  applyOffsets(lines, byCode, name, lang);
  return {
    programmeCodes: results.filter((r) => kept.has(r.code)).map((r) => r.code),
    excluded,
    lines,
    totals: sumByCurrency(lines),
  };
}

/**
 * A programme with an `offset` interaction is reduced, for one category of need, by what the other
 * programme pays for that category in this package (same currency), after its own reductions: a
 * programme's lines are settled before they count for others. The other programme's amount is a
 * pool: each cent of it reduces at most one cent, whichever lines and programmes draw on it. When
 * programmes offset each other in a cycle, the first in package order is settled first and draws
 * only on programmes already settled (two programmes offsetting each other are not both cut).
 */
function applyOffsets(
  lines: PackageLine[],
  byCode: ReadonlyMap<string, Programme>,
  name: (code: string) => string,
  lang: string,
): void {
  const pools = new Map<string, number>();
  const poolKey = (code: string, category: string, currency: string) =>
    `${code}\u0000${category}\u0000${currency}`;
  const offsetsOf = (code: string) =>
    (byCode.get(code)?.definition.interactions ?? []).filter(
      (i) => i.type === 'offset' && i.programmeCode !== code,
    );
  const codes = [...new Set(lines.map((l) => l.programmeCode))];
  const settled = new Set<string>();
  while (settled.size < codes.length) {
    const pending = codes.filter((c) => !settled.has(c));
    const next =
      pending.find((c) =>
        offsetsOf(c).every((o) => settled.has(o.programmeCode) || !codes.includes(o.programmeCode)),
      ) ?? pending[0]!;
    for (const l of lines) {
      if (l.programmeCode !== next || l.amount === null) continue;
      for (const o of offsetsOf(next)) {
        if ((o.category !== undefined && o.category !== l.category) || !settled.has(o.programmeCode))
          continue;
        const k = poolKey(o.programmeCode, l.category, l.currency);
        const pool = pools.get(k) ?? 0;
        const own = toCents(l.amount);
        const cut = Math.min(pool, own);
        if (cut <= 0) continue;
        pools.set(k, pool - cut);
        l.amount = (own - cut) / 100;
        l.reductions.push({
          byProgrammeCode: o.programmeCode,
          amount: cut / 100,
          text: message(lang, 'package.offset', {
            amount: formatMoney(lang, cut, l.currency),
            other: name(o.programmeCode),
            category: valueLabel(lang, l.category),
          }),
        });
      }
    }
    for (const l of lines) {
      if (l.programmeCode !== next || l.amount === null) continue;
      const k = poolKey(l.programmeCode, l.category, l.currency);
      pools.set(k, (pools.get(k) ?? 0) + toCents(l.amount));
    }
    settled.add(next);
  }
}
