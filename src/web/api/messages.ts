/**
 * The message thread of a case, shared by the organisations that share the case. The shapes follow
 * src/server/messages/messages.schemas.ts.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';

/** The most a message may hold (the server's MESSAGE_MAX_LENGTH). */
export const MESSAGE_MAX_LENGTH = 8000;

/** How often an open thread is read again. */
export const MESSAGE_POLL_MS = 30_000;

export interface CaseMessage {
  id: string;
  caseId: string;
  body: string;
  createdAt: string;
  author: {
    organisationId: string;
    organisationName: string;
    userId: string;
    displayName: string;
  };
  /** Written by someone else after the reader last marked the thread read. */
  unread: boolean;
}

/** GET /cases/{id}/messages */
export interface MessageThread {
  /** Oldest first. */
  items: CaseMessage[];
  unread: number;
  lastReadAt: string | null;
}

export const messageKeys = {
  thread: (caseId: string) => ['cases', 'messages', caseId] as const,
  /** GET /messages/unread (counts per case), whoever shows them. */
  unread: ['messages', 'unread'] as const,
};

function threadPath(caseId: string, rest = ''): string {
  return `/cases/${encodeURIComponent(caseId)}/messages${rest}`;
}

/** The thread, read again every 30 seconds while it is shown (not while the browser tab is hidden). */
export function useMessages(caseId: string) {
  return useQuery({
    queryKey: messageKeys.thread(caseId),
    queryFn: ({ signal }) => api.get<MessageThread>(threadPath(caseId), { signal }),
    refetchInterval: MESSAGE_POLL_MS,
    refetchIntervalInBackground: false,
    staleTime: 0,
  });
}

export function usePostMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, body }: { caseId: string; body: string }) =>
      api.post<CaseMessage>(threadPath(caseId), { body }),
    onSuccess: (saved) => {
      queryClient.setQueryData<MessageThread>(messageKeys.thread(saved.caseId), (old) =>
        old ? { ...old, items: [...old.items.filter((m) => m.id !== saved.id), saved] } : old,
      );
      return queryClient.invalidateQueries({ queryKey: messageKeys.thread(saved.caseId) });
    },
  });
}

/** POST /cases/{id}/messages/read: the thread is read up to now (for this user). */
export function useMarkThreadRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (caseId: string) =>
      api.post<{ caseId: string; lastReadAt: string }>(threadPath(caseId, '/read')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: messageKeys.unread }),
  });
}
