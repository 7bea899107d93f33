import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildPopulation,
  evaluateNameSearch,
  generateDistractors,
  PAIR_KINDS,
  type NamePair,
} from './evaluation.ts';
import { MATCH_THRESHOLD, nameSimilarity, rankCandidates, tokenSimilarity, type Candidate } from './match.ts';
import { nameKey } from './normalize.ts';
import { personSearchKeys, queryKeys } from './search-keys.ts';
import { toLatin } from './transliterate.ts';
import { levenshtein, osaDistance, similarity, trigrams } from './trigram.ts';

describe('trigram similarity, as pg_trgm computes it', () => {
  // Expected values read from PostgreSQL (pg_trgm and fuzzystrmatch in PGlite): show_trgm,
  // similarity, levenshtein. The in-memory search is only a prediction of the database if these agree.
  it('pads each word with two spaces before and one after, and de-duplicates', () => {
    expect([...trigrams('Hasan')].sort()).toEqual(['  h', ' ha', 'an ', 'asa', 'has', 'san']);
    expect([...trigrams('ali ali')].sort()).toEqual(['  a', ' al', 'ali', 'li ']);
    expect([...trigrams('al-hasan')].sort()).toEqual([...trigrams('al hasan')].sort());
  });

  it('computes |A ∩ B| / |A ∪ B|, independent of word order', () => {
    expect(similarity('hasan', 'hasna')).toBeCloseTo(0.33333334, 6);
    expect(similarity('ahmad', 'ahmd')).toBeCloseTo(0.375, 6);
    expect(similarity('ahmad hasan', 'hasan ahmad')).toBe(1);
    expect(similarity('', 'x')).toBe(0);
  });

  it('counts edits like fuzzystrmatch levenshtein, and a swap of neighbours as one OSA edit', () => {
    expect(levenshtein('hasan', 'husain')).toBe(2);
    expect(levenshtein('hasan', 'hasna')).toBe(2);
    expect(osaDistance('hasan', 'hasna')).toBe(1);
    expect(osaDistance('ca', 'abc')).toBe(3);
  });
});

describe('toLatin', () => {
  it('reads common Arabic names with their vowels, others letter by letter', () => {
    expect(toLatin('محمد')).toBe('muhammad');
    expect(toLatin('مُحَمَّد')).toBe('muhammad'); // short-vowel marks ignored
    expect(toLatin('محمـــد')).toBe('muhammad'); // tatweel removed
    expect(toLatin('محمد الحسن')).toBe('muhammad al hasan');
    expect(toLatin('عبدالرحمن')).toBe('abd al rahman');
    expect(toLatin('نورالدين')).toBe('nur al din');
    expect(toLatin('الفلاني')).toBe('al flani');
    expect(toLatin('كريمي')).toBe('karimi');
  });

  it('reads Persian letters', () => {
    expect(toLatin('علیرضا')).toBe('ali rida');
    expect(toLatin('گل احمد')).toBe('gul ahmad');
    expect(toLatin('پوپل')).toBe('pupl');
  });

  it('transliterates Russian, and Ukrainian when the text has a Ukrainian letter', () => {
    expect(toLatin('Иван Петров')).toBe('ivan petrov');
    expect(toLatin('Юрий Хасанов')).toBe('yuriy khasanov');
    // Serbian Cyrillic reads like the Latin alphabet of the same language, folded.
    expect(toLatin('Ђорђе Јовановић')).toBe(toLatin('Đorđe Jovanović'));
    expect(toLatin('Милош Николић')).toBe('milos nikolic');
    expect(toLatin('Љубица Џаковић')).toBe('ljubica dzakovic');
    expect(toLatin('Григорій')).toBe('hryhoriy');
    expect(toLatin('Олександр Шевченко')).toBe('oleksandr shevchenko');
  });

  it('transliterates Greek and Georgian', () => {
    expect(toLatin('Αλέξανδρος')).toBe('alexandros');
    expect(toLatin('გიორგი ბერიძე')).toBe('giorgi beridze');
  });

  it('folds Latin diacritics and leaves only [a-z ] with single spaces', () => {
    expect(toLatin('  José  Müller-Ødegård ')).toBe('jose muller odegard');
    expect(toLatin('Straße Łódź Ærø')).toBe('strasse lodz aero');
    expect(toLatin("Sa'id Ba’albaki")).toBe('said baalbaki');
    expect(toLatin('Ali (2) / Hasan')).toBe('ali hasan');
    expect(toLatin('Ahmed Şükrü Çelik')).toMatch(/^[a-z]+( [a-z]+)*$/);
  });
});

describe('nameKey', () => {
  const same = (...names: string[]) => {
    const keys = names.map(nameKey);
    expect(new Set(keys).size, `${names.join(', ')} → ${keys.join(', ')}`).toBe(1);
  };
  const different = (a: string, b: string) => expect(nameKey(a)).not.toBe(nameKey(b));

  it('brings the spellings of Muhammad together, across scripts', () => {
    same(
      'محمد',
      'Muhammad',
      'Mohammed',
      'Mohamed',
      'Mohamad',
      'Muhamed',
      'Mohammad',
      'Mouhamed',
      'Mhd',
      'Магомед',
    );
  });

  it('brings common transliteration variants together', () => {
    same('Hussein', 'Husayn', 'Hossein', 'Hussain', 'Husein', 'حسين');
    same('Hassan', 'Hasan', 'حسن', 'Хасан');
    same('Ahmed', 'Ahmad', 'أحمد');
    same('Yusuf', 'Youssef', 'Yousef', 'Yousif', 'Youcef', 'يوسف');
    same('Khaled', 'Khalid', 'خالد');
    same('Leila', 'Layla', 'Laila', 'ليلى');
    same('Fatima', 'Fatemeh', 'Fatma', 'فاطمة', 'فاطمه');
    same('Mustafa', 'Moustafa', 'Mustapha');
    same('Omar', 'Umar', 'عمر');
    same('Ghulam', 'Gholam', 'غلام');
    same('Jamal', 'Djamel', 'Dzhamal', 'جمال');
    same('Aisha', 'Aicha', 'Ayesha', 'Aysha', 'عائشة');
  });

  it('brings Cyrillic-Latin variants together (y, j, i for й, ю, я)', () => {
    same('Yuri', 'Iouri', 'Jurij', 'Yurii', 'Yury', 'Юрий');
    same('Natalya', 'Nataliya', 'Natalia', 'Natalja', 'Наталья');
    same('Yelena', 'Elena', 'Jelena', 'Елена');
    same('Sergey', 'Sergei', 'Serguei', 'Sergej', 'Сергей');
    same('Fyodor', 'Fedor', 'Fiodor', 'Фёдор');
    same('Andreev', 'Andreyev', 'Андреев');
    same('Volkov', 'Volkoff', 'Wolkow', 'Волков');
  });

  it('joins Abd, Abu, Din and Allah compounds, and drops the article', () => {
    same(
      'Abdel Rahman',
      'Abdulrahman',
      'Abd al-Rahman',
      'Abderrahmane',
      'Abdirahman',
      'عبد الرحمن',
      'عبدالرحمن',
    );
    same('Abdullah', 'Abdallah', 'Abd Allah', 'عبدالله');
    same('Abdelkader', 'Abd El Kader', 'Abdul Qadir', 'عبد القادر');
    same('Noureddine', 'Nour Eddine', 'Nur al-Din', 'Nuruddin', 'نورالدين');
    same('Habibullah', 'Habib Ullah', 'حبيب الله');
    same('Abu Bakr', 'Abubakr', 'Abubakar');
    same('Al-Hassan', 'El Hassan', 'Alhassan', 'Hassan', 'الحسن');
    same('Ben Ali', 'Benali', 'بن علي');
    same('Alireza', 'Ali Reza', 'علیرضا');
    same('Gebremedhin', 'Gebre Medhin', 'Ghebremedhin');
  });

  it('keeps different names apart', () => {
    different('Hassan', 'Hussein');
    different('Ahmad', 'Hamid');
    different('Muhammad', 'Mahmoud');
    different('Ali', 'Alia');
    different('Olga', 'Olena');
    different('Amine', 'Amina');
    different('Jamal', 'Jamil');
  });

  it('keeps only the consonants of an Arabic-script word outside the name list', () => {
    expect(nameKey('الفلاني')).toBe('fln');
  });
});

describe('search keys', () => {
  it('meet for swapped given and family names', () => {
    const a = personSearchKeys({ givenNames: 'Ali', familyName: 'Hassan' });
    const b = personSearchKeys({ givenNames: 'Hassan', familyName: 'Ali' });
    expect(a.full).toBe('ali hasan');
    expect(b.full).toBe(a.full);
    expect(queryKeys('حسن علي').full).toBe(a.full);
  });

  it('keep one sorted key per spelling and the distinct tokens of all of them', () => {
    const keys = personSearchKeys({
      givenNames: 'Mohammed',
      familyName: 'Al-Jubouri',
      originalScript: 'محمد الجبوري',
      otherSpellings: ['Muhammad Jubouri', 'Mohamed Aljbouri'],
    });
    expect(keys.full).toBe('muhamad yuburi');
    expect(keys.spellings[0]).toBe(keys.full);
    // Aljbouri: the joined article is only split off a known name, so this spelling stays one word.
    expect(keys.spellings).toEqual(['muhamad yuburi', 'aliburi muhamad']);
    expect(keys.tokens).toEqual(['muhamad', 'yuburi', 'aliburi']);
  });
});

describe('nameSimilarity and rankCandidates', () => {
  const person = (givenNames: string, familyName: string) => ({ givenNames, familyName });

  it('scores cross-script, variant, swapped and one-missing-name matches high', () => {
    expect(nameSimilarity('محمد علي حسن', person('Mohammed Ali', 'Hassan'))).toBe(1);
    expect(nameSimilarity('Hasan Muhammad Ali', person('Mohammed Ali', 'Hassan'))).toBe(1);
    expect(nameSimilarity('Ahmed Al-Jubouri', person('Ahmed Jasim', 'Al-Jubouri'))).toBeCloseTo(0.9, 6);
    expect(nameSimilarity('Олена Коваленко', person('Olena', 'Kovalenko'))).toBe(1);
    expect(nameSimilarity('Yousef Darwsih', person('Yousef', 'Darwish'))).toBeGreaterThanOrEqual(
      MATCH_THRESHOLD,
    );
  });

  it('scores different names low even when the other names agree', () => {
    expect(nameSimilarity('Ahmad Hasan', person('Ahmad', 'Husain'))).toBeLessThan(MATCH_THRESHOLD);
    expect(nameSimilarity('Mohammed Ali Hussein', person('Mohammed Ali', 'Hassan'))).toBeLessThan(
      MATCH_THRESHOLD,
    );
    expect(nameSimilarity('Alia Hassan Jaber', person('Ali Hassan', 'Jaber'))).toBeLessThan(MATCH_THRESHOLD);
    expect(nameSimilarity('Olga Kovalenko', person('Olena', 'Kovalenko'))).toBeLessThan(MATCH_THRESHOLD);
    expect(nameSimilarity('Abdul Rahim Hamoud', person('Abdul Rahman', 'Hamoud'))).toBeLessThan(
      MATCH_THRESHOLD,
    );
  });

  it('treats known names as distinct tokens but typos of them as near', () => {
    expect(tokenSimilarity('hasan', 'husain')).toBe(0);
    expect(tokenSimilarity('hasan', 'hasna')).toBe(0); // Hasna is a name of its own
    expect(tokenSimilarity('darvish', 'darvsih')).toBeGreaterThan(0.8);
  });

  it('returns the top k above the threshold, best first', () => {
    const persons: Candidate[] = [
      { id: 'a', givenNames: 'Mohammed Ali', familyName: 'Hassan' },
      { id: 'b', givenNames: 'Mohammed Ali', familyName: 'Hussein' },
      { id: 'c', givenNames: 'Muhammad', familyName: 'Hasan' },
      { id: 'd', givenNames: 'Olena', familyName: 'Kovalenko' },
    ];
    expect(rankCandidates('محمد علي حسن', persons)).toEqual([
      { id: 'a', score: 1 },
      { id: 'c', score: 0.9 },
    ]);
    expect(rankCandidates('محمد علي حسن', persons, 1)).toHaveLength(1);
    expect(rankCandidates('Nobody Known', persons)).toEqual([]);
  });
});

describe('name-search quality on test/fixtures/name-pairs.json', () => {
  const pairs = JSON.parse(
    readFileSync(new URL('../../../test/fixtures/name-pairs.json', import.meta.url), 'utf8'),
  ) as NamePair[];

  it('is a labelled set of at least 200 pairs with at least 60 non-matches, consistently labelled', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(200);
    expect(pairs.filter((p) => !p.match).length).toBeGreaterThanOrEqual(60);
    for (const p of pairs) {
      expect(PAIR_KINDS).toContain(p.kind);
      expect(p.match, `${p.query} / ${p.target}`).toBe(p.kind !== 'non-match');
    }
    const labels = new Map<string, boolean>();
    for (const p of pairs) {
      const key = `${p.query}\u0000${p.target}`;
      expect(labels.get(key) ?? p.match, `contradictory labels for ${p.query} / ${p.target}`).toBe(p.match);
      labels.set(key, p.match);
    }
  });

  /*
   * Metrics (defined in evaluation.ts, repeated here):
   * - population: every distinct target of the fixture plus 300 generated distractor names from nine
   *   origins (a fixed seed); each is one person whose whole name is that string;
   * - results of a query: rankCandidates' top 10 with a score ≥ MATCH_THRESHOLD;
   * - true matches of a query: the targets paired with it with match = true, or a person whose name
   *   is exactly the query; nothing else counts, not even a plausible look-alike;
   * - recall: share of match = true pairs whose target is in the results of its query;
   * - precision: over all distinct queries, correct results / all results returned (micro-average).
   * The threshold was chosen on this data (the gap between the scores of true and false pairs); the
   * name list and the rules were written with the first 285 pairs in view. The last 97 pairs (from
   * "Saif Al-Din Al-Janabi" on) were written afterwards and first measured blind (recall 0.910,
   * precision 0.953); four generic fixes followed, so they are no longer a blind test either.
   */
  it('finds ≥ 95 % of the matches in the top 10 at ≥ 90 % precision', { timeout: 60_000 }, () => {
    const population = buildPopulation(pairs, generateDistractors(300));
    const persons: Candidate[] = population.map(({ id, name }) => {
      const parts = name.trim().split(/\s+/);
      const familyName = parts.pop() ?? '';
      const candidate = { id, givenNames: parts.join(' '), familyName };
      return { ...candidate, keys: personSearchKeys(candidate) };
    });
    const result = evaluateNameSearch(pairs, (query) => rankCandidates(query, persons, 10, MATCH_THRESHOLD));

    const lines = [
      `name search on ${pairs.length} pairs, population ${population.length}, threshold ${MATCH_THRESHOLD}`,
      `recall ${result.recall.toFixed(3)} (${result.found}/${result.matchPairs} match pairs found in the top 10)`,
      `precision ${result.precision.toFixed(3)} (${result.correctReturned}/${result.returned} results correct over ${result.queries} queries)`,
      `labelled non-matches returned: ${result.nonMatchLeaks}/${result.nonMatchPairs}`,
      ...Object.entries(result.recallByKind).map(
        ([kind, r]) => `  recall ${kind}: ${r.recall.toFixed(3)} (${r.found}/${r.pairs})`,
      ),
      ...result.misses.map((m) => `  missed (${m.kind}): ${m.query} → ${m.target}`),
      ...result.falsePositives.map(
        (f) =>
          `  false positive${f.labelledNonMatch ? ' (labelled non-match)' : ''}: ${f.query} → ${f.returned} ${f.score.toFixed(2)}`,
      ),
    ];
    console.log(lines.join('\n'));

    expect(result.recall).toBeGreaterThanOrEqual(0.95);
    expect(result.precision).toBeGreaterThanOrEqual(0.9);
  });
});
