/**
 * A deterministic catalogue of N invented assistance programmes for the eligibility benchmarks
 * (bench/eligibility.ts, bench/find.ts): the same seed, count and date give the same programmes.
 * Modelled on the demo catalogue (src/db/seed/demo-programmes.ts): national travel and start-up
 * programmes for one host country, multi-country in-kind programmes, country projects; rule trees of
 * 3–15 nodes over nationality groups, procedural stage, age, household, vulnerability and return type;
 * 2–6 components with amounts per adult, minor and household, caps, variants by procedural stage or
 * nationality group, vulnerability top-ups and instalments; some `requires`, `not_combinable` and
 * `offset` interactions between generated codes; names and texts in English, often also in French
 * and Arabic.
 *
 * Countries of return are drawn from about sixty codes with a skewed weight, so that the common
 * corridors (Iraq, Afghanistan, Syria, Nigeria, Georgia …) are each covered by a hundred or so of 200
 * programmes and the rare ones by a dozen. Every programme is valid (validFrom before, validTo after
 * the given date). Every definition goes through `ProgrammeDefinition.parse` and `checkDefinition`;
 * the generator throws if one fails.
 */
import {
  type Component,
  type ComponentCategory,
  type Condition,
  type Currency,
  type FactCondition,
  type LocalizedText,
  type NationalityGroup,
  PROCEDURAL_STAGES,
  type Programme,
  ProgrammeDefinition,
  type ProgrammeDefinitionInput,
} from '../../src/domain/programmes/definition.ts';
import { checkDefinition } from '../../src/domain/programmes/rules.ts';
import { rng } from '../../src/db/seed/synthetic-cases.ts';

/** Countries of return, the most common corridors first (the draw weight falls with the rank). */
export const RETURN_COUNTRIES = [
  'IQ',
  'AF',
  'SY',
  'NG',
  'GE',
  'TR',
  'IR',
  'PK',
  'DZ',
  'MA',
  'AL',
  'RS',
  'RU',
  'TN',
  'ET',
  'ER',
  'SO',
  'GN',
  'SN',
  'GH',
  'CM',
  'BD',
  'IN',
  'LK',
  'VN',
  'UA',
  'MD',
  'AM',
  'AZ',
  'KZ',
  'UZ',
  'EG',
  'JO',
  'LB',
  'ML',
  'CI',
  'SD',
  'BA',
  'MK',
  'XK',
  'ME',
  'CN',
  'MN',
  'KG',
  'TJ',
  'LY',
  'YE',
  'CD',
  'SL',
  'LR',
  'GM',
  'NE',
  'BF',
  'TG',
  'BJ',
  'NP',
  'PH',
  'CO',
  'VE',
  'PE',
] as const;

/** Draw weight of the country at `rank` (0 = most common): about 9 to 1 from first to last. */
export function countryWeight(rank: number): number {
  return 1 / (1 + rank * 0.14);
}

const VISA_FREE = ['AL', 'BA', 'GE', 'MD', 'ME', 'MK', 'RS', 'XK', 'UA'];
const CONFLICT_AFFECTED = ['AF', 'SY', 'IQ', 'YE', 'SO', 'SD', 'LY', 'CD', 'ML', 'UA', 'ER', 'ET'];

/** Host countries and the currency a programme funded there pays in. */
export const HOST_COUNTRIES: ReadonlyArray<{ code: string; currency: Currency; scale: number }> = [
  { code: 'DE', currency: 'EUR', scale: 1 },
  { code: 'BE', currency: 'EUR', scale: 1 },
  { code: 'NL', currency: 'EUR', scale: 1 },
  { code: 'AT', currency: 'EUR', scale: 1 },
  { code: 'CH', currency: 'CHF', scale: 1 },
  { code: 'SE', currency: 'SEK', scale: 10 },
  { code: 'NO', currency: 'NOK', scale: 10 },
  { code: 'DK', currency: 'DKK', scale: 7 },
  { code: 'FI', currency: 'EUR', scale: 1 },
  { code: 'FR', currency: 'EUR', scale: 1 },
  { code: 'LU', currency: 'EUR', scale: 1 },
  { code: 'PL', currency: 'PLN', scale: 4 },
  { code: 'CZ', currency: 'CZK', scale: 25 },
  { code: 'IT', currency: 'EUR', scale: 1 },
  { code: 'ES', currency: 'EUR', scale: 1 },
  { code: 'IE', currency: 'EUR', scale: 1 },
];

export interface SyntheticProgramme {
  code: string;
  /** Index into the funders the caller supplies (round robin). */
  funderIndex: number;
  definition: ProgrammeDefinition;
}

export interface GenerateOptions {
  /** The date the programmes must be in force on (ISO); validity periods are placed around it. */
  onDate: string;
  seed?: number;
  /** Organisation ids the programmes may name as implementing organisations (0–3 each). */
  organisationIds?: readonly string[];
  /** How many funders the caller has: `funderIndex` runs over 0 … funders-1. */
  funders?: number;
  /** Code prefix (default SYN). */
  prefix?: string;
}

// ---------------------------------------------------------------------------------------------------
// Random helpers

type Rand = () => number;

function int(r: Rand, min: number, max: number): number {
  return min + Math.floor(r() * (max - min + 1));
}

function chance(r: Rand, p: number): boolean {
  return r() < p;
}

function pick<T>(r: Rand, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

/** `n` distinct items, in their original order. */
function sample<T>(r: Rand, xs: readonly T[], n: number): T[] {
  const idx = xs.map((_, i) => i);
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx
    .slice(0, Math.min(n, xs.length))
    .sort((a, b) => a - b)
    .map((i) => xs[i]!);
}

/** `n` distinct items drawn with the given weights (without replacement). */
function weightedSample<T>(r: Rand, xs: readonly T[], weight: (i: number) => number, n: number): T[] {
  const left = xs.map((x, i) => ({ x, w: weight(i) }));
  const out: T[] = [];
  while (out.length < n && left.length > 0) {
    const total = left.reduce((s, e) => s + e.w, 0);
    let at = r() * total;
    let k = 0;
    while (k < left.length - 1 && at >= left[k]!.w) at -= left[k++]!.w;
    out.push(left[k]!.x);
    left.splice(k, 1);
  }
  return out;
}

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A money amount rounded to `step` (never below `step`). */
function money(value: number, step = 10): number {
  return Math.max(step, Math.round(value / step) * step);
}

// ---------------------------------------------------------------------------------------------------
// Texts

type Lang = 'en' | 'fr' | 'ar';
type Texts = Record<Lang, string>;

function text(langs: readonly Lang[], t: Texts): LocalizedText {
  const out: LocalizedText = { en: t.en };
  for (const l of langs) out[l] = t[l];
  return out;
}

const REGIONS = [
  'Nordmark',
  'Alpenrand',
  'Scheldt',
  'Rhineland',
  'Baltic Shore',
  'Lowlands',
  'Danube',
  'Fjordland',
  'Meridian',
  'Atlas',
  'Caspian',
  'Sahel',
  'Levant',
  'Vistula',
  'Elbe',
  'Moravia',
  'Jutland',
  'Lakeland',
  'Iberia',
  'Emerald',
];

const FUNDERS: Texts[] = [
  { en: 'Return Office', fr: 'Office du retour', ar: 'مكتب العودة' },
  { en: 'Reintegration Fund', fr: 'Fonds de réintégration', ar: 'صندوق إعادة الإدماج' },
  { en: 'Migration Agency', fr: 'Agence des migrations', ar: 'وكالة الهجرة' },
  { en: 'Return Partnership', fr: 'Partenariat pour le retour', ar: 'شراكة العودة' },
  { en: 'City Council', fr: 'Conseil municipal', ar: 'المجلس البلدي' },
];

const PURPOSES: Texts[] = [
  { en: 'journey and start-up aid', fr: 'voyage et aide au démarrage', ar: 'الرحلة ومساعدة البدء' },
  { en: 'reintegration supplement', fr: 'complément de réintégration', ar: 'دعم إضافي لإعادة الإدماج' },
  { en: 'family reintegration', fr: 'réintégration des familles', ar: 'إعادة إدماج الأسر' },
  { en: 'vocational reintegration', fr: 'réintégration professionnelle', ar: 'إعادة الإدماج المهني' },
  { en: 'medical return support', fr: 'soutien médical au retour', ar: 'الدعم الطبي للعودة' },
  { en: 'small business grants', fr: 'subventions aux petites entreprises', ar: 'منح المشاريع الصغيرة' },
  { en: 'return and reception', fr: 'retour et accueil', ar: 'العودة والاستقبال' },
  {
    en: 'support for vulnerable returnees',
    fr: 'soutien aux personnes vulnérables',
    ar: 'دعم العائدين المستضعفين',
  },
];

interface GroupTemplate {
  code: string;
  name: Texts;
  countries: (own: readonly string[], r: Rand) => string[];
}

const GROUPS: GroupTemplate[] = [
  {
    code: 'visa_free',
    name: { en: 'Visa-free states', fr: 'États exemptés de visa', ar: 'الدول المعفاة من التأشيرة' },
    countries: () => VISA_FREE,
  },
  {
    code: 'start_up_aid',
    name: {
      en: 'Countries with start-up aid',
      fr: 'Pays ouvrant droit à l’aide au démarrage',
      ar: 'الدول المشمولة بمساعدة البدء',
    },
    countries: (own, r) => sample(r, own, Math.max(1, Math.ceil(own.length * (0.4 + r() * 0.5)))),
  },
  {
    code: 'priority',
    name: { en: 'Priority countries', fr: 'Pays prioritaires', ar: 'الدول ذات الأولوية' },
    countries: (own, r) => sample(r, own, Math.max(1, Math.ceil(own.length * (0.2 + r() * 0.3)))),
  },
  {
    code: 'conflict_affected',
    name: {
      en: 'Conflict-affected countries',
      fr: 'Pays touchés par un conflit',
      ar: 'الدول المتأثرة بالنزاعات',
    },
    countries: () => CONFLICT_AFFECTED,
  },
  {
    code: 'reduced_rate',
    name: { en: 'Reduced-rate countries', fr: 'Pays au taux réduit', ar: 'دول المعدل المخفَّض' },
    countries: (own, r) => sample(r, own, Math.max(1, Math.ceil(own.length * (0.1 + r() * 0.3)))),
  },
];

const STAGE_LABELS: Record<(typeof PROCEDURAL_STAGES)[number], Texts> = {
  before_asylum_decision: {
    en: 'decided before the asylum decision',
    fr: 'décision prise avant la décision sur l’asile',
    ar: 'قرار العودة قبل صدور قرار اللجوء',
  },
  within_departure_deadline: {
    en: 'decided within the departure deadline',
    fr: 'décision prise pendant le délai de départ',
    ar: 'قرار العودة خلال مهلة المغادرة',
  },
  after_departure_deadline: {
    en: 'decided after the departure deadline',
    fr: 'décision prise après le délai de départ',
    ar: 'قرار العودة بعد انقضاء مهلة المغادرة',
  },
  no_return_decision: {
    en: 'no return decision',
    fr: 'sans décision de retour',
    ar: 'دون قرار بالعودة',
  },
};

// ---------------------------------------------------------------------------------------------------
// Rule trees

function fact(
  name: FactCondition['fact'],
  op: FactCondition['op'],
  value: FactCondition['value'],
): Condition {
  return { kind: 'fact', fact: name, op, value };
}

const MEDICAL = ['serious_illness', 'disability', 'pregnancy', 'mental_health'];
const PROTECTION = [
  'trafficking',
  'victim_of_torture_rape_or_serious_violence',
  'unaccompanied_minor',
  'single_parent_with_minors',
];

interface TreeCtx {
  r: Rand;
  groups: readonly string[];
  /** Other programmes' codes (for previousAssistance). */
  otherCodes: readonly string[];
}

/** The leaves a rule may use, each mostly in a form that common households meet. */
const LEAVES: Record<string, (c: TreeCtx) => Condition | null> = {
  returnType: ({ r }) =>
    fact(
      'returnType',
      'in',
      chance(r, 0.7) ? ['assisted_voluntary'] : ['assisted_voluntary', 'assisted_forced'],
    ),
  proceduralStage: ({ r }) =>
    fact('proceduralStage', chance(r, 0.8) ? 'in' : 'not_in', sample(r, PROCEDURAL_STAGES, int(r, 1, 3))),
  nationalityGroup: ({ r, groups }) =>
    groups.length === 0
      ? null
      : fact('nationalityGroup', chance(r, 0.7) ? 'in' : 'not_in', [pick(r, groups)]),
  nationality: ({ r }) =>
    fact('nationality', chance(r, 0.5) ? 'in' : 'not_in', sample(r, RETURN_COUNTRIES, int(r, 2, 12))),
  age: ({ r }) =>
    chance(r, 0.6) ? fact('age', 'gte', pick(r, [16, 18, 18, 21])) : fact('age', 'lte', int(r, 35, 70)),
  adults: ({ r }) => fact('adults', chance(r, 0.7) ? 'gte' : 'lte', chance(r, 0.7) ? 1 : int(r, 2, 4)),
  minors: ({ r }) => (chance(r, 0.6) ? fact('minors', 'gte', 1) : fact('minors', 'lte', int(r, 2, 6))),
  householdSize: ({ r }) => fact('householdSize', 'lte', int(r, 4, 12)),
  vulnerable: ({ r }) => fact('vulnerable', 'is', chance(r, 0.7)),
  vulnerability: ({ r }) =>
    fact('vulnerability', 'in', sample(r, chance(r, 0.5) ? MEDICAL : PROTECTION, int(r, 1, 4))),
  administrativeStatus: ({ r }) =>
    fact(
      'administrativeStatus',
      chance(r, 0.6) ? 'in' : 'not_in',
      sample(
        r,
        ['asylum_pending', 'asylum_rejected', 'irregular_stay', 'expired_permit', 'tolerated_stay'],
        int(r, 1, 3),
      ),
    ),
  entryBan: () => fact('entryBan', 'is', false),
  inDetention: () => fact('inDetention', 'is', false),
  unaccompaniedMinor: ({ r }) => fact('unaccompaniedMinor', 'is', chance(r, 0.3)),
  daysBeforeDeparture: ({ r }) => fact('daysBeforeDeparture', 'gte', pick(r, [7, 14, 28])),
  previousAssistance: ({ r, otherCodes }) =>
    otherCodes.length === 0 ? null : fact('previousAssistance', 'not_in', [pick(r, otherCodes)]),
};
const LEAF_KINDS = Object.keys(LEAVES);
/** Facts that rules use most (drawn twice as often). */
const COMMON_LEAVES = ['proceduralStage', 'nationalityGroup', 'age', 'minors', 'vulnerable', 'vulnerability'];

/** A leaf on a fact not in `used` (facts side by side in one `all` never repeat: no contradictions). */
function leaf(ctx: TreeCtx, used: Set<string>): Condition {
  for (;;) {
    const kind = chance(ctx.r, 0.4) ? pick(ctx.r, COMMON_LEAVES) : pick(ctx.r, LEAF_KINDS);
    if (used.has(kind)) continue;
    const c = LEAVES[kind]!(ctx);
    if (c === null) continue;
    used.add(kind);
    return c;
  }
}

/** Splits `total` into `parts` positive whole numbers. */
function split(r: Rand, total: number, parts: number): number[] {
  const out = Array.from({ length: parts }, () => 1);
  for (let left = total - parts; left > 0; left--) out[Math.floor(r() * parts)]! += 1;
  return out;
}

/** A rule tree of exactly `nodes` nodes. `used`: facts already tested beside it in the parent `all`. */
function tree(ctx: TreeCtx, nodes: number, used: Set<string>): Condition {
  const { r } = ctx;
  if (nodes === 1) return leaf(ctx, used);
  if (nodes === 2 || chance(r, 0.08)) {
    // A negated leaf or small subtree ("not in detention", "not (minors ≥ 1 and vulnerable)").
    return { kind: 'not', condition: tree(ctx, nodes - 1, new Set()) };
  }
  const kind = chance(r, 0.55) ? 'all' : 'any';
  const children = Math.min(nodes - 1, int(r, 2, 4));
  const own = new Set<string>();
  return {
    kind,
    conditions: split(r, nodes - 1, children).map((n) => tree(ctx, n, own)),
  };
}

function countNodes(c: Condition): number {
  if (c.kind === 'fact') return 1;
  if (c.kind === 'not') return 1 + countNodes(c.condition);
  return 1 + c.conditions.reduce((s, x) => s + countNodes(x), 0);
}

// ---------------------------------------------------------------------------------------------------
// Components

interface ComponentTemplate {
  code: string;
  name: Texts;
  stage: Component['stage'];
  modality: Component['modality'];
  category: ComponentCategory;
  /** Amount and optional eligibility, in the programme's currency (`s` scales from EUR). */
  make: (g: ComponentCtx) => Pick<Component, 'amount' | 'eligibility'>;
}

interface ComponentCtx extends TreeCtx {
  s: number;
  langs: readonly Lang[];
  groupTemplates: readonly GroupTemplate[];
  countries: readonly string[];
}

function stageVariants(g: ComponentCtx, perAdult: number, perMinor: number) {
  const stages = chance(g.r, 0.7)
    ? (['before_asylum_decision', 'within_departure_deadline'] as const)
    : (['before_asylum_decision'] as const);
  return stages.map((st, i) => ({
    label: text(g.langs, STAGE_LABELS[st]),
    when: fact('proceduralStage', 'in', [st]),
    perAdult: money(perAdult * (1.5 - i * 0.25) * g.s),
    perMinor: money(perMinor * (1.5 - i * 0.25) * g.s),
  }));
}

function groupVariant(g: ComponentCtx, perAdult: number, perMinor: number) {
  const t = g.groupTemplates[Math.floor(g.r() * g.groupTemplates.length)];
  if (!t) return [];
  return [
    {
      label: text(g.langs, {
        en: `national of: ${t.name.en.toLowerCase()}`,
        fr: `ressortissant : ${t.name.fr}`,
        ar: `مواطن من: ${t.name.ar}`,
      }),
      when: fact('nationalityGroup', 'in', [t.code]),
      perAdult: money(perAdult * 0.5 * g.s),
      perMinor: money(perMinor * 0.5 * g.s),
    },
  ];
}

function countryVariant(g: ComponentCtx, perHousehold: number) {
  return [
    {
      label: text(g.langs, {
        en: 'return to a country with a partner office',
        fr: 'retour vers un pays avec un bureau partenaire',
        ar: 'العودة إلى بلد فيه مكتب شريك',
      }),
      when: fact(
        'returnCountry',
        'in',
        sample(g.r, g.countries, Math.max(1, Math.floor(g.countries.length / 3))),
      ),
      perHousehold: money(perHousehold * 1.4 * g.s),
    },
  ];
}

const COMPONENTS: ComponentTemplate[] = [
  {
    code: 'travel',
    name: {
      en: 'Journey to the country of return',
      fr: 'Voyage vers le pays de retour',
      ar: 'الرحلة إلى بلد العودة',
    },
    stage: 'pre_departure',
    modality: 'in_kind',
    category: 'travel',
    make: (g) => ({
      amount: chance(g.r, 0.7)
        ? { actualCost: true }
        : {
            actualCost: true,
            upTo: true,
            perAdult: money(int(g.r, 4, 12) * 100 * g.s),
            perMinor: money(400 * g.s),
          },
    }),
  },
  {
    code: 'travel-allowance',
    name: { en: 'Travel allowance', fr: 'Allocation de voyage', ar: 'بدل السفر' },
    stage: 'pre_departure',
    modality: 'cash',
    category: 'travel_allowance',
    make: (g) => {
      const a = int(g.r, 1, 6) * 50;
      return {
        amount: {
          perAdult: money(a * g.s),
          perMinor: money((a / 2) * g.s),
          ...(chance(g.r, 0.3) ? { cap: money(a * 4 * g.s) } : {}),
        },
        ...(g.groups.length && chance(g.r, 0.5)
          ? { eligibility: fact('nationalityGroup', 'not_in', [pick(g.r, g.groups)]) }
          : {}),
      };
    },
  },
  {
    code: 'start-up-cash',
    name: { en: 'Start-up aid', fr: 'Aide au démarrage', ar: 'مساعدة البدء' },
    stage: 'pre_departure',
    modality: 'cash',
    category: 'reception',
    make: (g) => {
      const a = int(g.r, 5, 15) * 100;
      const variants = chance(g.r, 0.5)
        ? stageVariants(g, a, a / 2)
        : chance(g.r, 0.5)
          ? groupVariant(g, a, a / 2)
          : [];
      return {
        amount: {
          perAdult: money(a * g.s),
          perMinor: money((a / 2) * g.s),
          ...(variants.length ? { variants } : {}),
          ...(chance(g.r, 0.5)
            ? {
                instalments: [
                  { percent: 50, due: 'before_departure' as const },
                  { percent: 50, due: 'after_arrival' as const, monthsAfterArrival: int(g.r, 3, 9) },
                ],
              }
            : {}),
          ...(chance(g.r, 0.4) ? { cap: money(a * int(g.r, 3, 5) * g.s) } : {}),
        },
        ...(g.groups.length && chance(g.r, 0.5)
          ? { eligibility: fact('nationalityGroup', 'in', [pick(g.r, g.groups)]) }
          : {}),
      };
    },
  },
  {
    code: 'medical-costs',
    name: {
      en: 'Medical costs after arrival',
      fr: 'Frais médicaux après l’arrivée',
      ar: 'التكاليف الطبية بعد الوصول',
    },
    stage: 'post_arrival',
    modality: 'service',
    category: 'medical',
    make: (g) => ({
      amount: { actualCost: true, upTo: true, perHousehold: money(int(g.r, 10, 30) * 100 * g.s) },
      eligibility: fact('vulnerability', 'in', sample(g.r, MEDICAL, int(g.r, 2, 4))),
    }),
  },
  {
    code: 'temporary-accommodation',
    name: { en: 'Temporary accommodation', fr: 'Hébergement temporaire', ar: 'السكن المؤقت' },
    stage: 'post_arrival',
    modality: 'in_kind',
    category: 'accommodation',
    make: (g) => ({
      amount: { perHousehold: money(int(g.r, 3, 12) * 100 * g.s), upTo: true },
      ...(chance(g.r, 0.6) ? { eligibility: tree(g, int(g.r, 1, 3), new Set()) } : {}),
    }),
  },
  {
    code: 'reintegration-in-kind',
    name: {
      en: 'Reintegration support in kind',
      fr: 'Aide à la réintégration en nature',
      ar: 'دعم عيني لإعادة الإدماج',
    },
    stage: 'reintegration',
    modality: 'in_kind',
    category: 'business_start_up',
    make: (g) => {
      const a = int(g.r, 10, 30) * 100;
      const variants = chance(g.r, 0.4)
        ? stageVariants(g, a, a / 2)
        : chance(g.r, 0.4)
          ? groupVariant(g, a, a / 2)
          : [];
      return {
        amount: {
          perAdult: money(a * g.s),
          perMinor: money((a / 2) * g.s),
          upTo: true,
          ...(variants.length ? { variants } : {}),
          ...(chance(g.r, 0.5)
            ? {
                vulnerabilityTopUp: chance(g.r, 0.5)
                  ? { perVulnerablePerson: money(1000 * g.s) }
                  : { perHousehold: money(1500 * g.s) },
              }
            : {}),
          ...(chance(g.r, 0.6) ? { cap: money(a * int(g.r, 2, 4) * g.s) } : {}),
          ...(chance(g.r, 0.3)
            ? {
                instalments: [
                  { percent: 40, due: 'on_arrival' as const },
                  { percent: 30, due: 'after_arrival' as const, monthsAfterArrival: 3 },
                  { percent: 30, due: 'after_arrival' as const, monthsAfterArrival: 6 },
                ],
              }
            : {}),
        },
      };
    },
  },
  {
    code: 'vocational-training',
    name: { en: 'Vocational training', fr: 'Formation professionnelle', ar: 'التدريب المهني' },
    stage: 'reintegration',
    modality: 'service',
    category: 'training',
    make: (g) => ({
      amount: { perAdult: money(int(g.r, 5, 15) * 100 * g.s), upTo: true },
      ...(chance(g.r, 0.4) ? { eligibility: fact('age', 'gte', 16) } : {}),
    }),
  },
  {
    code: 'job-placement',
    name: {
      en: 'Job placement with a wage subsidy',
      fr: 'Placement avec aide salariale',
      ar: 'التوظيف مع دعم الأجر',
    },
    stage: 'reintegration',
    modality: 'cash',
    category: 'employment',
    make: (g) => ({
      amount: {
        perAdult: money(int(g.r, 6, 12) * 100 * g.s),
        instalments: [
          { percent: 34, due: 'after_arrival' as const, monthsAfterArrival: 1 },
          { percent: 33, due: 'after_arrival' as const, monthsAfterArrival: 2 },
          { percent: 33, due: 'after_arrival' as const, monthsAfterArrival: 3 },
        ],
      },
      ...(chance(g.r, 0.5) ? { eligibility: tree(g, int(g.r, 1, 4), new Set()) } : {}),
    }),
  },
  {
    code: 'housing-support',
    name: { en: 'Housing support', fr: 'Aide au logement', ar: 'دعم السكن' },
    stage: 'reintegration',
    modality: 'in_kind',
    category: 'housing',
    make: (g) => {
      const h = int(g.r, 10, 25) * 100;
      return {
        amount: {
          perHousehold: money(h * g.s),
          upTo: true,
          ...(chance(g.r, 0.4) ? { variants: countryVariant(g, h) } : {}),
          vulnerabilityTopUp: { perHousehold: money(1000 * g.s) },
          cap: money(h * 2 * g.s),
        },
        eligibility: { kind: 'any', conditions: [fact('minors', 'gte', 1), fact('vulnerable', 'is', true)] },
      };
    },
  },
  {
    code: 'schooling',
    name: {
      en: 'School fees and supplies',
      fr: 'Frais et fournitures scolaires',
      ar: 'الرسوم واللوازم المدرسية',
    },
    stage: 'reintegration',
    modality: 'in_kind',
    category: 'education',
    make: (g) => ({
      amount: { perMinor: money(int(g.r, 15, 40) * 10 * g.s) },
      eligibility: fact('minors', 'gte', 1),
    }),
  },
  {
    code: 'psychosocial-support',
    name: {
      en: 'Psychosocial counselling',
      fr: 'Accompagnement psychosocial',
      ar: 'الإرشاد النفسي والاجتماعي',
    },
    stage: 'reintegration',
    modality: 'service',
    category: 'psychosocial',
    make: () => ({ amount: { actualCost: true }, eligibility: fact('vulnerable', 'is', true) }),
  },
  {
    code: 'documents',
    name: { en: 'Travel documents', fr: 'Documents de voyage', ar: 'وثائق السفر' },
    stage: 'pre_departure',
    modality: 'service',
    category: 'legal_documents',
    make: (g) => ({ amount: { perAdult: money(int(g.r, 5, 20) * 10 * g.s), perMinor: money(60 * g.s) } }),
  },
  {
    code: 'family-tracing',
    name: { en: 'Family tracing', fr: 'Recherche de la famille', ar: 'البحث عن الأسرة' },
    stage: 'post_arrival',
    modality: 'service',
    category: 'family_tracing',
    make: (g) => ({
      amount: { actualCost: true },
      eligibility: chance(g.r, 0.5) ? fact('unaccompaniedMinor', 'is', true) : fact('vulnerable', 'is', true),
    }),
  },
];

// ---------------------------------------------------------------------------------------------------
// Programmes

function oneProgramme(
  r: Rand,
  i: number,
  code: string,
  earlier: readonly SyntheticProgramme[],
  allCodes: readonly string[],
  options: Required<Pick<GenerateOptions, 'onDate' | 'organisationIds'>> & { orgRandom: Rand },
): ProgrammeDefinitionInput {
  // Languages: English always, French and Arabic often.
  const langs: Lang[] = [];
  if (chance(r, 0.65)) langs.push('fr');
  if (chance(r, 0.45)) langs.push('ar');

  // Where it runs: one host (a national programme), several (a joint one), or anywhere (a project).
  const shape = r();
  const hosts =
    shape < 0.65 ? [pick(r, HOST_COUNTRIES)] : shape < 0.85 ? sample(r, HOST_COUNTRIES, int(r, 2, 7)) : [];
  const currencyHost: { currency: Currency; scale: number } = hosts[0] ?? {
    currency: chance(r, 0.8) ? 'EUR' : 'USD',
    scale: 1,
  };
  const currency = currencyHost.currency;
  const s = currencyHost.scale;

  // Countries of return: 5–40, most programmes near the low end, skewed towards common corridors.
  const nCountries = 5 + Math.floor(r() ** 1.6 * 36);
  const countries: string[] = weightedSample(r, RETURN_COUNTRIES, countryWeight, nCountries);

  // Nationality groups (0–3).
  const groupTemplates = sample(r, GROUPS, pick(r, [0, 1, 1, 2, 2, 3]));
  const nationalityGroups: NationalityGroup[] = groupTemplates.map((t) => ({
    code: t.code,
    name: text(langs, t.name),
    countries: t.countries(countries, r),
  }));
  const groups = nationalityGroups.map((g) => g.code);
  const otherCodes = allCodes.filter((c) => c !== code);
  const ctx: ComponentCtx = { r, groups, otherCodes, s, langs, groupTemplates, countries };

  // The programme's rule: 3–15 nodes, "all" of the return type and more.
  const nodes = 3 + Math.floor(r() ** 1.2 * 13);
  const used = new Set<string>(['returnType']);
  const rest = split(r, nodes - 2, Math.min(nodes - 2, int(r, 1, 4))).map((n) => tree(ctx, n, used));
  const eligibility: Condition = { kind: 'all', conditions: [LEAVES.returnType!(ctx)!, ...rest] };

  // Components: 2–6 (the journey in most programmes).
  const nComponents = int(r, 2, 6);
  const chosen = chance(r, 0.7)
    ? [COMPONENTS[0]!, ...sample(r, COMPONENTS.slice(1), nComponents - 1)]
    : sample(r, COMPONENTS.slice(1), nComponents);
  const components: Component[] = chosen.map((t) => {
    const made = t.make(ctx);
    return {
      code: t.code,
      name: text(langs, t.name),
      stage: t.stage,
      modality: t.modality,
      category: t.category,
      currency,
      ...(made.eligibility ? { eligibility: made.eligibility } : {}),
      amount: made.amount,
    };
  });

  // Interactions with other generated programmes (never itself; a requirement only on an earlier
  // programme that covers one of the same countries, so requirements form no cycle).
  const interactions: NonNullable<ProgrammeDefinitionInput['interactions']> = [];
  const overlapping = earlier.filter((p) =>
    p.definition.countriesOfReturn.some((c) => countries.includes(c)),
  );
  const required = new Set<string>();
  if (overlapping.length > 0 && chance(r, 0.15)) {
    const target = pick(r, overlapping).code;
    required.add(target);
    interactions.push({ type: 'requires', programmeCode: target });
  }
  if (overlapping.length > 0 && chance(r, 0.15)) {
    const target = pick(r, overlapping).code;
    if (!required.has(target)) interactions.push({ type: 'not_combinable', programmeCode: target });
  }
  if (otherCodes.length > 0 && chance(r, 0.2)) {
    const target = overlapping.length > 0 ? pick(r, overlapping).code : pick(r, otherCodes);
    const category = pick(r, components).category;
    if (!interactions.some((x) => x.type === 'offset' && x.programmeCode === target)) {
      interactions.push({ type: 'offset', programmeCode: target, category });
    }
  }

  // Texts.
  const region = REGIONS[i % REGIONS.length]!;
  const funder = pick(r, FUNDERS);
  const purpose = pick(r, PURPOSES);
  const serial = String(i + 1).padStart(3, '0');
  const hostList = hosts.map((h) => h.code).join(', ') || 'any host country';
  const top = components.find((c) => c.amount.perAdult !== undefined);
  const name = text(langs, {
    en: `${region} ${funder.en} ${serial} — ${purpose.en}`,
    fr: `${funder.fr} ${region} ${serial} — ${purpose.fr}`,
    ar: `${funder.ar} ${region} ${serial} — ${purpose.ar}`,
  });
  const summary = text(langs, {
    en: `For people returning voluntarily to one of ${countries.length} countries from ${hostList}: ${purpose.en}, with ${components.length} kinds of support, paid in ${currency}.`,
    fr: `Pour les personnes qui rentrent volontairement dans l’un des ${countries.length} pays depuis ${hostList} : ${purpose.fr}, avec ${components.length} formes d’aide, versées en ${currency}.`,
    ar: `للأشخاص العائدين طوعًا إلى أحد ${countries.length} بلدًا من ${hostList}: ${purpose.ar}، مع ${components.length} أنواع من الدعم تُدفع بعملة ${currency}.`,
  });
  const description = chance(r, 0.6)
    ? text(langs, {
        en: `Invented for the Homeward benchmarks, modelled on published assisted-return programmes. ${components.length} components: ${components.map((c) => c.name.en).join(', ')}.${top?.amount.perAdult ? ` Up to ${top.amount.perAdult} ${currency} per adult for ${top.name.en.toLowerCase()}.` : ''} Amounts may depend on the stage of the asylum procedure, the nationality and the household; some are paid in instalments after arrival through a partner in the country of return. Vulnerable persons may receive more.`,
        fr: `Inventé pour les mesures de performance de Homeward, sur le modèle de programmes d’aide au retour publiés. ${components.length} composantes : ${components.map((c) => c.name.fr ?? c.name.en).join(', ')}. Les montants peuvent dépendre de l’étape de la procédure d’asile, de la nationalité et du ménage ; certains sont versés en plusieurs fois après l’arrivée, par un partenaire dans le pays de retour.`,
        ar: `برنامج مُختلَق لقياسات أداء Homeward على غرار برامج العودة بمساعدة المنشورة. ${components.length} مكونات: ${components.map((c) => c.name.ar ?? c.name.en).join('، ')}. قد تعتمد المبالغ على مرحلة إجراءات اللجوء والجنسية والأسرة؛ ويُدفع بعضها على دفعات بعد الوصول عبر شريك في بلد العودة.`,
      })
    : undefined;
  const contact = chance(r, 0.8)
    ? text(langs, {
        en: `Ask your return counsellor, or write to programme-${serial}@${region.toLowerCase().replace(/\s+/g, '-')}.example`,
        fr: `Adressez-vous à votre conseiller au retour, ou écrivez à programme-${serial}@${region.toLowerCase().replace(/\s+/g, '-')}.example`,
        ar: `تحدّث إلى مستشار العودة الخاص بك، أو راسل programme-${serial}@${region.toLowerCase().replace(/\s+/g, '-')}.example`,
      })
    : undefined;

  return {
    name,
    summary,
    ...(description ? { description } : {}),
    ...(contact ? { contact } : {}),
    // From their own stream: the same seed gives the same programmes whatever organisations there are.
    implementingOrganisationIds: sample(
      options.orgRandom,
      options.organisationIds,
      int(options.orgRandom, 0, 3),
    ),
    validFrom: addDays(options.onDate, -int(r, 30, 1500)),
    validTo: chance(r, 0.6) ? null : addDays(options.onDate, int(r, 60, 1200)),
    countriesOfReturn: countries,
    hostCountries: hosts.map((h) => h.code),
    leadTimeDays: chance(r, 0.2) ? pick(r, [14, 28, 42]) : null,
    nationalityGroups,
    eligibility,
    interactions,
    components,
  };
}

/** N programmes, each parsed and checked; throws if one is not a valid, consistent definition. */
export function generateProgrammes(n: number, options: GenerateOptions): SyntheticProgramme[] {
  const r = rng(options.seed ?? 1);
  const orgRandom = rng((options.seed ?? 1) + 0x5eed);
  const prefix = options.prefix ?? 'SYN';
  const codes = Array.from({ length: n }, (_, i) => `${prefix}-${String(i + 1).padStart(3, '0')}`);
  const out: SyntheticProgramme[] = [];
  for (const [i, code] of codes.entries()) {
    const input = oneProgramme(r, i, code, out, codes, {
      onDate: options.onDate,
      organisationIds: options.organisationIds ?? [],
      orgRandom,
    });
    const parsed = ProgrammeDefinition.safeParse(input);
    if (!parsed.success) {
      throw new Error(`Synthetic programme ${code} does not parse: ${JSON.stringify(parsed.error.issues)}`);
    }
    const problems = checkDefinition(parsed.data, code);
    const unknown = parsed.data.interactions.filter((x) => !codes.includes(x.programmeCode));
    if (problems.length > 0 || unknown.length > 0) {
      throw new Error(
        `Synthetic programme ${code} is not consistent: ${JSON.stringify(problems)} ${JSON.stringify(unknown)}`,
      );
    }
    if (
      parsed.data.validFrom > options.onDate ||
      (parsed.data.validTo !== null && parsed.data.validTo < options.onDate)
    ) {
      throw new Error(`Synthetic programme ${code} is not in force on ${options.onDate}`);
    }
    out.push({ code, funderIndex: i % Math.max(1, options.funders ?? 1), definition: parsed.data });
  }
  return out;
}

/** A deterministic UUID-shaped id for programme `i` (in-process benchmarks only). */
function fakeId(i: number): string {
  const hex = (i + 1).toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

/** The programmes as the engine takes them, all published, version 1. */
export function toEngineProgrammes(
  list: readonly SyntheticProgramme[],
  funderIds: readonly string[],
): Programme[] {
  return list.map((p, i) => ({
    id: fakeId(i),
    code: p.code,
    status: 'published',
    funderOrganisationId: funderIds[p.funderIndex % funderIds.length] ?? fakeId(100_000 + p.funderIndex),
    version: 1,
    definition: p.definition,
  }));
}

export interface CatalogueShape {
  programmes: number;
  countriesPerProgramme: { min: number; mean: number; max: number };
  ruleNodes: { min: number; mean: number; max: number };
  /** Rule nodes of every tree: programme, components and amount variants. */
  allRuleNodesMean: number;
  componentsPerProgramme: { min: number; mean: number; max: number };
  withVariants: number;
  withInstalments: number;
  withHostCountries: number;
  withLeadTime: number;
  interactions: Record<'requires' | 'not_combinable' | 'offset', number>;
  languages: Record<string, number>;
  /** Programmes per country of return, most covered first. */
  coverage: Array<[string, number]>;
  jsonKiB: number;
}

function stats(xs: number[]): { min: number; mean: number; max: number } {
  return {
    min: Math.min(...xs),
    mean: Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 10) / 10,
    max: Math.max(...xs),
  };
}

/** What the catalogue looks like, for the reports. */
export function describeCatalogue(list: readonly { definition: ProgrammeDefinition }[]): CatalogueShape {
  const ds = list.map((p) => p.definition);
  const coverage = new Map<string, number>();
  for (const d of ds) for (const c of d.countriesOfReturn) coverage.set(c, (coverage.get(c) ?? 0) + 1);
  const languages: Record<string, number> = {};
  for (const d of ds) for (const l of Object.keys(d.name)) languages[l] = (languages[l] ?? 0) + 1;
  const interactions = { requires: 0, not_combinable: 0, offset: 0 };
  for (const d of ds) for (const x of d.interactions) interactions[x.type] += 1;
  const allNodes = ds.map(
    (d) =>
      (d.eligibility ? countNodes(d.eligibility) : 0) +
      d.components.reduce(
        (s, c) =>
          s +
          (c.eligibility ? countNodes(c.eligibility) : 0) +
          (c.amount.variants ?? []).reduce((t, v) => t + countNodes(v.when), 0),
        0,
      ),
  );
  return {
    programmes: ds.length,
    countriesPerProgramme: stats(ds.map((d) => d.countriesOfReturn.length)),
    ruleNodes: stats(ds.map((d) => (d.eligibility ? countNodes(d.eligibility) : 0))),
    allRuleNodesMean: stats(allNodes).mean,
    componentsPerProgramme: stats(ds.map((d) => d.components.length)),
    withVariants: ds.filter((d) => d.components.some((c) => c.amount.variants?.length)).length,
    withInstalments: ds.filter((d) => d.components.some((c) => c.amount.instalments?.length)).length,
    withHostCountries: ds.filter((d) => d.hostCountries.length > 0).length,
    withLeadTime: ds.filter((d) => d.leadTimeDays !== null).length,
    interactions,
    languages,
    coverage: [...coverage.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    jsonKiB: Math.round(Buffer.byteLength(JSON.stringify(ds)) / 1024),
  };
}
