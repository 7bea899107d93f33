import { describe, expect, test } from 'vitest';
import type { CombinedPackage, EligibilityReason, PackageLine } from '../../api/eligibility.ts';
import {
  amountKind,
  amountText,
  byStatus,
  decisiveReasons,
  formatMoney,
  groupPackage,
  programmeName,
  sumByCurrency,
  totalsText,
} from './EligibilityFormat.ts';

const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

const words = {
  upTo: (a: string) => `up to ${a}`,
  actualCost: 'actual cost',
  actualCostUpTo: (a: string) => `actual cost, up to ${a}`,
};

function line(overrides: Partial<PackageLine>): PackageLine {
  return {
    programmeCode: 'A',
    componentCode: 'c',
    name: 'Component',
    stage: 'pre_departure',
    modality: 'cash',
    category: 'travel_allowance',
    currency: 'EUR',
    amountBefore: 100,
    amount: 100,
    upTo: false,
    actualCost: false,
    reductions: [],
    ...overrides,
  };
}

describe('formatMoney', () => {
  test('whole amounts without decimals, cents with two, in the interface language', () => {
    expect(formatMoney('en', 1000, 'EUR')).toBe('€1,000');
    expect(formatMoney('en', 1000.5, 'EUR')).toBe('€1,000.50');
    expect(spaces(formatMoney('fr', 2000, 'EUR'))).toBe('2 000 €');
    expect(formatMoney('en', 3000, 'CHF')).toMatch(/^CHF\s3,000$/);
  });

  test('rounds to cents (no float drift)', () => {
    expect(formatMoney('en', 0.1 + 0.2, 'EUR')).toBe('€0.30');
  });

  test('an unknown currency code still shows the number and the code', () => {
    expect(formatMoney('en', 12, 'X1')).toBe('12 X1');
  });
});

describe('amounts in words', () => {
  test('the four kinds of amount', () => {
    const base = { currency: 'EUR', upTo: false, actualCost: false };
    expect(amountKind({ ...base, amount: 200 })).toBe('exact');
    expect(amountKind({ ...base, amount: 2000, upTo: true })).toBe('upTo');
    expect(amountKind({ ...base, amount: null, actualCost: true })).toBe('actualCost');
    expect(amountKind({ ...base, amount: 500, actualCost: true, upTo: true })).toBe('actualCostUpTo');
    expect(amountKind({ ...base, amount: null })).toBe('actualCost');
  });

  test('are worded with the words given', () => {
    const base = { currency: 'EUR', upTo: false, actualCost: false };
    expect(amountText('en', { ...base, amount: 200 }, words)).toBe('€200');
    expect(amountText('en', { ...base, amount: 2000, upTo: true }, words)).toBe('up to €2,000');
    expect(amountText('en', { ...base, amount: null, actualCost: true }, words)).toBe('actual cost');
    expect(amountText('en', { ...base, amount: 500, actualCost: true }, words)).toBe(
      'actual cost, up to €500',
    );
  });
});

describe('totals', () => {
  test('sums per currency in cents, currencies in order, actual costs left out', () => {
    expect(
      sumByCurrency([
        { currency: 'EUR', amount: 0.1 },
        { currency: 'CHF', amount: 1000 },
        { currency: 'EUR', amount: 0.2 },
        { currency: 'EUR', amount: null },
      ]),
    ).toEqual([
      { currency: 'CHF', amount: 1000 },
      { currency: 'EUR', amount: 0.3 },
    ]);
  });

  test('several currencies in one line; the given word when there is nothing', () => {
    expect(
      totalsText(
        'en',
        [
          { currency: 'CHF', amount: 1000 },
          { currency: 'EUR', amount: 1200 },
        ],
        'none',
      ),
    ).toMatch(/^CHF\s1,000 \+ €1,200$/);
    expect(totalsText('en', [], 'none')).toBe('none');
    expect(totalsText('en', [{ currency: 'EUR', amount: 0 }], 'none')).toBe('none');
  });
});

describe('programmes in order', () => {
  test('eligible, then to check, then not eligible; by name within each', () => {
    const sorted = byStatus(
      [
        { name: 'Zeta', status: 'eligible' as const },
        { name: 'Beta', status: 'not_eligible' as const },
        { name: 'Alpha', status: 'to_check' as const },
        { name: 'Alpha', status: 'eligible' as const },
      ],
      new Intl.Collator('en'),
    );
    expect(sorted.map((p) => `${p.status}:${p.name}`)).toEqual([
      'eligible:Alpha',
      'eligible:Zeta',
      'to_check:Alpha',
      'not_eligible:Beta',
    ]);
  });
});

describe('the combined package grouped by programme', () => {
  const pkg: CombinedPackage = {
    programmeCodes: ['B', 'A'],
    excluded: [{ programmeCode: 'C', reason: 'C cannot be combined with A; A is kept' }],
    lines: [
      line({
        programmeCode: 'A',
        componentCode: 'travel',
        amount: null,
        amountBefore: null,
        actualCost: true,
      }),
      line({ programmeCode: 'A', componentCode: 'allowance', amount: 200, amountBefore: 200 }),
      line({
        programmeCode: 'B',
        componentCode: 'in-kind',
        category: 'business_start_up',
        amountBefore: 1500,
        amount: 500,
        upTo: true,
        reductions: [{ byProgrammeCode: 'A', amount: 1000, text: 'Reduced by €1,000 that A pays' }],
      }),
      line({ programmeCode: 'B', componentCode: 'cash', currency: 'CHF', amount: 1000, amountBefore: 1000 }),
    ],
    totals: [],
  };

  test('keeps the package order, names the programmes, totals each after offsets', () => {
    const groups = groupPackage(pkg, [
      { code: 'A', name: 'Return start' },
      { code: 'B', name: 'Reintegration' },
    ]);
    expect(groups.map((g) => [g.programmeCode, g.name, g.lines.length])).toEqual([
      ['B', 'Reintegration', 2],
      ['A', 'Return start', 2],
    ]);
    expect(groups[0]!.totals).toEqual([
      { currency: 'CHF', amount: 1000 },
      { currency: 'EUR', amount: 500 },
    ]);
    expect(groups[0]!.reduced).toBe(true);
    expect(groups[0]!.hasActualCost).toBe(false);
    expect(groups[1]!.totals).toEqual([{ currency: 'EUR', amount: 200 }]);
    expect(groups[1]!.reduced).toBe(false);
    expect(groups[1]!.hasActualCost).toBe(true);
  });

  test('lines of a programme not listed come last, under its code', () => {
    const groups = groupPackage({ ...pkg, programmeCodes: [] }, []);
    expect(groups.map((g) => g.name)).toEqual(['A', 'B']);
  });

  test('a programme name by code, the code when unknown', () => {
    expect(programmeName([{ code: 'A', name: 'Return start' }], 'A')).toBe('Return start');
    expect(programmeName([], 'C')).toBe('C');
  });
});

describe('reasons', () => {
  const reasons: EligibilityReason[] = [
    { outcome: 'met', code: 'check.countryCovered', path: 'countriesOfReturn', text: 'Covers Iraq' },
    {
      outcome: 'not_met',
      code: 'rule.all',
      path: 'eligibility',
      text: 'All of',
      children: [
        { outcome: 'met', code: 'rule.fact', path: 'eligibility.conditions.0', text: 'Adult' },
        {
          outcome: 'not_met',
          code: 'rule.fact',
          path: 'eligibility.conditions.1',
          text: 'Nationality in G2',
        },
        { outcome: 'unknown', code: 'rule.fact', path: 'eligibility.conditions.2', text: 'Vulnerable?' },
      ],
    },
  ];

  test('the decisive reasons follow only the branches with the status’s outcome', () => {
    expect(decisiveReasons(reasons, 'not_eligible')).toEqual(['Nationality in G2']);
    expect(decisiveReasons(reasons, 'to_check')).toEqual([]);
    expect(decisiveReasons(reasons, 'eligible')).toEqual([]);
    const unknown: EligibilityReason[] = [{ ...reasons[1]!, outcome: 'unknown' }];
    expect(decisiveReasons(unknown, 'to_check')).toEqual(['Vulnerable?']);
  });
});
