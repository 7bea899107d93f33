/**
 * Evaluation of name search against a labelled set of name pairs (test/fixtures/name-pairs.json).
 * Independent of how the search is done: the in-memory scorer (match.ts) and, later, the database
 * search can both be measured with {@link evaluateNameSearch}.
 *
 * Definitions (honest, and the same for every search function):
 * - Population: every distinct `target` of the pairs, plus generated distractor names. Each is one
 *   person whose whole name is that string.
 * - Results of a query: the search's top-k persons whose score is at or above its threshold.
 * - True matches of a query: the targets paired with it with `match: true`, and a person whose name
 *   is exactly the query string. Nothing else counts as correct, even a plausible look-alike.
 * - Recall: share of `match: true` pairs whose target is among the results of their query.
 * - Precision: over all distinct queries, share of returned results that are true matches of the
 *   query (micro-average: total correct results / total results). A query that returns nothing
 *   adds nothing to either count.
 */

export const PAIR_KINDS = [
  'arabic-latin',
  'cyrillic-latin',
  'latin-variant',
  'swapped',
  'typo',
  'persian-latin',
  'non-match',
] as const;
export type PairKind = (typeof PAIR_KINDS)[number];

export interface NamePair {
  query: string;
  target: string;
  match: boolean;
  kind: PairKind;
}

export interface PopulationEntry {
  id: string;
  name: string;
}

export type SearchFunction = (query: string) => ReadonlyArray<{ id: string; score: number }>;

export interface Miss {
  query: string;
  target: string;
  kind: PairKind;
  /** Rank of the target among the results (1-based), or null when it was not returned. */
  rank: number | null;
}

export interface FalsePositive {
  query: string;
  returned: string;
  score: number;
  /** True when the fixture explicitly labels this pair as a non-match. */
  labelledNonMatch: boolean;
}

export interface Evaluation {
  recall: number;
  precision: number;
  matchPairs: number;
  found: number;
  queries: number;
  returned: number;
  correctReturned: number;
  recallByKind: Partial<Record<PairKind, { pairs: number; found: number; recall: number }>>;
  /** Labelled non-match pairs whose target came back. */
  nonMatchLeaks: number;
  nonMatchPairs: number;
  misses: Miss[];
  falsePositives: FalsePositive[];
}

/** Every distinct target, then the distractors that are not already targets; id = the name. */
export function buildPopulation(
  pairs: readonly NamePair[],
  distractors: readonly string[],
): PopulationEntry[] {
  const names = [...new Set([...pairs.map((p) => p.target), ...distractors])];
  return names.map((name) => ({ id: name, name }));
}

export function evaluateNameSearch(pairs: readonly NamePair[], search: SearchFunction): Evaluation {
  const truth = new Map<string, Set<string>>();
  for (const p of pairs) {
    const set = truth.get(p.query) ?? new Set([p.query]);
    if (p.match) set.add(p.target);
    truth.set(p.query, set);
  }
  const results = new Map<string, ReadonlyArray<{ id: string; score: number }>>();
  for (const query of truth.keys()) results.set(query, search(query));

  const misses: Miss[] = [];
  const recallByKind: Evaluation['recallByKind'] = {};
  let matchPairs = 0;
  let found = 0;
  let nonMatchPairs = 0;
  let nonMatchLeaks = 0;
  for (const p of pairs) {
    const ids = (results.get(p.query) ?? []).map((r) => r.id);
    const index = ids.indexOf(p.target);
    if (!p.match) {
      nonMatchPairs++;
      if (index >= 0) nonMatchLeaks++;
      continue;
    }
    matchPairs++;
    const byKind = recallByKind[p.kind] ?? { pairs: 0, found: 0, recall: 0 };
    byKind.pairs++;
    if (index >= 0) {
      found++;
      byKind.found++;
    } else misses.push({ query: p.query, target: p.target, kind: p.kind, rank: null });
    byKind.recall = byKind.found / byKind.pairs;
    recallByKind[p.kind] = byKind;
  }

  const nonMatch = new Set(pairs.filter((p) => !p.match).map((p) => `${p.query}\u0000${p.target}`));
  const falsePositives: FalsePositive[] = [];
  let returned = 0;
  let correctReturned = 0;
  for (const [query, list] of results) {
    const correct = truth.get(query) ?? new Set<string>();
    for (const r of list) {
      returned++;
      if (correct.has(r.id)) correctReturned++;
      else {
        falsePositives.push({
          query,
          returned: r.id,
          score: r.score,
          labelledNonMatch: nonMatch.has(`${query}\u0000${r.id}`),
        });
      }
    }
  }

  return {
    recall: matchPairs === 0 ? 1 : found / matchPairs,
    precision: returned === 0 ? 1 : correctReturned / returned,
    matchPairs,
    found,
    queries: results.size,
    returned,
    correctReturned,
    recallByKind,
    nonMatchLeaks,
    nonMatchPairs,
    misses,
    falsePositives,
  };
}

// ---------------------------------------------------------------------------------------------
// Distractors

/**
 * Given and family names by origin for generated distractor persons. Family names are chosen not to
 * be spellings of the family name of any fixture target, so that a distractor is never a true match
 * of a fixture query by construction; given names overlap freely (they do in real life).
 */
// prettier-ignore
const DISTRACTOR_POOLS: ReadonlyArray<{ given: readonly string[]; family: readonly string[] }> = [
  {
    // Iraq, Syria, Jordan, Lebanon
    given: [
      'Tariq', 'Walid', 'Nabil', 'Adel', 'Faisal', 'Firas', 'Majid', 'Rashid', 'Salim', 'Karim', 'Imad',
      'Bilal', 'Hamza', 'Anas', 'Usama', 'Murad', 'Ziad', 'Hani', 'Fadi', 'Wael', 'Basel', 'Ayman',
      'Mohammed', 'Ahmed', 'Ali', 'Hassan', 'Hussein', 'Omar', 'Ibrahim', 'Mustafa', 'Mahmoud', 'Aisha',
      'Khadija', 'Fatima', 'Maryam', 'Sara', 'Huda', 'Mona', 'Laila', 'Salma', 'Rania', 'Dina', 'Hiba',
      'Iman', 'Amal', 'Nadia', 'Wafa', 'Rasha', 'Hanan', 'Ghada', 'Nawal',
    ],
    family: [
      'Al-Rawi', 'Al-Ani', 'Al-Hiti', 'Al-Karbouli', 'Al-Mashhadani', 'Al-Khafaji', 'Al-Maliki',
      'Al-Sudani', 'Al-Abadi', 'Shalabi', 'Barakat', 'Qassab', 'Hijazi', 'Jarrah', 'Farhat', 'Mardini',
      'Tabbaa', 'Zoabi', 'Masalha', 'Odeh', 'Awad', 'Shaheen', 'Al-Hamwi', 'Sawaf', 'Kanaan',
    ],
  },
  {
    // Maghreb
    given: [
      'Mohamed', 'Rachid', 'Said', 'Mourad', 'Karim', 'Nabil', 'Samir', 'Mehdi', 'Hamza', 'Ayoub',
      'Ilyas', 'Yassine', 'Amine', 'Zakaria', 'Khadija', 'Fatiha', 'Naima', 'Malika', 'Souad', 'Latifa',
      'Hajar', 'Sanae', 'Imane', 'Meriem', 'Asma', 'Nour',
    ],
    family: [
      'Bennani', 'Tazi', 'Berrada', 'Chraibi', 'Lahlou', 'Bouazza', 'Mekki', 'Meziane', 'Belaid',
      'Jebali', 'Ghannouchi', 'Ayari', 'Dridi', 'Mejri', 'Sassi', 'Jlassi', 'Ouali', 'Zerrouki',
    ],
  },
  {
    // Iran and Afghanistan
    given: [
      'Farhad', 'Bahram', 'Dariush', 'Babak', 'Arash', 'Kaveh', 'Navid', 'Omid', 'Vahid', 'Saeed', 'Majid',
      'Hamid', 'Abbas', 'Nasrin', 'Shirin', 'Mina', 'Pari', 'Shabnam', 'Nazanin', 'Roya', 'Soraya',
      'Mahnaz', 'Wahid', 'Rahim', 'Najib', 'Nasir', 'Rahmatullah', 'Hekmatullah', 'Shafiq', 'Mirwais',
    ],
    family: [
      'Moradi', 'Ghorbani', 'Sadeghi', 'Bagheri', 'Rostami', 'Shirazi', 'Esfahani', 'Tabatabai', 'Nazari',
      'Amini', 'Azizi', 'Sharifi', 'Akbari', 'Safavi', 'Popal', 'Barakzai', 'Durrani', 'Khalili', 'Sahak',
      'Hotak', 'Mangal', 'Zadran', 'Waziri', 'Yousufzai', 'Kakar', 'Niazi',
    ],
  },
  {
    // Russia
    given: [
      'Ivan', 'Sergei', 'Andrei', 'Aleksei', 'Mikhail', 'Nikolai', 'Vladimir', 'Pavel', 'Viktor',
      'Maksim', 'Roman', 'Artem', 'Denis', 'Boris', 'Oleg', 'Anna', 'Maria', 'Olga', 'Tatiana', 'Natalia',
      'Svetlana', 'Irina', 'Ekaterina', 'Anastasia', 'Marina', 'Galina',
    ],
    family: [
      'Smirnov', 'Popov', 'Vasiliev', 'Novikov', 'Fedorov', 'Morozov', 'Lebedev', 'Kozlov', 'Pavlov',
      'Egorov', 'Stepanov', 'Nikolaev', 'Makarov', 'Zaitsev', 'Borisov', 'Romanov', 'Vinogradov',
      'Belov', 'Tarasov', 'Frolov', 'Zhukov',
    ],
  },
  {
    // Ukraine
    given: [
      'Mykola', 'Taras', 'Bohdan', 'Andrii', 'Serhii', 'Vasyl', 'Petro', 'Oksana', 'Kateryna', 'Halyna',
      'Tetiana', 'Viktoriia', 'Liudmyla', 'Nataliia',
    ],
    family: [
      'Boiko', 'Oliinyk', 'Savchenko', 'Rudenko', 'Marchenko', 'Moroz', 'Pavlenko', 'Klymenko',
      'Polishchuk', 'Levchenko', 'Kushnir', 'Karpenko', 'Vlasenko', 'Ponomarenko', 'Hrytsenko',
    ],
  },
  {
    // Georgia
    given: ['Giorgi', 'Davit', 'Levan', 'Irakli', 'Nika', 'Luka', 'Lasha', 'Zurab', 'Shota', 'Nino', 'Tamar', 'Ketevan', 'Eka', 'Salome', 'Natia', 'Maia'],
    family: [
      'Lomidze', 'Japaridze', 'Maisuradze', 'Khutsishvili', 'Abashidze', 'Mchedlishvili', 'Gogoladze',
      'Kvaratskhelia', 'Chkheidze', 'Tsereteli', 'Dolidze', 'Jorbenadze', 'Bakradze', 'Gogua',
    ],
  },
  {
    // Nigeria
    given: [
      'Chinedu', 'Emeka', 'Obinna', 'Ikenna', 'Nnamdi', 'Chioma', 'Ngozi', 'Ifeoma', 'Amaka', 'Babatunde',
      'Segun', 'Olumide', 'Folake', 'Funmilayo', 'Kehinde', 'Taiwo', 'Musa', 'Sani', 'Usman', 'Hauwa',
      'Emmanuel', 'Godwin',
    ],
    family: [
      'Okeke', 'Nwosu', 'Okoro', 'Obi', 'Adeleke', 'Ogunleye', 'Balogun', 'Afolabi', 'Bakare', 'Danjuma',
      'Aminu', 'Nwachukwu', 'Onyeka', 'Ojo', 'Lawal',
    ],
  },
  {
    // Eritrea and Ethiopia
    given: [
      'Yohannes', 'Berhane', 'Semere', 'Filmon', 'Yemane', 'Habtom', 'Tsegay', 'Dawit', 'Eyob', 'Fitsum',
      'Goitom', 'Kibrom', 'Nahom', 'Robel', 'Winta', 'Yordanos', 'Helen', 'Saba', 'Luwam', 'Freweini',
    ],
    family: [
      'Woldu', 'Asmerom', 'Ghebrehiwet', 'Andemariam', 'Measho', 'Abraha', 'Kahsay', 'Berhe',
      'Teklehaimanot', 'Zerai', 'Hailu', 'Negash', 'Weldemichael',
    ],
  },
  {
    // Somalia
    given: ['Abdi', 'Abdullahi', 'Ahmed', 'Hassan', 'Hodan', 'Hawa', 'Sahra', 'Ubah', 'Deeqa', 'Nimco', 'Ifrah', 'Asha', 'Guled', 'Abdirizak', 'Abdiweli'],
    family: ['Egal', 'Dirie', 'Samatar', 'Duale', 'Gedi', 'Aden', 'Shire', 'Abdille', 'Elmi', 'Guleid'],
  },
];

/** A small deterministic generator (mulberry32), so the distractors are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` distinct "Given Family" names from the pools above, deterministic for a seed. */
export function generateDistractors(count: number, seed = 2021): string[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const out = new Set<string>();
  let attempts = 0;
  while (out.size < count && attempts < count * 100) {
    attempts++;
    const pool = pick(DISTRACTOR_POOLS);
    out.add(`${pick(pool.given)} ${pick(pool.family)}`);
  }
  return [...out];
}
