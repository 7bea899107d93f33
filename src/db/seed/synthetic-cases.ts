import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { PersonInput } from '../../server/cases/cases.schemas.ts';
import { personValues } from '../../server/cases/cases.service.ts';
import { nextReference } from '../../server/cases/cases.repository.ts';
import { VULNERABILITY_CATEGORIES } from '../../domain/case-facts.ts';

/**
 * Realistic synthetic households for the demo and the benchmarks: plausible corridors (nationality →
 * country of return), names in their native script with Latin spellings as they appear on papers,
 * ages, vulnerabilities and stages spread like a caseload. Deterministic for a given seed.
 */

interface NamePool {
  male: [native: string, latin: string[]][];
  female: [native: string, latin: string[]][];
  family: [native: string, latin: string[]][];
  languages: string[];
}

const ARABIC: NamePool = {
  male: [
    ['محمد', ['Mohammed', 'Muhammad', 'Mohamed']],
    ['أحمد', ['Ahmed', 'Ahmad']],
    ['علي', ['Ali']],
    ['حسين', ['Hussein', 'Husain']],
    ['عمر', ['Omar', 'Umar']],
    ['يوسف', ['Youssef', 'Yusuf']],
    ['خالد', ['Khaled', 'Khalid']],
    ['مصطفى', ['Mustafa', 'Moustafa']],
  ],
  female: [
    ['فاطمة', ['Fatima', 'Fatma']],
    ['زينب', ['Zainab', 'Zeinab']],
    ['مريم', ['Maryam', 'Mariam']],
    ['نور', ['Nour', 'Noor']],
    ['عائشة', ['Aisha', 'Aicha']],
    ['سارة', ['Sara', 'Sarah']],
  ],
  family: [
    ['الحسن', ['Al-Hassan', 'Alhasan']],
    ['العبيدي', ['Al-Obaidi', 'Alobaidi']],
    ['الجبوري', ['Al-Jubouri', 'Aljuburi']],
    ['الكريم', ['Al-Karim', 'Alkarim']],
    ['صالح', ['Saleh', 'Salih']],
    ['جابر', ['Jaber', 'Jabir']],
    ['حداد', ['Haddad']],
  ],
  languages: ['ar', 'ku'],
};

const DARI: NamePool = {
  male: [
    ['احمد', ['Ahmad']],
    ['محمود', ['Mahmood', 'Mahmud']],
    ['جواد', ['Jawad', 'Javad']],
    ['رحیم', ['Rahim', 'Raheem']],
  ],
  female: [
    ['زهرا', ['Zahra']],
    ['مریم', ['Maryam']],
    ['فرشته', ['Fereshta', 'Fereshteh']],
  ],
  family: [
    ['احمدی', ['Ahmadi']],
    ['حسینی', ['Hosseini', 'Husaini']],
    ['کریمی', ['Karimi']],
    ['رحیمی', ['Rahimi']],
  ],
  languages: ['fa', 'ps'],
};

const LATIN_NG: NamePool = {
  male: [
    ['', ['Chinedu']],
    ['', ['Emeka']],
    ['', ['Oluwaseun', 'Seun']],
    ['', ['Ibrahim', 'Ibraheem']],
  ],
  female: [
    ['', ['Chiamaka']],
    ['', ['Ngozi']],
    ['', ['Funmilayo', 'Funmi']],
    ['', ['Aisha']],
  ],
  family: [
    ['', ['Okafor']],
    ['', ['Adeyemi']],
    ['', ['Balogun']],
    ['', ['Eze']],
  ],
  languages: ['en', 'yo', 'ig', 'ha'],
};

const GEORGIAN: NamePool = {
  male: [
    ['გიორგი', ['Giorgi', 'George']],
    ['დავით', ['Davit', 'David']],
    ['ლევან', ['Levan']],
  ],
  female: [
    ['ნინო', ['Nino']],
    ['თამარ', ['Tamar', 'Tamara']],
    ['მარიამ', ['Mariam']],
  ],
  family: [
    ['ბერიძე', ['Beridze']],
    ['კაპანაძე', ['Kapanadze']],
    ['გელაშვილი', ['Gelashvili']],
  ],
  languages: ['ka', 'ru'],
};

const RUSSIAN: NamePool = {
  male: [
    ['Иван', ['Ivan']],
    ['Сергей', ['Sergei', 'Sergey']],
    ['Юрий', ['Yuri', 'Iouri', 'Jurij']],
  ],
  female: [
    ['Ольга', ['Olga']],
    ['Наталья', ['Natalia', 'Natalya']],
    ['Екатерина', ['Ekaterina', 'Yekaterina']],
  ],
  family: [
    ['Петров', ['Petrov']],
    ['Смирнов', ['Smirnov']],
    ['Кузнецов', ['Kuznetsov']],
  ],
  languages: ['ru'],
};

/** Nationality → country of return and name pool, with a weight like a real caseload's mix. */
const CORRIDORS: { nationality: string; pool: NamePool; weight: number }[] = [
  { nationality: 'IQ', pool: ARABIC, weight: 30 },
  { nationality: 'AF', pool: DARI, weight: 15 },
  { nationality: 'NG', pool: LATIN_NG, weight: 20 },
  { nationality: 'GE', pool: GEORGIAN, weight: 25 },
  { nationality: 'RU', pool: RUSSIAN, weight: 10 },
];

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

function weighted<T>(r: () => number, xs: readonly (readonly [T, number])[]): T {
  const total = xs.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of xs) if ((x -= w) < 0) return v;
  return xs[xs.length - 1]![0];
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function birthDate(r: () => number, minAge: number, maxAge: number, today: Date): string {
  const age = minAge + r() * (maxAge - minAge);
  return isoDate(new Date(today.getTime() - age * 365.25 * 86_400_000));
}

export interface SyntheticHousehold {
  returnCountry: string;
  stage: string;
  departureDeadline: string | null;
  administrativeStatus: string;
  persons: PersonInput[];
  vulnerablePersonIndexes: number[];
}

export function syntheticHousehold(r: () => number, today: Date): SyntheticHousehold {
  const corridor = weighted(
    r,
    CORRIDORS.map((c) => [c, c.weight] as const),
  );
  const { pool, nationality } = corridor;
  const [famNative, famLatin] = pick(r, pool.family);
  const principalMale = r() < 0.7;
  const person = (male: boolean, relationship: PersonInput['relationship'], dob: string): PersonInput => {
    const [native, latins] = pick(r, male ? pool.male : pool.female);
    const latin = pick(r, latins);
    const family = pick(r, famLatin);
    const spellings = [...latins.filter((l) => l !== latin).map((l) => `${l} ${family}`)];
    return {
      relationship,
      givenNames: latin,
      familyName: family,
      ...(native && famNative ? { originalScriptName: `${native} ${famNative}` } : {}),
      ...(spellings.length ? { otherSpellings: spellings.slice(0, 3) } : {}),
      sex: male ? 'male' : 'female',
      dateOfBirth: dob,
      dateOfBirthApproximate: r() < 0.1,
      nationalities: [nationality],
      languages: [pick(r, pool.languages)],
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
  const persons: PersonInput[] = [person(principalMale, 'principal', birthDate(r, 19, 62, today))];
  const size = weighted(r, [
    [1, 55],
    [2, 12],
    [3, 13],
    [4, 12],
    [5, 8],
  ] as const);
  if (size >= 2) persons.push(person(!principalMale, 'spouse', birthDate(r, 19, 55, today)));
  for (let i = 2; i < size; i++) persons.push(person(r() < 0.5, 'child', birthDate(r, 0, 17, today)));
  const vulnerable = persons.map((_, i) => i).filter(() => r() < 0.08);
  const deadline = r() < 0.6 ? isoDate(new Date(today.getTime() + (r() * 120 - 20) * 86_400_000)) : null;
  return {
    returnCountry: nationality,
    stage: weighted(r, STAGES),
    departureDeadline: deadline,
    administrativeStatus: weighted(r, [
      ['asylum_rejected', 50],
      ['asylum_pending', 15],
      ['irregular_stay', 25],
      ['expired_permit', 10],
    ] as const),
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
