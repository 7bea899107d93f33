import { describe, expect, it } from 'vitest';
import type { PersonInput } from '../../server/cases/cases.schemas.ts';
import {
  feminineFamilyName,
  rng,
  SYNTHETIC_CORRIDORS,
  syntheticHousehold,
  type NativeScript,
  type SyntheticHousehold,
} from './synthetic-cases.ts';

const today = new Date('2026-11-25T00:00:00Z');

function generate(seed: number, count: number): SyntheticHousehold[] {
  const r = rng(seed);
  return Array.from({ length: count }, () => syntheticHousehold(r, today));
}

const ageOf = (p: PersonInput) => (today.getTime() - Date.parse(p.dateOfBirth!)) / (365.25 * 86_400_000);

/** Countries whose women carry the Slavic feminine family name. */
const SLAVIC_FEMININE = new Set(
  SYNTHETIC_CORRIDORS.filter((c) => c.slavicFeminine).map((c) => c.nationality),
);
const WIFE_TAKES_NAME = new Set(
  SYNTHETIC_CORRIDORS.filter((c) => c.wifeTakesFamilyName).map((c) => c.nationality),
);

const SCRIPT_PATTERN: Record<NativeScript, RegExp> = {
  // Script_Extensions: Urdu's superscript alef (عظمیٰ) is an inherited mark used by Arabic script.
  Arabic: /^[\p{scx=Arabic}]+( [\p{scx=Arabic}]+)*$/u,
  Cyrillic: /^[\p{sc=Cyrillic}]+( [\p{sc=Cyrillic}]+)*$/u,
  Georgian: /^[\p{sc=Georgian}]+( [\p{sc=Georgian}]+)*$/u,
};
const LATIN_NAME = /^[\p{sc=Latin}]+([ '-][\p{sc=Latin}]+)*$/u;

describe('synthetic households', () => {
  const households = generate(7, 100_000);
  const persons = households.flatMap((h) => h.persons);

  it('are deterministic for a seed', () => {
    expect(generate(7, 50)).toEqual(households.slice(0, 50));
    expect(generate(8, 50)).not.toEqual(households.slice(0, 50));
  });

  it('each have exactly one principal, adults as principal and spouse, minors as children', () => {
    const bad: unknown[] = [];
    for (const h of households.slice(0, 20_000)) {
      const roles = h.persons.map((p) => p.relationship);
      if (
        roles.filter((x) => x === 'principal').length !== 1 ||
        roles.filter((x) => x === 'spouse').length > 1
      )
        bad.push(roles);
      const adults = h.persons.filter((p) => p.relationship !== 'child').map(ageOf);
      for (const p of h.persons) {
        const age = ageOf(p);
        if (p.relationship !== 'child' ? age < 18 : age >= 18) bad.push([p.relationship, age]);
        // Children were born when their parents were adults.
        if (p.relationship === 'child' && adults.some((a) => a - age <= 15))
          bad.push(['parent age', adults, age]);
      }
    }
    expect(bad).toEqual([]);
  });

  it('average about 2.5 persons, single adults the largest group', () => {
    const sample = households.slice(0, 20_000);
    const mean = sample.reduce((s, h) => s + h.persons.length, 0) / sample.length;
    expect(mean).toBeGreaterThanOrEqual(2.3);
    expect(mean).toBeLessThanOrEqual(2.7);
    const bySize = new Map<number, number>();
    for (const h of sample) bySize.set(h.persons.length, (bySize.get(h.persons.length) ?? 0) + 1);
    const singles = bySize.get(1)! / sample.length;
    expect(singles).toBeGreaterThan(0.38);
    expect(singles).toBeLessThan(0.6);
    for (const [size, n] of bySize) if (size > 1) expect(n).toBeLessThan(bySize.get(1)! / 2);
    expect(Math.max(...bySize.keys())).toBeGreaterThanOrEqual(7);
  });

  it('spread over corridors and stages like a caseload', () => {
    const sample = households.slice(0, 20_000);
    const byCountry = new Map<string, number>();
    for (const h of sample) byCountry.set(h.returnCountry, (byCountry.get(h.returnCountry) ?? 0) + 1);
    expect(byCountry.size).toBeGreaterThanOrEqual(8);
    for (const n of byCountry.values()) expect(n / sample.length).toBeLessThan(0.2);
    expect(new Set(sample.map((h) => h.stage)).size).toBeGreaterThanOrEqual(8);
    const withScript = sample.filter((h) => h.persons[0]!.originalScriptName).length;
    expect(withScript / sample.length).toBeGreaterThan(0.5);
  });

  it('give Russian women and girls the feminine family name, and men the masculine one', () => {
    const russians = persons.filter((p) => p.nationalities![0] === 'RU');
    const women = russians.filter((p) => p.sex === 'female');
    expect(women.length).toBeGreaterThan(1000);
    const bad: string[] = [];
    for (const p of women) {
      if (!/(ova|eva|ina|skaia|skaya|ko)$/u.test(p.familyName)) bad.push(p.familyName);
      if (!/ [А-ЯЁ][а-яё]*(ова|ева|ёва|ина|ская|цкая|ко)$/u.test(p.originalScriptName!))
        bad.push(p.originalScriptName!);
    }
    for (const p of russians.filter((x) => x.sex === 'male')) {
      if (!/(ov|ev|in|skii|sky|ko)$/u.test(p.familyName)) bad.push(p.familyName);
      if (/(а|ая)$/u.test(p.originalScriptName!)) bad.push(p.originalScriptName!);
    }
    expect(bad).toEqual([]);
  });

  it("give children the father's family name, and wives their husband's where that is the custom", () => {
    let sameForWives = 0;
    let ownForWives = 0;
    let daughters = 0;
    for (const h of households.slice(0, 20_000)) {
      const principal = h.persons[0]!;
      const spouse = h.persons.find((p) => p.relationship === 'spouse');
      const father = principal.sex === 'male' ? principal : spouse?.sex === 'male' ? spouse : undefined;
      const wife = principal.sex === 'female' && spouse ? principal : spouse;
      const slavic = SLAVIC_FEMININE.has(h.returnCountry);
      const feminine = (name: string) =>
        slavic ? feminineFamilyName({ native: '', latin: [name] }).latin[0] : name;
      if (father && wife) {
        if (WIFE_TAKES_NAME.has(h.returnCountry)) {
          expect(wife.familyName).toBe(feminine(father.familyName));
          sameForWives++;
        } else if (wife.familyName !== father.familyName) ownForWives++;
      }
      if (!father) continue;
      for (const child of h.persons.filter((p) => p.relationship === 'child')) {
        if (child.sex === 'male') expect(child.familyName).toBe(father.familyName);
        else {
          // Only Slavic names change with gender; Georgian, Arabic, Turkish … ones do not.
          expect(child.familyName).toBe(feminine(father.familyName));
          daughters++;
        }
      }
    }
    expect(sameForWives).toBeGreaterThan(500);
    expect(ownForWives).toBeGreaterThan(500);
    expect(daughters).toBeGreaterThan(2000);
  });

  it('make common names common, but a given + family name pair rare (under 0.1 % of persons)', () => {
    // The old pools (3–8 names each) put 1.6 % of all persons under one pair ("Levan Kapanadze").
    const pairs = new Map<string, number>();
    for (const p of persons) {
      const key = `${p.givenNames} ${p.familyName}`;
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
    }
    const most = Math.max(...pairs.values());
    expect(most / persons.length).toBeLessThan(0.001);
    // Skewed, not uniform: the first male name of a pool is drawn far more often than the last.
    for (const corridor of SYNTHETIC_CORRIDORS.filter((c) => !c.compoundMale)) {
      const men = persons.filter((p) => p.nationalities![0] === corridor.nationality && p.sex === 'male');
      const count = (latin: readonly string[]) => men.filter((p) => latin.includes(p.givenNames)).length;
      const first = count(corridor.names.male[0]!.latin);
      const last = count(corridor.names.male.at(-1)!.latin);
      expect(first, corridor.label).toBeGreaterThan(5 * Math.max(last, 1));
    }
  });

  it('write native-script names in the script of their pool, Latin names in Latin script', () => {
    const scriptOf = new Map(SYNTHETIC_CORRIDORS.map((c) => [c.nationality, c.script]));
    const bad: unknown[] = [];
    for (const p of persons) {
      const script = scriptOf.get(p.nationalities![0]!);
      const native = p.originalScriptName;
      if (script ? !native || !SCRIPT_PATTERN[script].test(native) : native !== undefined) bad.push(native);
      for (const s of [p.givenNames, p.familyName, ...(p.otherSpellings ?? [])])
        if (!LATIN_NAME.test(s)) bad.push(s);
      if (!/^[a-z]{2}$/.test(p.languages![0]!)) bad.push(p.languages);
    }
    expect(bad).toEqual([]);
  });
});

describe('synthetic name pools', () => {
  it('are large lists without duplicates, with native forms exactly where the script is not Latin', () => {
    for (const c of SYNTHETIC_CORRIDORS) {
      expect(c.names.male.length, c.label).toBeGreaterThanOrEqual(30);
      expect(c.names.female.length, c.label).toBeGreaterThanOrEqual(25);
      expect(c.names.family.length, c.label).toBeGreaterThanOrEqual(60);
      for (const list of [c.names.male, c.names.female, c.names.family]) {
        const keys = list.map((e) => e.native || e.latin[0]);
        expect(new Set(keys).size, c.label).toBe(keys.length);
        for (const e of list) {
          if (c.script) expect(e.native, c.label).toMatch(SCRIPT_PATTERN[c.script]);
          else expect(e.native, c.label).toBe('');
          expect(e.latin.length).toBeGreaterThan(0);
          for (const l of e.latin) expect(l, c.label).toMatch(LATIN_NAME);
        }
      }
    }
  });

  it('use Persian letters in Persian and Urdu pools, Arabic letters in Arabic pools', () => {
    const persianOrUrdu = new Set(['Afghanistan', 'Iran', 'Pakistan']);
    for (const c of SYNTHETIC_CORRIDORS.filter((x) => x.script === 'Arabic')) {
      const natives = [...c.names.male, ...c.names.female, ...c.names.family].map((e) => e.native);
      for (const n of natives) {
        if (persianOrUrdu.has(c.label)) expect(n, c.label).not.toMatch(/[يكة]/u);
        else expect(n, c.label).not.toMatch(/[یکہھے]/u);
        if (c.label === 'Pakistan') expect(n).not.toMatch(/ه/u); // Urdu writes ہ / ھ
      }
    }
  });

  it('derive the Slavic feminine family name in both scripts', () => {
    expect(feminineFamilyName({ native: 'Петров', latin: ['Petrov'] })).toEqual({
      native: 'Петрова',
      latin: ['Petrova'],
    });
    expect(feminineFamilyName({ native: 'Соловьёв', latin: ['Solovev', 'Solovyov'] })).toEqual({
      native: 'Соловьёва',
      latin: ['Soloveva', 'Solovyova'],
    });
    expect(feminineFamilyName({ native: 'Островский', latin: ['Ostrovskii', 'Ostrovsky'] })).toEqual({
      native: 'Островская',
      latin: ['Ostrovskaia', 'Ostrovskaya'],
    });
    expect(feminineFamilyName({ native: 'Высоцкий', latin: ['Vysotskii'] }).native).toBe('Высоцкая');
    expect(feminineFamilyName({ native: 'Ильин', latin: ['Ilin'] }).latin).toEqual(['Ilina']);
    expect(feminineFamilyName({ native: 'Коваленко', latin: ['Kovalenko'] })).toEqual({
      native: 'Коваленко',
      latin: ['Kovalenko'],
    });
    // Every listed name changes in both scripts or in neither.
    for (const c of SYNTHETIC_CORRIDORS.filter((x) => x.slavicFeminine)) {
      for (const e of c.names.family) {
        const f = feminineFamilyName(e);
        const changed = f.latin.map((l, i) => l !== e.latin[i]);
        expect(
          changed.every((x) => x === (f.native !== e.native)),
          e.native,
        ).toBe(true);
      }
    }
  });
});
