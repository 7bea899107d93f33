/**
 * TanStack Query hooks for every endpoint the web app uses. Pages never call `fetch` themselves.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, setCsrfToken } from './client.ts';
import type {
  ApiToken,
  AuditEntry,
  Case,
  CaseChanges,
  CaseEvent,
  CaseListParams,
  CaseSummary,
  DirectoryEntry,
  Consent,
  ConsentWithdrawal,
  CounsellingSession,
  DuplicateQuery,
  NewCase,
  NewConsent,
  NewCounsellingSession,
  NewVulnerability,
  PossibleDuplicate,
  Vulnerability,
  NewPerson,
  Person,
  TransitionRequest,
  CreatedToken,
  ListOf,
  Locale,
  LoginResponse,
  Me,
  NewToken,
  NewUser,
  Organisation,
  SessionUser,
  User,
  UserChanges,
} from './types.ts';

export const queryKeys = {
  me: ['me'] as const,
  users: ['users'] as const,
  tokens: ['tokens'] as const,
  audit: (limit: number) => ['audit', limit] as const,
  organisations: ['organisations'] as const,
  directory: ['organisations', 'directory'] as const,
  /** Every case list (any filters): invalidated together after a change to any case. */
  caseLists: ['cases', 'list'] as const,
  cases: (params: CaseListParams) => ['cases', 'list', params] as const,
  case: (id: string) => ['cases', 'one', id] as const,
  caseTimeline: (id: string) => ['cases', 'timeline', id] as const,
  counselling: (caseId: string) => ['cases', 'counselling', caseId] as const,
  consents: (caseId: string) => ['cases', 'consents', caseId] as const,
  vulnerabilities: (caseId: string) => ['cases', 'vulnerabilities', caseId] as const,
  possibleDuplicates: (query: DuplicateQuery) => ['persons', 'possible-duplicates', query] as const,
};

/** GET /me, or null when nobody is signed in (401). Keeps the CSRF token in memory. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: fetchMe, staleTime: 60_000 });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (credentials: { email: string; password: string }) => {
      const result = await api.post<LoginResponse>('/auth/login', credentials);
      setCsrfToken(result.csrfToken);
      const me = await fetchMe();
      if (!me) throw new Error('Signed in, but the session was not kept (are cookies disabled?)');
      return me;
    },
    onSuccess: (me) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
      queryClient.setQueryData(queryKeys.me, me);
    },
  });
}

/**
 * Signs out, then loads the login page afresh: nothing of the previous session (cached data, CSRF
 * token, the page it was on) survives for the next person at this browser.
 */
export function useLogout() {
  return useMutation({
    mutationFn: async () => {
      try {
        await api.post<void>('/auth/logout');
      } catch (error) {
        // An expired session is as good as a logout.
        if (!(isApiError(error) && error.status === 401)) throw error;
      }
    },
    onSuccess: () => {
      setCsrfToken(null);
      window.location.replace('/login');
    },
  });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: { displayName?: string; locale?: Locale }) =>
      api.patch<{ user: SessionUser }>('/me', changes),
    onSuccess: (result) => {
      queryClient.setQueryData<Me | null>(queryKeys.me, (old) =>
        old ? { ...old, user: { ...old.user, ...result.user } } : old,
      );
    },
  });
}

export function useUsers() {
  return useQuery({ queryKey: queryKeys.users, queryFn: () => api.get<ListOf<User>>('/users') });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (user: NewUser) => api.post<User>('/users', user),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UserChanges }) =>
      api.patch<User>(`/users/${encodeURIComponent(id)}`, changes),
    onSuccess: (user) => {
      queryClient.setQueryData<ListOf<User>>(queryKeys.users, (old) =>
        old ? { ...old, items: old.items.map((u) => (u.id === user.id ? { ...u, ...user } : u)) } : old,
      );
      return queryClient.invalidateQueries({ queryKey: queryKeys.users });
    },
  });
}

export function useTokens() {
  return useQuery({ queryKey: queryKeys.tokens, queryFn: () => api.get<ListOf<ApiToken>>('/tokens') });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: NewToken) => api.post<CreatedToken>('/tokens', token),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.tokens }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/tokens/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.tokens }),
  });
}

export function useAudit(limit: number) {
  return useQuery({
    queryKey: queryKeys.audit(limit),
    queryFn: () => api.get<ListOf<AuditEntry>>('/audit', { query: { limit } }),
  });
}

export function useOrganisations() {
  return useQuery({
    queryKey: queryKeys.organisations,
    queryFn: () => api.get<ListOf<Organisation>>('/organisations'),
  });
}

/** GET /organisations/directory: the active organisations, by name (changes rarely). */
export function useOrganisationDirectory() {
  return useQuery({
    queryKey: queryKeys.directory,
    queryFn: () => api.get<ListOf<DirectoryEntry>>('/organisations/directory'),
    staleTime: 5 * 60_000,
  });
}

/** GET /cases with filters and paging; the previous page stays on screen while the next one loads. */
export function useCases(params: CaseListParams) {
  return useQuery({
    queryKey: queryKeys.cases(params),
    queryFn: ({ signal }) =>
      api.get<{ items: CaseSummary[]; total: number; truncated?: boolean }>('/cases', {
        query: { ...params },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: queryKeys.case(id),
    queryFn: ({ signal }) => api.get<Case>(`/cases/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useCaseTimeline(id: string) {
  return useQuery({
    queryKey: queryKeys.caseTimeline(id),
    queryFn: ({ signal }) =>
      api.get<{ items: CaseEvent[] }>(`/cases/${encodeURIComponent(id)}/timeline`, { signal }),
  });
}

/** `If-Match` for a change based on this version of a case (a stale one is answered 412). */
function ifMatch(version: number): Record<string, string> {
  return { 'If-Match': `"${version}"` };
}

/** After a change to a case: show the case the server answered and refresh what depends on it. */
function useCaseChanged() {
  const queryClient = useQueryClient();
  return async (saved: Case): Promise<void> => {
    queryClient.setQueryData(queryKeys.case(saved.id), saved);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.caseLists }),
      queryClient.invalidateQueries({ queryKey: queryKeys.caseTimeline(saved.id) }),
    ]);
  };
}

export function useCreateCase() {
  const changed = useCaseChanged();
  return useMutation({
    mutationFn: (input: NewCase) => api.post<Case>('/cases', input),
    onSuccess: changed,
  });
}

export function useUpdateCase() {
  const changed = useCaseChanged();
  return useMutation({
    mutationFn: ({ id, version, changes }: { id: string; version: number; changes: CaseChanges }) =>
      api.patch<Case>(`/cases/${encodeURIComponent(id)}`, changes, { headers: ifMatch(version) }),
    onSuccess: changed,
  });
}

export function useTransitionCase() {
  const changed = useCaseChanged();
  return useMutation({
    mutationFn: ({ id, version, move }: { id: string; version: number; move: TransitionRequest }) =>
      api.post<Case>(`/cases/${encodeURIComponent(id)}/transitions`, move, { headers: ifMatch(version) }),
    onSuccess: changed,
  });
}

export function useAddPerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, person }: { caseId: string; person: NewPerson }) =>
      api.post<Person>(`/cases/${encodeURIComponent(caseId)}/persons`, person),
    onSuccess: (person) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.case(person.caseId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.caseLists }),
        queryClient.invalidateQueries({ queryKey: queryKeys.caseTimeline(person.caseId) }),
      ]),
  });
}

function casePath(caseId: string, rest: string): string {
  return `/cases/${encodeURIComponent(caseId)}/${rest}`;
}

export function useCounsellingSessions(caseId: string) {
  return useQuery({
    queryKey: queryKeys.counselling(caseId),
    queryFn: ({ signal }) =>
      api.get<ListOf<CounsellingSession>>(casePath(caseId, 'counselling-sessions'), { signal }),
  });
}

export function useAddCounsellingSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, session }: { caseId: string; session: NewCounsellingSession }) =>
      api.post<CounsellingSession>(casePath(caseId, 'counselling-sessions'), session),
    onSuccess: (saved) => {
      // The answer is the saved session: add it without reading the list again (an audited read).
      queryClient.setQueryData<ListOf<CounsellingSession>>(queryKeys.counselling(saved.caseId), (old) =>
        old ? { ...old, items: [...old.items, saved] } : old,
      );
      return queryClient.invalidateQueries({ queryKey: queryKeys.caseTimeline(saved.caseId) });
    },
  });
}

export function useConsents(caseId: string) {
  return useQuery({
    queryKey: queryKeys.consents(caseId),
    queryFn: ({ signal }) => api.get<ListOf<Consent>>(casePath(caseId, 'consents'), { signal }),
  });
}

/** After a consent was given or withdrawn: show the server's record, refresh the timeline. */
function useConsentChanged() {
  const queryClient = useQueryClient();
  return async (saved: Consent): Promise<void> => {
    queryClient.setQueryData<ListOf<Consent>>(queryKeys.consents(saved.caseId), (old) => {
      if (!old) return old;
      const known = old.items.some((c) => c.id === saved.id);
      return {
        ...old,
        items: known ? old.items.map((c) => (c.id === saved.id ? saved : c)) : [...old.items, saved],
      };
    });
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.consents(saved.caseId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.caseTimeline(saved.caseId) }),
    ]);
  };
}

export function useAddConsent() {
  const changed = useConsentChanged();
  return useMutation({
    mutationFn: ({ caseId, consent }: { caseId: string; consent: NewConsent }) =>
      api.post<Consent>(casePath(caseId, 'consents'), consent),
    onSuccess: changed,
  });
}

export function useWithdrawConsent() {
  const changed = useConsentChanged();
  return useMutation({
    mutationFn: ({
      caseId,
      consentId,
      withdrawal,
    }: {
      caseId: string;
      consentId: string;
      withdrawal: ConsentWithdrawal;
    }) =>
      api.post<Consent>(casePath(caseId, `consents/${encodeURIComponent(consentId)}/withdraw`), withdrawal),
    onSuccess: changed,
  });
}

/**
 * GET /cases/{id}/vulnerabilities: special-category data, every read audited by the server. Call it
 * only where the list is shown; it is read once per showing and forgotten when no longer shown.
 */
export function useVulnerabilities(caseId: string) {
  return useQuery({
    queryKey: queryKeys.vulnerabilities(caseId),
    queryFn: ({ signal }) => api.get<ListOf<Vulnerability>>(casePath(caseId, 'vulnerabilities'), { signal }),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });
}

export function useAddVulnerability() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, vulnerability }: { caseId: string; vulnerability: NewVulnerability }) =>
      api.post<Vulnerability>(casePath(caseId, 'vulnerabilities'), vulnerability),
    onSuccess: (saved) => {
      // Added to the list shown, without another (audited) read of the whole list.
      queryClient.setQueryData<ListOf<Vulnerability>>(queryKeys.vulnerabilities(saved.caseId), (old) =>
        old ? { ...old, items: [...old.items, saved] } : old,
      );
      return queryClient.invalidateQueries({ queryKey: queryKeys.caseTimeline(saved.caseId) });
    },
  });
}

/**
 * POST /persons/possible-duplicates (a search, sent as POST so that names stay out of addresses and
 * logs). Runs when `query` is not null; the caller debounces it.
 */
export function usePossibleDuplicates(query: DuplicateQuery | null) {
  return useQuery({
    queryKey: queryKeys.possibleDuplicates(query ?? { givenNames: '', familyName: '' }),
    queryFn: ({ signal }) =>
      api.post<ListOf<PossibleDuplicate>>('/persons/possible-duplicates', query, { signal }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}
