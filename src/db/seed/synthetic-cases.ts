import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { PersonInput } from '../../server/cases/cases.schemas.ts';
import { personValues } from '../../server/cases/cases.service.ts';
import { nextReference } from '../../server/cases/cases.repository.ts';
import { VULNERABILITY_CATEGORIES } from '../../domain/case-facts.ts';

import {
  AFGHANISTAN,
  ALBANIA,
  ALGERIA,
  GEORGIA,
  IRAN,
  IRAQ,
  MOROCCO,
  NIGERIA,
  NORTH_CAUCASUS,
  PAKISTAN,
  RUSSIA,
  SERBIA,
  SYRIA,
  TUNISIA,
  TURKIYE,
  type NameEntry,
  type NameLists,
} from './synthetic-names.ts';

/**
 * Realistic synthetic households for the demo and the benchmarks: plausible corridors (nationality →
 * country of return) weighted like an EU assisted-return caseload, names in their native script with
 * the Latin spellings of papers (synthetic-names.ts), name frequencies skewed like real ones, Slavic
 * feminine family names, families that share the father's family name, household sizes averaging
 * about 2.5 persons, ages, vulnerabilities and stages spread like a caseload. Deterministic for a
 * given seed. Everything that does not depend on the random draws is computed once, at load.
 */

/** The script a nationality writes names in, when it is not Latin. */
export type NativeScript = 'Arabic' | 'Cyrillic' | 'Georgian';

type SizeProfile = 'singles' | 'mixed' | 'families';

export interface SyntheticCorridor {
  /** Nationality and country of return (ISO 3166-1 alpha-2). */
  nationality: string;
  /** Which group of the nationality the names come from (Russia has two). */
  label: string;
  /** Relative share of the caseload. */
  weight: number;
  names: NameLists;
  /** ISO 639-1 codes, the most spoken first. */
  languages: readonly string[];
  script?: NativeScript;
  /** Women carry the feminine form of the family name (Петров → Петрова, Островский → Островская). */
  slavicFeminine?: true;
  /** A wife carries her husband's family name; otherwise she keeps her own (Arab, Iranian, Afghan usage). */
  wifeTakesFamilyName: boolean;
  /** Probability that a man's given names are the pool's first male name before another (Muhammad Imran). */
  compoundMale?: number;
  /** Household sizes: mostly single adults, a mix, or many families. */
  sizes: SizeProfile;
}

/** Nationality → country of return and name pool, weighted like an EU AVRR caseload. */
// prettier-ignore
export const SYNTHETIC_CORRIDORS: readonly SyntheticCorridor[] = [
  { nationality: 'GE', label: 'Georgia', weight: 13, names: GEORGIA, languages: ['ka', 'ru'], script: 'Georgian', wifeTakesFamilyName: true, sizes: 'mixed' },
  { nationality: 'IQ', label: 'Iraq', weight: 12, names: IRAQ, languages: ['ar', 'ku'], script: 'Arabic', wifeTakesFamilyName: false, sizes: 'families' },
  { nationality: 'TR', label: 'Türkiye', weight: 11, names: TURKIYE, languages: ['tr', 'ku'], wifeTakesFamilyName: true, sizes: 'mixed' },
  { nationality: 'AF', label: 'Afghanistan', weight: 7, names: AFGHANISTAN, languages: ['fa', 'ps'], script: 'Arabic', wifeTakesFamilyName: false, compoundMale: 0.15, sizes: 'families' },
  { nationality: 'NG', label: 'Nigeria', weight: 7, names: NIGERIA, languages: ['en', 'yo', 'ig', 'ha'], wifeTakesFamilyName: true, sizes: 'singles' },
  { nationality: 'AL', label: 'Albania', weight: 7, names: ALBANIA, languages: ['sq'], wifeTakesFamilyName: true, sizes: 'mixed' },
  { nationality: 'RU', label: 'Russia (North Caucasus)', weight: 5, names: NORTH_CAUCASUS, languages: ['ce', 'ru', 'av'], script: 'Cyrillic', slavicFeminine: true, wifeTakesFamilyName: true, sizes: 'families' },
  { nationality: 'RU', label: 'Russia', weight: 4, names: RUSSIA, languages: ['ru'], script: 'Cyrillic', slavicFeminine: true, wifeTakesFamilyName: true, sizes: 'mixed' },
  { nationality: 'RS', label: 'Serbia', weight: 5, names: SERBIA, languages: ['sr'], script: 'Cyrillic', wifeTakesFamilyName: true, sizes: 'families' },
  { nationality: 'DZ', label: 'Algeria', weight: 5, names: ALGERIA, languages: ['ar', 'fr'], script: 'Arabic', wifeTakesFamilyName: false, sizes: 'singles' },
  { nationality: 'MA', label: 'Morocco', weight: 5, names: MOROCCO, languages: ['ar', 'fr'], script: 'Arabic', wifeTakesFamilyName: false, sizes: 'singles' },
  { nationality: 'IR', label: 'Iran', weight: 5, names: IRAN, languages: ['fa', 'az', 'ku'], script: 'Arabic', wifeTakesFamilyName: false, sizes: 'mixed' },
  { nationality: 'SY', label: 'Syria', weight: 4, names: SYRIA, languages: ['ar', 'ku'], script: 'Arabic', wifeTakesFamilyName: false, sizes: 'families' },
  { nationality: 'PK', label: 'Pakistan', weight: 4, names: PAKISTAN, languages: ['ur', 'pa', 'ps', 'en'], script: 'Arabic', wifeTakesFamilyName: false, compoundMale: 0.3, sizes: 'singles' },
  { nationality: 'TN', label: 'Tunisia', weight: 3, names: TUNISIA, languages: ['ar', 'fr'], script: 'Arabic', wifeTakesFamilyName: false, sizes: 'singles' },
];

/**
 * Persons per household by profile. Overall (with the corridor weights) about 2.5 persons per case,
 * single adults the largest group (about 46 %).
 */
// prettier-ignore
const SIZES: Record<SizeProfile, readonly (readonly [size: number, weight: number])[]> = {
  singles: [[1, 70], [2, 10], [3, 8], [4, 6], [5, 4], [6, 2]], // mean 1.70
  mixed: [[1, 45], [2, 14], [3, 14], [4, 13], [5, 8], [6, 4], [7, 2]], // mean 2.45
  families: [[1, 30], [2, 12], [3, 15], [4, 16], [5, 13], [6, 8], [7, 4], [8, 2]], // mean 3.20
};

/** Share of households of two or more that are a couple (with or without children), not a lone parent. */
const COUPLE_SHARE = 0.85;

const STAGES: [string, number][] = [
  ['intake', 15],
  ['counselling', 25],
  ['application', 15],
  ['submitted', 10],
  ['validated', 8],
  ['pre_departure', 7],
  ['departed', 5],
  ['withdrawn', 8],
  ['absconded', 3],
  ['rejected', 2],
  ['not_departed', 2],
];

const ADMINISTRATIVE_STATUSES: [string, number][] = [
  ['asylum_rejected', 50],
  ['asylum_pending', 15],
  ['irregular_stay', 25],
  ['expired_permit', 10],
];

/**
 * The feminine form of a Russian (or Russified) family name, in the native script and in each Latin
 * spelling: -ов/-ев/-ёв/-ин/-ын take -а (Петров → Петрова, Petrov → Petrova), -ский/-цкий become
 * -ская/-цкая (Ostrovskii → Ostrovskaia in ICAO spelling, Ostrovsky → Ostrovskaya). Other names
 * (Коваленко, Шевченко) do not change.
 */
export function feminineFamilyName(masculine: NameEntry): NameEntry {
  const native = /[сц]кий$/u.test(masculine.native)
    ? `${masculine.native.slice(0, -2)}ая`
    : /(ов|ев|ёв|ин|ын)$/u.test(masculine.native)
      ? `${masculine.native}а`
      : masculine.native;
  const latin = masculine.latin.map((l) =>
    /skii$/u.test(l)
      ? `${l.slice(0, -2)}aia`
      : /sk(y|iy|ij)$/u.test(l)
        ? l.replace(/(y|iy|ij)$/u, 'aya')
        : /(ov|ev|in|yn)$/u.test(l)
          ? `${l}a`
          : l,
  );
  return { native, latin };
}

/** A small deterministic generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

/**
 * An index in [0, n) with earlier indexes likelier (r² : for three spellings about 58 / 24 / 18 %).
 * Used for the spelling of a name and for the language, where the first is the usual one.
 */
function firstLikelier(r: () => number, n: number): number {
  const x = r();
  return Math.floor(x * x * n);
}

/** Items with cumulative weights, built once; drawing is a binary search. */
interface Table<T> {
  items: readonly T[];
  cumulative: Float64Array;
}

function table<T>(items: readonly T[], weight: (item: T, index: number) => number): Table<T> {
  const cumulative = new Float64Array(items.length);
  let total = 0;
  items.forEach((item, i) => (cumulative[i] = total += weight(item, i)));
  return { items, cumulative };
}

function draw<T>(r: () => number, t: Table<T>): T {
  const c = t.cumulative;
  const x = r() * c[c.length - 1]!;
  let lo = 0;
  let hi = c.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (c[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return t.items[lo]!;
}

/**
 * Zipf-like weight 1 / (rank + offset): real name frequencies fall off steeply, but the lists hold only
 * the common names, so the offset keeps their tail from vanishing. Given names are more concentrated
 * (the first of about 40 is drawn ~14 % of the time, Mohammed-like) than family names (the first of
 * about 65 ~4 %).
 */
const GIVEN_OFFSET = 2;
const FAMILY_OFFSET = 12;

/** A family name in both forms (the same entry twice where the language has no feminine form). */
interface FamilyName {
  masculine: NameEntry;
  feminine: NameEntry;
}

interface PreparedCorridor {
  corridor: SyntheticCorridor;
  male: Table<NameEntry>;
  female: Table<NameEntry>;
  family: Table<FamilyName>;
  sizes: Table<number>;
}

const PREPARED: Table<PreparedCorridor> = table(
  SYNTHETIC_CORRIDORS.map((corridor) => ({
    corridor,
    male: table(corridor.names.male, (_, i) => 1 / (i + GIVEN_OFFSET)),
    female: table(corridor.names.female, (_, i) => 1 / (i + GIVEN_OFFSET)),
    family: table(
      corridor.names.family.map((masculine) => ({
        masculine,
        feminine: corridor.slavicFeminine ? feminineFamilyName(masculine) : masculine,
      })),
      (_, i) => 1 / (i + FAMILY_OFFSET),
    ),
    sizes: table(
      SIZES[corridor.sizes].map(([size]) => size),
      (_, i) => SIZES[corridor.sizes][i]![1],
    ),
  })),
  (p) => p.corridor.weight,
);

const STAGE_TABLE = table(
  STAGES.map(([s]) => s),
  (_, i) => STAGES[i]![1],
);
const STATUS_TABLE = table(
  ADMINISTRATIVE_STATUSES.map(([s]) => s),
  (_, i) => ADMINISTRATIVE_STATUSES[i]![1],
);

const YEAR_MS = 365.25 * 86_400_000;

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function birthDate(age: number, today: Date): string {
  return isoDate(new Date(today.getTime() - age * YEAR_MS));
}

export interface SyntheticHousehold {
  returnCountry: string;
  stage: string;
  departureDeadline: string | null;
  administrativeStatus: string;
  persons: PersonInput[];
  vulnerablePersonIndexes: number[];
}

/** A household's family name as written: the entry and which of its Latin spellings the papers use. */
interface Surname {
  name: FamilyName;
  spelling: number;
}

function surname(r: () => number, p: PreparedCorridor): Surname {
  const name = draw(r, p.family);
  return { name, spelling: firstLikelier(r, name.masculine.latin.length) };
}

/** Up to three other spellings of the whole name: other given spellings, then other family spellings. */
function otherSpellings(
  given: readonly string[],
  g: number,
  prefix: string,
  family: readonly string[],
  f: number,
) {
  const out: string[] = [];
  const givenAlt = given.filter((_, i) => i !== g);
  const familyAlt = family.filter((_, i) => i !== f);
  for (let i = 0; out.length < 3 && (i < givenAlt.length || i < familyAlt.length); i++) {
    if (i < givenAlt.length) out.push(`${prefix}${givenAlt[i]} ${family[f]}`);
    if (i < familyAlt.length && out.length < 3) out.push(`${prefix}${given[g]} ${familyAlt[i]}`);
  }
  return out;
}

export function syntheticHousehold(r: () => number, today: Date): SyntheticHousehold {
  const p = draw(r, PREPARED);
  const { corridor } = p;
  const language = corridor.languages[firstLikelier(r, corridor.languages.length)]!;

  const person = (
    male: boolean,
    relationship: PersonInput['relationship'],
    age: number,
    family: Surname,
  ): PersonInput => {
    const entry = draw(r, male ? p.male : p.female);
    const g = firstLikelier(r, entry.latin.length);
    let prefixLatin = '';
    let prefixNative = '';
    if (male && corridor.compoundMale && r() < corridor.compoundMale) {
      const first = p.male.items[0]!;
      if (first !== entry) {
        prefixLatin = `${first.latin[firstLikelier(r, first.latin.length)]} `;
        prefixNative = `${first.native} `;
      }
    }
    const familyForm = male ? family.name.masculine : family.name.feminine;
    const familyName = familyForm.latin[family.spelling]!;
    const spellings = otherSpellings(entry.latin, g, prefixLatin, familyForm.latin, family.spelling);
    return {
      relationship,
      givenNames: `${prefixLatin}${entry.latin[g]}`,
      familyName,
      ...(entry.native && familyForm.native
        ? { originalScriptName: `${prefixNative}${entry.native} ${familyForm.native}` }
        : {}),
      ...(spellings.length ? { otherSpellings: spellings } : {}),
      sex: male ? 'male' : 'female',
      dateOfBirth: birthDate(age, today),
      dateOfBirthApproximate: r() < 0.1,
      nationalities: [corridor.nationality],
      languages: [language],
      ...(relationship === 'principal' && r() < 0.7
        ? {
            documents: [
              {
                type: 'passport' as const,
                number: `P${Math.floor(r() * 1e7)}`,
                status: 'with_person' as const,
              },
            ],
          }
        : {}),
    };
  };

  const size = draw(r, p.sizes);
  const couple = size >= 2 && r() < COUPLE_SHARE;
  const children = couple ? size - 2 : size - 1;
  // Single adults are mostly men; a couple is usually registered under the husband; a lone parent is
  // usually the mother.
  const principalMale = r() < (size === 1 ? 0.72 : couple ? 0.8 : 0.15);
  const principalAge = children > 0 ? 22 + r() * 36 : 19 + r() * 43;
  const principalName = surname(r, p);
  const persons: PersonInput[] = [person(principalMale, 'principal', principalAge, principalName)];

  // The husband is a little older than the wife, as a rule.
  let motherAge = principalMale ? undefined : principalAge;
  let fatherName = principalMale ? principalName : undefined;
  if (couple) {
    const gap = -2 + r() * 10;
    const spouseAge = Math.max(18.5, principalMale ? principalAge - gap : principalAge + gap);
    const spouseName = corridor.wifeTakesFamilyName ? principalName : surname(r, p);
    persons.push(person(!principalMale, 'spouse', spouseAge, spouseName));
    if (principalMale) motherAge = spouseAge;
    else fatherName = spouseName;
  }
  // Children carry the father's family name (in their gender's form). A lone mother's children: her
  // name where wives take their husband's, otherwise the (absent) father's.
  if (children > 0 && !fatherName) fatherName = corridor.wifeTakesFamilyName ? principalName : surname(r, p);
  const oldestChild = Math.max(0, Math.min(17.9, (motherAge ?? principalAge) - 17));
  for (let i = 0; i < children; i++) {
    persons.push(person(r() < 0.5, 'child', r() * oldestChild, fatherName!));
  }

  const vulnerable: number[] = [];
  for (let i = 0; i < persons.length; i++) if (r() < 0.08) vulnerable.push(i);
  const deadline = r() < 0.6 ? isoDate(new Date(today.getTime() + (r() * 120 - 20) * 86_400_000)) : null;
  return {
    returnCountry: corridor.nationality,
    stage: draw(r, STAGE_TABLE),
    departureDeadline: deadline,
    administrativeStatus: draw(r, STATUS_TABLE),
    persons,
    vulnerablePersonIndexes: vulnerable,
  };
}

/** Inserts N synthetic cases for a counselling organisation, in batches of one transaction each. */
export async function seedSyntheticCases(
  db: Kysely<DB>,
  org: { id: string; country: string },
  counsellorIds: string[],
  count: number,
  seed = 1,
): Promise<number> {
  const r = rng(seed);
  const today = new Date();
  const BATCH = 200;
  for (let done = 0; done < count; done += BATCH) {
    await db.transaction().execute(async (trx) => {
      for (let i = done; i < Math.min(count, done + BATCH); i++) {
        const h = syntheticHousehold(r, today);
        const reference = await nextReference(trx, today.getUTCFullYear());
        const { id } = await trx
          .insertInto('cases')
          .values({
            reference,
            organisation_id: org.id,
            counsellor_user_id: counsellorIds.length ? pick(r, counsellorIds) : null,
            host_country: org.country,
            return_country: h.returnCountry,
            return_type: 'assisted_voluntary',
            stage: h.stage,
            administrative_status: h.administrativeStatus,
            departure_deadline: h.departureDeadline,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const personIds: string[] = [];
        for (const p of h.persons) {
          const row = await trx
            .insertInto('persons')
            .values({ ...personValues(p), case_id: id, organisation_id: org.id })
            .returning('id')
            .executeTakeFirstOrThrow();
          personIds.push(row.id);
        }
        for (const idx of h.vulnerablePersonIndexes) {
          await trx
            .insertInto('vulnerabilities')
            .values({
              case_id: id,
              organisation_id: org.id,
              person_id: personIds[idx]!,
              category: pick(r, VULNERABILITY_CATEGORIES),
            })
            .execute();
        }
        await trx
          .insertInto('case_events')
          .values({
            case_id: id,
            organisation_id: org.id,
            actor_label: 'seed',
            type: 'case.created',
            to_stage: h.stage,
          })
          .execute();
      }
    });
  }
  return count;
}
