/**
 * Worked examples: households and programmes modelled on the public amounts of real programmes
 * (design/domain-references.md, "Programmes and amounts"). The programme names are invented; each
 * says what it is modelled on. Every expected amount is worked out by hand in the test name or a
 * comment, from the household's dates of birth on 26 November 2026.
 */
import { describe, expect, it } from 'vitest';
import {
  type Condition,
  type Programme,
  ProgrammeDefinition,
  type ProgrammeDefinitionInput,
} from './definition.ts';
import { type EligibilityAnswer, evaluateAll, type ProgrammeResult, type Reason } from './engine.ts';
import { type CaseForFacts, deriveFacts } from './facts.ts';
import { checkDefinition } from './rules.ts';

const ON = '2026-11-26';

const programme = (code: string, definition: ProgrammeDefinitionInput): Programme => ({
  id: `id-${code}`,
  code,
  status: 'published',
  funderOrganisationId: 'funder',
  version: 1,
  definition: ProgrammeDefinition.parse(definition),
});

const stageIn = (...stages: string[]): Condition => ({
  kind: 'fact',
  fact: 'proceduralStage',
  op: 'in',
  value: stages,
});

// ---------------------------------------------------------------------------------------------
// The programmes

/** Modelled on Germany's REAG/GARP: ticket, 200/100 travel allowance, 1,000/500 start-up aid. */
const TRAVEL_AID = programme('TRAVEL_AID', {
  name: { en: 'Return Travel Aid', fr: 'Aide au voyage de retour' },
  summary: { en: 'Modelled on REAG/GARP: travel, a travel allowance and start-up aid' },
  validFrom: '2026-01-01',
  countriesOfReturn: ['AF', 'IQ', 'IR', 'NG', 'GH', 'PK', 'TR', 'AL', 'RS', 'GE', 'MK'],
  hostCountries: ['DE'],
  leadTimeDays: 28,
  nationalityGroups: [
    {
      code: 'visa_free',
      name: { en: 'Visa-free nationalities', fr: 'Nationalités exemptées de visa' },
      countries: ['AL', 'RS', 'GE', 'MK', 'ME', 'BA', 'MD', 'UA'],
    },
  ],
  eligibility: { kind: 'fact', fact: 'returnType', op: 'in', value: ['assisted_voluntary'] },
  components: [
    {
      code: 'ticket',
      name: { en: 'Ticket' },
      stage: 'pre_departure',
      modality: 'in_kind',
      category: 'travel',
      currency: 'EUR',
      amount: { actualCost: true, upTo: true },
    },
    {
      code: 'allowance',
      name: { en: 'Travel allowance' },
      stage: 'pre_departure',
      modality: 'cash',
      category: 'travel_allowance',
      currency: 'EUR',
      amount: { perAdult: 200, perMinor: 100 },
    },
    {
      code: 'medical',
      name: { en: 'Medical costs for three months' },
      stage: 'post_arrival',
      modality: 'service',
      category: 'medical',
      currency: 'EUR',
      eligibility: { kind: 'fact', fact: 'vulnerability', op: 'in', value: ['serious_illness'] },
      amount: { perHousehold: 2000, upTo: true },
    },
    {
      code: 'start_up',
      name: { en: 'Start-up aid' },
      stage: 'pre_departure',
      modality: 'cash',
      category: 'other',
      currency: 'EUR',
      // Visa-free nationalities: travel only.
      eligibility: { kind: 'fact', fact: 'nationalityGroup', op: 'not_in', value: ['visa_free'] },
      amount: { perAdult: 1000, perMinor: 500 },
    },
  ],
});

/**
 * Modelled on StarthilfePlus: only with REAG/GARP, 1,200 per adult when the person decided before
 * the asylum decision, 800 within the departure deadline, cut where the EU programme pays for
 * reintegration.
 */
const START_PLUS = programme('START_PLUS', {
  name: { en: 'Reintegration Start Plus' },
  summary: { en: 'Modelled on StarthilfePlus' },
  validFrom: '2026-01-01',
  countriesOfReturn: ['AF', 'IQ', 'IR', 'NG', 'GH', 'PK', 'TR'],
  hostCountries: ['DE'],
  eligibility: stageIn('before_asylum_decision', 'within_departure_deadline'),
  interactions: [
    { type: 'requires', programmeCode: 'TRAVEL_AID' },
    { type: 'offset', programmeCode: 'EU_REINTEGRATION', category: 'business_start_up' },
  ],
  components: [
    {
      code: 'reintegration',
      name: { en: 'Reintegration grant' },
      stage: 'reintegration',
      modality: 'cash',
      category: 'business_start_up',
      currency: 'EUR',
      amount: {
        perAdult: 800,
        variants: [
          {
            label: { en: 'decided before the asylum decision' },
            when: stageIn('before_asylum_decision'),
            perAdult: 1200,
          },
        ],
        instalments: [
          { percent: 50, due: 'on_arrival' },
          { percent: 50, due: 'after_arrival', monthsAfterArrival: 6 },
        ],
      },
    },
  ],
});

const forced: Condition = { kind: 'fact', fact: 'returnType', op: 'in', value: ['assisted_forced'] };

/**
 * Modelled on the EU Reintegration Programme as the Netherlands applies it: 615 post-arrival and
 * in-kind support up to 2,000 per adult and 1,000 per minor; after a forced return 205 and up to
 * 1,000 per person. The model counts the post-arrival support per returnee.
 */
const EU_REINTEGRATION = programme('EU_REINTEGRATION', {
  name: { en: 'European Reintegration Support' },
  summary: { en: 'Modelled on the EU Reintegration Programme' },
  validFrom: '2026-01-01',
  countriesOfReturn: ['AF', 'IQ', 'NG', 'PK', 'GE', 'MA', 'ET'],
  hostCountries: ['NL', 'BE', 'DE'],
  components: [
    {
      code: 'arrival',
      name: { en: 'Post-arrival support' },
      stage: 'post_arrival',
      modality: 'in_kind',
      category: 'reception',
      currency: 'EUR',
      amount: {
        perAdult: 615,
        perMinor: 615,
        variants: [{ label: { en: 'after a forced return' }, when: forced, perAdult: 205, perMinor: 205 }],
      },
    },
    {
      code: 'in_kind',
      name: { en: 'In-kind reintegration support' },
      stage: 'reintegration',
      modality: 'in_kind',
      category: 'business_start_up',
      currency: 'EUR',
      amount: {
        perAdult: 2000,
        perMinor: 1000,
        upTo: true,
        variants: [{ label: { en: 'after a forced return' }, when: forced, perAdult: 1000, perMinor: 1000 }],
      },
    },
  ],
});

/**
 * Modelled on Switzerland's return assistance: 1,000 CHF per adult and 500 per minor (500/250
 * reduced), material aid up to 3,000 CHF for a project, up to 5,000 with special needs. The public
 * reduced rate depends on a stay under three months, which is not a case fact; the model applies it
 * to those who apply after the departure deadline.
 */
const SWISS_RETURN = programme('SWISS_RETURN', {
  name: { en: 'Swiss-style Return Assistance' },
  summary: { en: 'Modelled on Switzerland’s return assistance' },
  validFrom: '2026-01-01',
  countriesOfReturn: ['LK', 'GE', 'NG', 'IQ', 'TR', 'DZ'],
  hostCountries: ['CH'],
  components: [
    {
      code: 'cash',
      name: { en: 'Return assistance in cash' },
      stage: 'pre_departure',
      modality: 'cash',
      category: 'other',
      currency: 'CHF',
      amount: {
        perAdult: 1000,
        perMinor: 500,
        variants: [
          {
            label: { en: 'reduced rate' },
            when: stageIn('after_departure_deadline'),
            perAdult: 500,
            perMinor: 250,
          },
        ],
      },
    },
    {
      code: 'material',
      name: { en: 'Material aid for a project' },
      stage: 'reintegration',
      modality: 'in_kind',
      category: 'business_start_up',
      currency: 'CHF',
      amount: { perHousehold: 3000, upTo: true, vulnerabilityTopUp: { perHousehold: 2000 } },
    },
  ],
});

/**
 * Modelled on Fedasil's reintegration support: in kind, paid to a local partner, used within 12
 * months. The amounts are invented within the 500–5,000 EUR range of in-kind packages of the 2016
 * survey. It cannot be combined with the EU programme.
 */
const PARTNER_REINTEGRATION = programme('PARTNER_REINTEGRATION', {
  name: { en: 'Partner-delivered Reintegration' },
  summary: { en: 'Modelled on Fedasil’s reintegration support' },
  validFrom: '2026-01-01',
  countriesOfReturn: ['NG', 'GN', 'CD', 'AF', 'IQ'],
  hostCountries: ['BE'],
  interactions: [{ type: 'not_combinable', programmeCode: 'EU_REINTEGRATION' }],
  components: [
    {
      code: 'partner',
      name: { en: 'Reintegration support through a local partner' },
      stage: 'reintegration',
      modality: 'in_kind',
      category: 'business_start_up',
      currency: 'EUR',
      amount: {
        perAdult: 1500,
        perMinor: 750,
        upTo: true,
        vulnerabilityTopUp: { perVulnerablePerson: 500 },
        instalments: [
          { percent: 60, due: 'on_arrival' },
          { percent: 40, due: 'after_arrival', monthsAfterArrival: 12 },
        ],
      },
    },
  ],
});

const ALL = [TRAVEL_AID, START_PLUS, EU_REINTEGRATION, SWISS_RETURN, PARTNER_REINTEGRATION];

// ---------------------------------------------------------------------------------------------
// Households

type Person = CaseForFacts['persons'][number];
const person = (
  id: string,
  relationship: string,
  dateOfBirth: string | null,
  nationalities: string[],
  unaccompaniedMinor = false,
): Person => ({ id, relationship, dateOfBirth, nationalities, unaccompaniedMinor });

const household = (
  c: Partial<CaseForFacts> & Pick<CaseForFacts, 'persons' | 'returnCountry'>,
): CaseForFacts => ({
  hostCountry: 'DE',
  returnType: 'assisted_voluntary',
  administrativeStatus: 'asylum_rejected',
  returnDecisionDate: null,
  departureDeadline: null,
  plannedDepartureDate: null,
  inDetention: false,
  entryBan: false,
  ...c,
});

const evaluate = (
  c: CaseForFacts,
  options: {
    vulnerabilities?: Array<{ personId: string; category: string }> | null;
    enrolledCodes?: string[];
    previousAssistance?: string[];
  } = {},
): EligibilityAnswer =>
  evaluateAll(
    ALL,
    deriveFacts(
      c,
      ON,
      options.vulnerabilities === undefined ? [] : options.vulnerabilities, // null: not visible
      options.previousAssistance ?? [],
    ),
    {
      onDate: ON,
      enrolledCodes: options.enrolledCodes ?? [],
    },
  );

const result = (a: EligibilityAnswer, code: string): ProgrammeResult =>
  a.programmes.find((p) => p.code === code)!;

/** The eligible components of a programme and their amounts (null: at actual cost). */
const paid = (a: EligibilityAnswer, code: string) =>
  Object.fromEntries(
    result(a, code)
      .components.filter((c) => c.eligible)
      .map((c) => [c.code, c.amount]),
  );

/** The status of every programme, by code. */
const statuses = (a: EligibilityAnswer) => Object.fromEntries(a.programmes.map((p) => [p.code, p.status]));

/** Package lines as "PROGRAMME.component" → amount after offsets. */
const lines = (a: EligibilityAnswer) =>
  Object.fromEntries(a.package.lines.map((l) => [`${l.programmeCode}.${l.componentCode}`, l.amount]));

const failing = (reasons: readonly Reason[]): string[] =>
  reasons.flatMap((r) => (r.outcome === 'not_met' && !r.children ? [r.text] : failing(r.children ?? [])));

// ---------------------------------------------------------------------------------------------

describe('worked examples', () => {
  it('the modelled programmes are consistent definitions', () => {
    for (const p of ALL) expect(checkDefinition(p.definition, p.code)).toEqual([]);
  });

  it('1. single Afghan man within the departure deadline, from Germany: Start Plus 800 cut to 0 by the EU programme', () => {
    const a = evaluate(
      household({
        returnCountry: 'AF',
        returnDecisionDate: '2026-09-01',
        departureDeadline: '2026-12-20',
        plannedDepartureDate: '2027-01-05', // 40 days ≥ 28
        persons: [person('p1', 'principal', '1992-03-14', ['AF'])],
      }),
    );
    expect(statuses(a)).toEqual({
      TRAVEL_AID: 'eligible',
      START_PLUS: 'eligible',
      EU_REINTEGRATION: 'eligible',
      SWISS_RETURN: 'not_eligible',
      PARTNER_REINTEGRATION: 'not_eligible',
    });
    // Travel aid: ticket at cost; 1 adult × 200 = 200; start-up 1 × 1,000 = 1,000 (no serious illness)
    expect(paid(a, 'TRAVEL_AID')).toEqual({ ticket: null, allowance: 200, start_up: 1000 });
    expect(result(a, 'TRAVEL_AID').totals).toEqual([{ currency: 'EUR', amount: 1200 }]);
    // Start Plus, within the deadline: 1 × 800 = 800, paid 400 + 400
    expect(paid(a, 'START_PLUS')).toEqual({ reintegration: 800 });
    expect(result(a, 'START_PLUS').components[0]!.instalments.map((i) => i.amount)).toEqual([400, 400]);
    // EU programme: 615 post-arrival + up to 2,000 in kind = 2,615
    expect(paid(a, 'EU_REINTEGRATION')).toEqual({ arrival: 615, in_kind: 2000 });
    // Package: Start Plus 800 − min(2,000, 800) = 0; 200 + 1,000 + 0 + 615 + 2,000 = 3,815
    expect(lines(a)).toEqual({
      'TRAVEL_AID.ticket': null,
      'TRAVEL_AID.allowance': 200,
      'TRAVEL_AID.start_up': 1000,
      'START_PLUS.reintegration': 0,
      'EU_REINTEGRATION.arrival': 615,
      'EU_REINTEGRATION.in_kind': 2000,
    });
    expect(a.package.lines.find((l) => l.programmeCode === 'START_PLUS')!.reductions[0]!.text).toBe(
      'Reduced by 800 EUR that European Reintegration Support pays for business start-up',
    );
    expect(a.package.totals).toEqual([{ currency: 'EUR', amount: 3815 }]);
  });

  it('2. Iranian family of five, asylum pending: 2 × 200 + 3 × 100 = 700, 2 × 1,000 + 3 × 500 = 3,500, Start Plus 2 × 1,200 = 2,400', () => {
    const a = evaluate(
      household({
        returnCountry: 'IR',
        administrativeStatus: 'asylum_pending',
        plannedDepartureDate: '2027-01-15', // 50 days
        persons: [
          person('p1', 'principal', '1984-05-10', ['IR']), // 42
          person('p2', 'spouse', '1987-09-22', ['IR']), // 39
          person('c1', 'child', '2014-02-03', ['IR']), // 12
          person('c2', 'child', '2017-06-30', ['IR']), // 9
          person('c3', 'child', '2022-11-27', ['IR']), // 3, 4 tomorrow
        ],
      }),
    );
    expect(paid(a, 'TRAVEL_AID')).toEqual({ ticket: null, allowance: 700, start_up: 3500 });
    // Before the asylum decision: 1,200 per adult (minors are not paid in this model), in two halves
    expect(paid(a, 'START_PLUS')).toEqual({ reintegration: 2400 });
    const grant = result(a, 'START_PLUS').components[0]!;
    expect(grant.calculation).toEqual([
      'Amount for: decided before the asylum decision',
      '2 adult(s) × 1,200 EUR = 2,400 EUR',
      'Total: 2,400 EUR',
    ]);
    expect(grant.instalments).toEqual([
      { percent: 50, due: 'on_arrival', amount: 1200 },
      { percent: 50, due: 'after_arrival', monthsAfterArrival: 6, amount: 1200 },
    ]);
    // The EU programme does not cover Iran: nothing to offset.
    expect(result(a, 'EU_REINTEGRATION').status).toBe('not_eligible');
    // 700 + 3,500 + 2,400 = 6,600
    expect(a.package.programmeCodes).toEqual(['TRAVEL_AID', 'START_PLUS']);
    expect(a.package.totals).toEqual([{ currency: 'EUR', amount: 6600 }]);
  });

  it('3. Albanian woman, a visa-free nationality: travel only, 1 × 200 = 200', () => {
    const a = evaluate(
      household({
        returnCountry: 'AL',
        administrativeStatus: 'irregular_stay',
        plannedDepartureDate: '2027-01-04', // 39 days
        persons: [person('p1', 'principal', '1995-07-01', ['AL'])],
      }),
    );
    expect(paid(a, 'TRAVEL_AID')).toEqual({ ticket: null, allowance: 200 });
    const startUp = result(a, 'TRAVEL_AID').components.find((c) => c.code === 'start_up')!;
    expect(startUp.status).toBe('not_eligible');
    expect(startUp.reasons[0]).toMatchObject({
      path: 'components[3].eligibility',
      text: 'Nationality group: Visa-free nationalities — must not be one of Visa-free nationalities',
    });
    expect(statuses(a)).toMatchObject({ START_PLUS: 'not_eligible', EU_REINTEGRATION: 'not_eligible' });
    expect(a.package.totals).toEqual([{ currency: 'EUR', amount: 200 }]);
  });

  it('4. Georgian couple with a child: travel allowance 2 × 200 + 100 = 500, EU programme 3 × 615 + 2 × 2,000 + 1,000 = 6,845', () => {
    const a = evaluate(
      household({
        returnCountry: 'GE',
        returnDecisionDate: '2026-10-01',
        departureDeadline: '2027-01-10',
        plannedDepartureDate: '2027-01-08', // 43 days
        persons: [
          person('p1', 'principal', '1990-04-12', ['GE']), // 36
          person('p2', 'spouse', '1992-08-30', ['GE']), // 34
          person('c1', 'child', '2019-12-01', ['GE']), // 6, 7 next week
        ],
      }),
    );
    // Visa-free: no start-up aid.
    expect(paid(a, 'TRAVEL_AID')).toEqual({ ticket: null, allowance: 500 });
    // Start Plus does not cover Georgia.
    expect(result(a, 'START_PLUS').status).toBe('not_eligible');
    expect(paid(a, 'EU_REINTEGRATION')).toEqual({ arrival: 1845, in_kind: 5000 });
    // 500 + 1,845 + 5,000 = 7,345
    expect(a.package.totals).toEqual([{ currency: 'EUR', amount: 7345 }]);
  });

  it('5. Nigerian man returned by force from detention: EU programme 205 + 1,000 = 1,205, nothing else', () => {
    const a = evaluate(
      household({
        returnCountry: 'NG',
        returnType: 'assisted_forced',
        inDetention: true,
        entryBan: true,
        returnDecisionDate: '2026-06-01',
        departureDeadline: '2026-07-01',
        plannedDepartureDate: '2026-12-10', // 14 days
        persons: [person('p1', 'principal', '1988-02-29', ['NG'])], // 38
      }),
    );
    expect(statuses(a)).toMatchObject({
      TRAVEL_AID: 'not_eligible',
      START_PLUS: 'not_eligible',
      EU_REINTEGRATION: 'eligible',
    });
    expect(failing(result(a, 'TRAVEL_AID').reasons)).toEqual([
      'Departure is planned in 14 days, but the application must come at least 28 days before',
      'Type of return: forced return — must be one of assisted voluntary return',
    ]);
    expect(failing(result(a, 'START_PLUS').reasons)).toEqual([
      'It requires Return Travel Aid, for which the household does not qualify',
      'Stage of the procedure: after the departure deadline — must be one of before the asylum decision, within the departure deadline',
    ]);
    expect(paid(a, 'EU_REINTEGRATION')).toEqual({ arrival: 205, in_kind: 1000 });
    expect(result(a, 'EU_REINTEGRATION').components[0]!.calculation).toEqual([
      'Amount for: after a forced return',
      '1 adult(s) × 205 EUR = 205 EUR',
      'Total: 205 EUR',
    ]);
    expect(a.package.totals).toEqual([{ currency: 'EUR', amount: 1205 }]);
  });

  it('6. Pakistani couple after the departure deadline: no Start Plus; 2,400 travel aid + 5,230 EU = 7,630', () => {
    const a = evaluate(
      household({
        returnCountry: 'PK',
        returnDecisionDate: '2026-05-01',
        departureDeadline: '2026-08-01',
        plannedDepartureDate: '2027-01-20', // 55 days
        persons: [
          person('p1', 'principal', '1985-10-10', ['PK']),
          person('p2', 'spouse', '1989-01-15', ['PK']),
        ],
      }),
    );
    // 2 × 200 = 400 and 2 × 1,000 = 2,000
    expect(paid(a, 'TRAVEL_AID')).toEqual({ ticket: null, allowance: 400, start_up: 2000 });
    expect(result(a, 'START_PLUS').status).toBe('not_eligible');
    expect(failing(result(a, 'START_PLUS').reasons)).toEqual([
      'Stage of the procedure: after the departure deadline — must be one of before the asylum decision, within the departure deadline',
    ]);
    // 2 × 615 = 1,230 and 2 × 2,000 = 4,000
    expect(paid(a, 'EU_REINTEGRATION')).toEqual({ arrival: 1230, in_kind: 4000 });
    expect(a.package.totals).toEqual([{ currency: 'EUR', amount: 7630 }]);
  });

  it('7. Iraqi man leaving in 10 days: too late for travel aid, so for Start Plus too; EU programme 615 + 2,000 = 2,615', () => {
    const a = evaluate(
      household({
        returnCountry: 'IQ',
        returnDecisionDate: '2026-10-15',
        departureDeadline: '2026-12-31',
        plannedDepartureDate: '2026-12-06',
        persons: [person('p1', 'principal', '1979-06-06', ['IQ'])],
      }),
    );
    expect(statuses(a)).toMatchObject({
      TRAVEL_AID: 'not_eligible',
      START_PLUS: 'not_eligible',
      EU_REINTEGRATION: 'eligible',
    });
    expect(failing(result(a, 'TRAVEL_AID').reasons)).toEqual([
      'Departure is planned in 10 days, but the application must come at least 28 days before',
    ]);
    expect(failing(result(a, 'START_PLUS').reasons)).toEqual([
      'It requires Return Travel Aid, for which the household does not qualify',
    ]);
    expect(a.package.programmeCodes).toEqual(['EU_REINTEGRATION']);
    expect(a.package.totals).toEqual([{ currency: 'EUR', amount: 2615 }]);
  });

  it('8. unaccompanied 16-year-old returning to Afghanistan: 100 + 500 travel aid, 615 + 1,000 EU = 2,215', () => {
    const a = evaluate(
      household({
        returnCountry: 'AF',
        administrativeStatus: 'tolerated_stay',
        plannedDepartureDate: '2027-02-01', // 67 days
        persons: [person('p1', 'principal', '2010-03-01', ['AF'], true)],
      }),
    );
    // A minor: 1 × 100 allowance, 1 × 500 start-up
    expect(paid(a, 'TRAVEL_AID')).toEqual({ ticket: null, allowance: 100, start_up: 500 });
    // No return decision: not a stage Start Plus pays for.
    expect(result(a, 'START_PLUS').status).toBe('not_eligible');
    // 615 per returnee, up to 1,000 per minor in kind
    expect(paid(a, 'EU_REINTEGRATION')).toEqual({ arrival: 615, in_kind: 1000 });
    // 600 + 1,615 = 2,215
    expect(a.package.totals).toEqual([{ currency: 'EUR', amount: 2215 }]);
  });

  it('9. Sri Lankan family of four in Switzerland: 2 × 1,000 + 2 × 500 = 3,000 CHF and up to 3,000 CHF material aid', () => {
    const a = evaluate(
      household({
        hostCountry: 'CH',
        returnCountry: 'LK',
        returnDecisionDate: '2026-08-01',
        departureDeadline: '2026-12-31',
        plannedDepartureDate: '2027-01-10',
        persons: [
          person('p1', 'principal', '1983-01-20', ['LK']), // 43
          person('p2', 'spouse', '1986-05-05', ['LK']), // 40
          person('c1', 'child', '2012-09-09', ['LK']), // 14
          person('c2', 'child', '2016-11-26', ['LK']), // 10 today
        ],
      }),
    );
    expect(a.package.programmeCodes).toEqual(['SWISS_RETURN']);
    expect(paid(a, 'SWISS_RETURN')).toEqual({ cash: 3000, material: 3000 });
    expect(result(a, 'SWISS_RETURN').components[1]!.calculation).toEqual([
      'Once for the household: 3,000 CHF',
      'This is a ceiling: support up to this amount',
      'Total: 3,000 CHF',
    ]);
    expect(a.package.totals).toEqual([{ currency: 'CHF', amount: 6000 }]);
    // The German programmes do not run in Switzerland.
    expect(result(a, 'TRAVEL_AID').reasons.find((r) => r.path === 'countriesOfReturn')?.text).toBe(
      'It does not cover return to Sri Lanka',
    );
  });

  it('10. Georgian man with a serious illness in Switzerland: material aid 3,000 + 2,000 = 5,000 CHF, package 6,000 CHF', () => {
    const a = evaluate(
      household({
        hostCountry: 'CH',
        returnCountry: 'GE',
        returnDecisionDate: '2026-09-15',
        departureDeadline: '2026-12-15',
        plannedDepartureDate: '2026-12-14',
        persons: [person('p1', 'principal', '1970-12-01', ['GE'])], // 55
      }),
      { vulnerabilities: [{ personId: 'p1', category: 'serious_illness' }] },
    );
    expect(paid(a, 'SWISS_RETURN')).toEqual({ cash: 1000, material: 5000 });
    expect(result(a, 'SWISS_RETURN').components[1]!.calculation).toEqual([
      'Once for the household: 3,000 CHF',
      'Vulnerability top-up for the household: 2,000 CHF',
      'This is a ceiling: support up to this amount',
      'Total: 5,000 CHF',
    ]);
    // The EU programme covers Georgia but not from Switzerland.
    expect(result(a, 'EU_REINTEGRATION').reasons.find((r) => r.path === 'hostCountries')?.text).toBe(
      'It does not run in Switzerland',
    );
    expect(a.package.totals).toEqual([{ currency: 'CHF', amount: 6000 }]);
  });

  it('11. Turkish couple in Switzerland after the departure deadline: reduced rate 2 × 500 = 1,000 CHF + 3,000 CHF', () => {
    const a = evaluate(
      household({
        hostCountry: 'CH',
        returnCountry: 'TR',
        returnDecisionDate: '2026-04-01',
        departureDeadline: '2026-06-30',
        plannedDepartureDate: '2027-01-10',
        persons: [
          person('p1', 'principal', '1991-03-03', ['TR']),
          person('p2', 'spouse', '1993-07-07', ['TR']),
        ],
      }),
    );
    expect(paid(a, 'SWISS_RETURN')).toEqual({ cash: 1000, material: 3000 });
    expect(result(a, 'SWISS_RETURN').components[0]!.calculation).toEqual([
      'Amount for: reduced rate',
      '2 adult(s) × 500 CHF = 1,000 CHF',
      'Total: 1,000 CHF',
    ]);
    expect(a.package.totals).toEqual([{ currency: 'CHF', amount: 4000 }]);
  });

  it('12. the same Georgian man seen by a reader who may not see vulnerabilities: 1,000 + 3,000 = 4,000 CHF, and a note', () => {
    const a = evaluate(
      household({
        hostCountry: 'CH',
        returnCountry: 'GE',
        returnDecisionDate: '2026-09-15',
        departureDeadline: '2026-12-15',
        plannedDepartureDate: '2026-12-14',
        persons: [person('p1', 'principal', '1970-12-01', ['GE'])],
      }),
      { vulnerabilities: null },
    );
    expect(paid(a, 'SWISS_RETURN')).toEqual({ cash: 1000, material: 3000 });
    expect(result(a, 'SWISS_RETURN').components[1]!.calculation).toContain(
      'A vulnerability top-up may apply (not visible to you)',
    );
    expect(a.package.totals).toEqual([{ currency: 'CHF', amount: 4000 }]);
  });

  describe('13–14. Nigerian single mother with two children in Belgium (partner-delivered or EU programme)', () => {
    const mother = household({
      hostCountry: 'BE',
      returnCountry: 'NG',
      administrativeStatus: 'irregular_stay',
      plannedDepartureDate: '2027-01-30',
      persons: [
        person('p1', 'principal', '1994-04-04', ['NG']), // 32
        person('c1', 'child', '2018-10-10', ['NG']), // 8
        person('c2', 'child', '2021-01-01', ['NG']), // 5
      ],
    });
    const vulnerabilities = [{ personId: 'p1', category: 'single_parent_with_minors' }];

    it('13. enrolled in the partner programme: 1,500 + 2 × 750 + 1 × 500 = 3,500, kept over the larger EU package', () => {
      const a = evaluate(mother, { vulnerabilities, enrolledCodes: ['PARTNER_REINTEGRATION'] });
      expect(paid(a, 'PARTNER_REINTEGRATION')).toEqual({ partner: 3500 });
      // 60% on arrival, 40% after 12 months: 2,100 + 1,400
      expect(result(a, 'PARTNER_REINTEGRATION').components[0]!.instalments.map((i) => i.amount)).toEqual([
        2100, 1400,
      ]);
      // Eligible on its own: 3 × 615 = 1,845 and 2,000 + 2 × 1,000 = 4,000, 5,845 in all
      expect(paid(a, 'EU_REINTEGRATION')).toEqual({ arrival: 1845, in_kind: 4000 });
      expect(a.package.programmeCodes).toEqual(['PARTNER_REINTEGRATION']);
      expect(a.package.excluded).toEqual([
        {
          programmeCode: 'EU_REINTEGRATION',
          reason:
            'European Reintegration Support cannot be combined with Partner-delivered Reintegration; Partner-delivered Reintegration is kept',
        },
      ]);
      expect(a.package.totals).toEqual([{ currency: 'EUR', amount: 3500 }]);
    });

    it('14. not yet enrolled: the larger EU package is kept, 5,845', () => {
      const a = evaluate(mother, { vulnerabilities });
      expect(a.package.programmeCodes).toEqual(['EU_REINTEGRATION']);
      expect(a.package.excluded.map((e) => e.programmeCode)).toEqual(['PARTNER_REINTEGRATION']);
      expect(a.package.totals).toEqual([{ currency: 'EUR', amount: 5845 }]);
    });
  });

  it('15. Iraqi couple with a child without a date of birth, nationality not yet recorded: start-up aid to check, Start Plus 1,600 cut to 0', () => {
    const a = evaluate(
      household({
        returnCountry: 'IQ',
        returnDecisionDate: '2026-10-01',
        departureDeadline: '2027-01-31',
        plannedDepartureDate: '2027-01-25',
        persons: [
          person('p1', 'principal', '1990-02-02', []),
          person('p2', 'spouse', '1991-03-03', []),
          person('c1', 'child', null, []),
        ],
      }),
    );
    const travel = result(a, 'TRAVEL_AID');
    // Eligible for the allowance; the start-up aid depends on the nationality group.
    expect(travel.status).toBe('eligible');
    expect(travel.components.find((c) => c.code === 'start_up')!.status).toBe('to_check');
    // The child without a date of birth counts as a minor: 2 × 200 + 1 × 100 = 500
    expect(paid(a, 'TRAVEL_AID')).toEqual({ ticket: null, allowance: 500 });
    expect(travel.components.find((c) => c.code === 'allowance')!.calculation[0]).toBe(
      '1 person(s) without a date of birth, counted as adult or minor by relationship',
    );
    // Start Plus within the deadline: 2 × 800 = 1,600
    expect(paid(a, 'START_PLUS')).toEqual({ reintegration: 1600 });
    // EU programme: 3 × 615 = 1,845 and 2 × 2,000 + 1 × 1,000 = 5,000
    expect(paid(a, 'EU_REINTEGRATION')).toEqual({ arrival: 1845, in_kind: 5000 });
    // Start Plus 1,600 − min(5,000, 1,600) = 0; 500 + 0 + 1,845 + 5,000 = 7,345
    expect(lines(a)['START_PLUS.reintegration']).toBe(0);
    expect(a.package.totals).toEqual([{ currency: 'EUR', amount: 7345 }]);
  });

  it('16. Ghanaian woman with a serious illness, asylum pending: 200 + 2,000 medical + 1,000 start-up and Start Plus 1,200 = 4,400', () => {
    const a = evaluate(
      household({
        returnCountry: 'GH',
        administrativeStatus: 'asylum_pending',
        plannedDepartureDate: '2027-01-12',
        persons: [person('p1', 'principal', '1981-08-08', ['GH'])],
      }),
      { vulnerabilities: [{ personId: 'p1', category: 'serious_illness' }] },
    );
    expect(paid(a, 'TRAVEL_AID')).toEqual({ ticket: null, allowance: 200, medical: 2000, start_up: 1000 });
    // Before the asylum decision: 1 × 1,200; the EU programme does not cover Ghana, so no cut.
    expect(paid(a, 'START_PLUS')).toEqual({ reintegration: 1200 });
    expect(result(a, 'EU_REINTEGRATION').status).toBe('not_eligible');
    expect(lines(a)['START_PLUS.reintegration']).toBe(1200);
    // 200 + 2,000 + 1,000 + 1,200 = 4,400
    expect(a.package.totals).toEqual([{ currency: 'EUR', amount: 4400 }]);
  });

  it('the received travel aid still opens Start Plus when the household is no longer eligible for it', () => {
    // The Iraqi man of example 7, who already received the travel aid before: Start Plus 1 × 800,
    // cut to 0 by the EU programme's 2,000; 615 + 2,000 + 0 = 2,615.
    const a = evaluate(
      household({
        returnCountry: 'IQ',
        returnDecisionDate: '2026-10-15',
        departureDeadline: '2026-12-31',
        plannedDepartureDate: '2026-12-06',
        persons: [person('p1', 'principal', '1979-06-06', ['IQ'])],
      }),
      { previousAssistance: ['TRAVEL_AID'] },
    );
    expect(statuses(a)).toMatchObject({ TRAVEL_AID: 'not_eligible', START_PLUS: 'eligible' });
    expect(a.package.programmeCodes).toEqual(['START_PLUS', 'EU_REINTEGRATION']);
    expect(lines(a)).toEqual({
      'START_PLUS.reintegration': 0,
      'EU_REINTEGRATION.arrival': 615,
      'EU_REINTEGRATION.in_kind': 2000,
    });
    expect(a.package.totals).toEqual([{ currency: 'EUR', amount: 2615 }]);
  });
});
