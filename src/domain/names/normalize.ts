import { ARABIC_SCRIPT_NAMES, LATIN_VARIANTS, OTHER_KNOWN_NAMES } from './name-data.ts';
import { transliterateWords, type TransliteratedWord } from './transliterate.ts';

/**
 * Name keys: a spelling skeleton on which the spellings of one name meet.
 *
 * `nameKey(text)` = toLatin, then four steps, each documented below with examples:
 * 1. **Particles** ({@link joinParticles}): articles dropped, compound names joined into one word
 *    (Abd al-Rahman / Abdelrahman / Abderrahmane → abdulrahman; Nur al-Din / Noureddine →
 *    nurudin; Nasrallah / Nasr Allah → nasrula; Ben Ali / Benali → binali).
 * 2. **Folding** ({@link FOLDING_RULES}): the letter rules of the common transliteration systems
 *    (English, French, German, Russian, Ukrainian) folded together: kh → h, ou/oo/o → u, ee → i,
 *    ei/ey/ai/ay → ai, j → y, w → v, doubled letters collapsed … (Hussein, Husayn, Hossein → husain;
 *    Yuri, Iouri, Jurij, Yurii → yuri).
 * 3. **Known names** ({@link resolveToken}): the fixed variant list of name-data.ts (Mohammed →
 *    muhamad), then the vowel e, which stands for a, i or u in transliterated Arabic and Persian names
 *    (Ahmed → ahmad, Khaled → halid, Yousef → yusuf, Fatemeh → fatima, Amine → amin), resolved
 *    against the list of known names; joined known names split (Alireza → ali rida).
 * 4. **Unknown vowels**: a word transliterated from Arabic script letter by letter (not in the name
 *    list) keeps only its consonants (الفلاني → fln), because its short vowels are unknown; match.ts
 *    compares such words with the consonants of the other side.
 *
 * The key keeps vowels otherwise (reduced to a, e, i, u): they are what tells Hasan from Husain and
 * Muhammad from Mahmud apart.
 */

export interface KeyToken {
  key: string;
  /** Only the consonants are known (Arabic script outside the name list). */
  vowelless: boolean;
}

// ---------------------------------------------------------------------------------------------
// Step 2: folding rules

export interface FoldingRule {
  pattern: RegExp;
  replacement: string;
  example: string;
}

/** Applied in order to each lower-case [a-z] word. */
export const FOLDING_RULES: readonly FoldingRule[] = [
  { pattern: /sch/g, replacement: 'sh', example: 'Schamil → shamil (German)' },
  { pattern: /tch/g, replacement: 'ch', example: 'Tchoumakov → choumakov (French)' },
  { pattern: /dzh/g, replacement: 'j', example: 'Dzhamal → jamal (Russian Дж)' },
  { pattern: /dj/g, replacement: 'j', example: 'Djamel → jamel (French)' },
  { pattern: /ch/g, replacement: 'sh', example: 'Aicha → aisha, Chérif → sherif; Shevchenko → shevshenko' },
  { pattern: /kh/g, replacement: 'h', example: 'Khalid → halid, Mikhail → mihail, Khasan (Хасан) → hasan' },
  { pattern: /gh/g, replacement: 'g', example: 'Ghulam → gulam' },
  { pattern: /ph/g, replacement: 'f', example: 'Mustapha → mustafa' },
  { pattern: /th/g, replacement: 't', example: 'Haitham → haitam, Othman → otman' },
  { pattern: /dh/g, replacement: 'd', example: 'Ridha → rida, Muadh → muad' },
  { pattern: /gu(?=[eiy])/g, replacement: 'g', example: 'Serguei → sergei (French gu)' },
  { pattern: /ck/g, replacement: 'k', example: 'Mackenzie → makenzie' },
  { pattern: /q/g, replacement: 'k', example: 'Qasim → kasim, Tariq → tarik' },
  { pattern: /x/g, replacement: 'ks', example: 'Alexei → aleksei' },
  { pattern: /c(?=[eiy])/g, replacement: 's', example: 'Youcef → yousef' },
  { pattern: /c/g, replacement: 'k', example: 'Yacoub → yakoub' },
  { pattern: /^ou(?=[aeiy])/, replacement: 'w', example: 'Oualid → walid (French ou for w)' },
  { pattern: /w/g, replacement: 'v', example: 'Walid, Валид → valid; Wladimir → vladimir' },
  { pattern: /eev$/, replacement: 'eyev', example: 'Andreev → andreyev (keeps Russian -eev from ee → i)' },
  { pattern: /j/g, replacement: 'y', example: 'Jurij → yuriy, Jelena → yelena, Jamal → yamal' },
  { pattern: /ff$/, replacement: 'v', example: 'Petroff → petrov' },
  { pattern: /([^aeiouy])yo/g, replacement: '$1e', example: 'Fyodor → fedor, Pyotr → petr (Cyrillic ё)' },
  {
    pattern: /([^aeiouy])io(?=[^aeiou])/g,
    replacement: '$1e',
    example: 'Fiodor → fedor, Semionov → semenov, Artiom → artem (ё in French and Polish spelling)',
  },
  { pattern: /ou|oo|o/g, replacement: 'u', example: 'Youssef → yussef, Noor → nur, Omar → umar' },
  { pattern: /ee/g, replacement: 'i', example: 'Saeed → said, Kareem → karim' },
  { pattern: /^ye/, replacement: 'e', example: 'Yelena → elena, Yevgeny → evgeny' },
  { pattern: /^ey(?=[aeiu])/, replacement: 'y', example: 'Eyad → yad, like Iyad' },
  {
    pattern: /[ae][iy](?![aeiu])/g,
    replacement: 'ai',
    example: 'Hussein, Husayn → hussain; Leila, Layla → laila; Zeinab → zainab; Sergey → sergai',
  },
  { pattern: /iy(?=[aeiu])/g, replacement: 'i', example: 'Ziyad → ziad, Nataliya → natalia' },
  { pattern: /i[iy]$/, replacement: 'i', example: 'Dmitriy, Yurii → dmitri, yuri' },
  { pattern: /([^aeiu])y(?=[aeiu])/g, replacement: '$1i', example: 'Lyudmila → liudmila, Natalya → natalia' },
  { pattern: /([^aeiu])y(?![aeiu])/g, replacement: '$1i', example: 'Dmytro → dmitro, Yury → yuri' },
  { pattern: /^i(?=[aeiu])/, replacement: 'y', example: 'Iouri → yuri, Iana → yana' },
  { pattern: /ah$/, replacement: 'a', example: 'Fatimah → fatima, Abdullah → abdulla' },
  { pattern: /(.)\1+/g, replacement: '$1', example: 'Hassan → hasan, Mohammed → muhamed' },
];

/** Folds one lower-case [a-z] word with {@link FOLDING_RULES}. */
export function foldWord(word: string): string {
  let out = word;
  for (const rule of FOLDING_RULES) out = out.replace(rule.pattern, rule.replacement);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Step 1: particles and compound names (on transliterated words, before folding)

const ARTICLES = new Set(['al', 'el', 'ul', 'il', 'l']);
/** Sun-letter forms of the article: ad-Din, ar-Rahman, as-Salam, ash-Shami, an-Nur, et-Tamimi. */
const SUN_ARTICLE = /^[aeiu](t|th|d|dh|r|z|s|sh|n)$/;
/** Abd ("servant of") in its written forms; joined with the next word. */
const ABD_FORMS = new Set(['abd', 'abdel', 'abdal', 'abdul', 'abdol', 'abdoul', 'abdil', 'abdelle']);
/** Forms that are also names by themselves (Abdou, Abdi): joined only before a name of God. */
const ABD_SHORT = new Set(['abdu', 'abdou', 'abdo', 'abdi', 'abdoo']);
const GOD_NAMES = new Set(
  (
    'rahman rahim karim krim aziz latif kadir qadir kader salam majid hamid wahab wahhab razak razzaq ' +
    'hakim halim ghani jabbar jabar malik nasir nasser naser hadi basit fattah wahid qayyum kayum baki ' +
    'samad hafiz jalil jawad ilah bari wadud hak haq haqq rauf ghafur gafur rashid sattar satar khaliq alim ' +
    'mannan muhsin nabi hussein husain hossein ali zahra mutalib muttalib allah lah wahhab shakur'
  )
    .split(' ')
    .map(foldWord),
);
const ABU_FORMS = new Set(['abu', 'abou', 'abo', 'aboo']);
const BIN_FORMS = new Set(['bin', 'ben', 'ibn', 'ebn', 'bint', 'bent', 'ould']);
const DIN_FORMS = new Set([
  'din',
  'deen',
  'dine',
  'eddine',
  'eddin',
  'uddin',
  'uddeen',
  'addin',
  'iddin',
  'edine',
]);
const ALLAH_FORMS = new Set(['allah', 'ullah', 'ollah', 'ulla', 'olla', 'alla', 'ullo']);
/** Persian family-name suffix written apart or joined: Hossein Zadeh / Hosseinzadeh. */
const ZADEH_FORMS = new Set(['zadeh', 'zade', 'zada', 'zadah']);
/**
 * Tigrinya and Amharic name prefixes written apart or joined: Gebre Medhin / Gebremedhin. (Habte,
 * Haile, Tesfa also start compounds but are names by themselves, so they are left alone.)
 */
export const ETHIOPIC_PREFIXES: ReadonlySet<string> = new Set([
  'gebre',
  'ghebre',
  'gebra',
  'wolde',
  'welde',
  'walde',
]);

const ABD_JOINERS = ['oul', 'el', 'al', 'ul', 'ol', 'il', 'ou', 'u', 'e', 'a', 'i', 'o', ''];
const ALLAH_REST = /^a?l+a+h?$/;
const DIN_SUFFIX = /^([a-z]{3,}?)(?:[aeiou]l|ou|[aeiou])?d{1,2}(?:i|ee|ie)n{1,2}e?$/;
const ALLAH_SUFFIX = /^([a-z]{3,}?)[uoa]l{1,2}ah?$/;

/** One written word with a compound inside: Abdelkader, Noureddine, Habibullah, Benali. */
function splitAttached(word: string): string {
  if (word.startsWith('abd')) {
    for (const joiner of ABD_JOINERS) {
      if (!word.startsWith(`abd${joiner}`)) continue;
      const rest = word.slice(3 + joiner.length);
      if (ALLAH_REST.test(rest)) return 'abdulla';
      if (rest.length >= 3) return `abdul${rest}`;
    }
    return word;
  }
  const din = DIN_SUFFIX.exec(word);
  if (din?.[1] !== undefined) return `${din[1]}udin`;
  const allah = ALLAH_SUFFIX.exec(word);
  if (allah?.[1] !== undefined) return `${allah[1]}ula`;
  return word.replace(/^(ben|ibn|ebn)(?=[a-z]{3,})/, 'bin');
}

interface RawToken {
  text: string;
  abjad: boolean;
}

/**
 * Step 1, on the sequence of transliterated words:
 * - the article is dropped before a word: al-Hassan, el Hassan → hassan; the assimilated forms
 *   only before their letter: ad-Din, ar-Rahman, ash-Shami, an-Nur;
 * - Abd + name → one word abdul…: Abd al-Rahman, Abdul Rahman, Abdel Rahman → abdulrahman;
 *   Abd Allah, Abdallah → abdulla (Abdou, Abdi stay names unless a name of God follows);
 * - Abu + name → abu…: Abu Bakr → abubakr; bin/ben/ibn + name → bin…: Ben Ali → binali;
 * - name + Din / Eddine / Uddin → name + udin: Nur al-Din, Nour Eddine → nurudin;
 * - name + Allah / Ullah → name + ula: Habib Ullah → habibula; name + Zadeh → namezadeh;
 * - Gebre, Wolde + name → one word: Gebre Medhin → gebremedhin;
 * - each word with such a compound inside is split the same way (Abdelkader, Noureddine …).
 */
export function joinParticles(words: readonly TransliteratedWord[]): RawToken[] {
  const input = words.map((w) => ({ text: w.abjad ? w.text : splitAttached(w.text), abjad: w.abjad }));
  const out: RawToken[] = [];
  let i = 0;
  while (i < input.length) {
    const word = input[i] as RawToken;
    const t = word.text;
    // The next word that is not an article, if any.
    let j = i + 1;
    while (j < input.length - 1 && isArticleBefore(input[j]?.text ?? '', input[j + 1]?.text ?? '')) j++;
    const next = input[j];
    if (next !== undefined && isArticleBefore(t, input[i + 1]?.text ?? '')) {
      i++;
      continue;
    }
    let joined: RawToken | undefined;
    if (next !== undefined) {
      if (ABD_FORMS.has(t) || (ABD_SHORT.has(t) && GOD_NAMES.has(foldWord(next.text)))) {
        joined = { text: splitAttached(`abdul${next.text}`), abjad: next.abjad };
      } else if (ABU_FORMS.has(t)) joined = { text: `abu${next.text}`, abjad: next.abjad };
      else if (BIN_FORMS.has(t)) joined = { text: `bin${next.text}`, abjad: next.abjad };
      else if (ETHIOPIC_PREFIXES.has(t)) joined = { text: `${t}${next.text}`, abjad: next.abjad };
    }
    if (joined !== undefined) {
      out.push(joined);
      i = j + 1;
      continue;
    }
    const previous = out[out.length - 1];
    if (previous !== undefined && DIN_FORMS.has(t)) previous.text = `${previous.text}udin`;
    else if (previous !== undefined && ALLAH_FORMS.has(t)) previous.text = `${previous.text}ula`;
    else if (previous !== undefined && ZADEH_FORMS.has(t)) previous.text = `${previous.text}zadeh`;
    else out.push({ ...word });
    i++;
  }
  return out;
}

function isArticleBefore(word: string, following: string): boolean {
  if (ARTICLES.has(word)) return true;
  const sun = SUN_ARTICLE.exec(word);
  return sun?.[1] !== undefined && following.startsWith(sun[1]);
}

// ---------------------------------------------------------------------------------------------
// Step 3: known names

/** Key of a plain Latin name without step 3 (used to build the tables). */
function baseKeys(latin: string): string[] {
  return joinParticles(latin.split(/\s+/).map((text) => ({ text: text.toLowerCase(), abjad: false }))).map(
    (t) => foldWord(t.text),
  );
}

const PARTICLES = new Set(['abd', 'abu', 'bin', 'ibn', 'bint', 'allah', 'al din', 'zadeh']);

/** Keys of the Arabic and Persian names of the name list. */
export const ARABIC_NAME_KEYS: ReadonlySet<string> = new Set(
  ARABIC_SCRIPT_NAMES.filter(([, latin]) => !PARTICLES.has(latin)).flatMap(([, latin]) => baseKeys(latin)),
);

const VARIANTS: ReadonlyMap<string, string> = new Map(
  LATIN_VARIANTS.map(([variant, canonical]) => [baseKeys(variant).join(''), baseKeys(canonical).join('')]),
);

/** Keys of all known distinct names: the Arabic and Persian list, the other list, and variant targets. */
export const KNOWN_NAME_KEYS: ReadonlySet<string> = new Set([
  ...ARABIC_NAME_KEYS,
  ...OTHER_KNOWN_NAMES.flatMap((n) => baseKeys(n)),
  ...VARIANTS.values(),
]);

/** Replaces each e (at most three) by i, a or u, in that order of preference. */
function vowelAlternatives(word: string): string[] {
  const positions = [...word].flatMap((c, i) => (c === 'e' ? [i] : []));
  if (positions.length === 0 || positions.length > 3) return [];
  let out = [word];
  for (const p of positions) {
    out = out.flatMap((w) => ['i', 'a', 'u'].map((v) => w.slice(0, p) + v + w.slice(p + 1)));
  }
  return out;
}

/**
 * A folded word → the key of the known name it spells, or itself.
 * 1. the variant list: muhamed (Mohammed) → muhamad, yusif (Yousif) → yusuf;
 * 2. already a known name: itself;
 * 3. without a French silent final e: Amine → amin, Yassine → yasin;
 * 4. each e read as i, a or u (in that order), kept if it gives a known Arabic or Persian name:
 *    Ahmed → ahmad, Khaled → halid, Hamed → hamid, Mehdi → mahdi, Yousef → yusuf, Ebrahim → ibrahim;
 * 5. Persian final -eh read as -a, then as in 4: Fatemeh → fatima, Tahereh → tahira;
 * 6. 4 after 3: Soufiane → sufian.
 */
export function resolveToken(word: string): string {
  const known = (w: string): string | undefined =>
    VARIANTS.get(w) ?? (KNOWN_NAME_KEYS.has(w) ? w : undefined);
  const arabic = (w: string): string | undefined =>
    VARIANTS.get(w) ?? (ARABIC_NAME_KEYS.has(w) ? w : undefined);
  const silentE = /[^aeiu]e$/.test(word) ? foldWord(word.slice(0, -1)) : undefined;
  const persianEh = /eh$/.test(word) ? foldWord(`${word.slice(0, -2)}a`) : undefined;
  const attempts: Array<() => string | undefined> = [
    () => known(word),
    () => (silentE === undefined ? undefined : known(silentE)),
    () =>
      vowelAlternatives(word)
        .map(arabic)
        .find((k) => k !== undefined),
    () => (persianEh === undefined ? undefined : known(persianEh)),
    () =>
      persianEh === undefined
        ? undefined
        : vowelAlternatives(persianEh)
            .map(arabic)
            .find((k) => k !== undefined),
    () =>
      silentE === undefined
        ? undefined
        : vowelAlternatives(silentE)
            .map(arabic)
            .find((k) => k !== undefined),
  ];
  for (const attempt of attempts) {
    const found = attempt();
    if (found !== undefined) return found;
  }
  return word;
}

/** A key resolved as a known name, or as a nisba family name on a known name (Hasani, Ibrahimi). */
function resolveKnown(folded: string): string | undefined {
  const resolved = resolveToken(folded);
  if (KNOWN_NAME_KEYS.has(resolved)) return resolved;
  if (folded.length >= 5 && folded.endsWith('i')) {
    const stem = resolveToken(folded.slice(0, -1));
    if (ARABIC_NAME_KEYS.has(stem)) return `${stem}i`;
  }
  return undefined;
}

/**
 * Spelling alternatives tried when a written word is not a known name as it stands:
 * - Persian gh for ق (q): Ghasemi → qasemi → kasimi, Sadeghi → sadiki, the same as قاسمی, صادقی;
 * - Egyptian and Levantine e for a after y: Yehia → yahia (Yahya), which the rule ye → e would miss.
 */
function rawAlternatives(raw: string): string[] {
  const out = [raw];
  if (raw.includes('gh')) out.push(raw.replace(/gh/g, 'q'));
  if (raw.startsWith('ye')) out.push(`ya${raw.slice(2)}`);
  return out;
}

/** Names that form the compound given names written as one word (Alireza, Mohammadhossein, Alisher). */
const COMPOUND_PARTS: ReadonlySet<string> = new Set(
  'muhammad ali reza gholam hossein hassan akbar asghar nur gul amir mir sher khan jan shah'
    .split(' ')
    .map((n) => resolveToken(foldWord(n))),
);

/**
 * Two known names written as one word, one of them a usual compound part: Alireza → ali rida,
 * Mohammadhossein → muhamad husain, Nurali → nur ali. Split on the written word, so that no letter
 * pair is folded across the joint (mohammaDHossein). Farahani stays whole (farah + hani are names,
 * but not compound parts).
 */
function splitJoinedNames(raw: string): string[] | undefined {
  if (raw.length < 6) return undefined;
  for (let i = 3; i <= raw.length - 3; i++) {
    const left = resolveToken(foldWord(raw.slice(0, i)));
    const right = resolveToken(foldWord(raw.slice(i)));
    if (
      KNOWN_NAME_KEYS.has(left) &&
      KNOWN_NAME_KEYS.has(right) &&
      (COMPOUND_PARTS.has(left) || COMPOUND_PARTS.has(right))
    ) {
      return [left, right];
    }
  }
  return undefined;
}

/**
 * One written word (after step 1) → its key, or two keys. The first that applies:
 * - a known name, or a nisba on one (Hosseini → husaini), directly or through
 *   {@link rawAlternatives} (Ghasemi → kasimi);
 * - Abd + a known name: Abdelkader → abdulkadir (the part after abdul resolved on its own);
 * - the article joined to a known Arabic name: Alhassan, Elhassan → hasan, Aljubouri → yuburi;
 * - two known names written as one word: Alireza → ali rida;
 * - otherwise {@link resolveToken} of the folded word (often the folded word itself).
 */
function wordKeys(raw: string): string[] {
  for (const alternative of rawAlternatives(raw)) {
    const known = resolveKnown(foldWord(alternative));
    if (known !== undefined) return [known];
  }
  const abd = /^abdul([a-z]{3,})$/.exec(raw);
  if (abd?.[1] !== undefined) return [`abdul${resolveToken(foldWord(abd[1]))}`];
  const article = /^[ae]l([a-z]{3,})$/.exec(raw);
  if (article?.[1] !== undefined) {
    const rest = resolveToken(foldWord(article[1]));
    if (ARABIC_NAME_KEYS.has(rest)) return [rest];
  }
  return splitJoinedNames(raw) ?? [resolveToken(foldWord(raw))];
}

// ---------------------------------------------------------------------------------------------

/** The consonants of a key: what stays comparable when the vowels are unknown. */
export function consonants(key: string): string {
  return key.replace(/[aeiu]/g, '');
}

/** The key tokens of `text`, in the order written. */
export function nameKeyTokens(text: string): KeyToken[] {
  const out: KeyToken[] = [];
  for (const token of joinParticles(transliterateWords(text))) {
    const folded = foldWord(token.text);
    if (folded.length === 0) continue;
    if (token.abjad) {
      const skeleton = consonants(folded);
      if (skeleton.length > 0) out.push({ key: skeleton, vowelless: true });
      continue;
    }
    for (const key of wordKeys(token.text)) out.push({ key, vowelless: false });
  }
  return out;
}

/**
 * The name key of `text`: its key tokens in the order written, separated by single spaces.
 * `nameKey('Mohammed Al-Hassan') = nameKey('محمد الحسن') = 'muhamad hasan'`.
 */
export function nameKey(text: string): string {
  return nameKeyTokens(text)
    .map((t) => t.key)
    .join(' ');
}
