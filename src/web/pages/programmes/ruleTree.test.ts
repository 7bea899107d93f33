import { describe, expect, test } from 'vitest';
import type { Condition } from '../../../domain/programmes/definition.ts';
import {
  addChild,
  builderToRule,
  countConditions,
  newFact,
  newGroup,
  removeNode,
  ruleToBuilder,
  updateNode,
  withFact,
  type FactNode,
  type GroupNode,
} from './ruleTree.ts';

const iraqiAdult: Condition = {
  kind: 'all',
  conditions: [
    { kind: 'fact', fact: 'nationality', op: 'in', value: ['IQ'] },
    { kind: 'fact', fact: 'age', op: 'gte', value: 18 },
  ],
};

const nested: Condition = {
  kind: 'any',
  conditions: [
    iraqiAdult,
    { kind: 'not', condition: { kind: 'fact', fact: 'inDetention', op: 'is', value: true } },
    {
      kind: 'not',
      condition: {
        kind: 'any',
        conditions: [
          { kind: 'fact', fact: 'returnType', op: 'in', value: ['assisted_forced'] },
          { kind: 'fact', fact: 'entryBan', op: 'is', value: true },
        ],
      },
    },
    {
      kind: 'not',
      condition: { kind: 'all', conditions: [{ kind: 'fact', fact: 'minors', op: 'lt', value: 1 }] },
    },
  ],
};

function roundTrip(c: Condition | null, path = 'eligibility') {
  return builderToRule(ruleToBuilder(c), path).condition;
}

describe('rule builder state', () => {
  test('a rule comes back as it went in', () => {
    expect(roundTrip(iraqiAdult)).toEqual(iraqiAdult);
    expect(roundTrip(nested)).toEqual(nested);
    expect(roundTrip(null)).toBeNull();
  });

  test('not(any(…)) is a "none of" group of its conditions; other nots have one child', () => {
    const root = ruleToBuilder(nested);
    const [, single, none, ofAll] = root.children as GroupNode[];
    expect(single?.kind).toBe('none');
    expect(single?.children.map((c) => c.type)).toEqual(['fact']);
    expect(none?.kind).toBe('none');
    expect(none?.children).toHaveLength(2);
    expect(ofAll?.children[0]?.type).toBe('group');
  });

  test('a single condition is shown in an "all of" group and saved as itself', () => {
    const fact: Condition = { kind: 'fact', fact: 'vulnerable', op: 'is', value: false };
    const root = ruleToBuilder(fact);
    expect(root.kind).toBe('all');
    expect(roundTrip(fact)).toEqual(fact);
    expect(roundTrip({ kind: 'all', conditions: [fact] })).toEqual(fact);
    expect(roundTrip({ kind: 'any', conditions: [fact] })).toEqual({ kind: 'any', conditions: [fact] });
    const built = builderToRule(root, 'x.when');
    expect(built.paths[root.children[0]!.id]).toBe('x.when');
  });

  test('each node knows its path in the definition', () => {
    const root = ruleToBuilder(nested);
    const built = builderToRule(root, 'components.0.eligibility');
    const none = root.children[2] as GroupNode;
    const single = root.children[1] as GroupNode;
    expect(built.paths[root.id]).toBe('components.0.eligibility');
    expect(built.paths[none.id]).toBe('components.0.eligibility.conditions.2');
    expect(built.paths[none.children[1]!.id]).toBe(
      'components.0.eligibility.conditions.2.condition.conditions.1',
    );
    expect(built.paths[single.children[0]!.id]).toBe('components.0.eligibility.conditions.1.condition');
  });

  test('incomplete conditions and empty groups are issues at their path', () => {
    let root = newGroup('all');
    const list = newFact('nationalityGroup');
    const age = newFact('age');
    const inner = newGroup('any');
    root = addChild(root, root.id, list);
    root = addChild(root, root.id, age);
    root = addChild(root, root.id, inner);
    const built = builderToRule(root, 'eligibility');
    expect(built.issues).toEqual([
      { path: 'eligibility.conditions.0.value', key: 'chooseValues' },
      { path: 'eligibility.conditions.1.value', key: 'enterNumber' },
      { path: 'eligibility.conditions.2', key: 'emptyGroup' },
    ]);
    const outOfRange = updateNode(root, age.id, (n) => ({ ...(n as FactNode), number: 200 }));
    expect(builderToRule(outOfRange, 'eligibility').issues).toContainEqual({
      path: 'eligibility.conditions.1.value',
      key: 'wholeNumberRange',
      params: { min: 0, max: 130 },
    });
    const group = newGroup();
    const countries = addChild(group, group.id, newFact('nationality'));
    expect(builderToRule(countries, 'e').issues[0]?.key).toBe('chooseCountries');
  });

  test('an empty rule is none, or an issue where one is required', () => {
    expect(builderToRule(newGroup('any'), 'x')).toMatchObject({ condition: null, issues: [] });
    expect(builderToRule(newGroup('all'), 'a.when', { required: true }).issues).toEqual([
      { path: 'a.when', key: 'emptyRule' },
    ]);
  });

  test('nodes are added, changed and removed without touching the rest', () => {
    const root = ruleToBuilder(nested);
    const first = root.children[0] as GroupNode;
    const added = addChild(root, first.id, newFact('vulnerable'));
    expect(countConditions(added)).toBe(countConditions(root) + 1);
    expect(added.children[1]).toBe(root.children[1]);
    const removed = removeNode(added, first.id);
    expect(removed.children).toHaveLength(3);
    expect(removeNode(root, root.id)).toEqual(root);
  });

  test('changing the fact keeps what still fits', () => {
    const nationality: FactNode = { ...newFact('nationality'), codes: ['IQ', 'SY'], op: 'not_in' };
    expect(withFact(nationality, 'returnCountry')).toMatchObject({ op: 'not_in', codes: ['IQ', 'SY'] });
    expect(withFact(nationality, 'returnType')).toMatchObject({ op: 'not_in', codes: [] });
    expect(withFact(nationality, 'age')).toMatchObject({ fact: 'age', op: 'eq', number: '' });
    const age: FactNode = { ...newFact('age'), op: 'lt', number: 18 };
    expect(withFact(age, 'minors')).toMatchObject({ op: 'lt', number: 18 });
    expect(withFact(age, 'vulnerable')).toMatchObject({ op: 'is', flag: true });
  });
});
