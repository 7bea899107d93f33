/**
 * Properties of the engine over generated programmes and households: a condition never widens
 * eligibility, amounts are never negative, a package never exceeds its parts, and an offset never
 * uses the same money twice.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADMINISTRATIVE_STATUSES, RETURN_TYPES } from '../case-facts.ts';
import {
  type AmountRule,
  BOOLEAN_FACTS,
  type Component,
  type Condition,
  CURRENCIES,
  INSTALMENT_DUE,
  type Interaction,
  LIST_FACTS,
  type ListFact,
  NUMBER_FACTS,
  NUMBER_OPERATORS,
  PROCEDURAL_STAGES,
  type Programme,
  type ProgrammeDefinition,
} from './definition.ts';
import {
  type EligibilityAnswer,
  type EligibilityStatus,
  evaluateAll,
  evaluateProgramme,
  type ProgrammeResult,
  toCents,
} from './engine.ts';
import type { EligibilityFacts, HouseholdMember } from './facts.ts';

const ON = '2026-11-26';
const RUNS = 300;

const COUNTRIES = ['AF', 'AL', 'IQ', 'NG', 'RS'] as const;
const HOSTS = ['DE', 'NL', 'BE'] as const;
const CODES = ['P0', 'P1', 'P2', 'P3'] as const;
const VULNERABILITIES = ['disability', 'serious_illness', 'pregnancy', 'single_parent_with_minors'] as const;
/** Few categories and currencies, so that offsets and pools often meet. */
const CATEGORIES = ['travel', 'business_start_up'] as const;
const GROUPS: ProgrammeDefinition['nationalityGroups'] = [
  { code: 'g1', name: { en: 'Group one' }, countries: ['AF', 'IQ'] },
  { code: 'g2', name: { en: 'Group two' }, countries: ['AL', 'RS'] },
];

const LIST_VALUES: Record<ListFact, readonly string[]> = {
  nationality: COUNTRIES,
  nationalityGroup: ['g1', 'g2'],
  returnCountry: COUNTRIES,
  hostCountry: HOSTS,
  administrativeStatus: ADMINISTRATIVE_STATUSES,
  proceduralStage: PROCEDURAL_STAGES,
  returnType: RETURN_TYPES,
  vulnerability: VULNERABILITIES,
  previousAssistance: CODES,
};

/** `arb` or undefined, with the given weights (fc.option's freq cannot make nil the common case). */
const maybe = <T>(arb: fc.Arbitrary<T>, valueWeight = 1, nilWeight = 1): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: nilWeight, arbitrary: fc.constant(undefined) }, { weight: valueWeight, arbitrary: arb });
/** Rarely present: one time in four. */
const rarely = <T>(arb: fc.Arbitrary<T>) => maybe(arb, 1, 3);
/** A fact that is recorded three times in four. */
const orNull = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arb, { nil: null, freq: 4 });
const weighted = <T>(...choices: Array<[number, T]>): fc.Arbitrary<T> =>
  fc.oneof(...choices.map(([weight, v]) => ({ weight, arbitrary: fc.constant(v) })));

// ---------------------------------------------------------------------------------------------
// Households

const memberArb: fc.Arbitrary<HouseholdMember> = fc.record({
  relationship: fc.constantFrom('principal', 'spouse', 'child', 'parent'),
  age: orNull(fc.integer({ min: 0, max: 80 })),
  vulnerable: fc.boolean(),
});

const factsArb: fc.Arbitrary<EligibilityFacts> = fc
  .record({
    nationalities: fc.subarray([...COUNTRIES], { maxLength: 2 }),
    returnCountry: fc.constantFrom(...COUNTRIES),
    hostCountry: orNull(fc.constantFrom(...HOSTS)),
    administrativeStatus: orNull(fc.constantFrom(...ADMINISTRATIVE_STATUSES)),
    proceduralStage: orNull(fc.constantFrom(...PROCEDURAL_STAGES)),
    returnType: orNull(fc.constantFrom(...RETURN_TYPES)),
    age: orNull(fc.integer({ min: 0, max: 80 })),
    household: fc.array(memberArb, { minLength: 1, maxLength: 7 }),
    daysBeforeDeparture: orNull(fc.integer({ min: -10, max: 120 })),
    daysUntilDeadline: orNull(fc.integer({ min: -60, max: 60 })),
    vulnerabilities: orNull(fc.subarray([...VULNERABILITIES])),
    unaccompaniedMinor: fc.boolean(),
    inDetention: fc.boolean(),
    entryBan: fc.boolean(),
    previousAssistance: fc.subarray([...CODES], { maxLength: 1 }),
  })
  // As deriveFacts does: nobody is marked vulnerable when the categories are not visible.
  .map((f) =>
    f.vulnerabilities === null
      ? { ...f, household: f.household.map((m) => ({ ...m, vulnerable: false })) }
      : f,
  );

// ---------------------------------------------------------------------------------------------
// Condition trees

const listLeaf: fc.Arbitrary<Condition> = fc.constantFrom(...LIST_FACTS).chain((fact) =>
  fc.record({
    kind: fc.constant('fact' as const),
    fact: fc.constant(fact),
    op: fc.constantFrom('in' as const, 'not_in' as const),
    value: fc.subarray([...LIST_VALUES[fact]], { minLength: 1 }),
  }),
);
const numberLeaf: fc.Arbitrary<Condition> = fc.record({
  kind: fc.constant('fact' as const),
  fact: fc.constantFrom(...NUMBER_FACTS),
  op: fc.constantFrom(...NUMBER_OPERATORS),
  value: fc.integer({ min: -5, max: 60 }),
});
const booleanLeaf: fc.Arbitrary<Condition> = fc.record({
  kind: fc.constant('fact' as const),
  fact: fc.constantFrom(...BOOLEAN_FACTS),
  op: fc.constant('is' as const),
  value: fc.boolean(),
});

const { condition: conditionArb } = fc.letrec<{ condition: Condition }>((tie) => ({
  condition: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'condition' },
    fc.oneof(listLeaf, numberLeaf, booleanLeaf),
    fc.record({
      kind: fc.constant('all' as const),
      conditions: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }),
    }),
    fc.record({
      kind: fc.constant('any' as const),
      conditions: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }),
    }),
    fc.record({ kind: fc.constant('not' as const), condition: tie('condition') }),
  ),
}));

// ---------------------------------------------------------------------------------------------
// Amount rules and programmes

/** Up to 3,000.00 in whole cents. */
const moneyArb = fc.integer({ min: 0, max: 300_000 }).map((c) => c / 100);

/** Percents that add up to 100, as checkDefinition requires. */
const instalmentsArb: fc.Arbitrary<NonNullable<AmountRule['instalments']>> = fc
  .uniqueArray(fc.integer({ min: 1, max: 99 }), { maxLength: 3 })
  .chain((cuts) => {
    const bounds = [0, ...[...cuts].sort((a, b) => a - b), 100];
    const percents = bounds.slice(1).map((b, i) => b - bounds[i]!);
    return fc.tuple(
      ...percents.map((percent) =>
        fc.record({
          percent: fc.constant(percent),
          due: fc.constantFrom(...INSTALMENT_DUE),
          monthsAfterArrival: maybe(fc.integer({ min: 0, max: 24 })),
        }),
      ),
    );
  });

const amountRuleArb: fc.Arbitrary<AmountRule> = fc.record({
  perAdult: maybe(moneyArb),
  perMinor: maybe(moneyArb),
  perHousehold: maybe(moneyArb),
  actualCost: maybe(fc.constant(true), 1, 6),
  upTo: maybe(fc.boolean()),
  cap: rarely(moneyArb),
  vulnerabilityTopUp: rarely(
    fc.record({ perVulnerablePerson: maybe(moneyArb), perHousehold: maybe(moneyArb) }),
  ),
  variants: maybe(
    fc.array(
      fc.record({
        label: fc.constant({ en: 'variant' }),
        when: conditionArb,
        perAdult: maybe(moneyArb),
        perMinor: maybe(moneyArb),
        perHousehold: maybe(moneyArb),
      }),
      { minLength: 1, maxLength: 2 },
    ),
  ),
  instalments: rarely(instalmentsArb),
});

const componentArb: fc.Arbitrary<Omit<Component, 'code'>> = fc.record({
  name: fc.constant({ en: 'Support' }),
  stage: fc.constantFrom('pre_departure' as const, 'post_arrival' as const, 'reintegration' as const),
  modality: fc.constantFrom('cash' as const, 'in_kind' as const, 'service' as const),
  category: fc.constantFrom(...CATEGORIES),
  currency: weighted<(typeof CURRENCIES)[number]>([3, 'EUR'], [1, 'CHF']),
  eligibility: rarely(conditionArb),
  amount: amountRuleArb,
});

const interactionArb = (codes: readonly string[]): fc.Arbitrary<Interaction> =>
  fc.oneof(
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('requires' as const),
        programmeCode: fc.constantFrom(...codes),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('not_combinable' as const),
        programmeCode: fc.constantFrom(...codes),
      }),
    },
    {
      weight: 6,
      arbitrary: fc.record({
        type: fc.constant('offset' as const),
        programmeCode: fc.constantFrom(...codes),
        category: fc.constantFrom(...CATEGORIES),
      }),
    },
  );

/** A programme of the list `codes`; its interactions name programmes of the list (or itself). */
const programmeArb = (code: string, codes: readonly string[]): fc.Arbitrary<Programme> =>
  fc
    .record({
      status: weighted<Programme['status']>([12, 'published'], [1, 'draft'], [1, 'closed']),
      validFrom: weighted([9, '2026-01-01'], [1, '2026-12-01']),
      validTo: weighted<string | null>([6, null], [3, '2027-12-31'], [1, '2026-11-25']),
      countriesOfReturn: fc.subarray([...COUNTRIES], { minLength: 4 }),
      hostCountries: fc.oneof(
        { weight: 6, arbitrary: fc.constant<string[]>([]) },
        { weight: 1, arbitrary: fc.subarray([...HOSTS], { minLength: 1 }) },
      ),
      leadTimeDays: fc.oneof(
        { weight: 4, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.integer({ min: 0, max: 60 }) },
      ),
      eligibility: fc.oneof(
        { weight: 2, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: conditionArb },
      ),
      interactions: fc.array(interactionArb(codes), { maxLength: 3 }),
      components: fc.array(componentArb, { minLength: 1, maxLength: 3 }),
    })
    .map((r): Programme => ({
      id: `id-${code}`,
      code,
      status: r.status,
      funderOrganisationId: 'funder',
      version: 1,
      definition: {
        name: { en: `Programme ${code}` },
        summary: { en: 'Generated' },
        implementingOrganisationIds: [],
        validFrom: r.validFrom,
        validTo: r.validTo,
        countriesOfReturn: r.countriesOfReturn,
        hostCountries: r.hostCountries,
        leadTimeDays: r.leadTimeDays,
        nationalityGroups: GROUPS,
        eligibility: r.eligibility,
        interactions: r.interactions,
        components: r.components.map((c, i) => ({ ...c, code: `c${i}` })),
      },
    }));

const programmesArb: fc.Arbitrary<Programme[]> = weighted([1, 1], [2, 2], [3, 3], [3, 4]).chain((n) => {
  const codes = CODES.slice(0, n);
  return fc.tuple(...codes.map((code) => programmeArb(code, codes)));
});

const enrolledArb = fc.subarray([...CODES], { maxLength: 1 });

// ---------------------------------------------------------------------------------------------
// Helpers

const RANK: Record<EligibilityStatus, number> = { not_eligible: 0, to_check: 1, eligible: 2 };

const andCondition = (existing: Condition | null | undefined, extra: Condition): Condition =>
  existing ? { kind: 'all', conditions: [existing, extra] } : extra;

const withDefinition = (
  ps: readonly Programme[],
  index: number,
  change: (d: ProgrammeDefinition) => ProgrammeDefinition,
): Programme[] => ps.map((p, i) => (i === index ? { ...p, definition: change(p.definition) } : p));

const centsByCurrency = (totals: ReadonlyArray<{ currency: string; amount: number }>) => {
  const m = new Map<string, number>();
  for (const t of totals) m.set(t.currency, (m.get(t.currency) ?? 0) + toCents(t.amount));
  return m;
};

function expectNonNegative(answer: EligibilityAnswer): void {
  const check = (r: ProgrammeResult) => {
    for (const c of r.components) {
      if (c.amount !== null) expect(c.amount).toBeGreaterThanOrEqual(0);
      for (const i of c.instalments) expect(i.amount).toBeGreaterThanOrEqual(0);
      if (c.instalments.length > 0) {
        expect(c.instalments.reduce((s, i) => s + toCents(i.amount), 0)).toBe(toCents(c.amount ?? 0));
      }
    }
    for (const t of r.totals) expect(t.amount).toBeGreaterThanOrEqual(0);
  };
  answer.programmes.forEach(check);
  for (const l of answer.package.lines) {
    if (l.amount !== null) expect(l.amount).toBeGreaterThanOrEqual(0);
    for (const r of l.reductions) expect(r.amount).toBeGreaterThan(0);
  }
  for (const t of answer.package.totals) expect(t.amount).toBeGreaterThanOrEqual(0);
}

// ---------------------------------------------------------------------------------------------

// About 1 s in all on an idle machine; the timeout only keeps a loaded machine from failing them.
describe('engine properties', { timeout: 30_000 }, () => {
  it('adding a condition to a programme never makes any programme more eligible', () => {
    fc.assert(
      fc.property(
        programmesArb,
        factsArb,
        conditionArb,
        fc.nat(),
        fc.option(fc.nat(), { nil: undefined }),
        (ps, facts, extra, which, componentIndex) => {
          const index = which % ps.length;
          const target = ps[index]!;
          const tightened = withDefinition(ps, index, (d) =>
            componentIndex === undefined
              ? { ...d, eligibility: andCondition(d.eligibility, extra) }
              : {
                  ...d,
                  components: d.components.map((c, j) =>
                    j === componentIndex % d.components.length
                      ? { ...c, eligibility: andCondition(c.eligibility, extra) }
                      : c,
                  ),
                },
          );
          const before = evaluateAll(ps, facts, { onDate: ON });
          const after = evaluateAll(tightened, facts, { onDate: ON });
          after.programmes.forEach((r, k) => {
            const was = before.programmes[k]!;
            expect(RANK[r.status]).toBeLessThanOrEqual(RANK[was.status]);
            r.components.forEach((c, j) =>
              expect(RANK[c.status]).toBeLessThanOrEqual(RANK[was.components[j]!.status]),
            );
          });
          // The same for the programme on its own, without the others.
          const alone = evaluateProgramme(target, facts, { onDate: ON });
          const aloneAfter = evaluateProgramme(tightened[index]!, facts, { onDate: ON });
          expect(RANK[aloneAfter.status]).toBeLessThanOrEqual(RANK[alone.status]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('amounts are never negative: components, instalments, package lines and totals', () => {
    fc.assert(
      fc.property(programmesArb, factsArb, enrolledArb, (ps, facts, enrolledCodes) => {
        expectNonNegative(evaluateAll(ps, facts, { onDate: ON, enrolledCodes }));
      }),
      { numRuns: RUNS },
    );
  });

  it('the package never exceeds the sum of the eligible programmes, per currency', () => {
    fc.assert(
      fc.property(programmesArb, factsArb, enrolledArb, (ps, facts, enrolledCodes) => {
        const a = evaluateAll(ps, facts, { onDate: ON, enrolledCodes });
        const eligible = a.programmes.filter((r) => r.eligible);
        const parts = centsByCurrency(eligible.flatMap((r) => r.totals));
        for (const [currency, cents] of centsByCurrency(a.package.totals)) {
          expect(cents).toBeLessThanOrEqual(parts.get(currency) ?? 0);
        }
        // Only eligible programmes, and no two that cannot be combined.
        const kept = new Set(a.package.programmeCodes);
        for (const code of kept) expect(eligible.map((r) => r.code)).toContain(code);
        for (const l of a.package.lines) expect(kept.has(l.programmeCode)).toBe(true);
        for (const p of ps) {
          if (!kept.has(p.code)) continue;
          for (const i of p.definition.interactions) {
            if (i.type === 'not_combinable' && i.programmeCode !== p.code)
              expect(kept.has(i.programmeCode)).toBe(false);
            if (i.type === 'requires')
              expect(kept.has(i.programmeCode) || facts.previousAssistance.includes(i.programmeCode)).toBe(
                true,
              );
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('an offset never double-counts: each pool is drawn at most once, each line at most to zero', () => {
    let reduced = 0;
    fc.assert(
      fc.property(programmesArb, factsArb, enrolledArb, (ps, facts, enrolledCodes) => {
        const { lines } = evaluateAll(ps, facts, { onDate: ON, enrolledCodes }).package;
        const drawn = new Map<string, number>();
        for (const l of lines) {
          const cut = l.reductions.reduce((s, r) => s + toCents(r.amount), 0);
          if (l.amountBefore === null) {
            expect(l.reductions).toEqual([]);
            continue;
          }
          expect(cut).toBeLessThanOrEqual(toCents(l.amountBefore));
          expect(toCents(l.amount ?? 0)).toBe(toCents(l.amountBefore) - cut);
          for (const r of l.reductions) {
            const k = `${r.byProgrammeCode}|${l.category}|${l.currency}`;
            drawn.set(k, (drawn.get(k) ?? 0) + toCents(r.amount));
          }
          if (cut > 0) reduced += 1;
        }
        // What the offsetting programme pays for the category in the package, after its own offsets.
        for (const [k, cents] of drawn) {
          const [code, category, currency] = k.split('|');
          const pays = lines
            .filter((l) => l.programmeCode === code && l.category === category && l.currency === currency)
            .reduce((s, l) => s + toCents(l.amount ?? 0), 0);
          expect(cents).toBeLessThanOrEqual(pays);
        }
      }),
      { numRuns: RUNS },
    );
    // The generators do produce offsets (about 5% of runs; else the property would hold vacuously).
    expect(reduced).toBeGreaterThanOrEqual(3);
  });
});
