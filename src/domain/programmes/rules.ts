/**
 * Checks a programme definition for what its schema cannot see: a rule on a fact with the wrong kind
 * of value, codes that do not exist, conditions that can never hold together, instalments that do
 * not add up, interactions with itself. Each problem names its path in the definition, so an editor
 * can point at the node.
 */
import { ADMINISTRATIVE_STATUSES, RETURN_TYPES, VULNERABILITY_CATEGORIES } from '../case-facts.ts';
import {
  BOOLEAN_FACTS,
  BOOLEAN_OPERATORS,
  type AmountRule,
  type Condition,
  type FactCondition,
  LIST_FACTS,
  LIST_OPERATORS,
  MAX_RULE_DEPTH,
  MAX_RULE_NODES,
  NUMBER_FACTS,
  NUMBER_OPERATORS,
  PROCEDURAL_STAGES,
  type ProgrammeDefinition,
} from './definition.ts';

export interface RuleProblem {
  path: string;
  message: string;
}

const NUMBER_RANGES: Record<(typeof NUMBER_FACTS)[number], [number, number]> = {
  age: [0, 130],
  adults: [0, 50],
  minors: [0, 50],
  householdSize: [0, 60],
  daysBeforeDeparture: [-3650, 3650],
  daysUntilDeadline: [-3650, 3650],
};

const CODES: Partial<Record<(typeof LIST_FACTS)[number], readonly string[]>> = {
  administrativeStatus: ADMINISTRATIVE_STATUSES,
  proceduralStage: PROCEDURAL_STAGES,
  returnType: RETURN_TYPES,
  vulnerability: VULNERABILITY_CATEGORIES,
};

/** Facts that hold one value per case: two `in` lists on them must share a value to be possible. */
const SINGLE_VALUED = new Set([
  'returnCountry',
  'hostCountry',
  'administrativeStatus',
  'proceduralStage',
  'returnType',
]);

const COUNTRY_FACTS = new Set(['nationality', 'returnCountry', 'hostCountry']);

function isIn<T extends string>(list: readonly T[], x: string): x is T {
  return (list as readonly string[]).includes(x);
}

interface TreeCtx {
  groupCodes: Set<string>;
  countriesOfReturn: Set<string>;
  problems: RuleProblem[];
  nodes: number;
}

function checkFact(c: FactCondition, path: string, ctx: TreeCtx): void {
  const bad = (message: string, at = path): void => {
    ctx.problems.push({ path: at, message });
  };
  if (isIn(LIST_FACTS, c.fact)) {
    if (!isIn(LIST_OPERATORS, c.op)) return bad(`"${c.fact}" is a list fact: use in or not_in`, `${path}.op`);
    if (!Array.isArray(c.value)) return bad(`"${c.fact}" needs a list of codes`, `${path}.value`);
    const known = CODES[c.fact];
    c.value.forEach((v, i) => {
      const at = `${path}.value[${i}]`;
      if (known && !known.includes(v)) bad(`unknown ${c.fact} "${v}"; one of ${known.join(', ')}`, at);
      if (COUNTRY_FACTS.has(c.fact) && !/^[A-Z]{2}$/.test(v))
        bad(`"${v}" is not an ISO 3166-1 alpha-2 code`, at);
      if (c.fact === 'nationalityGroup' && !ctx.groupCodes.has(v)) {
        bad(`nationality group "${v}" is not defined in nationalityGroups`, at);
      }
    });
    if (c.fact === 'returnCountry' && c.op === 'in' && c.value.every((v) => !ctx.countriesOfReturn.has(v))) {
      bad(
        'impossible: none of these countries is among the countries of return the programme covers',
        `${path}.value`,
      );
    }
    return;
  }
  if (isIn(NUMBER_FACTS, c.fact)) {
    if (!isIn(NUMBER_OPERATORS, c.op))
      return bad(`"${c.fact}" is a number: use eq, gt, gte, lt or lte`, `${path}.op`);
    if (typeof c.value !== 'number') return bad(`"${c.fact}" needs a number`, `${path}.value`);
    const [min, max] = NUMBER_RANGES[c.fact];
    if (!Number.isInteger(c.value) || c.value < min || c.value > max) {
      bad(`"${c.fact}" needs a whole number from ${min} to ${max}`, `${path}.value`);
    }
    return;
  }
  if (isIn(BOOLEAN_FACTS, c.fact)) {
    if (!isIn(BOOLEAN_OPERATORS, c.op)) return bad(`"${c.fact}" is yes/no: use is`, `${path}.op`);
    if (typeof c.value !== 'boolean') bad(`"${c.fact}" needs true or false`, `${path}.value`);
  }
}

/** The interval a set of number conditions allows, or null when they cannot hold together. */
function interval(conds: readonly FactCondition[]): [number, number] | null {
  let lo = -Infinity;
  let hi = Infinity;
  for (const c of conds) {
    const v = c.value as number;
    if (c.op === 'eq') [lo, hi] = [Math.max(lo, v), Math.min(hi, v)];
    if (c.op === 'gte') lo = Math.max(lo, v);
    if (c.op === 'gt') lo = Math.max(lo, v + 1);
    if (c.op === 'lte') hi = Math.min(hi, v);
    if (c.op === 'lt') hi = Math.min(hi, v - 1);
  }
  return lo <= hi ? [lo, hi] : null;
}

/** Conditions that sit side by side in one `all` and contradict each other. */
function checkConjunction(conds: readonly Condition[], path: string, ctx: TreeCtx): void {
  const facts = conds.filter((c): c is FactCondition => c.kind === 'fact');
  const byFact = new Map<string, FactCondition[]>();
  for (const c of facts) byFact.set(c.fact, [...(byFact.get(c.fact) ?? []), c]);
  for (const [fact, list] of byFact) {
    if (list.length < 2) continue;
    const impossible = (why: string) =>
      ctx.problems.push({
        path,
        message: `impossible: the conditions on "${fact}" ${why} can never all hold`,
      });
    if (isIn(NUMBER_FACTS, fact)) {
      const numeric = list.filter((c) => typeof c.value === 'number' && isIn(NUMBER_OPERATORS, c.op));
      if (numeric.length > 1 && interval(numeric) === null) impossible('(no number satisfies them)');
    } else if (isIn(BOOLEAN_FACTS, fact)) {
      if (new Set(list.map((c) => c.value)).size > 1) impossible('(both yes and no)');
    } else if (SINGLE_VALUED.has(fact)) {
      const lists = list.filter((c) => Array.isArray(c.value)) as Array<FactCondition & { value: string[] }>;
      let allowed: Set<string> | null = null;
      for (const c of lists.filter((x) => x.op === 'in')) {
        allowed = new Set(c.value.filter((v) => allowed === null || allowed.has(v)));
      }
      for (const c of lists.filter((x) => x.op === 'not_in')) {
        if (allowed) for (const v of c.value) allowed.delete(v);
      }
      if (allowed !== null && allowed.size === 0) impossible('(no value is left)');
    }
  }
}

function checkNode(c: Condition, path: string, depth: number, ctx: TreeCtx): void {
  ctx.nodes += 1;
  if (depth > MAX_RULE_DEPTH) {
    ctx.problems.push({ path, message: `rules nest at most ${MAX_RULE_DEPTH} levels deep` });
    return;
  }
  switch (c.kind) {
    case 'all':
      checkConjunction(c.conditions, path, ctx);
      c.conditions.forEach((x, i) => checkNode(x, `${path}.conditions[${i}]`, depth + 1, ctx));
      return;
    case 'any':
      c.conditions.forEach((x, i) => checkNode(x, `${path}.conditions[${i}]`, depth + 1, ctx));
      return;
    case 'not':
      checkNode(c.condition, `${path}.condition`, depth + 1, ctx);
      return;
    case 'fact':
      checkFact(c, path, ctx);
  }
}

/** Checks one rule tree (the programme's, a component's or an amount variant's). */
export function checkCondition(
  c: Condition,
  path: string,
  context: { groupCodes: Iterable<string>; countriesOfReturn: Iterable<string> },
): RuleProblem[] {
  const ctx: TreeCtx = {
    groupCodes: new Set(context.groupCodes),
    countriesOfReturn: new Set(context.countriesOfReturn),
    problems: [],
    nodes: 0,
  };
  checkNode(c, path, 1, ctx);
  if (ctx.nodes > MAX_RULE_NODES)
    ctx.problems.push({ path, message: `a rule has at most ${MAX_RULE_NODES} conditions` });
  return ctx.problems;
}

function checkAmount(
  a: AmountRule,
  path: string,
  treeContext: Parameters<typeof checkCondition>[2],
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const hasAmount = a.perAdult !== undefined || a.perMinor !== undefined || a.perHousehold !== undefined;
  const variantAmounts = (a.variants ?? []).some(
    (v) => v.perAdult !== undefined || v.perMinor !== undefined || v.perHousehold !== undefined,
  );
  if (!hasAmount && !variantAmounts && !a.actualCost) {
    problems.push({ path, message: 'give perAdult, perMinor or perHousehold, or set actualCost' });
  }
  (a.variants ?? []).forEach((v, i) => {
    const at = `${path}.variants[${i}]`;
    if (v.perAdult === undefined && v.perMinor === undefined && v.perHousehold === undefined) {
      problems.push({ path: at, message: 'a variant gives perAdult, perMinor or perHousehold' });
    }
    problems.push(...checkCondition(v.when, `${at}.when`, treeContext));
  });
  if (a.instalments && a.instalments.length > 0) {
    const sum = a.instalments.reduce((s, x) => s + x.percent, 0);
    if (Math.abs(sum - 100) > 0.001) {
      problems.push({
        path: `${path}.instalments`,
        message: `instalment percents add up to ${sum}, not 100`,
      });
    }
    a.instalments.forEach((x, i) => {
      if (x.due === 'after_arrival' && x.monthsAfterArrival === undefined) {
        problems.push({
          path: `${path}.instalments[${i}].monthsAfterArrival`,
          message: 'an instalment due after arrival says how many months after',
        });
      }
    });
  }
  if (a.actualCost && a.upTo === false) {
    problems.push({
      path: `${path}.upTo`,
      message: 'an amount paid at actual cost is a ceiling, not a fixed sum',
    });
  }
  return problems;
}

/** Every problem of a definition; empty when it is consistent. `ownCode` is the programme's code. */
export function checkDefinition(d: ProgrammeDefinition, ownCode: string): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const treeContext = {
    groupCodes: d.nationalityGroups.map((g) => g.code),
    countriesOfReturn: d.countriesOfReturn,
  };
  if (d.validTo !== null && d.validTo < d.validFrom) {
    problems.push({ path: 'validTo', message: 'the validity period ends before it starts' });
  }
  const duplicate = <T>(
    items: readonly T[],
    key: (x: T) => string,
    path: (i: number) => string,
    what: string,
  ) => {
    const seen = new Set<string>();
    items.forEach((x, i) => {
      const k = key(x);
      if (seen.has(k)) problems.push({ path: path(i), message: `${what} "${k}" appears twice` });
      seen.add(k);
    });
  };
  duplicate(
    d.countriesOfReturn,
    (c) => c,
    (i) => `countriesOfReturn[${i}]`,
    'country',
  );
  duplicate(
    d.nationalityGroups,
    (g) => g.code,
    (i) => `nationalityGroups[${i}].code`,
    'nationality group',
  );
  duplicate(
    d.components,
    (c) => c.code,
    (i) => `components[${i}].code`,
    'component code',
  );
  duplicate(
    d.implementingOrganisationIds,
    (c) => c,
    (i) => `implementingOrganisationIds[${i}]`,
    'organisation',
  );
  duplicate(
    d.interactions,
    (x) => `${x.type} ${x.programmeCode} ${x.category ?? ''}`.trim(),
    (i) => `interactions[${i}]`,
    'interaction',
  );
  d.interactions.forEach((x, i) => {
    if (x.programmeCode === ownCode) {
      problems.push({
        path: `interactions[${i}].programmeCode`,
        message: 'a programme cannot interact with itself',
      });
    }
    if (x.type === 'offset' && x.category === undefined) {
      problems.push({
        path: `interactions[${i}].category`,
        message: 'an offset names the category of need it reduces',
      });
    }
    if (x.type !== 'offset' && x.category !== undefined) {
      problems.push({ path: `interactions[${i}].category`, message: 'only an offset takes a category' });
    }
  });
  const requires = new Set(d.interactions.filter((x) => x.type === 'requires').map((x) => x.programmeCode));
  d.interactions.forEach((x, i) => {
    if (x.type === 'not_combinable' && requires.has(x.programmeCode)) {
      problems.push({
        path: `interactions[${i}]`,
        message: `impossible: the programme both requires and cannot be combined with ${x.programmeCode}`,
      });
    }
  });
  if (d.eligibility) problems.push(...checkCondition(d.eligibility, 'eligibility', treeContext));
  d.components.forEach((c, i) => {
    if (c.eligibility)
      problems.push(...checkCondition(c.eligibility, `components[${i}].eligibility`, treeContext));
    problems.push(...checkAmount(c.amount, `components[${i}].amount`, treeContext));
  });
  return problems;
}

/** The deepest nesting of a JSON value, measured without recursion (checked before parsing). */
export function jsonDepth(value: unknown, limit = 64): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    max = Math.max(max, depth);
    if (max > limit) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v as Record<string, unknown>)) {
      stack.push([child, depth + 1]);
    }
  }
  return max;
}
