import { describe, expect, it } from 'vitest';
import {
  type Condition,
  type FactCondition,
  type NationalityGroup,
  type Programme,
  ProgrammeDefinition,
  type ProgrammeDefinitionInput,
} from './definition.ts';
import {
  type EligibilityAnswer,
  evaluateAll,
  evaluateCondition,
  evaluateProgramme,
  type Outcome,
  type ProgrammeResult,
  type Reason,
  splitInstalments,
} from './engine.ts';
import { valueLabel } from './explain-texts.ts';
import type { EligibilityFacts, HouseholdMember } from './facts.ts';

const ON = '2026-11-26';

// ---------------------------------------------------------------------------------------------
// Builders

const member = (age: number | null, relationship = 'principal', vulnerable = false): HouseholdMember => ({
  relationship,
  age,
  vulnerable,
});

/** A single Afghan adult, rejected asylum seeker, within the departure deadline, leaving in 40 days. */
const facts = (over: Partial<EligibilityFacts> = {}): EligibilityFacts => ({
  nationalities: ['AF'],
  returnCountry: 'AF',
  hostCountry: 'DE',
  administrativeStatus: 'asylum_rejected',
  proceduralStage: 'within_departure_deadline',
  returnType: 'assisted_voluntary',
  age: 35,
  household: [member(35)],
  daysBeforeDeparture: 40,
  daysUntilDeadline: 24,
  vulnerabilities: [],
  unaccompaniedMinor: false,
  inDetention: false,
  entryBan: false,
  previousAssistance: [],
  ...over,
});

/** Two adults and three minors. */
const familyOfFive = [
  member(40),
  member(38, 'spouse'),
  member(12, 'child'),
  member(9, 'child'),
  member(4, 'child'),
];

type ComponentInput = ProgrammeDefinitionInput['components'][number];
type AmountInput = ComponentInput['amount'];

const component = (over: Partial<ComponentInput> = {}): ComponentInput => ({
  code: 'cash',
  name: { en: 'Cash grant', fr: 'Aide en espèces', ar: 'منحة نقدية' },
  stage: 'post_arrival',
  modality: 'cash',
  category: 'business_start_up',
  currency: 'EUR',
  amount: { perHousehold: 100 },
  ...over,
});

const programme = (
  code: string,
  over: Partial<ProgrammeDefinitionInput> = {},
  status: Programme['status'] = 'published',
): Programme => ({
  id: `id-${code}`,
  code,
  status,
  funderOrganisationId: 'funder',
  version: 1,
  definition: ProgrammeDefinition.parse({
    name: { en: `${code} programme`, fr: `Programme ${code}`, ar: `برنامج ${code}` },
    summary: { en: 'A programme for the tests' },
    validFrom: '2026-01-01',
    countriesOfReturn: ['AF', 'IQ', 'NG'],
    components: [component()],
    ...over,
  }),
});

/** A programme with one component paying `amount` once per household. */
const paying = (
  code: string,
  amount: number,
  over: Partial<ProgrammeDefinitionInput> = {},
  componentOver: Partial<ComponentInput> = {},
): Programme =>
  programme(code, {
    components: [component({ amount: { perHousehold: amount }, ...componentOver })],
    ...over,
  });

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

const GROUPS: NationalityGroup[] = [
  {
    code: 'visa_free',
    name: { en: 'Visa-free nationalities', fr: 'Nationalités exemptées de visa' },
    countries: ['AL', 'RS', 'GE'],
  },
  { code: 'group_b', name: { en: 'Group B' }, countries: ['AF', 'IQ'] },
];

const outcome = (c: Condition, f: EligibilityFacts = facts()): Outcome =>
  evaluateCondition(c, f, { groups: GROUPS }).outcome;

/** The one component of a one-component programme evaluated for `f`. */
const amountFor = (
  amount: AmountInput,
  f: EligibilityFacts,
  over: Partial<ProgrammeDefinitionInput> = {},
) => {
  const r = evaluateProgramme(programme('P', { components: [component({ amount })], ...over }), f, {
    onDate: ON,
  });
  return r.components[0]!;
};

const reasonAt = (reasons: readonly Reason[], path: string): Reason | undefined => {
  for (const r of reasons) {
    if (r.path === path) return r;
    const inner = reasonAt(r.children ?? [], path);
    if (inner) return inner;
  }
  return undefined;
};

const resultOf = (answer: EligibilityAnswer, code: string): ProgrammeResult =>
  answer.programmes.find((p) => p.code === code)!;

// ---------------------------------------------------------------------------------------------
// Rule operators

describe('rule operators on list facts (in, not_in)', () => {
  it('tests every nationality of the principal applicant', () => {
    const dual = facts({ nationalities: ['AF', 'PK'] });
    expect(outcome(fact('nationality', 'in', ['PK']), dual)).toBe('met');
    expect(outcome(fact('nationality', 'in', ['IQ', 'SY']), dual)).toBe('not_met');
    expect(outcome(fact('nationality', 'not_in', ['IQ']), dual)).toBe('met');
    expect(outcome(fact('nationality', 'not_in', ['PK', 'IQ']), dual)).toBe('not_met');
  });

  it('maps nationalities to the programme’s nationality groups', () => {
    const albanian = facts({ nationalities: ['AL'] });
    expect(outcome(fact('nationalityGroup', 'in', ['visa_free']), albanian)).toBe('met');
    expect(outcome(fact('nationalityGroup', 'not_in', ['visa_free']), albanian)).toBe('not_met');
    const afghan = facts({ nationalities: ['AF'] });
    expect(outcome(fact('nationalityGroup', 'in', ['visa_free']), afghan)).toBe('not_met');
    expect(outcome(fact('nationalityGroup', 'not_in', ['visa_free']), afghan)).toBe('met');
    expect(outcome(fact('nationalityGroup', 'in', ['group_b']), afghan)).toBe('met');
    // A nationality in no group is in none of them.
    const french = facts({ nationalities: ['FR'] });
    expect(outcome(fact('nationalityGroup', 'in', ['visa_free', 'group_b']), french)).toBe('not_met');
    expect(outcome(fact('nationalityGroup', 'not_in', ['visa_free']), french)).toBe('met');
    // One visa-free nationality of two is enough to be in the group.
    const dual = facts({ nationalities: ['AF', 'AL'] });
    expect(outcome(fact('nationalityGroup', 'not_in', ['visa_free']), dual)).toBe('not_met');
  });

  it('is unknown when no nationality is recorded', () => {
    const stateless = facts({ nationalities: [] });
    expect(outcome(fact('nationalityGroup', 'in', ['visa_free']), stateless)).toBe('unknown');
    expect(outcome(fact('nationalityGroup', 'not_in', ['visa_free']), stateless)).toBe('unknown');
    expect(outcome(fact('nationality', 'not_in', ['AF']), stateless)).toBe('unknown');
  });

  it('tests single-valued facts: country of return, host country, status, stage, return type', () => {
    expect(outcome(fact('returnCountry', 'in', ['AF', 'IQ']))).toBe('met');
    expect(outcome(fact('returnCountry', 'not_in', ['AF']))).toBe('not_met');
    expect(outcome(fact('hostCountry', 'in', ['DE']))).toBe('met');
    expect(outcome(fact('hostCountry', 'in', ['DE']), facts({ hostCountry: null }))).toBe('unknown');
    expect(outcome(fact('administrativeStatus', 'not_in', ['asylum_pending']))).toBe('met');
    expect(outcome(fact('administrativeStatus', 'in', ['asylum_pending']))).toBe('not_met');
    expect(outcome(fact('proceduralStage', 'in', ['before_asylum_decision']))).toBe('not_met');
    expect(outcome(fact('proceduralStage', 'in', ['within_departure_deadline']))).toBe('met');
    expect(
      outcome(fact('proceduralStage', 'in', ['within_departure_deadline']), facts({ proceduralStage: null })),
    ).toBe('unknown');
    expect(outcome(fact('returnType', 'in', ['assisted_forced']))).toBe('not_met');
    expect(outcome(fact('returnType', 'in', ['assisted_forced']), facts({ returnType: null }))).toBe(
      'unknown',
    );
  });

  it('tests multi-valued facts: vulnerabilities and assistance already received', () => {
    const ill = facts({ vulnerabilities: ['pregnancy', 'serious_illness'] });
    expect(outcome(fact('vulnerability', 'in', ['serious_illness']), ill)).toBe('met');
    expect(outcome(fact('vulnerability', 'not_in', ['serious_illness']), ill)).toBe('not_met');
    expect(outcome(fact('vulnerability', 'in', ['serious_illness']))).toBe('not_met');
    expect(outcome(fact('vulnerability', 'not_in', ['serious_illness']))).toBe('met');
    expect(outcome(fact('vulnerability', 'in', ['serious_illness']), facts({ vulnerabilities: null }))).toBe(
      'unknown',
    );
    expect(outcome(fact('previousAssistance', 'in', ['REAG']))).toBe('not_met');
    expect(outcome(fact('previousAssistance', 'in', ['REAG']), facts({ previousAssistance: ['REAG'] }))).toBe(
      'met',
    );
  });
});

describe('rule operators on number facts (eq, gt, gte, lt, lte)', () => {
  const at18 = facts({ age: 18 });
  it.each([
    ['eq', 18, 'met'],
    ['eq', 17, 'not_met'],
    ['gt', 17, 'met'],
    ['gt', 18, 'not_met'],
    ['gte', 18, 'met'],
    ['gte', 19, 'not_met'],
    ['lt', 19, 'met'],
    ['lt', 18, 'not_met'],
    ['lte', 18, 'met'],
    ['lte', 17, 'not_met'],
  ] as const)('age 18 %s %d is %s', (op, value, expected) => {
    expect(outcome(fact('age', op, value), at18)).toBe(expected);
  });

  it('counts adults, minors and persons from the household', () => {
    const f = facts({
      household: [member(35), member(33, 'spouse'), member(10, 'child'), member(null, 'child')],
    });
    expect(outcome(fact('adults', 'eq', 2), f)).toBe('met');
    expect(outcome(fact('minors', 'eq', 2), f)).toBe('met');
    expect(outcome(fact('householdSize', 'gte', 4), f)).toBe('met');
    expect(outcome(fact('householdSize', 'gt', 4), f)).toBe('not_met');
  });

  it('tests days before departure and until the deadline, unknown without a date', () => {
    expect(outcome(fact('daysBeforeDeparture', 'gte', 28))).toBe('met');
    expect(outcome(fact('daysBeforeDeparture', 'lt', 28))).toBe('not_met');
    expect(outcome(fact('daysUntilDeadline', 'lt', 0), facts({ daysUntilDeadline: -3 }))).toBe('met');
    expect(outcome(fact('daysBeforeDeparture', 'gte', 28), facts({ daysBeforeDeparture: null }))).toBe(
      'unknown',
    );
    expect(outcome(fact('age', 'lt', 18), facts({ age: null }))).toBe('unknown');
  });
});

describe('rule operator on yes/no facts (is)', () => {
  it('tests detention, entry ban and unaccompanied minority', () => {
    expect(outcome(fact('inDetention', 'is', true), facts({ inDetention: true }))).toBe('met');
    expect(outcome(fact('inDetention', 'is', false), facts({ inDetention: true }))).toBe('not_met');
    expect(outcome(fact('entryBan', 'is', false))).toBe('met');
    expect(outcome(fact('unaccompaniedMinor', 'is', true))).toBe('not_met');
  });

  it('derives "vulnerable" from recorded vulnerabilities, unknown when they are not visible', () => {
    expect(outcome(fact('vulnerable', 'is', true), facts({ vulnerabilities: ['disability'] }))).toBe('met');
    expect(outcome(fact('vulnerable', 'is', true), facts({ vulnerabilities: [] }))).toBe('not_met');
    expect(outcome(fact('vulnerable', 'is', true), facts({ vulnerabilities: null }))).toBe('unknown');
    expect(outcome(fact('vulnerable', 'is', false), facts({ vulnerabilities: null }))).toBe('unknown');
    // An unaccompanied minor is vulnerable whether or not the categories are visible.
    expect(
      outcome(fact('vulnerable', 'is', true), facts({ vulnerabilities: null, unaccompaniedMinor: true })),
    ).toBe('met');
  });

  it('never counts a rule with the wrong kind of value as met', () => {
    expect(outcome(fact('age', 'in', ['35']))).toBe('not_met');
    expect(outcome(fact('inDetention', 'eq', 0))).toBe('not_met');
    expect(outcome(fact('returnCountry', 'is', true))).toBe('not_met');
  });
});

describe('all, any, not with three-valued (Kleene) logic', () => {
  const f = facts({ age: null });
  const MET = fact('returnCountry', 'in', ['AF']);
  const FAILS = fact('returnCountry', 'in', ['IQ']);
  const UNKNOWN = fact('age', 'gte', 18);

  it('all: met only when every condition is met, not met as soon as one fails', () => {
    expect(outcome(all(MET, MET), f)).toBe('met');
    expect(outcome(all(MET, UNKNOWN), f)).toBe('unknown');
    expect(outcome(all(FAILS, UNKNOWN), f)).toBe('not_met');
    expect(outcome(all(UNKNOWN, MET, FAILS), f)).toBe('not_met');
  });

  it('any: met as soon as one condition is met, not met only when all fail', () => {
    expect(outcome(any(MET, UNKNOWN), f)).toBe('met');
    expect(outcome(any(UNKNOWN, MET), f)).toBe('met');
    expect(outcome(any(FAILS, UNKNOWN), f)).toBe('unknown');
    expect(outcome(any(FAILS, FAILS), f)).toBe('not_met');
  });

  it('not: swaps met and not met, keeps unknown', () => {
    expect(outcome(not(MET), f)).toBe('not_met');
    expect(outcome(not(FAILS), f)).toBe('met');
    expect(outcome(not(UNKNOWN), f)).toBe('unknown');
    expect(outcome(not(all(FAILS, UNKNOWN)), f)).toBe('met');
  });
});

describe('rule explanations', () => {
  it('gives every node its path in the definition and its outcome', () => {
    const r = evaluateCondition(
      all(
        fact('returnCountry', 'in', ['AF']),
        any(fact('age', 'lt', 18), not(fact('inDetention', 'is', true))),
      ),
      facts(),
      { path: 'eligibility' },
    );
    expect(r).toMatchObject({ path: 'eligibility', code: 'rule.all', outcome: 'met' });
    expect(r.children?.map((c) => [c.path, c.code, c.outcome])).toEqual([
      ['eligibility.conditions[0]', 'rule.fact.returnCountry', 'met'],
      ['eligibility.conditions[1]', 'rule.any', 'met'],
    ]);
    expect(r.children?.[1]?.children?.map((c) => [c.path, c.outcome])).toEqual([
      ['eligibility.conditions[1].conditions[0]', 'not_met'],
      ['eligibility.conditions[1].conditions[1]', 'met'],
    ]);
    expect(r.children?.[1]?.children?.[1]?.children?.[0]?.path).toBe(
      'eligibility.conditions[1].conditions[1].condition',
    );
  });

  it('writes sentences in English with the actual and the expected value', () => {
    const text = (c: Condition, f: EligibilityFacts = facts()) =>
      evaluateCondition(c, f, { groups: GROUPS }).text;
    expect(text(fact('returnCountry', 'in', ['AF', 'IQ']))).toBe(
      'Country of return: Afghanistan — must be one of Afghanistan, Iraq',
    );
    expect(text(fact('age', 'gte', 18), facts({ age: 17 }))).toBe('Age: 17 — must be at least 18');
    expect(text(fact('age', 'gte', 18), facts({ age: null }))).toBe(
      'Age is not recorded — must be at least 18',
    );
    expect(text(fact('administrativeStatus', 'in', ['asylum_rejected', 'irregular_stay']))).toBe(
      'Administrative status: asylum application rejected — must be one of asylum application rejected, irregular stay',
    );
    expect(text(fact('nationalityGroup', 'not_in', ['visa_free']), facts({ nationalities: ['AL'] }))).toBe(
      'Nationality group: Visa-free nationalities — must not be one of Visa-free nationalities',
    );
    expect(text(fact('inDetention', 'is', true))).toBe('In detention: no — must be yes');
    expect(text(fact('daysBeforeDeparture', 'lte', 90))).toBe(
      'Days before departure: 40 — must be at most 90',
    );
    expect(text(all(fact('entryBan', 'is', false)))).toBe('All of the following');
    expect(text(any(fact('entryBan', 'is', false)))).toBe('At least one of the following');
    expect(text(not(fact('entryBan', 'is', true)))).toBe('None of the following');
  });

  it('writes them in French and Arabic, with localized country and group names', () => {
    const fr = (c: Condition, f: EligibilityFacts = facts()) =>
      evaluateCondition(c, f, { groups: GROUPS, lang: 'fr' }).text;
    expect(fr(fact('age', 'gte', 18), facts({ age: 17 }))).toBe('Âge : 17 — doit être au moins 18');
    expect(fr(fact('returnCountry', 'in', ['IQ']))).toBe(
      "Pays de retour : Afghanistan — doit être l'un de Irak",
    );
    expect(fr(fact('nationalityGroup', 'in', ['visa_free']), facts({ nationalities: ['AL'] }))).toBe(
      "Groupe de nationalités : Nationalités exemptées de visa — doit être l'un de Nationalités exemptées de visa",
    );
    expect(fr(fact('age', 'gte', 18), facts({ age: null }))).toBe(
      "Âge n'est pas enregistré — doit être au moins 18",
    );
    const ar = (c: Condition, f: EligibilityFacts = facts()) =>
      evaluateCondition(c, f, { groups: GROUPS, lang: 'ar' }).text;
    expect(ar(fact('age', 'gte', 18), facts({ age: 17 }))).toBe('العمر: 17 — يجب أن يكون على الأقل 18');
    expect(ar(fact('returnCountry', 'in', ['AF']))).toBe('بلد العودة: أفغانستان — يجب أن يكون أحد أفغانستان');
    expect(ar(all(fact('entryBan', 'is', false)))).toBe('جميع ما يلي');
  });
});

// ---------------------------------------------------------------------------------------------
// One programme: the checks around the rules

describe('programme checks', () => {
  it('is eligible with sentences saying why, each with the field it tests', () => {
    const r = evaluateProgramme(programme('P'), facts(), { onDate: ON });
    expect(r).toMatchObject({
      status: 'eligible',
      eligible: true,
      code: 'P',
      name: 'P programme',
      version: 1,
    });
    expect(r.reasons).toEqual([
      {
        outcome: 'met',
        code: 'check.inForce',
        path: 'validFrom',
        text: 'The programme is in force on 2026-11-26',
      },
      {
        outcome: 'met',
        code: 'check.countryCovered',
        path: 'countriesOfReturn',
        text: 'It covers return to Afghanistan',
      },
    ]);
    expect(r.totals).toEqual([{ currency: 'EUR', amount: 100 }]);
  });

  it('is not eligible outside its validity period, both ends included', () => {
    const early = evaluateProgramme(programme('P', { validFrom: '2026-11-27' }), facts(), { onDate: ON });
    expect(early.status).toBe('not_eligible');
    expect(early.reasons[0]).toEqual({
      outcome: 'not_met',
      code: 'check.notInForce',
      path: 'validFrom',
      text: 'The programme is not in force on 2026-11-26 (valid 2026-11-27 – …)',
    });
    const ended = evaluateProgramme(programme('P', { validTo: '2026-11-25' }), facts(), { onDate: ON });
    expect(ended.status).toBe('not_eligible');
    expect(ended.reasons[0]).toMatchObject({
      path: 'validTo',
      text: 'The programme is not in force on 2026-11-26 (valid 2026-01-01 – 2026-11-25)',
    });
    expect(evaluateProgramme(programme('P', { validFrom: ON }), facts(), { onDate: ON }).status).toBe(
      'eligible',
    );
    expect(evaluateProgramme(programme('P', { validTo: ON }), facts(), { onDate: ON }).status).toBe(
      'eligible',
    );
  });

  it('is not eligible for a country of return it does not cover', () => {
    const r = evaluateProgramme(programme('P'), facts({ returnCountry: 'SY' }), { onDate: ON });
    expect(r.status).toBe('not_eligible');
    expect(r.reasons[1]).toEqual({
      outcome: 'not_met',
      code: 'check.countryNotCovered',
      path: 'countriesOfReturn',
      text: 'It does not cover return to Syria',
    });
  });

  it('checks the host country when the programme names some, and is to check when it is not recorded', () => {
    const p = programme('P', { hostCountries: ['DE', 'AT'] });
    const here = evaluateProgramme(p, facts({ hostCountry: 'DE' }), { onDate: ON });
    expect(here.status).toBe('eligible');
    expect(reasonAt(here.reasons, 'hostCountries')).toMatchObject({
      outcome: 'met',
      text: 'It runs in Germany',
    });
    const elsewhere = evaluateProgramme(p, facts({ hostCountry: 'NL' }), { onDate: ON });
    expect(elsewhere.status).toBe('not_eligible');
    expect(reasonAt(elsewhere.reasons, 'hostCountries')?.text).toBe('It does not run in Netherlands');
    const unrecorded = evaluateProgramme(p, facts({ hostCountry: null }), { onDate: ON });
    expect(unrecorded.status).toBe('to_check');
    expect(reasonAt(unrecorded.reasons, 'hostCountries')).toMatchObject({
      outcome: 'unknown',
      text: 'The host country is not recorded; it runs only in Germany, Austria',
    });
    // No host countries: it runs anywhere and says nothing about it.
    const anywhere = evaluateProgramme(programme('P'), facts({ hostCountry: null }), { onDate: ON });
    expect(anywhere.status).toBe('eligible');
    expect(reasonAt(anywhere.reasons, 'hostCountries')).toBeUndefined();
  });

  it('checks the lead time before departure', () => {
    const p = programme('P', { leadTimeDays: 28 });
    const inTime = evaluateProgramme(p, facts({ daysBeforeDeparture: 28 }), { onDate: ON });
    expect(inTime.status).toBe('eligible');
    expect(reasonAt(inTime.reasons, 'leadTimeDays')).toMatchObject({
      outcome: 'met',
      text: 'Departure is planned in 28 days; the application must come at least 28 days before',
    });
    const late = evaluateProgramme(p, facts({ daysBeforeDeparture: 27 }), { onDate: ON });
    expect(late.status).toBe('not_eligible');
    expect(reasonAt(late.reasons, 'leadTimeDays')?.text).toBe(
      'Departure is planned in 27 days, but the application must come at least 28 days before',
    );
    const unplanned = evaluateProgramme(p, facts({ daysBeforeDeparture: null }), { onDate: ON });
    expect(unplanned.status).toBe('to_check');
    expect(reasonAt(unplanned.reasons, 'leadTimeDays')).toMatchObject({
      outcome: 'unknown',
      text: 'No departure date is planned yet: apply at least 28 days before departure',
    });
  });

  it('is to check as a draft and not eligible once closed', () => {
    const draft = evaluateProgramme(programme('P', {}, 'draft'), facts(), { onDate: ON });
    expect(draft.status).toBe('to_check');
    expect(draft.eligible).toBe(false);
    expect(draft.reasons[0]).toEqual({
      outcome: 'unknown',
      code: 'check.draft',
      path: 'status',
      text: 'This programme is a draft and not yet open to applications',
    });
    const closed = evaluateProgramme(programme('P', {}, 'closed'), facts(), { onDate: ON });
    expect(closed.status).toBe('not_eligible');
    expect(closed.reasons[0]).toMatchObject({
      outcome: 'not_met',
      path: 'status',
      text: 'This programme is closed to new applications',
    });
  });

  it('is to check, never eligible, when a rule needs a fact that is not recorded', () => {
    const p = programme('P', {
      eligibility: all(fact('returnType', 'in', ['assisted_voluntary']), fact('age', 'gte', 18)),
    });
    const r = evaluateProgramme(p, facts({ age: null }), { onDate: ON });
    expect(r.status).toBe('to_check');
    expect(r.eligible).toBe(false);
    expect(reasonAt(r.reasons, 'eligibility.conditions[1]')).toMatchObject({
      outcome: 'unknown',
      text: 'Age is not recorded — must be at least 18',
    });
    // A failed rule wins over an unknown one.
    const failed = evaluateProgramme(p, facts({ age: null, returnType: 'assisted_forced' }), { onDate: ON });
    expect(failed.status).toBe('not_eligible');
  });

  it('names the rule that excluded the household by its path in the definition', () => {
    const p = programme('P', {
      eligibility: all(
        fact('returnType', 'in', ['assisted_voluntary']),
        fact('administrativeStatus', 'in', ['asylum_pending', 'asylum_rejected']),
        fact('inDetention', 'is', false),
      ),
    });
    const r = evaluateProgramme(p, facts({ administrativeStatus: 'irregular_stay' }), { onDate: ON });
    expect(r.status).toBe('not_eligible');
    const failing = reasonAt(r.reasons, 'eligibility')!.children!.filter((c) => c.outcome === 'not_met');
    expect(failing).toEqual([
      {
        outcome: 'not_met',
        code: 'rule.fact.administrativeStatus',
        path: 'eligibility.conditions[1]',
        text: 'Administrative status: irregular stay — must be one of asylum application pending, asylum application rejected',
      },
    ]);
  });

  it('counts only eligible components, and is not eligible when none applies', () => {
    const medical = component({
      code: 'medical',
      category: 'medical',
      eligibility: fact('vulnerability', 'in', ['serious_illness']),
      amount: { perHousehold: 2000, upTo: true },
    });
    const p = programme('P', { components: [component({ amount: { perHousehold: 200 } }), medical] });
    const r = evaluateProgramme(p, facts(), { onDate: ON });
    expect(r.status).toBe('eligible');
    expect(r.components.map((c) => [c.code, c.status])).toEqual([
      ['cash', 'eligible'],
      ['medical', 'not_eligible'],
    ]);
    expect(r.components[1]!.reasons[0]).toMatchObject({
      path: 'components[1].eligibility',
      text: 'Vulnerability: none recorded — must be one of serious illness',
    });
    expect(r.totals).toEqual([{ currency: 'EUR', amount: 200 }]);
    // With the illness recorded both count: 200 + 2,000 = 2,200.
    const ill = evaluateProgramme(p, facts({ vulnerabilities: ['serious_illness'] }), { onDate: ON });
    expect(ill.totals).toEqual([{ currency: 'EUR', amount: 2200 }]);
    // Not visible: the medical component is to check and not counted.
    const hidden = evaluateProgramme(p, facts({ vulnerabilities: null }), { onDate: ON });
    expect(hidden.status).toBe('eligible');
    expect(hidden.components[1]!.status).toBe('to_check');
    expect(hidden.totals).toEqual([{ currency: 'EUR', amount: 200 }]);

    const onlyMedical = programme('P', { components: [medical] });
    const none = evaluateProgramme(onlyMedical, facts(), { onDate: ON });
    expect(none.status).toBe('not_eligible');
    expect(none.reasons.at(-1)).toEqual({
      outcome: 'not_met',
      code: 'check.noComponent',
      path: 'components',
      text: 'None of its forms of support applies to this household',
    });
    expect(evaluateProgramme(onlyMedical, facts({ vulnerabilities: null }), { onDate: ON }).status).toBe(
      'to_check',
    );
  });

  it('explains in French and Arabic', () => {
    const p = programme('P', { components: [component({ amount: { perAdult: 200, perMinor: 100 } })] });
    const f = facts({ household: familyOfFive, returnCountry: 'IQ' });
    const fr = evaluateProgramme(p, f, { onDate: ON, lang: 'fr' });
    expect(fr.name).toBe('Programme P');
    expect(fr.reasons.map((r) => r.text)).toEqual([
      'Le programme est en vigueur le 2026-11-26',
      'Il couvre le retour vers : Irak',
    ]);
    expect(fr.components[0]!.name).toBe('Aide en espèces');
    expect(fr.components[0]!.calculation).toEqual([
      '2 adulte(s) × 200 EUR = 400 EUR',
      '3 mineur(s) × 100 EUR = 300 EUR',
      'Total : 700 EUR',
    ]);
    const ar = evaluateProgramme(p, f, { onDate: ON, lang: 'ar' });
    expect(ar.name).toBe('برنامج P');
    expect(ar.reasons[1]!.text).toBe('يشمل العودة إلى العراق');
    expect(ar.components[0]!.calculation).toEqual([
      '2 بالغ × 200 EUR = 400 EUR',
      '3 قاصر × 100 EUR = 300 EUR',
      'المجموع: 700 EUR',
    ]);
    // A language without messages falls back to English, names included.
    const de = evaluateProgramme(p, f, { onDate: ON, lang: 'de' });
    expect(de.reasons[1]!.text).toBe('It covers return to Irak');
    expect(de.name).toBe('P programme');
  });
});

// ---------------------------------------------------------------------------------------------
// Amounts

describe('amount rules', () => {
  it('pays per adult and per minor: 2 adults × 200 + 3 minors × 100 = 700', () => {
    const c = amountFor({ perAdult: 200, perMinor: 100 }, facts({ household: familyOfFive }));
    expect(c.amount).toBe(700);
    expect(c.calculation).toEqual([
      '2 adult(s) × 200 EUR = 400 EUR',
      '3 minor(s) × 100 EUR = 300 EUR',
      'Total: 700 EUR',
    ]);
  });

  it('pays per household once, on top of per-person amounts: 615 + 2 × 50 = 715', () => {
    const c = amountFor(
      { perHousehold: 615, perAdult: 50 },
      facts({ household: [member(30), member(28, 'spouse')] }),
    );
    expect(c.amount).toBe(715);
    expect(c.calculation).toEqual([
      'Once for the household: 615 EUR',
      '2 adult(s) × 50 EUR = 100 EUR',
      'Total: 715 EUR',
    ]);
  });

  it('leaves out a line for nobody and keeps cents: 3 adults × 12.50 = 37.50', () => {
    const c = amountFor(
      { perAdult: 12.5, perMinor: 10 },
      facts({ household: [member(30), member(50, 'parent'), member(19, 'child')] }),
    );
    expect(c.amount).toBe(37.5);
    expect(c.calculation).toEqual(['3 adult(s) × 12.50 EUR = 37.50 EUR', 'Total: 37.50 EUR']);
  });

  it('caps the household: 3 adults × 1,000 = 3,000, capped at 2,500', () => {
    const three = facts({ household: [member(30), member(28, 'spouse'), member(60, 'parent')] });
    const c = amountFor({ perAdult: 1000, cap: 2500 }, three);
    expect(c.amount).toBe(2500);
    expect(c.calculation).toEqual([
      '3 adult(s) × 1,000 EUR = 3,000 EUR',
      'Capped at 2,500 EUR for the household',
      'Total: 2,500 EUR',
    ]);
    // Under the cap: 2 × 1,000 = 2,000, no cap line.
    const two = amountFor(
      { perAdult: 1000, cap: 2500 },
      facts({ household: [member(30), member(28, 'spouse')] }),
    );
    expect(two.amount).toBe(2000);
    expect(two.calculation.some((l) => l.startsWith('Capped'))).toBe(false);
  });

  describe('vulnerability top-up', () => {
    const household = [member(40, 'principal', true), member(38, 'spouse'), member(10, 'child', true)];
    const rule: AmountInput = {
      perHousehold: 1000,
      vulnerabilityTopUp: { perVulnerablePerson: 250, perHousehold: 100 },
    };

    it('adds per vulnerable person and per household: 1,000 + 2 × 250 + 100 = 1,600', () => {
      const c = amountFor(rule, facts({ household, vulnerabilities: ['disability', 'serious_illness'] }));
      expect(c.amount).toBe(1600);
      expect(c.calculation).toEqual([
        'Once for the household: 1,000 EUR',
        'Vulnerability top-up: 2 person(s) × 250 EUR = 500 EUR',
        'Vulnerability top-up for the household: 100 EUR',
        'Total: 1,600 EUR',
      ]);
    });

    it('is capped with the rest: 1,600 capped at 1,500', () => {
      const c = amountFor(
        { ...rule, cap: 1500 },
        facts({ household, vulnerabilities: ['disability', 'serious_illness'] }),
      );
      expect(c.amount).toBe(1500);
    });

    it('is not added without a recorded vulnerability', () => {
      const c = amountFor(rule, facts({ household: household.map((m) => ({ ...m, vulnerable: false })) }));
      expect(c.amount).toBe(1000);
      expect(c.calculation).toEqual(['Once for the household: 1,000 EUR', 'Total: 1,000 EUR']);
    });

    it('is not added when vulnerabilities are not visible, and a note says one may apply', () => {
      const c = amountFor(
        rule,
        facts({ household: household.map((m) => ({ ...m, vulnerable: false })), vulnerabilities: null }),
      );
      expect(c.amount).toBe(1000);
      expect(c.calculation).toEqual([
        'Once for the household: 1,000 EUR',
        'A vulnerability top-up may apply (not visible to you)',
        'Total: 1,000 EUR',
      ]);
    });

    it('is added once for an unaccompanied minor even when categories are not visible: 1,000 + 250 + 100', () => {
      const c = amountFor(
        rule,
        facts({ household: [member(16)], age: 16, unaccompaniedMinor: true, vulnerabilities: null }),
      );
      expect(c.amount).toBe(1350);
    });
  });

  describe('variants', () => {
    const stageRule: AmountInput = {
      perAdult: 800,
      variants: [
        {
          label: { en: 'decided before the asylum decision', fr: "décidé avant la décision d'asile" },
          when: fact('proceduralStage', 'in', ['before_asylum_decision']),
          perAdult: 1200,
        },
      ],
    };
    const couple = [member(30), member(28, 'spouse')];

    it('pays by procedural stage: before the decision 2 × 1,200 = 2,400, within the deadline 2 × 800 = 1,600', () => {
      const early = amountFor(
        stageRule,
        facts({ household: couple, proceduralStage: 'before_asylum_decision' }),
      );
      expect(early.amount).toBe(2400);
      expect(early.calculation).toEqual([
        'Amount for: decided before the asylum decision',
        '2 adult(s) × 1,200 EUR = 2,400 EUR',
        'Total: 2,400 EUR',
      ]);
      const late = amountFor(
        stageRule,
        facts({ household: couple, proceduralStage: 'within_departure_deadline' }),
      );
      expect(late.amount).toBe(1600);
      expect(late.calculation).toEqual(['2 adult(s) × 800 EUR = 1,600 EUR', 'Total: 1,600 EUR']);
      // An unknown stage does not select the variant: the base amount applies.
      expect(amountFor(stageRule, facts({ household: couple, proceduralStage: null })).amount).toBe(1600);
    });

    it('labels the variant in the reader’s language', () => {
      const r = evaluateProgramme(
        programme('P', { components: [component({ amount: stageRule })] }),
        facts({ proceduralStage: 'before_asylum_decision' }),
        { onDate: ON, lang: 'fr' },
      );
      expect(r.components[0]!.calculation[0]).toBe("Montant pour : décidé avant la décision d'asile");
    });

    it('replaces all the base amounts (reduced rate: 2 × 500 + 1 × 250 = 1,250, not 2,500)', () => {
      const rule: AmountInput = {
        perAdult: 1000,
        perMinor: 500,
        variants: [
          {
            label: { en: 'reduced rate' },
            when: fact('proceduralStage', 'in', ['after_departure_deadline']),
            perAdult: 500,
            perMinor: 250,
          },
        ],
      };
      const f = { household: [member(30), member(28, 'spouse'), member(5, 'child')] };
      expect(amountFor(rule, facts(f)).amount).toBe(2500);
      expect(amountFor(rule, facts({ ...f, proceduralStage: 'after_departure_deadline' })).amount).toBe(1250);
    });

    it('takes the first variant that matches', () => {
      const rule: AmountInput = {
        perHousehold: 100,
        variants: [
          { label: { en: 'first' }, when: fact('returnCountry', 'in', ['AF']), perHousehold: 300 },
          { label: { en: 'second' }, when: fact('age', 'gte', 18), perHousehold: 500 },
        ],
      };
      expect(amountFor(rule, facts()).amount).toBe(300);
      expect(amountFor(rule, facts({ returnCountry: 'IQ' })).amount).toBe(500);
    });

    it('pays by nationality group with the programme’s groups', () => {
      const rule: AmountInput = {
        perAdult: 1000,
        variants: [
          { label: { en: 'Group B' }, when: fact('nationalityGroup', 'in', ['group_b']), perAdult: 1500 },
        ],
      };
      expect(amountFor(rule, facts({ nationalities: ['AF'] }), { nationalityGroups: GROUPS }).amount).toBe(
        1500,
      );
      expect(amountFor(rule, facts({ nationalities: ['NG'] }), { nationalityGroups: GROUPS }).amount).toBe(
        1000,
      );
    });
  });

  it('counts a person without a date of birth by relationship and says so', () => {
    const c = amountFor(
      { perAdult: 200, perMinor: 100 },
      facts({ household: [member(35), member(null, 'child'), member(null, 'spouse')] }),
    );
    // Adults: principal and spouse (2 × 200); minor: the child (1 × 100).
    expect(c.amount).toBe(500);
    expect(c.calculation[0]).toBe(
      '2 person(s) without a date of birth, counted as adult or minor by relationship',
    );
  });

  it('marks a ceiling ("up to")', () => {
    const c = amountFor({ perAdult: 2000, perMinor: 1000, upTo: true }, facts({ household: familyOfFive }));
    // 2 × 2,000 + 3 × 1,000 = 7,000
    expect(c.amount).toBe(7000);
    expect(c.upTo).toBe(true);
    expect(c.calculation.at(-2)).toBe('This is a ceiling: support up to this amount');
  });

  it('pays at actual cost with no sum, or with per-person ceilings', () => {
    const ticket = amountFor({ actualCost: true }, facts());
    expect(ticket).toMatchObject({ amount: null, actualCost: true, instalments: [] });
    expect(ticket.calculation).toEqual(['Paid at actual cost']);
    const r = evaluateProgramme(
      programme('P', { components: [component({ amount: { actualCost: true } })] }),
      facts(),
      {
        onDate: ON,
      },
    );
    expect(r.status).toBe('eligible');
    expect(r.totals).toEqual([]);
    const ceiling = amountFor(
      { actualCost: true, upTo: true, perAdult: 2000 },
      facts({ household: [member(30), member(28, 'spouse')] }),
    );
    expect(ceiling.amount).toBe(4000);
    expect(ceiling.calculation).toEqual([
      'Paid at actual cost',
      '2 adult(s) × 2,000 EUR = 4,000 EUR',
      'This is a ceiling: support up to this amount',
      'Total: 4,000 EUR',
    ]);
  });

  describe('instalments', () => {
    it('splits by percent, the last taking the rounding remainder', () => {
      // 333.33 × 30% = 99.999 → 99.99 twice; the last: 333.33 − 199.98 = 133.35 (not 133.33).
      const c = amountFor(
        {
          perHousehold: 333.33,
          instalments: [
            { percent: 30, due: 'before_departure' },
            { percent: 30, due: 'on_arrival' },
            { percent: 40, due: 'after_arrival', monthsAfterArrival: 6 },
          ],
        },
        facts(),
      );
      expect(c.instalments).toEqual([
        { percent: 30, due: 'before_departure', amount: 99.99 },
        { percent: 30, due: 'on_arrival', amount: 99.99 },
        { percent: 40, due: 'after_arrival', monthsAfterArrival: 6, amount: 133.35 },
      ]);
    });

    it('splits 100.01 in halves as 50.00 and 50.01', () => {
      const rule = {
        instalments: [
          { percent: 50, due: 'on_arrival' as const },
          { percent: 50, due: 'after_arrival' as const, monthsAfterArrival: 3 },
        ],
      };
      expect(splitInstalments(rule, 10001).map((i) => i.amount)).toEqual([50, 50.01]);
      expect(splitInstalments({}, 10001)).toEqual([]);
    });

    it('splits the capped amount, after the top-up', () => {
      const c = amountFor(
        {
          perAdult: 1000,
          cap: 1500,
          instalments: [
            { percent: 50, due: 'on_arrival' },
            { percent: 50, due: 'after_arrival', monthsAfterArrival: 6 },
          ],
        },
        facts({ household: [member(30), member(28, 'spouse')] }),
      );
      // 2 × 1,000 = 2,000 capped at 1,500, paid 750 + 750.
      expect(c.instalments.map((i) => i.amount)).toEqual([750, 750]);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Several programmes: prerequisites, exclusions, offsets

describe('prerequisites (requires)', () => {
  const travel = (over: Partial<ProgrammeDefinitionInput> = {}) =>
    paying('TRAVEL', 200, { name: { en: 'Travel aid' }, ...over });
  const plus = paying('PLUS', 800, {
    name: { en: 'Start plus' },
    interactions: [{ type: 'requires', programmeCode: 'TRAVEL' }],
  });

  it('is met when the required programme is eligible, whatever the order of the list', () => {
    for (const list of [
      [travel(), plus],
      [plus, travel()],
    ]) {
      const a = evaluateAll(list, facts(), { onDate: ON });
      expect(resultOf(a, 'PLUS').status).toBe('eligible');
      expect(reasonAt(resultOf(a, 'PLUS').reasons, 'interactions[0]')).toEqual({
        outcome: 'met',
        code: 'check.requires',
        path: 'interactions[0]',
        text: 'It requires Travel aid, for which the household qualifies',
      });
      expect(a.package.programmeCodes.sort()).toEqual(['PLUS', 'TRAVEL']);
      expect(a.package.totals).toEqual([{ currency: 'EUR', amount: 1000 }]);
    }
  });

  it('is not met when the required programme is not eligible or not offered', () => {
    const a = evaluateAll([plus, travel({ countriesOfReturn: ['IQ'] })], facts(), { onDate: ON });
    expect(resultOf(a, 'PLUS').status).toBe('not_eligible');
    expect(reasonAt(resultOf(a, 'PLUS').reasons, 'interactions[0]')?.text).toBe(
      'It requires Travel aid, for which the household does not qualify',
    );
    expect(a.package.programmeCodes).toEqual([]);
    const alone = evaluateAll([plus], facts(), { onDate: ON });
    expect(resultOf(alone, 'PLUS').status).toBe('not_eligible');
    expect(reasonAt(resultOf(alone, 'PLUS').reasons, 'interactions[0]')?.text).toBe(
      'It requires TRAVEL, for which the household does not qualify',
    );
  });

  it('is met when the household already received the required programme', () => {
    const received = facts({ previousAssistance: ['TRAVEL'] });
    const alone = evaluateAll([plus], received, { onDate: ON });
    expect(resultOf(alone, 'PLUS').status).toBe('eligible');
    expect(alone.package.programmeCodes).toEqual(['PLUS']);
    // Received before, no longer eligible today: still met, and the package keeps PLUS.
    const a = evaluateAll([travel({ countriesOfReturn: ['IQ'] }), plus], received, { onDate: ON });
    expect(resultOf(a, 'TRAVEL').status).toBe('not_eligible');
    expect(resultOf(a, 'PLUS').status).toBe('eligible');
    expect(a.package.programmeCodes).toEqual(['PLUS']);
    // evaluateProgramme alone looks at previous assistance only.
    expect(evaluateProgramme(plus, received, { onDate: ON }).status).toBe('eligible');
    expect(evaluateProgramme(plus, facts(), { onDate: ON }).status).toBe('not_eligible');
  });

  it('is to check when the required programme is to check', () => {
    const a = evaluateAll([travel({ eligibility: fact('age', 'gte', 18) }), plus], facts({ age: null }), {
      onDate: ON,
    });
    expect(resultOf(a, 'TRAVEL').status).toBe('to_check');
    expect(resultOf(a, 'PLUS').status).toBe('to_check');
    expect(reasonAt(resultOf(a, 'PLUS').reasons, 'interactions[0]')).toMatchObject({
      outcome: 'unknown',
      text: 'It requires Travel aid, which is still to check',
    });
  });

  it('does not loop on a cycle: programmes requiring each other are not eligible', () => {
    const a = paying('A', 100, { interactions: [{ type: 'requires', programmeCode: 'B' }] });
    const b = paying('B', 100, { interactions: [{ type: 'requires', programmeCode: 'C' }] });
    const c = paying('C', 100, { interactions: [{ type: 'requires', programmeCode: 'A' }] });
    const two = evaluateAll(
      [a, paying('B', 100, { interactions: [{ type: 'requires', programmeCode: 'A' }] })],
      facts(),
      {
        onDate: ON,
      },
    );
    expect(two.programmes.map((p) => p.status)).toEqual(['not_eligible', 'not_eligible']);
    const three = evaluateAll([a, b, c], facts(), { onDate: ON });
    expect(three.programmes.map((p) => p.status)).toEqual(['not_eligible', 'not_eligible', 'not_eligible']);
    // Once one of them was received, the chain holds.
    const received = evaluateAll([a, b, c], facts({ previousAssistance: ['A'] }), { onDate: ON });
    expect(received.programmes.map((p) => p.status)).toEqual(['eligible', 'eligible', 'eligible']);
  });
});

describe('not combinable', () => {
  const small = (over: Partial<ProgrammeDefinitionInput> = {}) =>
    paying('SMALL', 100, { name: { en: 'Small aid' }, ...over });
  const big = (over: Partial<ProgrammeDefinitionInput> = {}) =>
    paying('BIG', 300, { name: { en: 'Big aid' }, ...over });
  const notWith = (code: string) => ({
    interactions: [{ type: 'not_combinable' as const, programmeCode: code }],
  });

  it('keeps the larger package, whichever side declares it', () => {
    for (const list of [
      [small(notWith('BIG')), big()],
      [small(), big(notWith('SMALL'))],
    ]) {
      const a = evaluateAll(list, facts(), { onDate: ON });
      // Both remain eligible on their own; the package holds one.
      expect(a.programmes.map((p) => p.status)).toEqual(['eligible', 'eligible']);
      expect(a.package.programmeCodes).toEqual(['BIG']);
      expect(a.package.excluded).toEqual([
        { programmeCode: 'SMALL', reason: 'Small aid cannot be combined with Big aid; Big aid is kept' },
      ]);
      expect(a.package.totals).toEqual([{ currency: 'EUR', amount: 300 }]);
    }
  });

  it('keeps the one the case is enrolled in, even when smaller', () => {
    const a = evaluateAll([small(notWith('BIG')), big()], facts(), { onDate: ON, enrolledCodes: ['SMALL'] });
    expect(a.package.programmeCodes).toEqual(['SMALL']);
    expect(a.package.excluded[0]?.reason).toBe(
      'Big aid cannot be combined with Small aid; Small aid is kept',
    );
  });

  it('keeps the earlier code when the totals are equal', () => {
    const a = evaluateAll([paying('ZED', 100, notWith('ALPHA')), paying('ALPHA', 100)], facts(), {
      onDate: ON,
    });
    expect(a.package.programmeCodes).toEqual(['ALPHA']);
  });

  it('does not drop a programme in favour of one that is dropped in turn', () => {
    // A ⟂ B and B ⟂ C with 100 < 200 < 300: C is kept, B goes, and A (combinable with C) stays.
    const a = evaluateAll(
      [paying('A', 100, notWith('B')), paying('B', 200, notWith('C')), paying('C', 300)],
      facts(),
      { onDate: ON },
    );
    expect(a.package.programmeCodes).toEqual(['A', 'C']);
    expect(a.package.excluded).toEqual([
      { programmeCode: 'B', reason: 'B programme cannot be combined with C programme; C programme is kept' },
    ]);
    expect(a.package.totals).toEqual([{ currency: 'EUR', amount: 400 }]);
  });

  it('leaves out a programme whose prerequisite was left out, unless already received', () => {
    const dep = paying('DEP', 50, {
      name: { en: 'Top-up' },
      interactions: [{ type: 'requires', programmeCode: 'SMALL' }],
    });
    const a = evaluateAll([small(notWith('BIG')), big(), dep], facts(), { onDate: ON });
    expect(resultOf(a, 'DEP').status).toBe('eligible');
    expect(a.package.programmeCodes).toEqual(['BIG']);
    expect(a.package.excluded).toEqual([
      { programmeCode: 'SMALL', reason: 'Small aid cannot be combined with Big aid; Big aid is kept' },
      { programmeCode: 'DEP', reason: 'Top-up is left out because Small aid is not in the package' },
    ]);
    const received = evaluateAll(
      [small(notWith('BIG')), big(), dep],
      facts({ previousAssistance: ['SMALL'] }),
      {
        onDate: ON,
      },
    );
    expect(received.package.programmeCodes).toEqual(['BIG', 'DEP']);
    expect(received.package.totals).toEqual([{ currency: 'EUR', amount: 350 }]);
  });

  it('explains in French, with the programmes’ French names', () => {
    const a = evaluateAll(
      [
        small({ ...notWith('BIG'), name: { en: 'Small aid', fr: 'Petite aide' } }),
        big({ name: { en: 'Big aid', fr: 'Grande aide' } }),
      ],
      facts(),
      { onDate: ON, lang: 'fr' },
    );
    expect(a.package.excluded[0]?.reason).toBe(
      'Petite aide ne peut pas être combiné avec Grande aide ; Grande aide est retenu',
    );
  });
});

describe('offsets', () => {
  const cover = (
    amount: number,
    over: Partial<ComponentInput> = {},
    def: Partial<ProgrammeDefinitionInput> = {},
  ) =>
    paying(
      'COVER',
      amount,
      { name: { en: 'Cover programme', fr: 'Programme de couverture', ar: 'برنامج التغطية' }, ...def },
      over,
    );
  const offsetBy = (code: string, category: ComponentInput['category'] = 'business_start_up') => ({
    interactions: [{ type: 'offset' as const, programmeCode: code, category }],
  });
  const line = (a: EligibilityAnswer, code: string, componentCode = 'cash') =>
    a.package.lines.find((l) => l.programmeCode === code && l.componentCode === componentCode)!;

  it('reduces the offset programme by what the other pays for the category: 1,200 − 1,000 = 200', () => {
    const a = evaluateAll([cover(1000), paying('CUT', 1200, offsetBy('COVER'))], facts(), { onDate: ON });
    expect(line(a, 'CUT')).toMatchObject({
      amountBefore: 1200,
      amount: 200,
      reductions: [
        {
          byProgrammeCode: 'COVER',
          amount: 1000,
          text: 'Reduced by 1,000 EUR that Cover programme pays for business start-up',
        },
      ],
    });
    expect(line(a, 'COVER')).toMatchObject({ amountBefore: 1000, amount: 1000, reductions: [] });
    // The programme's own result is not reduced; the package is: 1,000 + 200.
    expect(resultOf(a, 'CUT').totals).toEqual([{ currency: 'EUR', amount: 1200 }]);
    expect(a.package.totals).toEqual([{ currency: 'EUR', amount: 1200 }]);
  });

  it('never reduces below zero', () => {
    const a = evaluateAll([cover(2000), paying('CUT', 1200, offsetBy('COVER'))], facts(), { onDate: ON });
    expect(line(a, 'CUT')).toMatchObject({ amount: 0, reductions: [{ amount: 1200 }] });
    expect(a.package.totals).toEqual([{ currency: 'EUR', amount: 2000 }]);
  });

  it('uses the other programme’s amount once across the lines of one programme: 600 + 600 against 1,000', () => {
    const cut = programme('CUT', {
      ...offsetBy('COVER'),
      components: [
        component({ code: 'one', amount: { perHousehold: 600 } }),
        component({ code: 'two', amount: { perHousehold: 600 } }),
      ],
    });
    const a = evaluateAll([cover(1000), cut], facts(), { onDate: ON });
    // 600 − 600 = 0, then 600 − (1,000 − 600) = 200.
    expect(line(a, 'CUT', 'one')).toMatchObject({ amount: 0, reductions: [{ amount: 600 }] });
    expect(line(a, 'CUT', 'two')).toMatchObject({ amount: 200, reductions: [{ amount: 400 }] });
    expect(a.package.totals).toEqual([{ currency: 'EUR', amount: 1200 }]);
  });

  it('uses it once across programmes: two programmes of 800 against 1,000', () => {
    const a = evaluateAll(
      [cover(1000), paying('CUT1', 800, offsetBy('COVER')), paying('CUT2', 800, offsetBy('COVER'))],
      facts(),
      { onDate: ON },
    );
    // CUT1: 800 − 800 = 0; CUT2: 800 − 200 = 600; package 1,000 + 0 + 600 = 1,600.
    expect(line(a, 'CUT1').amount).toBe(0);
    expect(line(a, 'CUT2').amount).toBe(600);
    expect(a.package.totals).toEqual([{ currency: 'EUR', amount: 1600 }]);
  });

  it('does not offset across currencies or categories, nor by a programme outside the package', () => {
    const chf = evaluateAll(
      [cover(1000), paying('CUT', 1200, offsetBy('COVER'), { currency: 'CHF' })],
      facts(),
      {
        onDate: ON,
      },
    );
    expect(line(chf, 'CUT')).toMatchObject({ amount: 1200, reductions: [] });
    expect(chf.package.totals).toEqual([
      { currency: 'CHF', amount: 1200 },
      { currency: 'EUR', amount: 1000 },
    ]);
    const travel = evaluateAll(
      [cover(1000, { category: 'travel' }), paying('CUT', 1200, offsetBy('COVER'))],
      facts(),
      {
        onDate: ON,
      },
    );
    expect(line(travel, 'CUT').amount).toBe(1200);
    const notEligible = evaluateAll(
      [cover(1000, {}, { countriesOfReturn: ['IQ'] }), paying('CUT', 1200, offsetBy('COVER'))],
      facts(),
      { onDate: ON },
    );
    expect(line(notEligible, 'CUT').amount).toBe(1200);
  });

  it('does not cut both of two programmes that offset each other', () => {
    const a = evaluateAll([paying('A', 100, offsetBy('B')), paying('B', 100, offsetBy('A'))], facts(), {
      onDate: ON,
    });
    // One of them pays the 100; the other is reduced by it.
    expect(a.package.totals).toEqual([{ currency: 'EUR', amount: 100 }]);
    expect(a.package.lines.flatMap((l) => l.reductions.map((r) => r.amount))).toEqual([100]);
  });

  it('reduces by what the other programme pays after its own reductions', () => {
    // B is offset by C (1,000 − 1,000 = 0), so B pays nothing and A, offset by B, keeps 1,000.
    const a = evaluateAll(
      [paying('A', 1000, offsetBy('B')), paying('B', 1000, offsetBy('C')), paying('C', 1000)],
      facts(),
      { onDate: ON },
    );
    expect(line(a, 'B').amount).toBe(0);
    expect(line(a, 'A')).toMatchObject({ amount: 1000, reductions: [] });
    expect(a.package.totals).toEqual([{ currency: 'EUR', amount: 2000 }]);
  });

  it('explains in French and Arabic', () => {
    const fr = evaluateAll([cover(500), paying('CUT', 1200, offsetBy('COVER'))], facts(), {
      onDate: ON,
      lang: 'fr',
    });
    expect(line(fr, 'CUT').reductions[0]?.text).toBe(
      `Réduit de 500 EUR que Programme de couverture verse pour : ${valueLabel('fr', 'business_start_up')}`,
    );
    const ar = evaluateAll([cover(500), paying('CUT', 1200, offsetBy('COVER'))], facts(), {
      onDate: ON,
      lang: 'ar',
    });
    expect(line(ar, 'CUT').reductions[0]?.text).toBe(
      `خُفّض بمبلغ 500 EUR يدفعه برنامج التغطية لـ${valueLabel('ar', 'business_start_up')}`,
    );
  });
});

describe('amount variants on a missing fact', () => {
  it('apply the base amount and say that another amount may apply', () => {
    const p = programme('VAR', {
      components: [
        component({
          amount: {
            perHousehold: 800,
            variants: [
              {
                label: { en: 'decided before the asylum decision' },
                when: { kind: 'fact', fact: 'proceduralStage', op: 'in', value: ['before_asylum_decision'] },
                perHousehold: 1200,
              },
            ],
          },
        }),
      ],
    });
    const c = evaluateProgramme(p, facts({ proceduralStage: null }), { onDate: ON }).components[0]!;
    expect(c.amount).toBe(800);
    expect(c.calculation).toContain(
      'Another amount may apply (decided before the asylum decision): to check',
    );
    const known = evaluateProgramme(p, facts({ proceduralStage: 'before_asylum_decision' }), { onDate: ON });
    expect(known.components[0]!.amount).toBe(1200);
  });
});
