import { describe, expect, it } from 'vitest';
import {
  type Condition,
  type FactCondition,
  MAX_RULE_DEPTH,
  ProgrammeDefinition,
  type ProgrammeDefinitionInput,
} from './definition.ts';
import { checkDefinition, jsonDepth } from './rules.ts';

type ComponentInput = ProgrammeDefinitionInput['components'][number];

const fact = (
  f: FactCondition['fact'],
  op: FactCondition['op'],
  value: FactCondition['value'],
): Condition => ({
  kind: 'fact',
  fact: f,
  op,
  value,
});
const all = (...conditions: Condition[]): Condition => ({ kind: 'all', conditions });
const any = (...conditions: Condition[]): Condition => ({ kind: 'any', conditions });
const not = (condition: Condition): Condition => ({ kind: 'not', condition });

const cash = (over: Partial<ComponentInput> = {}): ComponentInput => ({
  code: 'cash',
  name: { en: 'Start-up aid' },
  stage: 'reintegration',
  modality: 'cash',
  category: 'business_start_up',
  currency: 'EUR',
  amount: { perAdult: 1000, perMinor: 500 },
  ...over,
});

/** A consistent definition: every feature used once, correctly. */
const consistent: ProgrammeDefinitionInput = {
  name: { en: 'Start Plus', fr: 'Départ Plus' },
  summary: { en: 'Reintegration support for those who decide early' },
  implementingOrganisationIds: [
    '0b9e3c1e-6a53-4f7e-9d2a-2f0c9f7f1a11',
    '6d1f7a52-3b8e-4c9a-8f2d-1e5b7c9a0d22',
  ],
  validFrom: '2026-01-01',
  validTo: '2027-12-31',
  countriesOfReturn: ['AF', 'IQ', 'NG'],
  hostCountries: ['DE'],
  leadTimeDays: 28,
  nationalityGroups: [
    { code: 'visa_free', name: { en: 'Visa-free nationalities' }, countries: ['AL', 'RS'] },
    { code: 'group_b', name: { en: 'Group B' }, countries: ['AF', 'IQ'] },
  ],
  eligibility: all(
    fact('returnType', 'in', ['assisted_voluntary']),
    fact('administrativeStatus', 'in', ['asylum_pending', 'asylum_rejected']),
    fact('proceduralStage', 'not_in', ['after_departure_deadline']),
    fact('nationalityGroup', 'not_in', ['visa_free']),
    fact('nationality', 'not_in', ['RS']),
    fact('returnCountry', 'in', ['AF', 'IQ']),
    fact('age', 'gte', 18),
    fact('age', 'lte', 18),
    fact('inDetention', 'is', false),
    any(fact('vulnerability', 'in', ['serious_illness']), not(fact('entryBan', 'is', true))),
  ),
  interactions: [
    { type: 'requires', programmeCode: 'TRAVEL' },
    { type: 'not_combinable', programmeCode: 'OTHER' },
    { type: 'offset', programmeCode: 'EURP', category: 'business_start_up' },
    { type: 'offset', programmeCode: 'EURP', category: 'housing' },
  ],
  components: [
    cash({
      eligibility: fact('householdSize', 'lte', 10),
      amount: {
        perAdult: 800,
        cap: 4000,
        vulnerabilityTopUp: { perVulnerablePerson: 200 },
        variants: [
          {
            label: { en: 'decided before the asylum decision' },
            when: fact('proceduralStage', 'in', ['before_asylum_decision']),
            perAdult: 1200,
          },
        ],
        instalments: [
          { percent: 50, due: 'on_arrival' },
          { percent: 50, due: 'after_arrival', monthsAfterArrival: 6 },
        ],
      },
    }),
    cash({ code: 'ticket', category: 'travel', amount: { actualCost: true, upTo: true, perAdult: 600 } }),
  ],
};

/** The problems of the consistent definition changed by `over` (the code is START_PLUS). */
const problems = (over: Partial<ProgrammeDefinitionInput>) =>
  checkDefinition(ProgrammeDefinition.parse({ ...consistent, ...over }), 'START_PLUS');

/** The problems of a rule placed as the programme's eligibility. */
const ruleProblems = (eligibility: Condition) => problems({ eligibility });

describe('checkDefinition', () => {
  it('finds nothing in a consistent definition', () => {
    expect(problems({})).toEqual([]);
    // Also the smallest one: defaults everywhere.
    expect(
      checkDefinition(
        ProgrammeDefinition.parse({
          name: { en: 'Travel' },
          summary: { en: 'Travel' },
          validFrom: '2026-01-01',
          countriesOfReturn: ['AF'],
          components: [cash()],
        }),
        'TRAVEL',
      ),
    ).toEqual([]);
  });

  describe('rules on facts', () => {
    it('wants in/not_in on list facts, and a list', () => {
      expect(ruleProblems(fact('nationality', 'gt', 3))).toEqual([
        { path: 'eligibility.op', message: '"nationality" is a list fact: use in or not_in' },
      ]);
      expect(ruleProblems(fact('returnCountry', 'in', true))).toEqual([
        { path: 'eligibility.value', message: '"returnCountry" needs a list of codes' },
      ]);
    });

    it('wants eq/gt/gte/lt/lte on number facts, and a whole number in range', () => {
      expect(
        ruleProblems(all(fact('returnType', 'in', ['assisted_voluntary']), fact('age', 'in', ['18']))),
      ).toEqual([
        { path: 'eligibility.conditions[1].op', message: '"age" is a number: use eq, gt, gte, lt or lte' },
      ]);
      expect(ruleProblems(fact('adults', 'gte', true))).toEqual([
        { path: 'eligibility.value', message: '"adults" needs a number' },
      ]);
      expect(ruleProblems(fact('age', 'gte', 200))).toEqual([
        { path: 'eligibility.value', message: '"age" needs a whole number from 0 to 130' },
      ]);
      expect(ruleProblems(fact('minors', 'lt', 1.5))).toEqual([
        { path: 'eligibility.value', message: '"minors" needs a whole number from 0 to 50' },
      ]);
      // Days may be negative (a deadline already passed).
      expect(ruleProblems(fact('daysUntilDeadline', 'gte', -30))).toEqual([]);
    });

    it('wants is on yes/no facts, and true or false', () => {
      expect(ruleProblems(fact('entryBan', 'eq', 1))).toEqual([
        { path: 'eligibility.op', message: '"entryBan" is yes/no: use is' },
      ]);
      expect(ruleProblems(fact('vulnerable', 'is', ['yes']))).toEqual([
        { path: 'eligibility.value', message: '"vulnerable" needs true or false' },
      ]);
    });

    it('names each unknown code by its index in the list', () => {
      expect(ruleProblems(fact('administrativeStatus', 'in', ['asylum_pending', 'refugee']))).toEqual([
        {
          path: 'eligibility.value[1]',
          message:
            'unknown administrativeStatus "refugee"; one of asylum_pending, asylum_rejected, irregular_stay, expired_permit, tolerated_stay, other',
        },
      ]);
      expect(ruleProblems(fact('proceduralStage', 'in', ['after_decision']))[0]?.path).toBe(
        'eligibility.value[0]',
      );
      expect(ruleProblems(fact('returnType', 'not_in', ['forced']))[0]?.path).toBe('eligibility.value[0]');
      expect(ruleProblems(fact('vulnerability', 'in', ['disability', 'sick']))[0]?.path).toBe(
        'eligibility.value[1]',
      );
    });

    it('wants ISO alpha-2 country codes', () => {
      expect(ruleProblems(fact('nationality', 'in', ['AF', 'afg']))).toEqual([
        { path: 'eligibility.value[1]', message: '"afg" is not an ISO 3166-1 alpha-2 code' },
      ]);
    });

    it('wants nationality groups defined in the programme', () => {
      expect(ruleProblems(fact('nationalityGroup', 'in', ['visa_free', 'group_x']))).toEqual([
        {
          path: 'eligibility.value[1]',
          message: 'nationality group "group_x" is not defined in nationalityGroups',
        },
      ]);
      expect(
        problems({ nationalityGroups: [], eligibility: fact('nationalityGroup', 'in', ['visa_free']) }),
      ).toEqual([
        {
          path: 'eligibility.value[0]',
          message: 'nationality group "visa_free" is not defined in nationalityGroups',
        },
      ]);
    });

    it('finds a country-of-return rule that no covered country can meet', () => {
      expect(ruleProblems(fact('returnCountry', 'in', ['SY', 'IR']))).toEqual([
        {
          path: 'eligibility.value',
          message:
            'impossible: none of these countries is among the countries of return the programme covers',
        },
      ]);
      // One covered country is enough.
      expect(ruleProblems(fact('returnCountry', 'in', ['SY', 'IQ']))).toEqual([]);
    });

    it('checks component rules and amount variants with their own paths', () => {
      const p = problems({
        components: [
          cash(),
          cash({
            code: 'housing',
            eligibility: all(fact('householdSize', 'in', ['3'])),
            amount: {
              perHousehold: 500,
              variants: [
                { label: { en: 'x' }, when: fact('nationalityGroup', 'in', ['nope']), perHousehold: 700 },
                { label: { en: 'y' }, when: fact('age', 'gte', 60) },
              ],
            },
          }),
        ],
      });
      expect(p).toEqual([
        {
          path: 'components[1].eligibility.conditions[0].op',
          message: '"householdSize" is a number: use eq, gt, gte, lt or lte',
        },
        {
          path: 'components[1].amount.variants[0].when.value[0]',
          message: 'nationality group "nope" is not defined in nationalityGroups',
        },
        {
          path: 'components[1].amount.variants[1]',
          message: 'a variant gives perAdult, perMinor or perHousehold',
        },
      ]);
    });
  });

  describe('contradictory conditions in one all', () => {
    it('finds number conditions that no number satisfies', () => {
      expect(ruleProblems(all(fact('age', 'gte', 18), fact('age', 'lt', 18)))).toEqual([
        {
          path: 'eligibility',
          message: 'impossible: the conditions on "age" (no number satisfies them) can never all hold',
        },
      ]);
      // Whole numbers: more than 17 and less than 18 leaves nothing.
      expect(ruleProblems(all(fact('age', 'gt', 17), fact('age', 'lt', 18)))).toHaveLength(1);
      expect(ruleProblems(all(fact('minors', 'eq', 2), fact('minors', 'eq', 3)))).toHaveLength(1);
      // At least 18 and at most 18 is exactly 18: possible.
      expect(ruleProblems(all(fact('age', 'gte', 18), fact('age', 'lte', 18)))).toEqual([]);
    });

    it('finds yes and no on the same fact', () => {
      expect(ruleProblems(all(fact('inDetention', 'is', true), fact('inDetention', 'is', false)))).toEqual([
        {
          path: 'eligibility',
          message: 'impossible: the conditions on "inDetention" (both yes and no) can never all hold',
        },
      ]);
    });

    it('finds single-valued facts with no value left', () => {
      const stage = (op: 'in' | 'not_in', v: string[]) => fact('proceduralStage', op, v);
      expect(
        ruleProblems(
          all(stage('in', ['before_asylum_decision']), stage('in', ['within_departure_deadline'])),
        ),
      ).toEqual([
        {
          path: 'eligibility',
          message: 'impossible: the conditions on "proceduralStage" (no value is left) can never all hold',
        },
      ]);
      expect(
        ruleProblems(
          all(
            stage('in', ['before_asylum_decision', 'within_departure_deadline']),
            stage('not_in', ['before_asylum_decision', 'within_departure_deadline']),
          ),
        ),
      ).toHaveLength(1);
      expect(
        ruleProblems(
          all(
            stage('in', ['before_asylum_decision', 'within_departure_deadline']),
            stage('in', ['before_asylum_decision']),
          ),
        ),
      ).toEqual([]);
      // A person can hold several nationalities: two in-lists on nationality are possible.
      expect(ruleProblems(all(fact('nationality', 'in', ['AF']), fact('nationality', 'in', ['PK'])))).toEqual(
        [],
      );
    });

    it('points at the nested all, and leaves any alone', () => {
      expect(
        ruleProblems(
          all(
            fact('returnType', 'in', ['assisted_voluntary']),
            all(fact('age', 'lt', 18), fact('age', 'gt', 64)),
          ),
        ),
      ).toEqual([
        {
          path: 'eligibility.conditions[1]',
          message: 'impossible: the conditions on "age" (no number satisfies them) can never all hold',
        },
      ]);
      expect(ruleProblems(any(fact('age', 'lt', 18), fact('age', 'gt', 64)))).toEqual([]);
    });
  });

  describe('size of a rule', () => {
    const nested = (levels: number): Condition => {
      let c: Condition = fact('age', 'gte', 18);
      for (let i = 0; i < levels; i += 1) c = not(c);
      return c;
    };

    it(`allows ${MAX_RULE_DEPTH} levels and names the first node deeper`, () => {
      expect(ruleProblems(nested(MAX_RULE_DEPTH - 1))).toEqual([]);
      expect(ruleProblems(nested(MAX_RULE_DEPTH))).toEqual([
        {
          path: `eligibility${'.condition'.repeat(MAX_RULE_DEPTH)}`,
          message: 'rules nest at most 12 levels deep',
        },
      ]);
    });

    it('allows at most 300 conditions in a rule', () => {
      const wide = (groups: number, each: number) =>
        all(
          ...Array.from({ length: groups }, () =>
            any(...Array.from({ length: each }, () => fact('age', 'gte', 18))),
          ),
        );
      // 1 + 6 + 6 × 48 = 295 nodes
      expect(ruleProblems(wide(6, 48))).toEqual([]);
      // 1 + 6 + 6 × 49 = 301 nodes
      expect(ruleProblems(wide(6, 49))).toEqual([
        { path: 'eligibility', message: 'a rule has at most 300 conditions' },
      ]);
    });
  });

  describe('amounts', () => {
    it('wants some amount or actual cost', () => {
      expect(problems({ components: [cash({ amount: {} })] })).toEqual([
        {
          path: 'components[0].amount',
          message: 'give perAdult, perMinor or perHousehold, or set actualCost',
        },
      ]);
      // Amounts given only by variants are enough.
      expect(
        problems({
          components: [
            cash({
              amount: {
                variants: [{ label: { en: 'all' }, when: fact('age', 'gte', 0), perHousehold: 100 }],
              },
            }),
          ],
        }),
      ).toEqual([]);
    });

    it('wants instalments adding up to 100 and a month for those after arrival', () => {
      expect(
        problems({
          components: [
            cash({
              amount: {
                perAdult: 1000,
                instalments: [
                  { percent: 40, due: 'on_arrival' },
                  { percent: 50, due: 'after_arrival' },
                ],
              },
            }),
          ],
        }),
      ).toEqual([
        { path: 'components[0].amount.instalments', message: 'instalment percents add up to 90, not 100' },
        {
          path: 'components[0].amount.instalments[1].monthsAfterArrival',
          message: 'an instalment due after arrival says how many months after',
        },
      ]);
      // Thirds that add up to 100 within rounding are accepted.
      expect(
        problems({
          components: [
            cash({
              amount: {
                perAdult: 900,
                instalments: [
                  { percent: 33.3333, due: 'before_departure' },
                  { percent: 33.3333, due: 'on_arrival' },
                  { percent: 33.3334, due: 'after_arrival', monthsAfterArrival: 3 },
                ],
              },
            }),
          ],
        }),
      ).toEqual([]);
    });

    it('wants an amount at actual cost to be a ceiling', () => {
      expect(
        problems({ components: [cash({ amount: { actualCost: true, upTo: false, perAdult: 500 } })] }),
      ).toEqual([
        {
          path: 'components[0].amount.upTo',
          message: 'an amount paid at actual cost is a ceiling, not a fixed sum',
        },
      ]);
    });
  });

  describe('interactions', () => {
    it('refuses an interaction with the programme itself', () => {
      expect(problems({ interactions: [{ type: 'requires', programmeCode: 'START_PLUS' }] })).toEqual([
        { path: 'interactions[0].programmeCode', message: 'a programme cannot interact with itself' },
      ]);
    });

    it('wants a category on an offset, and only there', () => {
      expect(
        problems({
          interactions: [
            { type: 'offset', programmeCode: 'EURP' },
            { type: 'requires', programmeCode: 'TRAVEL', category: 'travel' },
          ],
        }),
      ).toEqual([
        { path: 'interactions[0].category', message: 'an offset names the category of need it reduces' },
        { path: 'interactions[1].category', message: 'only an offset takes a category' },
      ]);
    });

    it('finds a programme both required and not combinable', () => {
      expect(
        problems({
          interactions: [
            { type: 'requires', programmeCode: 'TRAVEL' },
            { type: 'not_combinable', programmeCode: 'TRAVEL' },
          ],
        }),
      ).toEqual([
        {
          path: 'interactions[1]',
          message: 'impossible: the programme both requires and cannot be combined with TRAVEL',
        },
      ]);
    });
  });

  it('finds a validity period that ends before it starts', () => {
    expect(problems({ validFrom: '2026-06-01', validTo: '2026-05-31' })).toEqual([
      { path: 'validTo', message: 'the validity period ends before it starts' },
    ]);
    expect(problems({ validFrom: '2026-06-01', validTo: '2026-06-01' })).toEqual([]);
  });

  it('finds duplicates, naming the second occurrence', () => {
    const org = '0b9e3c1e-6a53-4f7e-9d2a-2f0c9f7f1a11';
    expect(
      problems({
        countriesOfReturn: ['AF', 'IQ', 'AF'],
        implementingOrganisationIds: [org, org],
        nationalityGroups: [
          { code: 'visa_free', name: { en: 'A' }, countries: ['AL'] },
          { code: 'visa_free', name: { en: 'B' }, countries: ['RS'] },
        ],
        interactions: [
          { type: 'offset', programmeCode: 'EURP', category: 'housing' },
          { type: 'offset', programmeCode: 'EURP', category: 'housing' },
        ],
        components: [cash(), cash()],
      }),
    ).toEqual([
      { path: 'countriesOfReturn[2]', message: 'country "AF" appears twice' },
      { path: 'nationalityGroups[1].code', message: 'nationality group "visa_free" appears twice' },
      { path: 'components[1].code', message: 'component code "cash" appears twice' },
      { path: 'implementingOrganisationIds[1]', message: `organisation "${org}" appears twice` },
      { path: 'interactions[1]', message: 'interaction "offset EURP housing" appears twice' },
    ]);
  });
});

describe('jsonDepth', () => {
  it('counts nesting of objects and arrays, not of scalars', () => {
    expect(jsonDepth(null)).toBe(0);
    expect(jsonDepth('text')).toBe(0);
    expect(jsonDepth(42)).toBe(0);
    expect(jsonDepth({})).toBe(1);
    expect(jsonDepth([])).toBe(1);
    expect(jsonDepth({ a: 1, b: 'x' })).toBe(1);
    expect(jsonDepth({ a: { b: [1, 2] } })).toBe(3);
    expect(jsonDepth([{}, [[{}]]])).toBe(4);
  });

  it('measures a rule tree as the API receives it', () => {
    // all → conditions[] → not → fact: 4 levels of objects and arrays
    expect(jsonDepth(JSON.parse(JSON.stringify(all(not(fact('age', 'gte', 18))))))).toBe(4);
  });

  it('stops once past the limit, without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(jsonDepth(deep)).toBe(65);
    expect(jsonDepth(deep, 10)).toBe(11);
    let hundred: unknown = 1;
    for (let i = 0; i < 100; i += 1) hundred = { next: hundred };
    expect(jsonDepth(hundred, 1000)).toBe(100);
  });
});
