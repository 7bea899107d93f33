/**
 * Where the editor shows a problem: at the field whose path is the problem's path or its nearest
 * ancestor (`components.0.amount.variants.1` → the variant, `eligibility.conditions.0.value.2` → the
 * condition's values). Problems no field owns are listed only in the summary.
 */
import { TEXT_LANGUAGES } from '../vocab.ts';
import type { ProgrammeDraft, TextMap } from '../programmeDraft.ts';

export interface FieldProblem {
  path: string;
  message: string;
}

/** The id of the element that shows the field at `path` (for labels and for "go to field"). */
export function fieldId(path: string): string {
  return `pf-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

function languagesOf(map: TextMap): string[] {
  return [...new Set([...TEXT_LANGUAGES, ...Object.keys(map)])];
}

/** Every field path the editor shows for this draft (rule nodes given by their paths). */
export function editorFieldPaths(draft: ProgrammeDraft, rulePaths: Record<string, string>): Set<string> {
  const paths = new Set<string>([
    'code',
    'effectiveFrom',
    'implementingOrganisationIds',
    'validFrom',
    'validTo',
    'countriesOfReturn',
    'hostCountries',
    'leadTimeDays',
    'nationalityGroups',
    'eligibility',
    'interactions',
    'components',
  ]);
  for (const key of ['name', 'summary', 'description', 'contact'] as const) {
    for (const lang of languagesOf(draft[key])) paths.add(`${key}.${lang}`);
  }
  draft.nationalityGroups.forEach((g, i) => {
    for (const f of ['', '.code', '.countries']) paths.add(`nationalityGroups.${i}${f}`);
    for (const lang of languagesOf(g.name)) paths.add(`nationalityGroups.${i}.name.${lang}`);
  });
  draft.interactions.forEach((_, i) => {
    for (const f of ['', '.type', '.programmeCode', '.category']) paths.add(`interactions.${i}${f}`);
  });
  draft.components.forEach((c, i) => {
    const at = `components.${i}`;
    for (const f of [
      '',
      '.code',
      '.stage',
      '.modality',
      '.category',
      '.currency',
      '.eligibility',
      '.amount',
    ]) {
      paths.add(`${at}${f}`);
    }
    for (const lang of languagesOf(c.name)) paths.add(`${at}.name.${lang}`);
    for (const lang of languagesOf(c.description)) paths.add(`${at}.description.${lang}`);
    for (const f of [
      'perAdult',
      'perMinor',
      'perHousehold',
      'cap',
      'upTo',
      'actualCost',
      'variants',
      'instalments',
    ]) {
      paths.add(`${at}.amount.${f}`);
    }
    paths.add(`${at}.amount.vulnerabilityTopUp.perVulnerablePerson`);
    paths.add(`${at}.amount.vulnerabilityTopUp.perHousehold`);
    c.variants.forEach((v, j) => {
      const vat = `${at}.amount.variants.${j}`;
      for (const f of ['', '.when', '.perAdult', '.perMinor', '.perHousehold']) paths.add(`${vat}${f}`);
      for (const lang of languagesOf(v.label)) paths.add(`${vat}.label.${lang}`);
    });
    c.instalments.forEach((_, k) => {
      const iat = `${at}.amount.instalments.${k}`;
      for (const f of ['', '.percent', '.due', '.monthsAfterArrival']) paths.add(`${iat}${f}`);
    });
  });
  for (const path of Object.values(rulePaths)) {
    paths.add(path);
    paths.add(`${path}.op`);
    paths.add(`${path}.value`);
  }
  return paths;
}

/** The nearest shown field of a problem's path, or null when no field owns it. */
export function ownerOf(path: string, known: ReadonlySet<string>): string | null {
  const parts = path.split('.').filter((p) => p !== '');
  for (let n = parts.length; n > 0; n -= 1) {
    const candidate = parts.slice(0, n).join('.');
    if (known.has(candidate)) return candidate;
  }
  return null;
}

/** The problems by the field that shows them; those no field owns under the key ''. */
export function placeProblems(
  problems: readonly FieldProblem[],
  known: ReadonlySet<string>,
): Map<string, string[]> {
  const placed = new Map<string, string[]>();
  for (const p of problems) {
    const owner = ownerOf(p.path, known) ?? '';
    const list = placed.get(owner) ?? [];
    if (!list.includes(p.message)) list.push(p.message);
    placed.set(owner, list);
  }
  return placed;
}

export type ItemKind = 'group' | 'component' | 'interaction' | 'variant' | 'instalment';

/** A path in words, as parts: items of lists, named fields (in the item they belong to), languages. */
export type PathPart =
  | { type: 'item'; kind: ItemKind; number: number }
  | { type: 'field'; name: string; within: ItemKind | null }
  | { type: 'language'; code: string };

const LISTS: Record<string, ItemKind> = {
  nationalityGroups: 'group',
  components: 'component',
  interactions: 'interaction',
  variants: 'variant',
  instalments: 'instalment',
};

const TEXT_FIELDS = new Set(['name', 'summary', 'description', 'contact', 'label']);
/** Segments that only structure the definition: the words of their children say enough. */
const SILENT = new Set(['vulnerabilityTopUp', 'conditions', 'condition']);

/**
 * Splits a problem's path into the parts a reader needs to find the field: `components.1.amount.
 * variants.0.label.fr` is component 2, amount rule, variant 1, its label in French. The inside of a
 * rule (conditions.2.condition…) is left out: "who is eligible › values" says where to look.
 */
export function pathParts(path: string): PathPart[] {
  const segments = path.split('.').filter((s) => s !== '');
  const parts: PathPart[] = [];
  let within: ItemKind | null = null;
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i]!;
    const next = segments[i + 1];
    const kind = LISTS[segment];
    if (kind && next !== undefined && /^\d+$/.test(next)) {
      parts.push({ type: 'item', kind, number: Number(next) + 1 });
      within = kind;
      i += 1;
    } else if (/^\d+$/.test(segment) || SILENT.has(segment)) {
      continue;
    } else if (segments[i - 1] === 'vulnerabilityTopUp') {
      parts.push({
        type: 'field',
        name: segment === 'perHousehold' ? 'topUpPerHousehold' : 'topUpPerPerson',
        within,
      });
    } else if (i > 0 && TEXT_FIELDS.has(segments[i - 1]!) && /^[a-z]{2,3}$/.test(segment)) {
      parts.push({ type: 'language', code: segment });
    } else {
      parts.push({ type: 'field', name: segment, within });
    }
  }
  return parts;
}
