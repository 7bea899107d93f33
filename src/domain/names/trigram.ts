/**
 * String similarity exactly as PostgreSQL computes it, so that the in-memory evaluation of name search
 * predicts what the database will return.
 *
 * - {@link trigrams} / {@link similarity} follow pg_trgm (`show_trgm`, `similarity`, the `%` operator):
 *   the text is lower-cased and split into words (runs of letters and digits; everything else
 *   separates); each word is padded with two spaces before and one after; the trigrams are all
 *   three-character windows of each padded word; the set is de-duplicated across words. Similarity is
 *   |A ∩ B| / |A ∪ B| and 0 when either side has no trigram. Word order does not matter.
 *   `similarity('ahmad hasan', 'hasan ahmad') = 1`.
 * - {@link levenshtein} follows fuzzystrmatch `levenshtein(source, target)` with unit costs.
 *
 * Search keys only ever contain [a-z ] (see normalize.ts), where pg_trgm's multibyte and case rules
 * do not come into play; for other input the functions still behave like pg_trgm on ASCII.
 */

/** The words pg_trgm sees: lower-cased runs of letters and digits. */
function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The distinct trigrams of `text`, as pg_trgm's `show_trgm` lists them (order not significant). */
export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of words(text)) {
    const padded = `  ${word} `;
    const chars = Array.from(padded);
    for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(''));
  }
  return out;
}

/** |A ∩ B| / |A ∪ B| of two trigram sets (pg_trgm `cnt_sml` with DIVUNION). */
export function setSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const t of a) if (b.has(t)) common++;
  return common / (a.size + b.size - common);
}

/** pg_trgm `similarity(a, b)`. */
export function similarity(a: string, b: string): number {
  return setSimilarity(trigrams(a), trigrams(b));
}

/** fuzzystrmatch `levenshtein(a, b)`: insertions, deletions and substitutions each cost 1. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
