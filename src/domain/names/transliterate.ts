import { ARABIC_SCRIPT_NAMES } from './name-data.ts';

/**
 * Transliteration of personal names to plain lower-case Latin ([a-z ] with single spaces).
 *
 * - Latin: diacritics folded (é → e, ç → c, ğ → g), special letters spelled out (ß → ss, ø → o,
 *   æ → ae, ł → l, đ → d, þ → th, ı → i, ə → a). Apostrophes and ayn/hamza marks (' ’ ʿ ʾ `) are
 *   removed inside a word (Sa'id → said); every other non-letter separates words (Al-Hassan → al hassan).
 * - Arabic script (Arabic, Persian, Dari, Pashto, Urdu letters): short-vowel marks and tatweel are
 *   removed. A word found in the name list of name-data.ts gets its vowelled reading (محمد →
 *   muhammad); the article ال, the prefixes عبد / أبو and the endings الله / الدين / nisba ي are
 *   split off first (الحسن → al hasan, عبدالرحمن → abd al rahman, نصرالله → nasr allah,
 *   كريمي → karimi). Other words are transliterated letter by letter with the table below; their
 *   short vowels stay unknown (الفلاني → al flani) and {@link transliterateWords} marks them.
 * - Cyrillic: Russian by a simplified BGN/PCGN table (Иван Петров → ivan petrov, Юрий → yuriy,
 *   Хасан → khasan); when the text has a Ukrainian letter (і ї є ґ) the Ukrainian national table
 *   (2010) is used for the whole text: г → h, и → y, і → i (Олександр Григорій → oleksandr hryhoriy); with a Serbian or Macedonian letter (ј љ њ ђ ћ џ ѓ ќ ѕ)
 *   the Serbian table gives the diacritic-free Latin spelling (Ђорђе Петровић → dorde petrovic).
 *   A few Tajik/Kazakh letters are included.
 * - Greek (ISO 843-like) and Georgian (national system) are supported as well.
 * Anything else (digits, other scripts) becomes a separator.
 */

export interface TransliteratedWord {
  /** One word of [a-z]+. */
  text: string;
  /** True when the word came from Arabic script letter by letter, so its short vowels are unknown. */
  abjad: boolean;
}

// ---------------------------------------------------------------------------------------------
// Latin

/** Latin letters that Unicode decomposition does not reduce to a base letter. */
const LATIN_SPECIAL: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ə: 'a',
  ŋ: 'ng',
  ħ: 'h',
};

/** Marks written inside a word for ayn, hamza or elision; removed without splitting the word. */
const INWORD_MARKS = /['’‘`´ʻʼʽʾʿ]/gu;

function foldLatin(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßẞøæœłđðþıəŋħ]/gu, (c) => LATIN_SPECIAL[c] ?? c);
}

// ---------------------------------------------------------------------------------------------
// Cyrillic

/** Russian (simplified BGN/PCGN) plus a few Tajik and Kazakh letters. ь and ъ are dropped. */
// prettier-ignore
const RUSSIAN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  // Ukrainian and Belarusian letters, when they appear in otherwise Russian text
  і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'w',
  // Tajik, Kazakh, Uzbek Cyrillic
  ғ: 'gh', қ: 'q', ҳ: 'h', ҷ: 'j', ӣ: 'i', ӯ: 'u', ә: 'a', ө: 'o', ү: 'u', ұ: 'u', ң: 'ng', һ: 'h',
};

/** Ukrainian national transliteration (Cabinet of Ministers resolution 55 of 2010), where it differs. */
// prettier-ignore
const UKRAINIAN: Readonly<Record<string, string>> = {
  ...RUSSIAN,
  г: 'h', ґ: 'g', е: 'e', є: 'ye', и: 'y', і: 'i', ї: 'yi', й: 'y', х: 'kh', щ: 'shch', ю: 'yu', я: 'ya',
};

const UKRAINIAN_LETTERS = /[іїєґ]/u;

/**
 * Serbian and Macedonian Cyrillic, letter for letter to the Latin alphabet of the same language as it
 * folds without diacritics (Петровић → petrovic like Petrović, Ђорђе → dorde like Đorđe).
 */
// prettier-ignore
const SERBIAN: Readonly<Record<string, string>> = {
  ...RUSSIAN,
  ђ: 'd', ж: 'z', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', х: 'h', ц: 'c', ч: 'c', џ: 'dz', ш: 's',
  ѓ: 'gj', ќ: 'kj', ѕ: 'dz',
};

const SERBIAN_LETTERS = /[јљњђћџѓќѕ]/u;

// ---------------------------------------------------------------------------------------------
// Greek and Georgian

// prettier-ignore
const GREEK: Readonly<Record<string, string>> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm',
  ν: 'n', ξ: 'x', ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps',
  ω: 'o',
};

// prettier-ignore
const GEORGIAN: Readonly<Record<string, string>> = {
  ა: 'a', ბ: 'b', გ: 'g', დ: 'd', ე: 'e', ვ: 'v', ზ: 'z', თ: 't', ი: 'i', კ: 'k', ლ: 'l', მ: 'm',
  ნ: 'n', ო: 'o', პ: 'p', ჟ: 'zh', რ: 'r', ს: 's', ტ: 't', უ: 'u', ფ: 'p', ქ: 'k', ღ: 'gh', ყ: 'q',
  შ: 'sh', ჩ: 'ch', ც: 'ts', ძ: 'dz', წ: 'ts', ჭ: 'ch', ხ: 'kh', ჯ: 'j', ჰ: 'h',
};

function mapLetters(word: string, table: Readonly<Record<string, string>>): string {
  let out = '';
  for (const c of word) out += table[c] ?? c;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Arabic script

/** Short vowels, shadda, sukun, tanwin, Quranic marks, superscript alif; and tatweel. */
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/gu;

/** Forms that are one letter for lookup purposes: hamza seats, yeh/kaf/heh variants. */
// prettier-ignore
const ARABIC_LOOKUP_FOLD: Readonly<Record<string, string>> = {
  أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا', ى: 'ي', ی: 'ي', ې: 'ي', ے: 'ي', ئ: 'ي', ك: 'ك', ک: 'ك', ة: 'ه',
  ۀ: 'ه', ہ: 'ه', ھ: 'ه', ؤ: 'و',
};

function arabicLookupForm(word: string): string {
  return mapLetters(word.replace(ARABIC_MARKS, ''), ARABIC_LOOKUP_FOLD);
}

const ARABIC_DICTIONARY: ReadonlyMap<string, string> = new Map(
  ARABIC_SCRIPT_NAMES.map(([arabic, latin]) => [arabicLookupForm(arabic), latin]),
);

/**
 * Letter by letter, for words that are not in the name list. Long vowels are written in Arabic
 * script (ا و ي) and are kept; short vowels are not and stay unknown. و and ي are read as the
 * consonants w / y at the start of a word and next to ا, otherwise as the vowels u / i.
 * ع and ء are dropped, as Latin spellings usually do.
 */
// prettier-ignore
const ARABIC_LETTERS: Readonly<Record<string, string>> = {
  ا: 'a', ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh', د: 'd', ذ: 'dh', ر: 'r', ز: 'z', س: 's',
  ش: 'sh', ص: 's', ض: 'd', ط: 't', ظ: 'z', ع: '', غ: 'gh', ف: 'f', ق: 'q', ك: 'k', ل: 'l', م: 'm',
  ن: 'n', ه: 'h', ء: '',
  // Persian, Pashto, Urdu, Kurdish
  پ: 'p', چ: 'ch', ژ: 'zh', گ: 'g', ڤ: 'v', ٹ: 't', ڈ: 'd', ڑ: 'r', ڵ: 'l', ڕ: 'r', ں: 'n', ۆ: 'o',
  ێ: 'e', ڼ: 'n', ښ: 'sh', ځ: 'dz', څ: 'ts', ډ: 'd', ړ: 'r', ږ: 'zh',
};

function arabicLetterByLetter(word: string): string {
  const letters = Array.from(word);
  let out = '';
  letters.forEach((c, i) => {
    const before = letters[i - 1];
    const after = letters[i + 1];
    const nextToAlif = before === 'ا' || after === 'ا';
    if (c === 'و') out += i === 0 || nextToAlif ? 'w' : 'u';
    else if (c === 'ي') out += i === 0 || nextToAlif ? 'y' : 'i';
    else if (c === 'ه') out += i === letters.length - 1 && i > 0 ? 'a' : 'h';
    else out += ARABIC_LETTERS[c] ?? '';
  });
  return out;
}

function latinWords(text: string): string[] {
  return text.split(' ').filter((w) => w.length > 0);
}

/** One Arabic-script word (already in lookup form) → Latin words. */
function arabicWord(word: string): TransliteratedWord[] {
  const known = ARABIC_DICTIONARY.get(word);
  if (known !== undefined) return latinWords(known).map((text) => ({ text, abjad: false }));
  const len = word.length;
  if (len > 3 && word.startsWith('ال')) return [{ text: 'al', abjad: false }, ...arabicWord(word.slice(2))];
  if (len > 3 && word.startsWith('عبد')) return [{ text: 'abd', abjad: false }, ...arabicWord(word.slice(3))];
  if (len > 3 && word.startsWith('ابو')) return [{ text: 'abu', abjad: false }, ...arabicWord(word.slice(3))];
  if (len > 4 && word.endsWith('الله'))
    return [...arabicWord(word.slice(0, -4)), { text: 'allah', abjad: false }];
  if (len > 5 && word.endsWith('الدين')) {
    return [...arabicWord(word.slice(0, -5)), { text: 'al', abjad: false }, { text: 'din', abjad: false }];
  }
  if (len > 3 && word.endsWith('ي')) {
    const stem = ARABIC_DICTIONARY.get(word.slice(0, -1));
    if (stem !== undefined && !stem.includes(' ')) return [{ text: `${stem}i`, abjad: false }];
  }
  if (len > 4 && word.endsWith('زي')) {
    const stem = ARABIC_DICTIONARY.get(word.slice(0, -2));
    if (stem !== undefined && !stem.includes(' ')) return [{ text: `${stem}zai`, abjad: false }];
  }
  // Two listed names written as one word: علیرضا → ali rida.
  for (let i = 2; i <= len - 2; i++) {
    const left = ARABIC_DICTIONARY.get(word.slice(0, i));
    const right = ARABIC_DICTIONARY.get(word.slice(i));
    if (left !== undefined && right !== undefined) {
      return [...latinWords(left), ...latinWords(right)].map((text) => ({ text, abjad: false }));
    }
  }
  const text = arabicLetterByLetter(word);
  return text.length > 0 ? [{ text, abjad: true }] : [];
}

// ---------------------------------------------------------------------------------------------

const ARABIC_CHAR = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
const CYRILLIC_CHAR = /[\u0400-\u04FF]/u;
const GREEK_CHAR = /[\u0370-\u03FF]/u;
const GEORGIAN_CHAR = /[\u10A0-\u10FF]/u;

/**
 * The words of `text` in Latin, each marked when its vowels are unknown (Arabic script outside the
 * name list). {@link toLatin} is the same, joined.
 */
export function transliterateWords(text: string): TransliteratedWord[] {
  const prepared = text.normalize('NFKC').replace(INWORD_MARKS, '').toLowerCase();
  const cyrillic = UKRAINIAN_LETTERS.test(prepared)
    ? UKRAINIAN
    : SERBIAN_LETTERS.test(prepared)
      ? SERBIAN
      : RUSSIAN;
  const out: TransliteratedWord[] = [];
  // Words: runs of letters (and combining marks) of any script. Persian ZWNJ separates morphemes.
  for (const word of prepared.match(/[\p{L}\p{M}]+/gu) ?? []) {
    if (ARABIC_CHAR.test(word)) {
      out.push(...arabicWord(arabicLookupForm(word)));
      continue;
    }
    let latin: string;
    if (CYRILLIC_CHAR.test(word)) latin = mapLetters(word, cyrillic);
    else if (GREEK_CHAR.test(word)) {
      latin = mapLetters(foldLatin(word).replace(/ου/gu, 'u'), GREEK);
    } else if (GEORGIAN_CHAR.test(word)) latin = mapLetters(word, GEORGIAN);
    else latin = word;
    for (const part of foldLatin(latin).split(/[^a-z]+/u)) if (part) out.push({ text: part, abjad: false });
  }
  return out;
}

/**
 * `text` in plain Latin: lower-case [a-z] words separated by single spaces.
 * `toLatin('محمد الحسن') = 'muhammad al hasan'`, `toLatin('Иван Петров') = 'ivan petrov'`,
 * `toLatin('José Müller-Ødegård') = 'jose muller odegard'`.
 */
export function toLatin(text: string): string {
  return transliterateWords(text)
    .map((w) => w.text)
    .join(' ');
}
