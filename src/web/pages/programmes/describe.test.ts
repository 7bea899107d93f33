import { describe, expect, test } from 'vitest';
import type { AmountRule, Condition } from '../../../domain/programmes/definition.ts';
import { describeAmount, describeRule, type AmountWords, type RuleWords } from './describe.ts';

const words: RuleWords = {
  group: (kind) => `${kind} of:`,
  condition: (c) => `${c.fact} ${c.op} ${JSON.stringify(c.value)}`,
};

const amountWords: AmountWords = {
  money: (n) => `${n} EUR`,
  list: (items) => items.join(' + '),
  phrase: (key, params) =>
    `${key}(${Object.entries(params)
      .map(([k, v]) => `${k}=${v}`)
      .join(',')})`,
  text: (t) => t.en ?? '',
};

describe('rules in words', () => {
  test('groups become nested lines with their paths; not(any) reads "none of"', () => {
    const rule: Condition = {
      kind: 'all',
      conditions: [
        { kind: 'fact', fact: 'nationality', op: 'in', value: ['IQ'] },
        {
          kind: 'not',
          condition: {
            kind: 'any',
            conditions: [
              { kind: 'fact', fact: 'entryBan', op: 'is', value: true },
              { kind: 'fact', fact: 'age', op: 'lt', value: 18 },
            ],
          },
        },
        { kind: 'not', condition: { kind: 'fact', fact: 'inDetention', op: 'is', value: true } },
      ],
    };
    expect(describeRule(rule, words, 'eligibility')).toEqual({
      path: 'eligibility',
      text: 'all of:',
      children: [
        { path: 'eligibility.conditions.0', text: 'nationality in ["IQ"]', children: [] },
        {
          path: 'eligibility.conditions.1',
          text: 'none of:',
          children: [
            {
              path: 'eligibility.conditions.1.condition.conditions.0',
              text: 'entryBan is true',
              children: [],
            },
            { path: 'eligibility.conditions.1.condition.conditions.1', text: 'age lt 18', children: [] },
          ],
        },
        {
          path: 'eligibility.conditions.2',
          text: 'none of:',
          children: [
            { path: 'eligibility.conditions.2.condition', text: 'inDetention is true', children: [] },
          ],
        },
      ],
    });
  });
});

describe('amounts in words', () => {
  test('base amounts, cap, top-up, variants and instalments', () => {
    const amount: AmountRule = {
      perAdult: 1000,
      perMinor: 500,
      upTo: true,
      cap: 3000,
      vulnerabilityTopUp: { perVulnerablePerson: 200, perHousehold: 100 },
      variants: [
        {
          label: { en: 'early' },
          when: { kind: 'fact', fact: 'proceduralStage', op: 'in', value: ['before_asylum_decision'] },
          perAdult: 1200,
        },
      ],
      instalments: [
        { percent: 50, due: 'before_departure' },
        { percent: 50, due: 'after_arrival', monthsAfterArrival: 6 },
      ],
    };
    const lines = describeAmount(amount, amountWords, 'components.0.amount');
    expect(lines.map((l) => l.text)).toEqual([
      'upTo(amounts=perAdult(amount=1000 EUR) + perMinor(amount=500 EUR))',
      'cap(amount=3000 EUR)',
      'topUpPerPerson(amount=200 EUR)',
      'topUpPerHousehold(amount=100 EUR)',
      'variant(label=early,amounts=perAdult(amount=1200 EUR))',
      'instalments(list=dueBeforeDeparture(percent=50) + dueMonthsAfterArrival(percent=50,months=6))',
    ]);
    expect(lines[4]?.rulePath).toBe('components.0.amount.variants.0.when');
    expect(lines[4]?.rule).toEqual(amount.variants?.[0]?.when);
  });

  test('actual cost, with or without a ceiling, and no amount at all', () => {
    expect(describeAmount({ actualCost: true }, amountWords, 'a')[0]?.text).toBe('actualCost()');
    expect(describeAmount({ actualCost: true, perHousehold: 900 }, amountWords, 'a')[0]?.text).toBe(
      'actualCostUpTo(amounts=perHousehold(amount=900 EUR))',
    );
    expect(describeAmount({}, amountWords, 'a')[0]?.text).toBe('noAmount()');
    expect(describeAmount({ perHousehold: 615 }, amountWords, 'a')[0]?.text).toBe(
      'fixed(amounts=perHousehold(amount=615 EUR))',
    );
  });
});
