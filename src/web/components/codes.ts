/**
 * The codes the case forms offer. Names are never stored here: the browser's Intl.DisplayNames gives
 * them in the interface language (see format.ts).
 */

/** ISO 3166-1 alpha-2, plus XK (Kosovo, the code the EU and UNHCR use). */
export const COUNTRY_CODES: readonly string[] = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV ' +
  'BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ' +
  'ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE ' +
  'IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY ' +
  'MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU ' +
  'NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM ' +
  'SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE ' +
  'VG VI VN VU WF WS XK YE YT ZA ZM ZW'
).split(' ');

/**
 * Languages offered for a person (ISO 639-1, or 639-3 where there is no 639-1 code): those of the
 * main countries of origin and transit of return programmes, and of the host countries.
 */
export const LANGUAGE_CODES: readonly string[] = (
  'ar ckb ku fa prs ps ur bal sd hi bn pa ta si ne my ti am om so sw ha yo ig ff wo ' +
  'ln rw rn lg mg kab tzm fr en de es pt it nl pl cs sk hu ro bg el sq sr bs hr mk ' +
  'ru uk be ka hy az tr uz tg tk kk ky mn zh vi tl id ms th ko ja he'
).split(' ');

/** Whether a value (from an input or the server) is one of a code list. */
export function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}
