/**
 * Types and TanStack Query hooks for the user's own notifications (GET /notifications, rendered by the
 * server in the interface language; POST /notifications/{id}/read and /read-all). The shapes follow
 * src/server/notifications/notifications.schemas.ts.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { Locale } from './types.ts';

export interface AppNotification {
  id: string;
  type: string;
  caseId: string | null;
  /** reference, organisation, reason, date, count: never personal data. */
  params: Record<string, string | number>;
  subject: string;
  text: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  items: AppNotification[];
  /** How many match the query (all, or unread only). */
  total: number;
  /** How many of the user's notifications are unread. */
  unread: number;
}

export interface NotificationListParams {
  lang: Locale;
  unread?: boolean;
  limit?: number;
  offset?: number;
}

/** How often the unread count is read again while the app is open. */
export const NOTIFICATION_POLL_MS = 30_000;

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (params: NotificationListParams) => ['notifications', 'list', params] as const,
  unread: ['notifications', 'unread'] as const,
};

function listQuery(params: NotificationListParams) {
  return {
    lang: params.lang,
    unread: params.unread === undefined ? undefined : String(params.unread),
    limit: params.limit,
    offset: params.offset,
  };
}

/** GET /notifications in the given language, newest first. */
export function useNotifications(params: NotificationListParams) {
  return useQuery({
    queryKey: notificationKeys.list(params),
    queryFn: ({ signal }) =>
      api.get<NotificationList>('/notifications', { query: listQuery(params), signal }),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: true,
  });
}

/** The number of unread notifications, read every 30 seconds and when the window gets focus. */
export function useUnreadNotifications() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: async ({ signal }) => {
      const list = await api.get<NotificationList>('/notifications', {
        query: { unread: 'true', limit: 1, lang: 'en' },
        signal,
      });
      return list.unread;
    },
    refetchInterval: NOTIFICATION_POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });
}

export function useReadNotification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, lang }: { id: string; lang: Locale }) =>
      api.post<AppNotification>(`/notifications/${encodeURIComponent(id)}/read`, undefined, {
        query: { lang },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useReadAllNotifications() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ updated: number }>('/notifications/read-all'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
