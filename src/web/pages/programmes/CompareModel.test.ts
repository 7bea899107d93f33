import { describe, expect, test } from 'vitest';
import type { CompareCell, CompareComponent, CompareProgramme } from '../../api/eligibility.ts';
import {
  barPercent,
  chartGroups,
  draftFromQuery,
  EMPTY_HOUSEHOLD,
  hasHousehold,
  paramsFor,
  queryFromParams,
  stageCell,
  stagesOffered,
  validateHousehold,
} from './CompareModel.ts';

function component(overrides: Partial<CompareComponent>): CompareComponent {
  return {
    code: 'c',
    name: 'Component',
    stage: 'pre_departure',
    modality: 'cash',
    category: 'travel_allowance',
    currency: 'EUR',
    eligible: true,
    amount: 200,
    upTo: false,
    actualCost: false,
    ...overrides,
  };
}

function cell(components: CompareComponent[], totals: CompareCell['totals']): CompareCell {
  return { status: 'eligible', totals, components };
}

function programme(
  id: string,
  reference: CompareCell,
  household: CompareCell | null = null,
): CompareProgramme {
  return {
    id,
    code: id.toUpperCase(),
    name: `Programme ${id}`,
    funder: { id: 'f', name: 'Funder' },
    version: 1,
    reference,
    household,
  };
}

describe('the query in the address', () => {
  test('reads the country and a household, dropping what is not valid', () => {
    const q = queryFromParams(
      new URLSearchParams(
        'countryOfReturn=iq&adults=2&minors=99&nationality=sy&situation=no_permit&vulnerable=true&returnType=nope&hostCountry=de',
      ),
    );
    expect(q).toEqual({
      countryOfReturn: 'IQ',
      adults: 2,
      minors: undefined,
      nationality: 'SY',
      situation: 'no_permit',
      vulnerable: true,
      returnType: undefined,
      hostCountry: 'DE',
    });
    expect(hasHousehold(q)).toBe(true);
  });

  test('a country alone is the reference household only; a bad country is none', () => {
    expect(hasHousehold(queryFromParams(new URLSearchParams('countryOfReturn=IQ')))).toBe(false);
    expect(queryFromParams(new URLSearchParams('countryOfReturn=Iraq')).countryOfReturn).toBe('');
    expect(queryFromParams(new URLSearchParams('')).countryOfReturn).toBe('');
  });

  test('the form round-trips through the address; empty fields are left out', () => {
    const draft = {
      ...EMPTY_HOUSEHOLD,
      adults: ' 2 ',
      minors: '3',
      vulnerable: true,
      situation: 'asylum_pending' as const,
    };
    const params = paramsFor('NG', draft);
    expect(params.toString()).toBe(
      'countryOfReturn=NG&adults=2&minors=3&situation=asylum_pending&vulnerable=true',
    );
    expect(draftFromQuery(queryFromParams(params))).toEqual({ ...draft, adults: '2' });
    expect(paramsFor('NG', null).toString()).toBe('countryOfReturn=NG');
    expect(paramsFor('NG', EMPTY_HOUSEHOLD).toString()).toBe('countryOfReturn=NG');
  });

  test('adults and minors are whole numbers from 0 to 20', () => {
    expect(validateHousehold({ ...EMPTY_HOUSEHOLD, adults: '0', minors: '20' })).toEqual({});
    expect(validateHousehold({ ...EMPTY_HOUSEHOLD, adults: '-1', minors: '21' })).toEqual({
      adults: 'count',
      minors: 'count',
    });
    expect(validateHousehold({ ...EMPTY_HOUSEHOLD, adults: '1.5' })).toEqual({ adults: 'count' });
  });
});

describe('the table', () => {
  const ref = cell(
    [
      component({ code: 'allowance', amount: 200 }),
      component({
        code: 'ticket',
        stage: 'pre_departure',
        amount: null,
        actualCost: true,
        category: 'travel',
      }),
      component({ code: 'kit', stage: 'reintegration', amount: 2000, upTo: true, modality: 'in_kind' }),
      component({ code: 'bonus', stage: 'reintegration', amount: 500, eligible: false }),
    ],
    [{ currency: 'EUR', amount: 2200 }],
  );

  test('a stage cell holds the eligible components of the stage and their sum', () => {
    const before = stageCell(ref, 'pre_departure');
    expect(before.components.map((c) => c.code)).toEqual(['allowance', 'ticket']);
    expect(before.totals).toEqual([{ currency: 'EUR', amount: 200 }]);
    expect(before.actualCost).toBe(true);
    expect(before.upTo).toBe(false);
    const later = stageCell(ref, 'reintegration');
    expect(later.components.map((c) => c.code)).toEqual(['kit']);
    expect(later.upTo).toBe(true);
    expect(stageCell(ref, 'post_arrival').components).toEqual([]);
  });

  test('only stages some programme offers are columns, in the order of the journey', () => {
    expect(stagesOffered([programme('a', ref)])).toEqual(['pre_departure', 'reintegration']);
    const arrival = cell([component({ stage: 'post_arrival' })], []);
    expect(stagesOffered([programme('a', ref), programme('b', cell([], []), arrival)])).toEqual([
      'pre_departure',
      'post_arrival',
      'reintegration',
    ]);
  });
});

describe('the chart', () => {
  test('one group per currency, bars largest first, programmes without an amount left out', () => {
    const groups = chartGroups([
      programme(
        'a',
        cell([], [{ currency: 'EUR', amount: 1000 }]),
        cell([], [{ currency: 'EUR', amount: 3000 }]),
      ),
      programme('b', cell([], [{ currency: 'EUR', amount: 2000 }]), cell([], [])),
      programme('c', cell([], [{ currency: 'CHF', amount: 1500 }]), null),
      programme('d', cell([], []), null),
    ]);
    expect(groups.map((g) => g.currency)).toEqual(['CHF', 'EUR']);
    expect(groups[0]!.bars).toEqual([
      { programmeId: 'c', name: 'Programme c', reference: 1500, household: null },
    ]);
    expect(groups[1]!.bars.map((b) => [b.programmeId, b.reference, b.household])).toEqual([
      ['a', 1000, 3000],
      ['b', 2000, 0],
    ]);
    expect(groups[1]!.max).toBe(3000);
  });

  test('nothing to draw gives no group', () => {
    expect(chartGroups([programme('d', cell([], []))])).toEqual([]);
  });

  test('bar lengths are shares of the longest, a tiny amount still visible', () => {
    expect(barPercent(1500, 3000)).toBe(50);
    expect(barPercent(0, 3000)).toBe(0);
    expect(barPercent(1, 1_000_000)).toBe(0.5);
    expect(barPercent(5000, 3000)).toBe(100);
  });
});
