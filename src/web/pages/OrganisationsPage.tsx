import { Badge, Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOrganisations } from '../api/queries.ts';
import { useFormat } from '../components/format.ts';
import { TableSkeleton } from '../components/Loading.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';

export function OrganisationsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const organisations = useOrganisations();

  return (
    <>
      <PageHeader title={t('organisations.title')} intro={t('organisations.intro')} />
      {organisations.isPending ? (
        <TableSkeleton />
      ) : organisations.isError ? (
        <ProblemAlert error={organisations.error} onRetry={() => void organisations.refetch()} />
      ) : organisations.data.items.length === 0 ? (
        <Text>{t('organisations.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover verticalSpacing="sm" data-testid="organisations-table">
            <Table.Caption>{t('organisations.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('organisations.name')}</Table.Th>
                <Table.Th scope="col">{t('organisations.slug')}</Table.Th>
                <Table.Th scope="col">{t('organisations.type')}</Table.Th>
                <Table.Th scope="col">{t('organisations.country')}</Table.Th>
                <Table.Th scope="col">{t('common.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {organisations.data.items.map((org) => (
                <Table.Tr key={org.id}>
                  <Table.Th scope="row" fw={500}>
                    {org.name}
                  </Table.Th>
                  <Table.Td>
                    <Code dir="ltr">{org.slug}</Code>
                  </Table.Td>
                  <Table.Td>{t(`organisationTypes.${org.type}`)}</Table.Td>
                  <Table.Td>{format.country(org.country) ?? '—'}</Table.Td>
                  <Table.Td>
                    <Badge
                      color={org.active === false ? 'gray' : 'green'}
                      variant="dot"
                      radius="sm"
                      tt="none"
                    >
                      {org.active === false ? t('common.inactive') : t('common.active')}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
