/**
 * A synthetic assistance ledger (the `ledger_entries` table of migration 0010) for bench/ledger.ts,
 * generated in SQL — INSERT … SELECT over generate_series, one batch of households per statement —
 * and mirrored exactly in TypeScript, so that the benchmark knows, for any household, which lines
 * the ledger holds for it without reading them back.
 *
 * Both sides draw from the same deterministic function: u(s) = first 32 bits of md5(s) / 2^32, in
 * SQL `('x' || substr(md5(s), 1, 8))::bit(32)::bigint / 4294967296.0::float8`, here `uniform(s)`.
 *
 * The model:
 * - households h = 1, 2, …: 1 person (55 %), 2 (20 %), 3 (13 %) or 4 (12 %); person p = 4h + m;
 * - lines per household over the years: 1 (50 %), 2 (22 %), 3 (12 %), 4–6 (11 %), 7–12 (4.5 %) or
 *   20–50 (0.5 %: the few returnees with many lines); each line of the household gives one ledger
 *   entry per member (`recordApprovedLines` writes one entry per line and beneficiary);
 * - a person holds 1 key (the name-and-birth-date key only, 35 %), 2 (with a passport, 50 %) or 3
 *   (and a national identity card, 15 %), in the shape `ledgerKeys` produces: `name:` or `doc:`
 *   followed by 32 hex digits (here an md5, there a truncated sha256). In 10 % of entries the name
 *   key is another one (the other organisation spelled the name differently) and in 15 % the
 *   document keys are missing (the case recorded no document);
 * - 14 categories (the app's COMPONENT_CATEGORIES) with a skew: business start-up 22 %, travel
 *   allowance 14 %, housing 12 %, medical 9 % … family tracing and other 2 % each;
 * - due dates from 2019-01-01 to 2027-12-31, more of them in later years (density growing
 *   linearly), a household's lines spread over up to a year per line; period_to = period_from + 364
 *   days (`ledgerPeriod`);
 * - 40 programmes funded by 20 organisations (return authorities), a household's lines mostly (80 %)
 *   under its main programme; 60 partner organisations, none for 5 % of households; 2 % of the
 *   entries cancelled; amounts 100–5,000, 90 % in EUR;
 * - case, plan line and person ids are md5-derived UUIDs that point at nothing (the loader sets
 *   session_replication_role = replica, so the foreign keys are not checked): the rows have the width
 *   of real ones without millions of cases behind them.
 */
import { createHash } from 'node:crypto';
import { COMPONENT_CATEGORIES } from '../../src/domain/programmes/definition.ts';
import { addDays } from '../../src/domain/plans.ts';

export const FUNDERS = 20;
export const PARTNERS = 60;
export const PROGRAMMES = 40;
/** Day 0 of the due dates, and how many days they span (2019-01-01 … 2027-12-31). */
export const FIRST_DAY = '2019-01-01';
export const SPAN_DAYS = 3287;

/** Category weights, in COMPONENT_CATEGORIES terms. */
export const CATEGORY_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['business_start_up', 0.22],
  ['travel_allowance', 0.14],
  ['housing', 0.12],
  ['medical', 0.09],
  ['education', 0.07],
  ['psychosocial', 0.07],
  ['reception', 0.06],
  ['training', 0.05],
  ['employment', 0.04],
  ['accommodation', 0.04],
  ['travel', 0.03],
  ['legal_documents', 0.03],
  ['family_tracing', 0.02],
  ['other', 0.02],
];
{
  const known = new Set<string>(COMPONENT_CATEGORIES);
  const missing = COMPONENT_CATEGORIES.filter((c) => !CATEGORY_WEIGHTS.some(([w]) => w === c));
  if (CATEGORY_WEIGHTS.some(([c]) => !known.has(c)) || missing.length > 0) {
    throw new Error(`The ledger categories differ from the app's: ${missing.join(', ')}`);
  }
}

const CUMULATIVE: number[] = (() => {
  let s = 0;
  return CATEGORY_WEIGHTS.map(([, w]) => (s += w));
})();

export function uniform(s: string): number {
  return parseInt(createHash('md5').update(s).digest('hex').slice(0, 8), 16) / 2 ** 32;
}
function md5(s: string): string {
  return createHash('md5').update(s).digest('hex');
}
function md5Uuid(s: string): string {
  const h = md5(s);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function householdSize(h: number): number {
  const u = uniform(`s${h}`);
  return u < 0.55 ? 1 : u < 0.75 ? 2 : u < 0.88 ? 3 : 4;
}

export function householdLines(h: number): number {
  const u = uniform(`n${h}`);
  const v = uniform(`m${h}`);
  if (u < 0.5) return 1;
  if (u < 0.72) return 2;
  if (u < 0.84) return 3;
  if (u < 0.95) return 4 + Math.floor(v * 3);
  if (u < 0.995) return 7 + Math.floor(v * 6);
  return 20 + Math.floor(v * 31);
}

export function categoryOf(u: number): string {
  const i = CUMULATIVE.findIndex((c) => u < c);
  return CATEGORY_WEIGHTS[i === -1 ? CATEGORY_WEIGHTS.length - 1 : i]![0];
}

export interface PersonModel {
  p: number;
  /** The keys the person's current case gives (what a new plan line is checked with), sorted. */
  keys: string[];
}

export function personOf(h: number, m: number): PersonModel {
  const p = 4 * h + m;
  const u = uniform(`k${p}`);
  const keys = [`name:${md5(`name|${p}`)}`];
  if (u >= 0.35) keys.push(`doc:${md5(`pass|${p}`)}`);
  if (u >= 0.85) keys.push(`doc:${md5(`id|${p}`)}`);
  return { p, keys: keys.sort() };
}

export interface LineModel {
  k: number;
  category: string;
  from: string;
  to: string;
  cancelled: boolean;
}

/** The household's lines, as the SQL below writes them. */
export function linesOf(h: number): LineModel[] {
  const n = householdLines(h);
  const span = Math.min(SPAN_DAYS, 365 * n);
  const start = Math.floor(Math.sqrt(uniform(`d${h}`)) * (SPAN_DAYS - span));
  const out: LineModel[] = [];
  for (let k = 0; k < n; k++) {
    const from = addDays(FIRST_DAY, start + Math.floor(uniform(`d${h}.${k}`) * span));
    out.push({
      k,
      category: categoryOf(uniform(`c${h}.${k}`)),
      from,
      to: addDays(from, 364),
      cancelled: uniform(`x${h}.${k}`) < 0.02,
    });
  }
  return out;
}

export interface HouseholdModel {
  h: number;
  persons: PersonModel[];
  lines: LineModel[];
}

export function householdOf(h: number): HouseholdModel {
  const size = householdSize(h);
  return {
    h,
    persons: Array.from({ length: size }, (_, m) => personOf(h, m)),
    lines: linesOf(h),
  };
}

/** The SQL u(): the first 32 bits of md5(s) as a fraction of 2^32. */
const U = (s: string) => `(('x' || substr(md5(${s}), 1, 8))::bit(32)::bigint / 4294967296.0::float8)`;

/**
 * One INSERT … SELECT writing the entries of households $1..$2 (inclusive). Parameters: $1, $2 the
 * household range, $3 the funder ids (uuid[], 20), $4 the partner ids (uuid[], 60). Keep in step
 * with the TypeScript mirror above.
 */
export function insertHouseholdsSql(): string {
  const cat = CATEGORY_WEIGHTS.map(([c], i) => `WHEN ln.uc < ${CUMULATIVE[i]!.toFixed(6)} THEN '${c}'`).join(
    ' ',
  );
  return `
INSERT INTO ledger_entries (person_keys, case_id, person_id, plan_line_id, funder_organisation_id,
  partner_organisation_id, programme_code, category, period_from, period_to, amount_cents, currency,
  status, created_at)
SELECT
  CASE
    WHEN pe.v < 0.10 THEN pe.docs || ARRAY['name:' || md5('name|' || pe.p || '|' || k)]
    WHEN pe.v < 0.25 THEN ARRAY['name:' || md5('name|' || pe.p)]
    ELSE pe.docs || ARRAY['name:' || md5('name|' || pe.p)]
  END,
  md5('case' || hh.h || '.' || (k / 4))::uuid,
  md5('person' || pe.p)::uuid,
  md5('line' || hh.h || '.' || k)::uuid,
  ($3::uuid[])[1 + (ln.prog % ${FUNDERS})],
  CASE WHEN hh.up < 0.05 THEN NULL ELSE ($4::uuid[])[1 + floor(${PARTNERS} * power(hh.ur, 1.5))::int] END,
  'PRG-' || lpad(ln.prog::text, 2, '0'),
  ${'CASE ' + cat + " ELSE 'other' END"},
  ln.due,
  ln.due + 364,
  10000 + floor(ln.ua * 490000)::bigint,
  CASE WHEN ln.ua < 0.9 THEN 'EUR' WHEN ln.ua < 0.95 THEN 'CHF' ELSE 'GBP' END,
  CASE WHEN ln.ux < 0.02 THEN 'cancelled' ELSE 'approved' END,
  (ln.due - 30)::timestamptz
FROM (
  SELECT h,
    CASE WHEN us < 0.55 THEN 1 WHEN us < 0.75 THEN 2 WHEN us < 0.88 THEN 3 ELSE 4 END AS size,
    n, LEAST(${SPAN_DAYS}, 365 * n) AS span, ud, ur, up, uprog
  FROM (
    SELECT h, us, ud, ur, up, uprog,
      CASE WHEN un < 0.5 THEN 1 WHEN un < 0.72 THEN 2 WHEN un < 0.84 THEN 3
           WHEN un < 0.95 THEN 4 + floor(um * 3)::int WHEN un < 0.995 THEN 7 + floor(um * 6)::int
           ELSE 20 + floor(um * 31)::int END AS n
    FROM (
      SELECT h, ${U("'s' || h")} AS us, ${U("'n' || h")} AS un, ${U("'m' || h")} AS um,
        ${U("'d' || h")} AS ud, ${U("'r' || h")} AS ur, ${U("'q' || h")} AS up, ${U("'g' || h")} AS uprog
      FROM generate_series($1::int, $2::int) AS h
    ) a
  ) b
) hh
CROSS JOIN LATERAL generate_series(0, hh.n - 1) AS k
CROSS JOIN LATERAL (
  SELECT
    DATE '${FIRST_DAY}' + floor(sqrt(hh.ud) * (${SPAN_DAYS} - hh.span))::int
      + floor(${U("'d' || hh.h || '.' || k")} * hh.span)::int AS due,
    ${U("'c' || hh.h || '.' || k")} AS uc,
    ${U("'x' || hh.h || '.' || k")} AS ux,
    ${U("'a' || hh.h || '.' || k")} AS ua,
    CASE WHEN ${U("'o' || hh.h || '.' || k")} < 0.8 THEN floor(${PROGRAMMES} * hh.uprog * hh.uprog)::int
         ELSE floor(${PROGRAMMES} * ${U("'o2' || hh.h || '.' || k")})::int END AS prog
) ln
CROSS JOIN LATERAL generate_series(0, hh.size - 1) AS m
CROSS JOIN LATERAL (
  SELECT p, ${U("'v' || hh.h || '.' || k || '.' || m")} AS v,
    CASE WHEN ${U("'k' || p")} >= 0.85 THEN ARRAY['doc:' || md5('pass|' || p), 'doc:' || md5('id|' || p)]
         WHEN ${U("'k' || p")} >= 0.35 THEN ARRAY['doc:' || md5('pass|' || p)]
         ELSE ARRAY[]::text[] END AS docs
  FROM (SELECT 4 * hh.h + m AS p) x
) pe`;
}

/** For the report: the model's ids as the SQL derives them (to look a household's entries up). */
export function planLineIdOf(h: number, k: number): string {
  return md5Uuid(`line${h}.${k}`);
}
