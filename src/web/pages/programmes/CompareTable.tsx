/**
 * The comparison as a table: a row per programme (and, when a household is given, a second row for
 * it), a column per stage of the journey with what each component pays, and the total per currency.
 * The table is the way to read the numbers; the chart only illustrates them.
 */
import { Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CompareCell, CompareProgramme } from '../../api/eligibility.ts';
import type { ComponentStage } from '../../../domain/programmes/definition.ts';
import { ScrollTable, StatusBadge, useMoney } from '../case/EligibilityParts.tsx';
import { stageCell } from './CompareModel.ts';

function Nothing() {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">—</span>
      <VisuallyHidden>{t('compare.table.nothing')}</VisuallyHidden>
    </>
  );
}

function StageContent({ cell, stage }: { cell: CompareCell; stage: ComponentStage }) {
  const m = useMoney();
  const content = stageCell(cell, stage);
  if (content.components.length === 0) return <Nothing />;
  return (
    <ul style={{ margin: 0, padding: 0, listStyle: 'none' }}>
      {content.components.map((c) => (
        <li key={c.code}>
          <Text span size="sm" dir="auto">
            {c.name}
          </Text>
          {': '}
          <Text span size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
            {m.amount(c)}
          </Text>
        </li>
      ))}
    </ul>
  );
}

function TotalContent({ cell }: { cell: CompareCell }) {
  const { t } = useTranslation();
  const m = useMoney();
  const actualCost = cell.components.some((c) => c.eligible && c.actualCost);
  if (cell.totals.length === 0 && !actualCost) return <Nothing />;
  return (
    <>
      <Text span fw={700} style={{ whiteSpace: 'nowrap' }} data-testid="compare-total">
        {m.totals(cell.totals)}
      </Text>
      {actualCost && (
        <Text size="xs" c="dimmed">
          {t('compare.table.plusActualCost')}
        </Text>
      )}
    </>
  );
}

export function CompareTable({
  programmes,
  stages,
  withHousehold,
  caption,
}: {
  programmes: readonly CompareProgramme[];
  stages: readonly ComponentStage[];
  /** A second row per programme for the household given in the form. */
  withHousehold: boolean;
  caption: string;
}) {
  const { t } = useTranslation();
  const rows = (p: CompareProgramme) =>
    withHousehold && p.household
      ? [
          { key: 'reference', label: t('compare.referenceHousehold'), cell: p.reference },
          { key: 'household', label: t('compare.givenHousehold'), cell: p.household },
        ]
      : [{ key: 'reference', label: t('compare.referenceHousehold'), cell: p.reference }];
  return (
    <ScrollTable minWidth={withHousehold ? 980 : 860} label={caption}>
      <Table verticalSpacing="sm" withTableBorder withColumnBorders data-testid="compare-table">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('compare.table.programme')}</Table.Th>
            {withHousehold && <Table.Th scope="col">{t('compare.table.household')}</Table.Th>}
            <Table.Th scope="col">{t('compare.table.status')}</Table.Th>
            {stages.map((s) => (
              <Table.Th scope="col" key={s}>
                {t(`eligibility.stages.${s}`)}
              </Table.Th>
            ))}
            <Table.Th scope="col">{t('compare.table.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        {programmes.map((p) => {
          const shown = rows(p);
          return (
            <Table.Tbody
              key={p.id}
              data-programme={p.code}
              style={{ borderTop: '2px solid var(--mantine-color-gray-5)' }}
            >
              {shown.map((row, i) => (
                <Table.Tr key={row.key} data-household={row.key}>
                  {i === 0 && (
                    <Table.Th
                      scope={shown.length > 1 ? 'rowgroup' : 'row'}
                      rowSpan={shown.length}
                      style={{ verticalAlign: 'top', minWidth: 180 }}
                    >
                      <Text span fw={700} dir="auto" style={{ display: 'block' }}>
                        {p.name}
                      </Text>
                      <Text span size="sm" fw={400} style={{ display: 'block' }}>
                        {t('compare.table.funder', { name: p.funder.name })}
                      </Text>
                    </Table.Th>
                  )}
                  {withHousehold && (
                    <Table.Th scope="row" fw={500}>
                      {row.label}
                    </Table.Th>
                  )}
                  <Table.Td>
                    <StatusBadge status={row.cell.status} size="sm" />
                  </Table.Td>
                  {stages.map((s) => (
                    <Table.Td key={s}>
                      <StageContent cell={row.cell} stage={s} />
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <TotalContent cell={row.cell} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          );
        })}
      </Table>
    </ScrollTable>
  );
}
