/**
 * The programme editor's state (a draft with inputs that may be empty while the user types) and its
 * conversion to and from a programme definition. `draftToDefinition` also finds what the server's
 * schema would refuse, so that the preview is asked only about drafts it can read, and names each
 * issue by its path in the definition, as the server names its problems.
 */
import type {
  AmountRule,
  Component,
  ComponentCategory,
  ComponentStage,
  Currency,
  Interaction,
  InteractionType,
  LocalizedText,
  Modality,
  ProgrammeDefinition,
} from '../../../domain/programmes/definition.ts';
import {
  builderToRule,
  newGroup,
  newId,
  ruleToBuilder,
  type DraftIssue,
  type GroupNode,
} from './ruleTree.ts';
import type { InstalmentDue } from './vocab.ts';

/** A number input's value: '' while empty. */
export type NumberValue = number | '';

/** A text per language code; empty strings are texts not written (yet). */
export type TextMap = Record<string, string>;

export interface GroupDraft {
  key: string;
  code: string;
  name: TextMap;
  countries: string[];
}

export interface InteractionDraft {
  key: string;
  type: InteractionType;
  programmeCode: string;
  category: ComponentCategory | '';
}

export interface Amounts {
  perAdult: NumberValue;
  perMinor: NumberValue;
  perHousehold: NumberValue;
}

export interface VariantDraft extends Amounts {
  key: string;
  label: TextMap;
  when: GroupNode;
}

export interface InstalmentDraft {
  key: string;
  percent: NumberValue;
  due: InstalmentDue;
  monthsAfterArrival: NumberValue;
}

export interface ComponentDraft extends Amounts {
  key: string;
  code: string;
  name: TextMap;
  description: TextMap;
  stage: ComponentStage;
  modality: Modality;
  category: ComponentCategory;
  currency: Currency;
  /** The component's own condition (an empty group: none). */
  eligibility: GroupNode;
  cap: NumberValue;
  upTo: boolean;
  actualCost: boolean;
  topUpPerPerson: NumberValue;
  topUpPerHousehold: NumberValue;
  variants: VariantDraft[];
  instalments: InstalmentDraft[];
}

export interface ProgrammeDraft {
  /** The programme's code: typed for a new programme, fixed afterwards. */
  code: string;
  name: TextMap;
  summary: TextMap;
  description: TextMap;
  contact: TextMap;
  implementingOrganisationIds: string[];
  validFrom: string;
  validTo: string;
  countriesOfReturn: string[];
  hostCountries: string[];
  leadTimeDays: NumberValue;
  nationalityGroups: GroupDraft[];
  eligibility: GroupNode;
  interactions: InteractionDraft[];
  components: ComponentDraft[];
  /** For a change: the day the new version applies ('' for the server's default). */
  effectiveFrom: string;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_MONEY = 10_000_000;

export function isCode(value: string): boolean {
  return CODE.test(value);
}

function textMap(text: Record<string, string> | undefined): TextMap {
  return { ...(text ?? {}) };
}

function numberValue(n: number | undefined | null): NumberValue {
  return typeof n === 'number' ? n : '';
}

/** A new component: cash before departure, in the currency of the one before it (or EUR). */
export function newComponentDraft(existing: readonly ComponentDraft[] = []): ComponentDraft {
  const used = new Set(existing.map((c) => c.code));
  let n = existing.length + 1;
  while (used.has(`component-${n}`)) n += 1;
  return {
    key: newId('c'),
    code: `component-${n}`,
    name: {},
    description: {},
    stage: 'pre_departure',
    modality: 'cash',
    category: 'travel_allowance',
    currency: existing[existing.length - 1]?.currency ?? 'EUR',
    eligibility: newGroup('all'),
    perAdult: '',
    perMinor: '',
    perHousehold: '',
    cap: '',
    upTo: false,
    actualCost: false,
    topUpPerPerson: '',
    topUpPerHousehold: '',
    variants: [],
    instalments: [],
  };
}

export function newVariantDraft(): VariantDraft {
  return { key: newId('v'), label: {}, when: newGroup('all'), perAdult: '', perMinor: '', perHousehold: '' };
}

export function newInstalmentDraft(existing: readonly InstalmentDraft[] = []): InstalmentDraft {
  const paid = existing.reduce((sum, i) => sum + (i.percent === '' ? 0 : i.percent), 0);
  return {
    key: newId('i'),
    percent: paid < 100 ? Math.round((100 - paid) * 100) / 100 : '',
    due: existing.length === 0 ? 'before_departure' : 'after_arrival',
    monthsAfterArrival: existing.length === 0 ? '' : 6,
  };
}

export function newGroupDraft(existing: readonly GroupDraft[] = []): GroupDraft {
  const used = new Set(existing.map((g) => g.code));
  let n = existing.length + 1;
  while (used.has(`group-${n}`)) n += 1;
  return { key: newId('g'), code: `group-${n}`, name: {}, countries: [] };
}

export function newInteractionDraft(): InteractionDraft {
  return { key: newId('x'), type: 'not_combinable', programmeCode: '', category: '' };
}

/** The draft of a new programme: valid from `today`, one component to fill in. */
export function newProgrammeDraft(today: string): ProgrammeDraft {
  return {
    code: '',
    name: {},
    summary: {},
    description: {},
    contact: {},
    implementingOrganisationIds: [],
    validFrom: today,
    validTo: '',
    countriesOfReturn: [],
    hostCountries: [],
    leadTimeDays: '',
    nationalityGroups: [],
    eligibility: newGroup('all'),
    interactions: [],
    components: [newComponentDraft()],
    effectiveFrom: '',
  };
}

function componentDraft(c: Component): ComponentDraft {
  const a = c.amount;
  return {
    key: newId('c'),
    code: c.code,
    name: textMap(c.name),
    description: textMap(c.description),
    stage: c.stage,
    modality: c.modality,
    category: c.category,
    currency: c.currency,
    eligibility: ruleToBuilder(c.eligibility),
    perAdult: numberValue(a.perAdult),
    perMinor: numberValue(a.perMinor),
    perHousehold: numberValue(a.perHousehold),
    cap: numberValue(a.cap),
    upTo: a.upTo === true,
    actualCost: a.actualCost === true,
    topUpPerPerson: numberValue(a.vulnerabilityTopUp?.perVulnerablePerson),
    topUpPerHousehold: numberValue(a.vulnerabilityTopUp?.perHousehold),
    variants: (a.variants ?? []).map((v) => ({
      key: newId('v'),
      label: textMap(v.label),
      when: ruleToBuilder(v.when),
      perAdult: numberValue(v.perAdult),
      perMinor: numberValue(v.perMinor),
      perHousehold: numberValue(v.perHousehold),
    })),
    instalments: (a.instalments ?? []).map((i) => ({
      key: newId('i'),
      percent: i.percent,
      due: i.due,
      monthsAfterArrival: numberValue(i.monthsAfterArrival),
    })),
  };
}

/** The editor's draft of a saved definition. */
export function definitionToDraft(code: string, d: ProgrammeDefinition): ProgrammeDraft {
  return {
    code,
    name: textMap(d.name),
    summary: textMap(d.summary),
    description: textMap(d.description),
    contact: textMap(d.contact),
    implementingOrganisationIds: [...d.implementingOrganisationIds],
    validFrom: d.validFrom,
    validTo: d.validTo ?? '',
    countriesOfReturn: [...d.countriesOfReturn],
    hostCountries: [...d.hostCountries],
    leadTimeDays: numberValue(d.leadTimeDays),
    nationalityGroups: d.nationalityGroups.map((g) => ({
      key: newId('g'),
      code: g.code,
      name: textMap(g.name),
      countries: [...g.countries],
    })),
    eligibility: ruleToBuilder(d.eligibility),
    interactions: d.interactions.map((x) => ({
      key: newId('x'),
      type: x.type,
      programmeCode: x.programmeCode,
      category: x.category ?? '',
    })),
    components: d.components.map(componentDraft),
    effectiveFrom: '',
  };
}

// Draft → definition ------------------------------------------------------------------------------

class Collector {
  readonly issues: DraftIssue[] = [];
  rulePaths: Record<string, string> = {};

  add(path: string, key: DraftIssue['key'], params?: DraftIssue['params']): void {
    this.issues.push(params ? { path, key, params } : { path, key });
  }

  /** The texts written (trimmed); an English one is required when `required` or when any is written. */
  /** The texts written (trimmed); an issue, not a missing key, when the English one is missing. */
  text(map: TextMap, path: string, required: boolean): LocalizedText | undefined {
    const out: Record<string, string> = {};
    for (const [lang, value] of Object.entries(map)) {
      const trimmed = value.trim();
      if (trimmed !== '') out[lang] = trimmed;
    }
    const written = Object.keys(out).length > 0;
    if ((required || written) && out.en === undefined) {
      this.add(`${path}.en`, written && !required ? 'englishRequired' : 'required');
    }
    return written || required ? (out as LocalizedText) : undefined;
  }

  code(value: string, path: string): string {
    const code = value.trim();
    if (code === '') this.add(path, 'required');
    else if (!isCode(code)) this.add(path, 'codeFormat');
    return code;
  }

  money(value: NumberValue, path: string): number | undefined {
    if (value === '') return undefined;
    if (!(value >= 0 && value <= MAX_MONEY) || Math.abs(Math.round(value * 100) - value * 100) > 1e-6) {
      this.add(path, 'amountRange', { max: MAX_MONEY });
    }
    return value;
  }

  rule(root: GroupNode, path: string, required: boolean) {
    const built = builderToRule(root, path, { required });
    this.issues.push(...built.issues);
    Object.assign(this.rulePaths, built.paths);
    return built.condition;
  }
}

function amountsOf(c: Collector, a: Amounts, path: string): Partial<Record<keyof Amounts, number>> {
  const out: Partial<Record<keyof Amounts, number>> = {};
  for (const key of ['perAdult', 'perMinor', 'perHousehold'] as const) {
    const value = c.money(a[key], `${path}.${key}`);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function componentOf(c: Collector, d: ComponentDraft, path: string): Component {
  const amount: AmountRule = amountsOf(c, d, `${path}.amount`);
  if (d.actualCost) amount.actualCost = true;
  if (d.upTo) amount.upTo = true;
  const cap = c.money(d.cap, `${path}.amount.cap`);
  if (cap !== undefined) amount.cap = cap;
  const perVulnerablePerson = c.money(
    d.topUpPerPerson,
    `${path}.amount.vulnerabilityTopUp.perVulnerablePerson`,
  );
  const perHousehold = c.money(d.topUpPerHousehold, `${path}.amount.vulnerabilityTopUp.perHousehold`);
  if (perVulnerablePerson !== undefined || perHousehold !== undefined) {
    amount.vulnerabilityTopUp = {
      ...(perVulnerablePerson !== undefined ? { perVulnerablePerson } : {}),
      ...(perHousehold !== undefined ? { perHousehold } : {}),
    };
  }
  if (d.variants.length > 0) {
    amount.variants = d.variants.map((v, i) => {
      const at = `${path}.amount.variants.${i}`;
      return {
        label: c.text(v.label, `${at}.label`, true) ?? { en: '' },
        when: c.rule(v.when, `${at}.when`, true) ?? { kind: 'all', conditions: [] },
        ...amountsOf(c, v, at),
      };
    });
  }
  if (d.instalments.length > 0) {
    amount.instalments = d.instalments.map((i, n) => {
      const at = `${path}.amount.instalments.${n}`;
      if (i.percent === '') c.add(`${at}.percent`, 'required');
      else if (!(i.percent > 0 && i.percent <= 100)) c.add(`${at}.percent`, 'percentRange');
      if (
        i.monthsAfterArrival !== '' &&
        !(Number.isInteger(i.monthsAfterArrival) && i.monthsAfterArrival >= 0 && i.monthsAfterArrival <= 60)
      ) {
        c.add(`${at}.monthsAfterArrival`, 'wholeNumberRange', { min: 0, max: 60 });
      }
      return {
        percent: i.percent === '' ? 0 : i.percent,
        due: i.due,
        ...(i.monthsAfterArrival !== '' ? { monthsAfterArrival: i.monthsAfterArrival } : {}),
      };
    });
  }
  const description = c.text(d.description, `${path}.description`, false);
  const eligibility = c.rule(d.eligibility, `${path}.eligibility`, false);
  return {
    code: c.code(d.code, `${path}.code`),
    name: c.text(d.name, `${path}.name`, true) ?? { en: '' },
    ...(description ? { description } : {}),
    stage: d.stage,
    modality: d.modality,
    category: d.category,
    currency: d.currency,
    ...(eligibility ? { eligibility } : {}),
    amount,
  };
}

export interface BuiltDefinition {
  definition: ProgrammeDefinition;
  /** What the server's schema would refuse; the definition is not to be sent while there are any. */
  issues: DraftIssue[];
  /** The path of each rule builder node, by node id. */
  rulePaths: Record<string, string>;
}

/** The definition the draft describes, and what is still missing or wrong in it. */
export function draftToDefinition(draft: ProgrammeDraft): BuiltDefinition {
  const c = new Collector();
  const description = c.text(draft.description, 'description', false);
  const contact = c.text(draft.contact, 'contact', false);
  if (!ISO_DATE.test(draft.validFrom))
    c.add('validFrom', draft.validFrom === '' ? 'required' : 'dateInvalid');
  if (draft.validTo !== '' && !ISO_DATE.test(draft.validTo)) c.add('validTo', 'dateInvalid');
  if (draft.countriesOfReturn.length === 0) c.add('countriesOfReturn', 'chooseCountries');
  if (
    draft.leadTimeDays !== '' &&
    !(Number.isInteger(draft.leadTimeDays) && draft.leadTimeDays >= 0 && draft.leadTimeDays <= 365)
  ) {
    c.add('leadTimeDays', 'wholeNumberRange', { min: 0, max: 365 });
  }
  const nationalityGroups = draft.nationalityGroups.map((g, i) => {
    const at = `nationalityGroups.${i}`;
    if (g.countries.length === 0) c.add(`${at}.countries`, 'chooseCountries');
    return {
      code: c.code(g.code, `${at}.code`),
      name: c.text(g.name, `${at}.name`, true) ?? { en: '' },
      countries: [...g.countries],
    };
  });
  const eligibility = c.rule(draft.eligibility, 'eligibility', false);
  const interactions = draft.interactions.map((x, i): Interaction => ({
    type: x.type,
    programmeCode: c.code(x.programmeCode, `interactions.${i}.programmeCode`),
    ...(x.type === 'offset' && x.category !== '' ? { category: x.category } : {}),
  }));
  if (draft.components.length === 0) c.add('components', 'noComponents');
  const components = draft.components.map((d, i) => componentOf(c, d, `components.${i}`));
  const definition: ProgrammeDefinition = {
    name: c.text(draft.name, 'name', true) ?? { en: '' },
    summary: c.text(draft.summary, 'summary', true) ?? { en: '' },
    ...(description ? { description } : {}),
    ...(contact ? { contact } : {}),
    implementingOrganisationIds: [...draft.implementingOrganisationIds],
    validFrom: draft.validFrom,
    validTo: draft.validTo === '' ? null : draft.validTo,
    countriesOfReturn: [...draft.countriesOfReturn],
    hostCountries: [...draft.hostCountries],
    leadTimeDays: draft.leadTimeDays === '' ? null : draft.leadTimeDays,
    nationalityGroups,
    eligibility,
    interactions,
    components,
  };
  return { definition, issues: c.issues, rulePaths: c.rulePaths };
}

/** The codes of the nationality groups the draft defines (what a "nationality group" rule may name). */
export function groupCodes(draft: ProgrammeDraft): string[] {
  return draft.nationalityGroups.map((g) => g.code.trim()).filter((code) => code !== '');
}
