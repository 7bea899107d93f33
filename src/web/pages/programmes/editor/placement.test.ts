import { describe, expect, test } from 'vitest';
import { newComponentDraft, newProgrammeDraft, newVariantDraft } from '../programmeDraft.ts';
import { editorFieldPaths, fieldId, ownerOf, pathParts, placeProblems } from './placement.ts';

describe('placing problems next to fields', () => {
  const draft = newProgrammeDraft('2026-03-01');
  draft.components = [{ ...newComponentDraft(), variants: [newVariantDraft()] }];
  const known = editorFieldPaths(draft, { n1: 'eligibility', n2: 'eligibility.conditions.0' });

  test('a problem goes to its field or the nearest field above it', () => {
    expect(ownerOf('validTo', known)).toBe('validTo');
    expect(ownerOf('eligibility.conditions.0.value.2', known)).toBe('eligibility.conditions.0.value');
    expect(ownerOf('eligibility.conditions.0.op', known)).toBe('eligibility.conditions.0.op');
    expect(ownerOf('components.0.amount.variants.0', known)).toBe('components.0.amount.variants.0');
    expect(ownerOf('components.0.amount.instalments.3.percent', known)).toBe(
      'components.0.amount.instalments',
    );
    expect(ownerOf('name.de', known)).toBe(null);
    expect(ownerOf('', known)).toBe(null);
  });

  test('problems are grouped by field, repeated messages once; unplaced ones under ""', () => {
    const placed = placeProblems(
      [
        { path: 'validTo', message: 'ends before it starts' },
        { path: 'validTo', message: 'ends before it starts' },
        { path: 'components.0.amount', message: 'give an amount' },
        { path: 'implementingOrganisationIds.0', message: 'no such organisation' },
        { path: 'body', message: 'bad' },
      ],
      known,
    );
    expect(placed.get('validTo')).toEqual(['ends before it starts']);
    expect(placed.get('components.0.amount')).toEqual(['give an amount']);
    expect(placed.get('implementingOrganisationIds')).toEqual(['no such organisation']);
    expect(placed.get('')).toEqual(['bad']);
  });

  test('field ids are safe element ids', () => {
    expect(fieldId('components.0.name.en')).toBe('pf-components-0-name-en');
  });
});

describe('a problem path in words', () => {
  test('items are numbered from 1, texts name their language, rule internals are left out', () => {
    expect(pathParts('components.1.amount.variants.0.label.fr')).toEqual([
      { type: 'item', kind: 'component', number: 2 },
      { type: 'field', name: 'amount', within: 'component' },
      { type: 'item', kind: 'variant', number: 1 },
      { type: 'field', name: 'label', within: 'variant' },
      { type: 'language', code: 'fr' },
    ]);
    expect(pathParts('eligibility.conditions.2.condition.conditions.0.value')).toEqual([
      { type: 'field', name: 'eligibility', within: null },
      { type: 'field', name: 'value', within: null },
    ]);
    expect(pathParts('name.en')).toEqual([
      { type: 'field', name: 'name', within: null },
      { type: 'language', code: 'en' },
    ]);
    expect(pathParts('nationalityGroups.0.code')).toEqual([
      { type: 'item', kind: 'group', number: 1 },
      { type: 'field', name: 'code', within: 'group' },
    ]);
    expect(pathParts('components.0.amount.vulnerabilityTopUp.perHousehold')).toEqual([
      { type: 'item', kind: 'component', number: 1 },
      { type: 'field', name: 'amount', within: 'component' },
      { type: 'field', name: 'topUpPerHousehold', within: 'component' },
    ]);
  });
});
