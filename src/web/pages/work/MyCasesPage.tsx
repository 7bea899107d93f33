import { Anchor, Badge, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { OrganisationType } from '../../../domain/permissions.ts';
import { SHARED_PARTS, useSharedCases, type SharedPart } from '../../api/workQueues.ts';
import { StageBadge } from '../../components/CaseBadges.tsx';
import { useFormat } from '../../components/format.ts';
import { TableSkeleton } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSession } from '../../components/session.ts';
import { ListPagination } from '../../components/ListPagination.tsx';

const PAGE_SIZE = 25;

function isPart(value: string | null): value is SharedPart {
  return value !== null && (SHARED_PARTS as readonly string[]).includes(value);
}

/** The part an organisation of this type usually plays in others' cases. */
export function defaultPart(type: OrganisationType): SharedPart {
  if (type === 'reintegration_partner') return 'partner';
  if (type === 'origin_authority') return 'origin';
  return 'funder';
}

/** The cases other organisations share with the user's: a partner's "my cases", a funder's, an origin authority's. */
export function MyCasesPage() {
  const { t } = useTranslation();
  const me = useSession();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const partParam = params.get('part');
  const part: SharedPart = isPart(partParam) ? partParam : defaultPart(me.organisation.type);
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const cases = useSharedCases({ part, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const total = cases.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  function update(changes: Record<string, string | undefined>): void {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  }

  return (
    <>
      <PageHeader title={t('work.myCases.title')} intro={t(`work.myCases.intro.${part}`)} />
      <Stack gap="md">
        <SegmentedControl
          aria-label={t('work.myCases.partLabel')}
          value={part}
          onChange={(value) => update({ part: value, page: undefined })}
          data={SHARED_PARTS.map((p) => ({ value: p, label: t(`work.myCases.parts.${p}`) }))}
          maw={560}
        />
        {cases.isPending ? (
          <TableSkeleton />
        ) : cases.isError ? (
          <ProblemAlert error={cases.error} onRetry={() => void cases.refetch()} />
        ) : cases.data.items.length === 0 ? (
          <Text data-testid="my-cases-empty">{t('work.myCases.empty')}</Text>
        ) : (
          <>
            <Table.ScrollContainer minWidth={760}>
              <Table
                striped
                highlightOnHover
                verticalSpacing="sm"
                data-testid="my-cases-table"
                aria-busy={cases.isPlaceholderData}
              >
                <Table.Caption>
                  {t('work.myCases.caption', { part: t(`work.myCases.parts.${part}`), count: total })}
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('cases.reference')}</Table.Th>
                    <Table.Th scope="col">{t('cases.principal')}</Table.Th>
                    <Table.Th scope="col">{t('cases.stage')}</Table.Th>
                    <Table.Th scope="col">{t('cases.returnCountry')}</Table.Th>
                    <Table.Th scope="col">{t('work.myCases.updatedAt')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {cases.data.items.map((c) => (
                    <Table.Tr key={c.id} data-case={c.reference}>
                      <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                        <Anchor component={Link} to={`/shared/${encodeURIComponent(c.id)}`} dir="ltr">
                          {c.reference}
                        </Anchor>
                        {c.retroactive && (
                          <Badge ms="xs" size="sm" variant="outline" radius="sm" tt="none">
                            {t('sharedCase.retroactive')}
                          </Badge>
                        )}
                      </Table.Th>
                      <Table.Td className="hw-break">
                        {c.principalName ?? (
                          <Text span size="sm" c="dimmed">
                            {t('work.myCases.nameNotShared')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <StageBadge stage={c.stage} />
                      </Table.Td>
                      <Table.Td>{format.country(c.returnCountry)}</Table.Td>
                      <Table.Td>
                        <time dateTime={c.updatedAt}>{format.dateTime(c.updatedAt)}</time>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <ListPagination pages={pages} page={page} onChange={(next) => update({ page: String(next) })} />
          </>
        )}
      </Stack>
    </>
  );
}
