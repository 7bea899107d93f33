import {
  Anchor,
  Button,
  Group,
  NativeSelect,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CASE_STAGES, isCaseStage } from '../../domain/case-workflow.ts';
import { useCases } from '../api/queries.ts';
import { CASE_QUEUES, type CaseListParams, type CaseQueue, type CaseSummary } from '../api/types.ts';
import { DeadlineBadge, StageBadge } from '../components/CaseBadges.tsx';
import { DEADLINE_SOON_DAYS } from '../components/caseDisplay.ts';
import { useFormat } from '../components/format.ts';
import { TableSkeleton } from '../components/Loading.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { useCan, useSession } from '../components/session.ts';
import { ListPagination } from '../components/ListPagination.tsx';

export const CASES_PAGE_SIZE = 25;
const DEADLINE_OPTIONS = [0, 14, 30, 60, 90, 180] as const;
type QueueTab = 'all' | CaseQueue;
const QUEUE_TABS: readonly QueueTab[] = ['all', ...CASE_QUEUES];

function isQueue(value: string | null): value is CaseQueue {
  return value !== null && (CASE_QUEUES as readonly string[]).includes(value);
}

/** The list's state lives in the address (?q=&stage=&…), so it survives reloads and the back button. */
function useListState() {
  const [params, setParams] = useSearchParams();
  const queueParam = params.get('queue');
  const queue: QueueTab = isQueue(queueParam) ? queueParam : 'all';
  const stageParam = params.get('stage');
  const stage = isCaseStage(stageParam) ? stageParam : undefined;
  const country = params.get('returnCountry') ?? undefined;
  const days = Number(params.get('deadlineWithinDays') ?? Number.NaN);
  const deadlineWithinDays = Number.isInteger(days) && days >= 0 ? days : undefined;
  const q = params.get('q')?.trim() || undefined;
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);

  function update(changes: Record<string, string | undefined>, keepPage = false): void {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined || value === '') next.delete(key);
          else next.set(key, value);
        }
        if (!keepPage) next.delete('page');
        return next;
      },
      { replace: true },
    );
  }

  const query: CaseListParams = {
    limit: CASES_PAGE_SIZE,
    offset: (page - 1) * CASES_PAGE_SIZE,
    ...(q ? { q } : {}),
    ...(queue !== 'all' ? { queue } : {}),
    // The queues set these themselves: "awaiting validation" is a stage, "deadlines" a window.
    ...(stage && queue !== 'awaiting_validation' ? { stage } : {}),
    ...(country ? { returnCountry: country } : {}),
    ...(deadlineWithinDays !== undefined && queue !== 'deadlines' ? { deadlineWithinDays } : {}),
  };
  return { queue, stage, country, deadlineWithinDays, q, page, update, query };
}

function queryString(query: CaseListParams): string {
  return new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
}

function CaseTable({
  items,
  caption,
  total,
  query,
  busy,
}: {
  items: CaseSummary[];
  caption: string;
  total: number;
  /** The query whose results are (or, while busy, will be) shown: for tests and debugging. */
  query: string;
  /** The rows shown are the previous results while new ones load. */
  busy: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table
        striped
        highlightOnHover
        verticalSpacing="sm"
        data-testid="cases-table"
        data-total={total}
        data-query={query}
        aria-busy={busy}
      >
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('cases.reference')}</Table.Th>
            <Table.Th scope="col">{t('cases.principal')}</Table.Th>
            <Table.Th scope="col">{t('cases.household')}</Table.Th>
            <Table.Th scope="col">{t('cases.stage')}</Table.Th>
            <Table.Th scope="col">{t('cases.returnCountry')}</Table.Th>
            <Table.Th scope="col">{t('cases.deadline')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={`/cases/${c.id}`} dir="ltr">
                  {c.reference}
                </Anchor>
              </Table.Th>
              <Table.Td className="hw-break">{c.principalName ?? t('cases.noPrincipal')}</Table.Td>
              <Table.Td>{c.householdSize}</Table.Td>
              <Table.Td>
                <StageBadge stage={c.stage} />
              </Table.Td>
              <Table.Td>{format.country(c.returnCountry)}</Table.Td>
              <Table.Td>
                <DeadlineBadge deadline={c.departureDeadline} stage={c.stage} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function CasesPage() {
  const { t } = useTranslation();
  const me = useSession();
  const canWrite = useCan('cases:write');
  const format = useFormat();
  const state = useListState();
  const cases = useCases(state.query);
  const [search, setSearch] = useState(state.q ?? '');

  // Follow the address when it changes from outside the box (back button, "clear").
  useEffect(() => setSearch(state.q ?? ''), [state.q]);

  function onSearch(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    state.update({ q: search.trim() || undefined });
  }

  const filtered =
    state.q !== undefined ||
    state.stage !== undefined ||
    state.country !== undefined ||
    state.deadlineWithinDays !== undefined;
  const total = cases.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / CASES_PAGE_SIZE));
  const first = total === 0 ? 0 : (state.page - 1) * CASES_PAGE_SIZE + 1;
  const last = Math.min(total, state.page * CASES_PAGE_SIZE);
  // The "deadlines" queue is a 14-day window itself; an address may carry any other number of days.
  const deadlineValue = state.queue === 'deadlines' ? DEADLINE_SOON_DAYS : state.deadlineWithinDays;
  const deadlineOptions = [
    ...new Set([...DEADLINE_OPTIONS, ...(deadlineValue === undefined ? [] : [deadlineValue])]),
  ].sort((a, b) => a - b);
  const queueLabel = (q: QueueTab) =>
    q === 'deadlines' ? t('cases.queues.deadlines', { days: DEADLINE_SOON_DAYS }) : t(`cases.queues.${q}`);

  const results = cases.isPending ? (
    <TableSkeleton />
  ) : cases.isError ? (
    <ProblemAlert error={cases.error} onRetry={() => void cases.refetch()} />
  ) : cases.data.items.length === 0 ? (
    <Stack gap="xs" align="flex-start">
      <Text>{filtered ? t('cases.emptyFiltered') : t('cases.empty')}</Text>
      {filtered && (
        <Button
          variant="default"
          size="xs"
          onClick={() =>
            state.update({
              q: undefined,
              stage: undefined,
              returnCountry: undefined,
              deadlineWithinDays: undefined,
            })
          }
        >
          {t('cases.clearFilters')}
        </Button>
      )}
    </Stack>
  ) : (
    <Stack gap="sm">
      {cases.data.truncated && (
        <Text size="sm" role="status" data-testid="cases-truncated">
          {t('cases.truncated')}
        </Text>
      )}
      <CaseTable
        items={cases.data.items}
        caption={`${queueLabel(state.queue)} · ${t('cases.showing', { from: first, to: last, total })}`}
        total={total}
        query={queryString(state.query)}
        busy={cases.isPlaceholderData}
      />
      <ListPagination
        pages={pages}
        page={state.page}
        onChange={(page) => state.update({ page: String(page) }, true)}
      />
    </Stack>
  );

  return (
    <>
      <PageHeader
        title={t('cases.title')}
        intro={t('cases.intro', { organisation: me.organisation.name })}
        actions={
          canWrite && (
            <Button component={Link} to="/cases/new">
              {t('cases.new')}
            </Button>
          )
        }
      />

      <Stack gap="md">
        <form onSubmit={onSearch} role="search" aria-label={t('cases.searchLabel')}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              type="search"
              label={t('cases.searchLabel')}
              description={t('cases.searchHint')}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              style={{ flex: '1 1 320px' }}
              maxLength={200}
            />
            <Button type="submit">{t('cases.searchSubmit')}</Button>
            {state.q !== undefined && (
              <Button variant="default" onClick={() => state.update({ q: undefined })}>
                {t('cases.clearSearch')}
              </Button>
            )}
          </Group>
        </form>

        <Group align="flex-end" gap="sm" wrap="wrap" role="group" aria-labelledby="cases-filters">
          <VisuallyHidden id="cases-filters">{t('cases.filters')}</VisuallyHidden>
          <NativeSelect
            label={t('cases.stage')}
            value={state.queue === 'awaiting_validation' ? 'submitted' : (state.stage ?? '')}
            disabled={state.queue === 'awaiting_validation'}
            onChange={(e) => state.update({ stage: e.currentTarget.value || undefined })}
            data={[
              { value: '', label: t('cases.anyStage') },
              ...CASE_STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) })),
            ]}
            w={220}
          />
          <Select
            label={t('cases.returnCountry')}
            placeholder={t('cases.anyCountry')}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('cases.clearCountry') }}
            nothingFoundMessage={t('common.nothingFound')}
            data={format.countryOptions()}
            value={state.country ?? null}
            onChange={(code) => state.update({ returnCountry: code ?? undefined })}
            w={240}
            comboboxProps={{ withinPortal: true }}
          />
          <NativeSelect
            label={t('cases.deadline')}
            value={deadlineValue === undefined ? '' : String(deadlineValue)}
            disabled={state.queue === 'deadlines'}
            onChange={(e) => state.update({ deadlineWithinDays: e.currentTarget.value || undefined })}
            data={[
              { value: '', label: t('cases.anyDeadline') },
              ...deadlineOptions.map((d) => ({
                value: String(d),
                label: d === 0 ? t('cases.deadlinePassed') : t('cases.withinDays', { days: d }),
              })),
            ]}
            w={240}
          />
        </Group>

        <Tabs
          value={state.queue}
          onChange={(value) => state.update({ queue: isQueue(value) ? value : undefined })}
          keepMounted={false}
        >
          <Tabs.List aria-label={t('cases.queueLabel')}>
            {QUEUE_TABS.map((q) => (
              <Tabs.Tab key={q} value={q}>
                {queueLabel(q)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {QUEUE_TABS.map((q) => (
            <Tabs.Panel key={q} value={q} pt="md">
              {results}
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>
    </>
  );
}
