/**
 * Types and TanStack Query hooks for the assistance inventory: the programme list, one programme with
 * its versions, status changes, saving a definition, and the rule builder's preview. The shapes follow
 * src/server/programmes/programmes.schemas.ts; the definition itself is the domain's
 * (src/domain/programmes/definition.ts), imported as types only so that zod stays out of the bundle.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Component,
  ComponentCategory,
  ComponentStage,
  Modality,
  ProgrammeDefinition,
  ProgrammeStatus,
} from '../../domain/programmes/definition.ts';
import { api } from './client.ts';

export type { Component as ProgrammeComponent, ProgrammeDefinition, ProgrammeStatus };

export type PreviewStatus = 'eligible' | 'not_eligible' | 'to_check';

export interface MoneyTotal {
  currency: string;
  amount: number;
}

/** A text in several languages, keyed by ISO 639 code; "en" is always there. */
export type LocalizedText = Record<string, string>;

export interface OrganisationRef {
  id: string;
  name: string;
}

/** GET /programmes: one line of the inventory. */
export interface ProgrammeSummary {
  id: string;
  code: string;
  status: ProgrammeStatus;
  version: number;
  name: LocalizedText;
  summary: LocalizedText;
  funder: OrganisationRef;
  implementingOrganisations: OrganisationRef[];
  countriesOfReturn: string[];
  stages: ComponentStage[];
  modalities: Modality[];
  categories: ComponentCategory[];
  validFrom: string;
  validTo: string | null;
  updatedAt: string;
  /** Whether the signed-in user may change this programme (a programme manager of its funder). */
  canManage: boolean;
}

export interface ProgrammeVersionInfo {
  version: number;
  effectiveFrom: string;
  createdAt: string;
}

/** GET /programmes/{id}: the current definition and the list of versions. */
export interface ProgrammeView extends ProgrammeSummary {
  /** When the current version started or starts to apply. */
  effectiveFrom: string;
  definition: ProgrammeDefinition;
  versions: ProgrammeVersionInfo[];
}

/** GET /programmes/{id}/versions/{n}: one version as it was saved. */
export interface ProgrammeVersionView {
  programmeId: string;
  code: string;
  version: number;
  effectiveFrom: string;
  createdAt: string;
  definition: ProgrammeDefinition;
}

/** The filters of the inventory (GET /programmes). */
export interface ProgrammeListQuery {
  countryOfReturn?: string | undefined;
  funderOrganisationId?: string | undefined;
  stage?: ComponentStage | undefined;
  modality?: Modality | undefined;
  category?: ComponentCategory | undefined;
  status?: ProgrammeStatus | undefined;
  q?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** POST /programmes: a new programme (version 1). */
export interface NewProgramme extends ProgrammeDefinition {
  code: string;
  status?: 'draft' | 'published';
}

/** PUT /programmes/{id}: the whole definition, saved as a new version. */
export interface ProgrammeChange extends ProgrammeDefinition {
  /** The day the version starts to apply (default today; a published programme's not in the past). */
  effectiveFrom?: string;
}

export interface DefinitionProblem {
  /** Dotted, e.g. `eligibility.conditions.1.op`. */
  path: string;
  message: string;
}

/** A sample household of the preview and what the draft would give it. */
export interface PreviewHousehold {
  key: string;
  /** In English (the server describes the sample in words). */
  description: string;
  returnCountry: string;
  status: PreviewStatus;
  totals: MoneyTotal[];
  /** The first reasons that did not hold, in the requested language. */
  failed: string[];
}

/** POST /programmes/preview: the draft's problems and who becomes eligible; nothing is saved. */
export interface ProgrammePreview {
  problems: DefinitionProblem[];
  households: PreviewHousehold[];
}

export interface PreviewRequest {
  code?: string | undefined;
  definition: ProgrammeDefinition;
  lang?: string | undefined;
}

/** The inventory's most programmes on one page: the server answers at most 500. */
export const PROGRAMME_LIST_LIMIT = 500;

export const programmeKeys = {
  /** Everything about programmes (lists, one programme, the comparison): refreshed after a change. */
  all: ['programmes'] as const,
  list: (query: ProgrammeListQuery) => ['programmes', 'list', query] as const,
  one: (id: string) => ['programmes', 'one', id] as const,
  version: (id: string, version: number) => ['programmes', 'one', id, 'version', version] as const,
  preview: (request: PreviewRequest | null) => ['programmes', 'preview', request] as const,
};

function programmePath(id: string, rest = ''): string {
  return `/programmes/${encodeURIComponent(id)}${rest}`;
}

/** GET /programmes with filters; the previous results stay on screen while new ones load. */
export function useProgrammes(query: ProgrammeListQuery = {}) {
  return useQuery({
    queryKey: programmeKeys.list(query),
    queryFn: ({ signal }) =>
      api.get<{ items: ProgrammeSummary[] }>('/programmes', {
        query: { limit: PROGRAMME_LIST_LIMIT, ...query },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useProgramme(id: string) {
  return useQuery({
    queryKey: programmeKeys.one(id),
    queryFn: ({ signal }) => api.get<ProgrammeView>(programmePath(id), { signal }),
  });
}

/** One saved version (never changes once saved); runs when `version` is not null. */
export function useProgrammeVersion(id: string, version: number | null) {
  return useQuery({
    queryKey: programmeKeys.version(id, version ?? 0),
    queryFn: ({ signal }) =>
      api.get<ProgrammeVersionView>(programmePath(id, `/versions/${version ?? 0}`), { signal }),
    enabled: version !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

function ifMatch(version: number): Record<string, string> {
  return { 'If-Match': `"${version}"` };
}

/** After a save or a status change: show the answer, refresh lists, comparison and eligibility. */
function useProgrammeChanged() {
  const queryClient = useQueryClient();
  return async (saved: ProgrammeView): Promise<void> => {
    queryClient.setQueryData(programmeKeys.one(saved.id), saved);
    await Promise.all([
      queryClient.invalidateQueries({
        queryKey: programmeKeys.all,
        predicate: (q) => !(q.queryKey[1] === 'one' && q.queryKey[2] === saved.id && q.queryKey.length === 3),
      }),
      queryClient.invalidateQueries({ queryKey: ['cases', 'eligibility'] }),
    ]);
  };
}

export function useCreateProgramme() {
  const changed = useProgrammeChanged();
  return useMutation({
    mutationFn: (input: NewProgramme) => api.post<ProgrammeView>('/programmes', input),
    onSuccess: changed,
  });
}

export function useUpdateProgramme() {
  const changed = useProgrammeChanged();
  return useMutation({
    mutationFn: ({ id, version, change }: { id: string; version: number; change: ProgrammeChange }) =>
      api.put<ProgrammeView>(programmePath(id), change, { headers: ifMatch(version) }),
    onSuccess: changed,
  });
}

export function useSetProgrammeStatus() {
  const changed = useProgrammeChanged();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: ProgrammeStatus }) =>
      api.post<ProgrammeView>(programmePath(id, '/status'), { status }),
    onSuccess: changed,
  });
}

/**
 * POST /programmes/preview for a draft (the caller debounces it); runs when `request` is not null.
 * The previous answer stays on screen, marked as placeholder, while the next one is computed.
 */
export function useProgrammePreview(request: PreviewRequest | null) {
  return useQuery({
    queryKey: programmeKeys.preview(request),
    queryFn: ({ signal }) => api.post<ProgrammePreview>('/programmes/preview', request, { signal }),
    enabled: request !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  });
}

/** DELETE /programmes/{id}: a draft is removed (a programme once published is closed instead: 409). */
export function useDeleteProgramme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(programmePath(id)),
    onSuccess: async (_, id) => {
      queryClient.removeQueries({ queryKey: programmeKeys.one(id) });
      await queryClient.invalidateQueries({ queryKey: programmeKeys.all });
    },
  });
}

/** POST /programmes/{id}/components (add) or PUT …/components/{code} (replace): a new version. */
export function usePutProgrammeComponent() {
  const changed = useProgrammeChanged();
  return useMutation({
    mutationFn: ({
      id,
      version,
      component,
      replaces,
    }: {
      id: string;
      version: number;
      component: Component & { effectiveFrom?: string };
      /** The code of the component replaced; absent to add one. */
      replaces?: string;
    }) =>
      replaces === undefined
        ? api.post<ProgrammeView>(programmePath(id, '/components'), component, { headers: ifMatch(version) })
        : api.put<ProgrammeView>(
            programmePath(id, `/components/${encodeURIComponent(replaces)}`),
            component,
            {
              headers: ifMatch(version),
            },
          ),
    onSuccess: changed,
  });
}

/** DELETE /programmes/{id}/components/{code}: a new version without it (the last one stays). */
export function useDeleteProgrammeComponent() {
  const changed = useProgrammeChanged();
  return useMutation({
    mutationFn: ({ id, version, code }: { id: string; version: number; code: string }) =>
      api.delete<ProgrammeView>(programmePath(id, `/components/${encodeURIComponent(code)}`), {
        headers: ifMatch(version),
      }),
    onSuccess: changed,
  });
}
