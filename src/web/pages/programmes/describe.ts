/**
 * A programme's rules and amounts in words, as nested lines: the programme page shows them, the
 * editor's summaries reuse them. The wording (translated) comes in through small interfaces, so the
 * structure is pure and tested on its own.
 */
import type {
  AmountRule,
  Condition,
  FactCondition,
  LocalizedText,
} from '../../../domain/programmes/definition.ts';
import type { GroupKind } from './ruleTree.ts';
import type { InstalmentDue } from './vocab.ts';

export interface RuleLine {
  /** Where the node sits in the definition (dotted). */
  path: string;
  text: string;
  children: RuleLine[];
}

export interface RuleWords {
  /** "All of the following hold:" */
  group(kind: GroupKind): string;
  /** "Nationality is one of Iraq, Syria" */
  condition(c: FactCondition): string;
}

/** A rule tree as nested lines; not(any(a, b)) reads "none of: a, b", as the builder shows it. */
export function describeRule(c: Condition, words: RuleWords, path: string): RuleLine {
  switch (c.kind) {
    case 'all':
    case 'any':
      return {
        path,
        text: words.group(c.kind),
        children: c.conditions.map((x, i) => describeRule(x, words, `${path}.conditions.${i}`)),
      };
    case 'not':
      return {
        path,
        text: words.group('none'),
        children:
          c.condition.kind === 'any'
            ? c.condition.conditions.map((x, i) =>
                describeRule(x, words, `${path}.condition.conditions.${i}`),
              )
            : [describeRule(c.condition, words, `${path}.condition`)],
      };
    case 'fact':
      return { path, text: words.condition(c), children: [] };
  }
}

export type AmountKey =
  | 'perAdult'
  | 'perMinor'
  | 'perHousehold'
  | 'fixed'
  | 'upTo'
  | 'actualCost'
  | 'actualCostUpTo'
  | 'noAmount'
  | 'cap'
  | 'topUpPerPerson'
  | 'topUpPerHousehold'
  | 'variant'
  | 'instalments'
  | 'dueBeforeDeparture'
  | 'dueOnArrival'
  | 'dueAfterArrival'
  | 'dueMonthsAfterArrival';

export interface AmountWords {
  /** An amount in the component's currency. */
  money(amount: number): string;
  /** "a, b and c" in the interface language. */
  list(items: string[]): string;
  /** A phrase with its parameters. */
  phrase(key: AmountKey, params: Record<string, string | number>): string;
  /** A text of the definition in the interface language. */
  text(text: LocalizedText): string;
}

export interface AmountLine {
  key: string;
  text: string;
  /** For a variant: the condition under which it applies. */
  rule?: Condition;
  /** Where the condition sits in the definition. */
  rulePath?: string;
}

type Amounts = Pick<AmountRule, 'perAdult' | 'perMinor' | 'perHousehold'>;

function amountsText(a: Amounts, w: AmountWords): string | null {
  const parts = (['perAdult', 'perMinor', 'perHousehold'] as const)
    .filter((key) => typeof a[key] === 'number')
    .map((key) => w.phrase(key, { amount: w.money(a[key]!) }));
  return parts.length > 0 ? w.list(parts) : null;
}

const DUE_KEYS: Record<InstalmentDue, AmountKey> = {
  before_departure: 'dueBeforeDeparture',
  on_arrival: 'dueOnArrival',
  after_arrival: 'dueAfterArrival',
};

/** A component's amount rule in words: the base amounts, cap, top-up, variants and instalments. */
export function describeAmount(a: AmountRule, w: AmountWords, path: string): AmountLine[] {
  const lines: AmountLine[] = [];
  const amounts = amountsText(a, w);
  if (a.actualCost) {
    lines.push({
      key: 'base',
      text: amounts ? w.phrase('actualCostUpTo', { amounts }) : w.phrase('actualCost', {}),
    });
  } else if (amounts) {
    lines.push({ key: 'base', text: w.phrase(a.upTo ? 'upTo' : 'fixed', { amounts }) });
  } else {
    lines.push({ key: 'base', text: w.phrase('noAmount', {}) });
  }
  if (typeof a.cap === 'number')
    lines.push({ key: 'cap', text: w.phrase('cap', { amount: w.money(a.cap) }) });
  const topUp = a.vulnerabilityTopUp;
  if (typeof topUp?.perVulnerablePerson === 'number') {
    lines.push({
      key: 'topUpPerPerson',
      text: w.phrase('topUpPerPerson', { amount: w.money(topUp.perVulnerablePerson) }),
    });
  }
  if (typeof topUp?.perHousehold === 'number') {
    lines.push({
      key: 'topUpPerHousehold',
      text: w.phrase('topUpPerHousehold', { amount: w.money(topUp.perHousehold) }),
    });
  }
  (a.variants ?? []).forEach((v, i) => {
    lines.push({
      key: `variant-${i}`,
      text: w.phrase('variant', { label: w.text(v.label), amounts: amountsText(v, w) ?? '—' }),
      rule: v.when,
      rulePath: `${path}.variants.${i}.when`,
    });
  });
  if (a.instalments && a.instalments.length > 0) {
    const parts = a.instalments.map((i) =>
      i.due === 'after_arrival' && typeof i.monthsAfterArrival === 'number'
        ? w.phrase('dueMonthsAfterArrival', { percent: i.percent, months: i.monthsAfterArrival })
        : w.phrase(DUE_KEYS[i.due], { percent: i.percent }),
    );
    lines.push({ key: 'instalments', text: w.phrase('instalments', { list: w.list(parts) }) });
  }
  return lines;
}
