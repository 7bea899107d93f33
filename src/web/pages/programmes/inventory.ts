/** The inventory's text search: part of a programme's code, name (any language), summary or funder. */
import type { ProgrammeSummary } from '../../api/programmes.ts';

/** Lower case, without accents, so that "cafe" finds "Café" (and Arabic and Persian letters stay). */
export function searchable(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function matchesSearch(
  p: Pick<ProgrammeSummary, 'code' | 'name' | 'summary' | 'funder'>,
  query: string,
  lang: string,
): boolean {
  const words = searchable(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = searchable(
    [p.code, ...Object.values(p.name), p.summary[lang] ?? p.summary.en ?? '', p.funder.name].join(' '),
  );
  return words.every((w) => haystack.includes(w));
}
