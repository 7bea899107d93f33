/**
 * The message thread of a case between the organisations that share it: oldest first, each with its
 * author's organisation and name, new messages marked; a box to write. The thread is marked read
 * when shown (the marks stay while it is open) and read again every 30 seconds while open.
 */
import { Badge, Button, Group, Paper, Stack, Text, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import {
  MESSAGE_MAX_LENGTH,
  useMarkThreadRead,
  useMessages,
  usePostMessage,
  type CaseMessage,
} from '../../api/messages.ts';
import type { SharedCaseLike } from '../../api/plans.ts';
import { useFormat } from '../../components/format.ts';
import { LoadingBlock } from '../../components/Loading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSession } from '../../components/session.ts';
import { newUnreadIds } from './messageMarks.ts';

function MessageItem({ message, isNew, mine }: { message: CaseMessage; isNew: boolean; mine: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = `message-${message.id}`;
  return (
    <Paper
      withBorder
      p="sm"
      component="li"
      aria-labelledby={headingId}
      data-message={message.id}
      data-unread={isNew || undefined}
      style={
        isNew
          ? { borderInlineStartWidth: 4, borderInlineStartColor: 'var(--mantine-color-blue-8)' }
          : undefined
      }
    >
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap" align="baseline" id={headingId}>
          <Text fw={700} span dir="auto">
            {message.author.displayName}
            {mine ? ` (${t('common.you')})` : ''}
          </Text>
          <Text span size="sm" c="dimmed" dir="auto">
            {message.author.organisationName}
          </Text>
          <Text span size="sm" c="dimmed">
            <time dateTime={message.createdAt}>{format.dateTime(message.createdAt)}</time>
          </Text>
          {isNew && (
            <Badge color="blue.9" variant="filled" radius="sm" tt="none" size="sm">
              {t('messages.new')}
            </Badge>
          )}
        </Group>
        <Text dir="auto" style={{ whiteSpace: 'pre-wrap' }} className="hw-break">
          {message.body}
        </Text>
      </Stack>
    </Paper>
  );
}

export function MessagesPanel({ caseId, view }: { caseId: string; view: SharedCaseLike }) {
  const { t } = useTranslation();
  const session = useSession();
  const thread = useMessages(caseId);
  const post = usePostMessage();
  const markRead = useMarkThreadRead();
  const [body, setBody] = useState('');
  const [missing, setMissing] = useState(false);
  // Messages shown as new during this visit: they keep their mark after the thread is marked read.
  const [marked, setMarked] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');
  const lastMarkedRef = useRef<string | null>(null);
  const loadedRef = useRef(false);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const items = thread.data?.items;

  // Whatever arrives unread is marked new here, then the thread is marked read on the server.
  useEffect(() => {
    if (!items) return;
    const firstLoad = !loadedRef.current;
    loadedRef.current = true;
    const fresh = newUnreadIds(items, marked);
    if (fresh.length === 0) return;
    setMarked((old) => new Set([...old, ...fresh]));
    // New messages that arrive while the thread is open are announced (not those found on opening it).
    if (!firstLoad) setAnnouncement(t('messages.arrived', { count: fresh.length }));
    const newest = items[items.length - 1]?.id ?? null;
    if (newest !== lastMarkedRef.current) {
      lastMarkedRef.current = newest;
      markRead.mutate(caseId);
    }
    // Runs when a new thread arrives; `marked`, `t` and the mutation are read, not watched.
  }, [items, caseId]);

  function send(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const text = body.trim();
    if (text === '') {
      setMissing(true);
      textRef.current?.focus();
      return;
    }
    post.mutate(
      { caseId, body: text },
      {
        onSuccess: () => {
          setBody('');
          setAnnouncement(t('messages.sent'));
          textRef.current?.focus();
        },
      },
    );
  }

  return (
    <Stack gap="md" component="section" aria-labelledby="messages-title" data-testid="messages-panel">
      <Title order={2} size="h3" id="messages-title" tabIndex={-1} style={{ outlineOffset: 4 }}>
        {t('messages.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('messages.intro', { reference: view.reference ?? '' })}
      </Text>
      <VisuallyHidden aria-live="polite" data-testid="messages-live">
        {announcement}
      </VisuallyHidden>
      {thread.isPending ? (
        <LoadingBlock />
      ) : thread.isError ? (
        isApiError(thread.error) && thread.error.status === 404 ? (
          <Text>{t('messages.notShared')}</Text>
        ) : (
          <ProblemAlert error={thread.error} onRetry={() => void thread.refetch()} />
        )
      ) : thread.data.items.length === 0 ? (
        <Text data-testid="messages-empty">{t('messages.empty')}</Text>
      ) : (
        <Stack
          gap="sm"
          component="ol"
          style={{ listStyle: 'none', margin: 0, padding: 0 }}
          aria-label={t('messages.listLabel', { count: thread.data.items.length })}
          data-testid="messages-list"
        >
          {thread.data.items.map((m) => (
            <MessageItem
              key={m.id}
              message={m}
              isNew={marked.has(m.id)}
              mine={m.author.userId === session.user.id}
            />
          ))}
        </Stack>
      )}
      <form onSubmit={send} noValidate>
        <Stack gap="xs">
          {post.isError && (
            <ProblemAlert error={post.error} title={t('messages.notSent')} shownFields={['body']} />
          )}
          <Textarea
            ref={textRef}
            label={t('messages.write')}
            required
            autosize
            minRows={3}
            maxRows={12}
            maxLength={MESSAGE_MAX_LENGTH}
            value={body}
            onChange={(e) => {
              setBody(e.currentTarget.value);
              setMissing(false);
            }}
            description={t('messages.length', { count: body.length, max: MESSAGE_MAX_LENGTH })}
            error={missing ? t('messages.bodyMissing') : undefined}
            dir="auto"
          />
          <Group justify="flex-end">
            <Button type="submit" loading={post.isPending}>
              {t('messages.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
