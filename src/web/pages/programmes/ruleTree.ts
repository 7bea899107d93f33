/**
 * The rule builder's state and its conversion to and from a rule tree of the programme definition.
 *
 * The builder shows three kinds of group: "all of", "any of" and "none of". A definition's `not`
 * becomes a "none of" group: not(any(a, b)) has the children a and b, any other not(x) the single
 * child x; back again, a "none of" group with one child is not(child), with several not(any(…)).
 * A rule that is a single condition is shown inside an "all of" group, and an "all of" root group of
 * one condition is saved as that condition. Each node carries an id
 * (React keys) and inputs that may be empty while the user types (a number not yet entered).
 */
import type { Condition, Fact, FactCondition, Operator } from '../../../domain/programmes/definition.ts';
import { factKind, isCountryFact, NUMBER_RANGES, operatorsFor } from './vocab.ts';

export type GroupKind = 'all' | 'any' | 'none';

export interface GroupNode {
  id: string;
  type: 'group';
  kind: GroupKind;
  children: RuleNode[];
}

export interface FactNode {
  id: string;
  type: 'fact';
  fact: Fact;
  op: Operator;
  /** The codes of a list fact. */
  codes: string[];
  /** The number of a number fact ('' while not entered). */
  number: number | '';
  /** The answer of a yes/no fact. */
  flag: boolean;
}

export type RuleNode = GroupNode | FactNode;

/** Something in the draft the server would refuse, found before sending it. */
export interface DraftIssue {
  /** Dotted path in the definition, as the server names it (`eligibility.conditions.0.value`). */
  path: string;
  key: IssueKey;
  params?: Record<string, string | number>;
}

export type IssueKey =
  | 'required'
  | 'englishRequired'
  | 'codeFormat'
  | 'chooseCountries'
  | 'chooseValues'
  | 'enterNumber'
  | 'wholeNumberRange'
  | 'emptyGroup'
  | 'emptyRule'
  | 'noComponents'
  | 'amountRange'
  | 'percentRange'
  | 'dateInvalid';

let counter = 0;

/** A fresh id for a node or a list item (unique within the page). */
export function newId(prefix = 'n'): string {
  counter += 1;
  return `${prefix}${counter}`;
}

export function newGroup(kind: GroupKind = 'all', children: RuleNode[] = []): GroupNode {
  return { id: newId(), type: 'group', kind, children };
}

export function newFact(fact: Fact = 'nationality'): FactNode {
  return {
    id: newId(),
    type: 'fact',
    fact,
    op: operatorsFor(fact)[0] ?? 'in',
    codes: [],
    number: '',
    flag: true,
  };
}

function factNodeFrom(c: FactCondition): FactNode {
  const node = newFact(c.fact);
  const op = operatorsFor(c.fact).includes(c.op) ? c.op : node.op;
  return {
    ...node,
    op,
    codes: Array.isArray(c.value) ? [...c.value] : [],
    number: typeof c.value === 'number' ? c.value : '',
    flag: typeof c.value === 'boolean' ? c.value : true,
  };
}

function nodeFrom(c: Condition): RuleNode {
  switch (c.kind) {
    case 'all':
    case 'any':
      return newGroup(c.kind, c.conditions.map(nodeFrom));
    case 'not':
      return newGroup(
        'none',
        c.condition.kind === 'any' ? c.condition.conditions.map(nodeFrom) : [nodeFrom(c.condition)],
      );
    case 'fact':
      return factNodeFrom(c);
  }
}

/** The builder's root group for a rule (an empty "all of" group when there is none). */
export function ruleToBuilder(c: Condition | null | undefined): GroupNode {
  if (!c) return newGroup('all');
  const node = nodeFrom(c);
  return node.type === 'group' ? node : newGroup('all', [node]);
}

function factValue(node: FactNode): FactCondition['value'] {
  const kind = factKind(node.fact);
  if (kind === 'list') return [...node.codes];
  if (kind === 'number') return node.number === '' ? 0 : node.number;
  return node.flag;
}

export interface BuiltRule {
  /** null when the root group is empty. */
  condition: Condition | null;
  issues: DraftIssue[];
  /** Each node's path in the definition, by node id (for showing problems at their node). */
  paths: Record<string, string>;
}

function checkFactNode(node: FactNode, path: string, issues: DraftIssue[]): void {
  const kind = factKind(node.fact);
  if (kind === 'list' && node.codes.length === 0) {
    issues.push({
      path: `${path}.value`,
      key: isCountryFact(node.fact) ? 'chooseCountries' : 'chooseValues',
    });
  }
  if (kind === 'number') {
    const [min, max] = NUMBER_RANGES[node.fact as keyof typeof NUMBER_RANGES];
    if (node.number === '') issues.push({ path: `${path}.value`, key: 'enterNumber' });
    else if (!Number.isInteger(node.number) || node.number < min || node.number > max)
      issues.push({ path: `${path}.value`, key: 'wholeNumberRange', params: { min, max } });
  }
}

function build(node: RuleNode, path: string, issues: DraftIssue[], paths: Record<string, string>): Condition {
  paths[node.id] = path;
  if (node.type === 'fact') {
    checkFactNode(node, path, issues);
    return { kind: 'fact', fact: node.fact, op: node.op, value: factValue(node) };
  }
  if (node.children.length === 0) issues.push({ path, key: 'emptyGroup' });
  if (node.kind === 'none') {
    if (node.children.length === 1) {
      return { kind: 'not', condition: build(node.children[0]!, `${path}.condition`, issues, paths) };
    }
    const conditions = node.children.map((c, i) =>
      build(c, `${path}.condition.conditions.${i}`, issues, paths),
    );
    return { kind: 'not', condition: { kind: 'any', conditions } };
  }
  return {
    kind: node.kind,
    conditions: node.children.map((c, i) => build(c, `${path}.conditions.${i}`, issues, paths)),
  };
}

/**
 * The rule the builder shows, at `path` in the definition. An empty root group is no rule (null);
 * where a rule is required (a variant's condition) that is an issue.
 */
export function builderToRule(
  root: GroupNode,
  path: string,
  options: { required?: boolean } = {},
): BuiltRule {
  const issues: DraftIssue[] = [];
  const paths: Record<string, string> = { [root.id]: path };
  if (root.children.length === 0) {
    if (options.required) issues.push({ path, key: 'emptyRule' });
    return { condition: null, issues, paths };
  }
  // all(x) is x: a rule of one condition is saved as that condition (as it is usually written).
  const only = root.children[0];
  if (root.kind === 'all' && root.children.length === 1 && only) {
    return { condition: build(only, path, issues, paths), issues, paths };
  }
  return { condition: build(root, path, issues, paths), issues, paths };
}

// Changes to the tree (immutable) ------------------------------------------------------------------

/** The tree with the node of this id replaced by what `change` makes of it. */
export function updateNode(root: GroupNode, id: string, change: (node: RuleNode) => RuleNode): GroupNode {
  const walk = (node: RuleNode): RuleNode => {
    if (node.id === id) return change(node);
    if (node.type === 'fact') return node;
    const children = node.children.map(walk);
    return children.every((c, i) => c === node.children[i]) ? node : { ...node, children };
  };
  const next = walk(root);
  return next.type === 'group' ? next : root;
}

/** The tree without the node of this id (the root itself stays). */
export function removeNode(root: GroupNode, id: string): GroupNode {
  const walk = (node: GroupNode): GroupNode => {
    if (!node.children.some((c) => c.id === id) && !node.children.some((c) => c.type === 'group'))
      return node;
    return {
      ...node,
      children: node.children.filter((c) => c.id !== id).map((c) => (c.type === 'group' ? walk(c) : c)),
    };
  };
  return walk(root);
}

/** The tree with `child` added at the end of the group of this id. */
export function addChild(root: GroupNode, groupId: string, child: RuleNode): GroupNode {
  return updateNode(root, groupId, (node) =>
    node.type === 'group' ? { ...node, children: [...node.children, child] } : node,
  );
}

/**
 * A fact condition on another fact: the operator stays if the new fact takes it, the value if it is
 * of the same kind (a list of countries stays a list of countries).
 */
export function withFact(node: FactNode, fact: Fact): FactNode {
  const ops = operatorsFor(fact);
  const sameKind = factKind(fact) === factKind(node.fact);
  const bothCountries = isCountryFact(fact) && isCountryFact(node.fact);
  return {
    ...node,
    fact,
    op: ops.includes(node.op) ? node.op : (ops[0] ?? node.op),
    codes: bothCountries ? node.codes : [],
    number: sameKind ? node.number : '',
    flag: sameKind ? node.flag : true,
  };
}

/** How many fact conditions the tree holds. */
export function countConditions(node: RuleNode): number {
  return node.type === 'fact' ? 1 : node.children.reduce((n, c) => n + countConditions(c), 0);
}
