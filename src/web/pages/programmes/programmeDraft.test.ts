import { describe, expect, test } from 'vitest';
import { ProgrammeDefinition } from '../../../domain/programmes/definition.ts';
import { DEMO_PROGRAMMES } from '../../../db/seed/demo-programmes.ts';
import {
  definitionToDraft,
  draftToDefinition,
  newComponentDraft,
  newInstalmentDraft,
  newProgrammeDraft,
  type ProgrammeDraft,
} from './programmeDraft.ts';
import { addChild, newFact, type FactNode } from './ruleTree.ts';

const full = ProgrammeDefinition.parse({
  name: { en: 'Start-up support', fr: 'Aide au démarrage', ar: 'دعم بدء المشاريع' },
  summary: { en: 'Money to start again.' },
  description: { en: 'Long text.', es: 'Texto largo.' },
  contact: { en: 'Call 123' },
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  countriesOfReturn: ['IQ', 'SY'],
  hostCountries: ['DE'],
  leadTimeDays: 28,
  nationalityGroups: [{ code: 'levant', name: { en: 'Levant' }, countries: ['IQ', 'SY'] }],
  eligibility: {
    kind: 'all',
    conditions: [
      { kind: 'fact', fact: 'nationalityGroup', op: 'in', value: ['levant'] },
      { kind: 'not', condition: { kind: 'fact', fact: 'entryBan', op: 'is', value: true } },
    ],
  },
  interactions: [
    { type: 'offset', programmeCode: 'OTHER', category: 'business_start_up' },
    { type: 'not_combinable', programmeCode: 'THIRD' },
  ],
  components: [
    {
      code: 'start',
      name: { en: 'Start-up aid' },
      stage: 'reintegration',
      modality: 'in_kind',
      category: 'business_start_up',
      currency: 'EUR',
      eligibility: { kind: 'fact', fact: 'age', op: 'gte', value: 18 },
      amount: {
        perAdult: 1000,
        perMinor: 500.5,
        cap: 4000,
        upTo: true,
        vulnerabilityTopUp: { perVulnerablePerson: 300 },
        variants: [
          {
            label: { en: 'Decided early' },
            when: { kind: 'fact', fact: 'proceduralStage', op: 'in', value: ['before_asylum_decision'] },
            perAdult: 1200,
          },
        ],
        instalments: [
          { percent: 50, due: 'before_departure' },
          { percent: 50, due: 'after_arrival', monthsAfterArrival: 6 },
        ],
      },
    },
    {
      code: 'ticket',
      name: { en: 'Ticket' },
      stage: 'pre_departure',
      modality: 'service',
      category: 'travel',
      currency: 'EUR',
      amount: { actualCost: true },
    },
  ],
});

describe('programme editor draft', () => {
  test('a definition comes back as it went in', () => {
    const built = draftToDefinition(definitionToDraft('SUP', full));
    expect(built.issues).toEqual([]);
    expect(built.definition).toEqual(full);
  });

  test('every demo programme comes back as it went in', () => {
    for (const p of DEMO_PROGRAMMES) {
      const definition = ProgrammeDefinition.parse(p.definition);
      const built = draftToDefinition(definitionToDraft(p.code, definition));
      expect(built.issues, p.code).toEqual([]);
      expect(built.definition, p.code).toEqual(definition);
    }
  });

  test('a new programme lists what is missing, by path', () => {
    const built = draftToDefinition(newProgrammeDraft('2026-03-01'));
    expect(built.issues.map((i) => `${i.path}:${i.key}`)).toEqual([
      'countriesOfReturn:chooseCountries',
      'components.0.name.en:required',
      'name.en:required',
      'summary.en:required',
    ]);
    expect(built.definition.validFrom).toBe('2026-03-01');
    expect(built.definition.components[0]).toMatchObject({
      code: 'component-1',
      currency: 'EUR',
      amount: {},
    });
  });

  test('a filled-in draft has no issues; texts are trimmed and empty ones left out', () => {
    const draft: ProgrammeDraft = {
      ...newProgrammeDraft('2026-03-01'),
      name: { en: '  Iraq return ', fr: ' ' },
      summary: { en: 'For Iraqis.' },
      countriesOfReturn: ['IQ'],
    };
    draft.components[0] = { ...draft.components[0]!, name: { en: 'Allowance' }, perAdult: 200 };
    let eligibility = addChild(draft.eligibility, draft.eligibility.id, {
      ...newFact('nationality'),
      codes: ['IQ'],
    } satisfies FactNode);
    eligibility = addChild(eligibility, eligibility.id, { ...newFact('age'), op: 'gte', number: 18 });
    const built = draftToDefinition({ ...draft, eligibility });
    expect(built.issues).toEqual([]);
    expect(built.definition.name).toEqual({ en: 'Iraq return' });
    expect(built.definition.eligibility).toEqual({
      kind: 'all',
      conditions: [
        { kind: 'fact', fact: 'nationality', op: 'in', value: ['IQ'] },
        { kind: 'fact', fact: 'age', op: 'gte', value: 18 },
      ],
    });
    expect(ProgrammeDefinition.safeParse(built.definition).success).toBe(true);
  });

  test('texts in other languages need an English one; codes, amounts and percents are checked', () => {
    const draft = definitionToDraft('SUP', full);
    draft.description = { fr: 'Texte' };
    draft.nationalityGroups[0]!.code = 'bad code';
    draft.components[0]!.perAdult = -1;
    draft.components[0]!.instalments[0]!.percent = 0;
    draft.components[0]!.instalments[1]!.monthsAfterArrival = 61;
    draft.interactions[0]!.programmeCode = '';
    draft.leadTimeDays = 400;
    expect(draftToDefinition(draft).issues.map((i) => `${i.path}:${i.key}`)).toEqual([
      'description.en:englishRequired',
      'leadTimeDays:wholeNumberRange',
      'nationalityGroups.0.code:codeFormat',
      'interactions.0.programmeCode:required',
      'components.0.amount.perAdult:amountRange',
      'components.0.amount.instalments.0.percent:percentRange',
      'components.0.amount.instalments.1.monthsAfterArrival:wholeNumberRange',
    ]);
  });

  test('new parts have sensible defaults', () => {
    const first = newComponentDraft();
    const second = newComponentDraft([{ ...first, currency: 'CHF' }]);
    expect(second).toMatchObject({ code: 'component-2', currency: 'CHF', stage: 'pre_departure' });
    const half = newInstalmentDraft();
    expect(half).toMatchObject({ percent: 100, due: 'before_departure' });
    expect(newInstalmentDraft([{ ...half, percent: 60 }])).toMatchObject({
      percent: 40,
      due: 'after_arrival',
      monthsAfterArrival: 6,
    });
  });
});
