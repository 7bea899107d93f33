import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useWorkQueues, type WorkQueue } from '../../api/workQueues.ts';
import { StageBadge } from '../../components/CaseBadges.tsx';
import { useFormat } from '../../components/format.ts';
import { LoadingBlock } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSession } from '../../components/session.ts';
import { useUiLanguage } from '../case/EligibilityParts.tsx';
import { formatWaited, queueCaseLink, waitedFor } from './waiting.ts';

/** How many cases of each queue the page shows (the oldest). */
const PER_QUEUE = 20;

function QueueSection({ queue }: { queue: WorkQueue }) {
  const { t } = useTranslation();
  const format = useFormat();
  const language = useUiLanguage();
  const id = `queue-${queue.key}`;
  const withDue = queue.key === 'departures_to_confirm';
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby={id}
      data-queue={queue.key}
      data-total={queue.total}
    >
      <Stack gap="sm">
        <Group gap="sm" align="center">
          <Title order={2} size="h4" id={id}>
            {t(`work.queues.${queue.key}.title`)}
          </Title>
          <Badge
            variant={queue.total > 0 ? 'filled' : 'outline'}
            color={queue.total > 0 ? 'blue.9' : 'gray.8'}
            radius="sm"
            data-testid="queue-count"
          >
            {t('work.count', { count: queue.total })}
          </Badge>
        </Group>
        <Text size="sm">{t(`work.queues.${queue.key}.hint`)}</Text>
        {queue.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('work.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={620}>
            <Table striped highlightOnHover verticalSpacing="xs">
              <Table.Caption>
                {queue.total > queue.items.length
                  ? t('work.showingOldest', { shown: queue.items.length, total: queue.total })
                  : t('work.oldestFirst')}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('cases.reference')}</Table.Th>
                  <Table.Th scope="col">{t('cases.stage')}</Table.Th>
                  <Table.Th scope="col">{t('cases.returnCountry')}</Table.Th>
                  <Table.Th scope="col">{t('work.waiting')}</Table.Th>
                  {withDue && <Table.Th scope="col">{t('work.plannedDeparture')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {queue.items.map((item) => (
                  <Table.Tr key={item.caseId} data-case={item.reference}>
                    <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                      <Anchor component={Link} to={queueCaseLink(queue.key, item.caseId)} dir="ltr">
                        {item.reference}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>
                      <StageBadge stage={item.stage} />
                    </Table.Td>
                    <Table.Td>{format.country(item.returnCountry)}</Table.Td>
                    <Table.Td>
                      <time dateTime={item.since} title={format.dateTime(item.since) ?? undefined}>
                        {formatWaited(language, waitedFor(item.since))}
                      </time>
                    </Table.Td>
                    {withDue && <Table.Td>{format.date(item.due) ?? '—'}</Table.Td>}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}

/** The hand-overs waiting for the user's organisation, per queue the user's permissions act in. */
export function WorkPage() {
  const { t } = useTranslation();
  const me = useSession();
  const queues = useWorkQueues(PER_QUEUE);
  const data = queues.data?.queues ?? [];
  const waiting = data.filter((q) => q.total > 0);
  const idle = data.filter((q) => q.total === 0);
  return (
    <>
      <PageHeader
        title={t('work.title')}
        intro={t('work.intro', { organisation: me.organisation.name })}
        actions={
          <Button
            variant="default"
            onClick={() => void queues.refetch()}
            loading={queues.isFetching && !queues.isPending}
          >
            {t('common.refresh')}
          </Button>
        }
      />
      {queues.isPending ? (
        <LoadingBlock />
      ) : queues.isError ? (
        <ProblemAlert error={queues.error} onRetry={() => void queues.refetch()} />
      ) : data.length === 0 ? (
        <Text>{t('work.noQueues')}</Text>
      ) : (
        <Stack gap="md" data-testid="work-queues">
          {waiting.length === 0 && <Text>{t('work.allClear')}</Text>}
          {[...waiting, ...idle].map((q) => (
            <QueueSection key={q.key} queue={q} />
          ))}
        </Stack>
      )}
    </>
  );
}
