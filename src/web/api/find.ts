/**
 * The public programme finder's one call: GET /api/v1/public/programmes (no login). It is made
 * without credentials (no cookie goes with it, even for a signed-in staff member on the same
 * browser), without a referrer and without caching, and only when the visitor asks for it.
 */
import { useQuery } from '@tanstack/react-query';
import type { ComponentCategory, ComponentStage, Modality } from '../../domain/programmes/definition.ts';
import type { Situation } from '../../domain/programmes/households.ts';
import { API_BASE, ApiError } from './client.ts';

/** What the visitor told the finder. Only these go to the server. */
export interface FindParams {
  /** ISO 3166-1 alpha-2. */
  countryOfReturn: string;
  /** The language programme texts come back in (the server falls back to English). */
  lang: string;
  situation?: Situation | undefined;
  adults?: number | undefined;
  minors?: number | undefined;
  /** Left out when the person prefers not to say. */
  vulnerable?: boolean | undefined;
}

/** One thing a programme offers, for this household (GET /public/programmes). */
export interface FoundOffer {
  name: string;
  stage: ComponentStage;
  modality: Modality;
  category: ComponentCategory;
  /** For this household; null when paid at actual cost. */
  amount: number | null;
  currency: string;
  upTo: boolean;
  actualCost: boolean;
}

export interface FoundProgramme {
  code: string;
  name: string;
  summary: string;
  description: string | null;
  contact: string | null;
  funder: string;
  implementedBy: string[];
  /** eligible, or may be: depends on facts a counsellor checks (listed in toCheck). */
  status: 'eligible' | 'to_check';
  toCheck: string[];
  offers: FoundOffer[];
  totals: { currency: string; amount: number }[];
}

export interface FindView {
  countryOfReturn: string;
  language: string;
  programmes: FoundProgramme[];
}

/** The query string of a search (undefined values left out), in a stable order. */
export function findQueryString(params: FindParams): string {
  const query = new URLSearchParams();
  query.set('countryOfReturn', params.countryOfReturn);
  query.set('lang', params.lang);
  if (params.situation !== undefined) query.set('situation', params.situation);
  if (params.adults !== undefined) query.set('adults', String(params.adults));
  if (params.minors !== undefined) query.set('minors', String(params.minors));
  if (params.vulnerable !== undefined) query.set('vulnerable', String(params.vulnerable));
  return query.toString();
}

export async function fetchPublicProgrammes(params: FindParams, signal?: AbortSignal): Promise<FindView> {
  let response: Response;
  try {
    response = await fetch(`${API_BASE}/public/programmes?${findQueryString(params)}`, {
      method: 'GET',
      headers: { Accept: 'application/json, application/problem+json' },
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ title: 'Network error', status: 0 });
  }
  if (!response.ok) {
    let detail: string | undefined;
    try {
      const body = (await response.json()) as { detail?: unknown };
      if (typeof body.detail === 'string') detail = body.detail;
    } catch {
      // not JSON
    }
    throw new ApiError({
      title: response.statusText || `HTTP ${response.status}`,
      status: response.status,
      ...(detail ? { detail } : {}),
    });
  }
  return (await response.json()) as FindView;
}

/**
 * The programmes for a search, or nothing while `params` is null (the visitor has not pressed the
 * button yet). A result is kept for the page's life: the same search is not sent twice, and nothing
 * is fetched again on reconnecting or refocusing.
 */
export function usePublicProgrammes(params: FindParams | null) {
  return useQuery({
    queryKey: ['public', 'programmes', params ? findQueryString(params) : null],
    queryFn: ({ signal }) => fetchPublicProgrammes(params!, signal),
    enabled: params !== null,
    staleTime: Infinity,
    refetchOnReconnect: false,
    refetchOnWindowFocus: false,
  });
}
