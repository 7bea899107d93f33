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
 * - {@link osaDistance} is Levenshtein plus the transposition of two adjacent letters as one edit
 *   (optimal string alignment, "restricted Damerau-Levenshtein"): the commonest typing error
 *   (Hasna for Hasan) costs 1 instead of 2. PostgreSQL has no built-in for it; {@link OSA_DISTANCE_SQL}
 *   is the same algorithm as an SQL function.
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

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent transpositions. */
export function osaDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    const above = rows[i - 1] ?? [];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? 0;
}

/**
 * {@link osaDistance} as a PostgreSQL function, for the database search to compute the same token
 * similarity as match.ts (PL/pgSQL; fine on candidate rows after an index pre-filter).
 */
export const OSA_DISTANCE_SQL = `
CREATE OR REPLACE FUNCTION name_osa_distance(a text, b text) RETURNS integer
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  la integer := length(a);
  lb integer := length(b);
  d integer[];
  i integer;
  j integer;
  cost integer;
  v integer;
BEGIN
  IF a = b THEN RETURN 0; END IF;
  IF la = 0 THEN RETURN lb; END IF;
  IF lb = 0 THEN RETURN la; END IF;
  d := array_fill(0, ARRAY[la + 1, lb + 1], ARRAY[0, 0]);
  FOR i IN 0..la LOOP d[i][0] := i; END LOOP;
  FOR j IN 0..lb LOOP d[0][j] := j; END LOOP;
  FOR i IN 1..la LOOP
    FOR j IN 1..lb LOOP
      cost := CASE WHEN substr(a, i, 1) = substr(b, j, 1) THEN 0 ELSE 1 END;
      v := least(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      IF i > 1 AND j > 1 AND substr(a, i, 1) = substr(b, j - 1, 1) AND substr(a, i - 1, 1) = substr(b, j, 1) THEN
        v := least(v, d[i - 2][j - 2] + 1);
      END IF;
      d[i][j] := v;
    END LOOP;
  END LOOP;
  RETURN d[la][lb];
END $$;
`;
