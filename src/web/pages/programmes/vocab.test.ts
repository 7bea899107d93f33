import { describe, expect, test } from 'vitest';
import * as domain from '../../../domain/programmes/definition.ts';
import * as web from './vocab.ts';

describe('the web copies of the programme code lists', () => {
  test('match the domain lists', () => {
    expect(web.PROGRAMME_STATUSES).toEqual(domain.PROGRAMME_STATUSES);
    expect(web.COMPONENT_STAGES).toEqual(domain.COMPONENT_STAGES);
    expect(web.MODALITIES).toEqual(domain.MODALITIES);
    expect(web.COMPONENT_CATEGORIES).toEqual(domain.COMPONENT_CATEGORIES);
    expect(web.CURRENCIES).toEqual(domain.CURRENCIES);
    expect(web.PROCEDURAL_STAGES).toEqual(domain.PROCEDURAL_STAGES);
    expect(web.LIST_FACTS).toEqual(domain.LIST_FACTS);
    expect(web.NUMBER_FACTS).toEqual(domain.NUMBER_FACTS);
    expect(web.BOOLEAN_FACTS).toEqual(domain.BOOLEAN_FACTS);
    expect(web.FACTS).toEqual(domain.FACTS);
    expect(web.LIST_OPERATORS).toEqual(domain.LIST_OPERATORS);
    expect(web.NUMBER_OPERATORS).toEqual(domain.NUMBER_OPERATORS);
    expect(web.BOOLEAN_OPERATORS).toEqual(domain.BOOLEAN_OPERATORS);
    expect(web.OPERATORS).toEqual(domain.OPERATORS);
    expect(web.INSTALMENT_DUE).toEqual(domain.INSTALMENT_DUE);
    expect(web.INTERACTION_TYPES).toEqual(domain.INTERACTION_TYPES);
  });

  test('operators follow the kind of fact', () => {
    expect(web.operatorsFor('nationality')).toEqual(['in', 'not_in']);
    expect(web.operatorsFor('age')).toEqual(['eq', 'gt', 'gte', 'lt', 'lte']);
    expect(web.operatorsFor('vulnerable')).toEqual(['is']);
    expect(web.factKind('daysUntilDeadline')).toBe('number');
  });
});
