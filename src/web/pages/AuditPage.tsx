import { Badge, Button, Code, Group, NativeSelect, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAudit } from '../api/queries.ts';
import type { AuditEntry } from '../api/types.ts';
import { useFormat } from '../components/format.ts';
import { TableSkeleton } from '../components/Loading.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';

const LIMITS = [50, 100, 200] as const;

function outcomeColor(outcome: string): string {
  const o = outcome.toLowerCase();
  if (o === 'success' || o === 'ok' || o === 'allowed') return 'green';
  if (o === 'denied' || o === 'forbidden') return 'orange';
  if (o === 'failure' || o === 'failed' || o === 'error') return 'red';
  return 'gray';
}

function target(entry: AuditEntry): string | null {
  if (!entry.targetType && !entry.targetId) return null;
  return [entry.targetType, entry.targetId].filter(Boolean).join(' ');
}

export function AuditPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [limit, setLimit] = useState<number>(50);
  const audit = useAudit(limit);

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        intro={t('audit.intro')}
        actions={
          <Group gap="sm" align="flex-end">
            <NativeSelect
              label={t('audit.limit')}
              size="sm"
              value={String(limit)}
              data={LIMITS.map(String)}
              onChange={(e) => setLimit(Number(e.currentTarget.value))}
            />
            <Button variant="default" onClick={() => void audit.refetch()} loading={audit.isFetching}>
              {t('common.refresh')}
            </Button>
          </Group>
        }
      />
      {audit.isPending ? (
        <TableSkeleton rows={8} />
      ) : audit.isError ? (
        <ProblemAlert error={audit.error} onRetry={() => void audit.refetch()} />
      ) : audit.data.items.length === 0 ? (
        <Text>{t('audit.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing="xs" data-testid="audit-table">
            <Table.Caption>{t('audit.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">#</Table.Th>
                <Table.Th scope="col">{t('audit.at')}</Table.Th>
                <Table.Th scope="col">{t('audit.actor')}</Table.Th>
                <Table.Th scope="col">{t('audit.action')}</Table.Th>
                <Table.Th scope="col">{t('audit.target')}</Table.Th>
                <Table.Th scope="col">{t('audit.outcome')}</Table.Th>
                <Table.Th scope="col">{t('audit.ip')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {audit.data.items.map((entry) => (
                <Table.Tr key={String(entry.seq)}>
                  <Table.Td>{entry.seq}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(entry.at)}</Table.Td>
                  <Table.Td className="hw-break">
                    {entry.actorLabel ?? entry.actorEmail ?? t('audit.system')}
                  </Table.Td>
                  <Table.Td>
                    <Code dir="ltr">{entry.action}</Code>
                  </Table.Td>
                  <Table.Td className="hw-break" dir="ltr">
                    {target(entry) ?? '—'}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={outcomeColor(entry.outcome)} variant="dot" radius="sm" tt="none">
                      {entry.outcome}
                    </Badge>
                  </Table.Td>
                  <Table.Td dir="ltr">{entry.ip ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
