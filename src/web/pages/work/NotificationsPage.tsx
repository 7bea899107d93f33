import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  useNotifications,
  useReadAllNotifications,
  useReadNotification,
  type AppNotification,
} from '../../api/notifications.ts';
import { useFormat } from '../../components/format.ts';
import { LoadingBlock } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useCan } from '../../components/session.ts';
import { currentLanguage, isLanguage } from '../../i18n/index.ts';

/** Where a notification's case opens: the own file for those who keep files, the shared view otherwise. */
function useCaseLink() {
  const ownsFiles = useCan('cases:write');
  return (caseId: string) =>
    ownsFiles ? `/cases/${encodeURIComponent(caseId)}` : `/shared/${encodeURIComponent(caseId)}`;
}

function NotificationItem({ item, lang }: { item: AppNotification; lang: 'en' | 'fr' | 'ar' }) {
  const { t } = useTranslation();
  const format = useFormat();
  const read = useReadNotification();
  const link = useCaseLink();
  const unread = item.readAt === null;
  const markRead = () => {
    if (unread && !read.isPending) read.mutate({ id: item.id, lang });
  };
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      data-notification={item.type}
      data-read={unread ? 'false' : 'true'}
      style={
        unread
          ? { borderInlineStartWidth: 4, borderInlineStartColor: 'var(--mantine-primary-color-filled)' }
          : undefined
      }
    >
      <Stack gap={4}>
        <Group gap="xs" align="baseline" wrap="wrap">
          {unread && (
            <Badge size="sm" color="blue.9" variant="filled" radius="sm" tt="none">
              {t('notifications.new')}
            </Badge>
          )}
          <Title order={2} size="h5">
            {item.subject}
          </Title>
        </Group>
        <Text size="sm">{item.text}</Text>
        <Group gap="md" wrap="wrap">
          <Text size="xs" c="dimmed">
            <time dateTime={item.createdAt}>{format.dateTime(item.createdAt)}</time>
          </Text>
          {item.caseId && (
            <Anchor component={Link} to={link(item.caseId)} size="sm" onClick={markRead}>
              {typeof item.params.reference === 'string'
                ? t('notifications.openCase', { reference: item.params.reference })
                : t('notifications.openCaseNoRef')}
            </Anchor>
          )}
          {unread && (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={markRead}
              loading={read.isPending}
              aria-label={t('notifications.markReadLabel', { subject: item.subject })}
            >
              {t('notifications.markRead')}
            </Button>
          )}
        </Group>
        {read.isError && <ProblemAlert error={read.error} />}
      </Stack>
    </Paper>
  );
}

/** The user's notifications, in the interface language, newest first. */
export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const lang = isLanguage(i18n.language) ? i18n.language : currentLanguage();
  const [params, setParams] = useSearchParams();
  const onlyUnread = params.get('show') === 'unread';
  const list = useNotifications({ lang, unread: onlyUnread ? true : undefined, limit: 100 });
  const readAll = useReadAllNotifications();
  const unread = list.data?.unread ?? 0;

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        intro={t('notifications.intro')}
        actions={
          unread > 0 && (
            <Button variant="default" onClick={() => readAll.mutate()} loading={readAll.isPending}>
              {t('notifications.markAllRead')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        <Group gap="md" align="center">
          <SegmentedControl
            aria-label={t('notifications.filterLabel')}
            value={onlyUnread ? 'unread' : 'all'}
            onChange={(value) =>
              setParams(
                (prev) => {
                  const next = new URLSearchParams(prev);
                  if (value === 'unread') next.set('show', 'unread');
                  else next.delete('show');
                  return next;
                },
                { replace: true },
              )
            }
            data={[
              { value: 'all', label: t('notifications.filters.all') },
              { value: 'unread', label: t('notifications.filters.unread') },
            ]}
          />
          <Text size="sm" role="status" data-testid="unread-count">
            {t('notifications.unreadCount', { count: unread })}
          </Text>
        </Group>
        {readAll.isError && <ProblemAlert error={readAll.error} />}
        {list.isPending ? (
          <LoadingBlock />
        ) : list.isError ? (
          <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.items.length === 0 ? (
          <Text data-testid="notifications-empty">
            {onlyUnread ? t('notifications.emptyUnread') : t('notifications.empty')}
          </Text>
        ) : (
          <Stack
            component="ul"
            gap="sm"
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
            data-testid="notifications"
          >
            {list.data.items.map((item) => (
              <NotificationItem key={item.id} item={item} lang={lang} />
            ))}
          </Stack>
        )}
      </Stack>
    </>
  );
}
