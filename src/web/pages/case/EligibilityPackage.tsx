/**
 * The combined package: what the household can receive from the programmes together, after the
 * programmes that cannot be combined are left out and offsets deducted, with totals per currency.
 */
import { SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseEligibility, PackageLine } from '../../api/eligibility.ts';
import { Detail } from '../../components/CaseSummaries.tsx';
import { groupPackage, programmeName } from './EligibilityFormat.ts';
import { ScrollTable, useMoney } from './EligibilityParts.tsx';

function Reductions({ line }: { line: PackageLine }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {line.reductions.map((r, i) => (
        <li key={i}>
          <Text span size="sm" dir="auto">
            {r.text}
          </Text>
        </li>
      ))}
    </ul>
  );
}

/**
 * The package's lines of one or more programmes as a table, grouped by programme. Compact (for a
 * dialog): the part and what the package counts, the deductions written under the amount.
 */
export function PackageTable({
  lines,
  names,
  caption,
  testId,
  compact = false,
}: {
  lines: readonly PackageLine[];
  names: ReadonlyArray<{ code: string; name: string }>;
  caption: string;
  testId?: string;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const m = useMoney();
  const groups = groupPackage({ programmeCodes: [], excluded: [], lines: [...lines], totals: [] }, names);
  const columns = compact ? 2 : 5;
  const table = (
    <Table verticalSpacing="xs" data-testid={testId}>
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('eligibility.package.component')}</Table.Th>
          {!compact && <Table.Th scope="col">{t('eligibility.package.stage')}</Table.Th>}
          {!compact && <Table.Th scope="col">{t('eligibility.package.own')}</Table.Th>}
          {!compact && <Table.Th scope="col">{t('eligibility.package.reductions')}</Table.Th>}
          <Table.Th scope="col">{t('eligibility.package.counted')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      {groups.map((g) => (
        <Table.Tbody key={g.programmeCode} data-programme={g.programmeCode}>
          <Table.Tr bg="gray.0">
            <Table.Th scope="rowgroup" colSpan={columns}>
              <span dir="auto">{g.name}</span>
              {' · '}
              <Text span size="sm" fw={400}>
                {t('eligibility.package.subtotal', { total: m.totals(g.totals) })}
              </Text>
            </Table.Th>
          </Table.Tr>
          {g.lines.map((l) => (
            <Table.Tr key={`${l.programmeCode}:${l.componentCode}`}>
              <Table.Th scope="row" fw={500}>
                <span dir="auto">{l.name}</span>
              </Table.Th>
              {!compact && <Table.Td>{t(`eligibility.stages.${l.stage}`)}</Table.Td>}
              {!compact && <Table.Td>{m.amount({ ...l, amount: l.amountBefore })}</Table.Td>}
              {!compact && (
                <Table.Td>
                  {l.reductions.length === 0 ? t('eligibility.package.noReduction') : <Reductions line={l} />}
                </Table.Td>
              )}
              <Table.Td>
                <Text span fw={700}>
                  {m.amount(l)}
                </Text>
                {compact && l.reductions.length > 0 && <Reductions line={l} />}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      ))}
    </Table>
  );
  return compact ? (
    table
  ) : (
    <ScrollTable minWidth={640} label={caption}>
      {table}
    </ScrollTable>
  );
}

export function EligibilityPackage({ data }: { data: CaseEligibility }) {
  const { t } = useTranslation();
  const m = useMoney();
  const pkg = data.package;
  const hasActualCost = pkg.lines.some((l) => l.actualCost);
  return (
    <Stack gap="xs" component="section" aria-labelledby="eligibility-package">
      <Title order={3} size="h4" id="eligibility-package">
        {t('eligibility.package.title')}
      </Title>
      <Text size="sm">{t('eligibility.package.intro')}</Text>
      {pkg.lines.length === 0 ? (
        <Text>{t('eligibility.package.empty')}</Text>
      ) : (
        <>
          <PackageTable
            lines={pkg.lines}
            names={data.programmes}
            caption={t('eligibility.package.caption')}
            testId="eligibility-package"
          />
          <SimpleGrid cols={1} component="dl" m={0}>
            <Detail term={t('eligibility.package.total')}>
              <Text span fw={700} size="lg" data-testid="package-total">
                {m.totals(pkg.totals)}
              </Text>
            </Detail>
          </SimpleGrid>
          {hasActualCost && <Text size="sm">{t('eligibility.package.actualCostNote')}</Text>}
        </>
      )}
      {pkg.excluded.length > 0 && (
        <>
          <Title order={4} size="h5">
            {t('eligibility.package.excludedTitle', { count: pkg.excluded.length })}
          </Title>
          <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="package-excluded">
            {pkg.excluded.map((x) => (
              <li key={x.programmeCode}>
                <Text span fw={600} dir="auto">
                  {programmeName(data.programmes, x.programmeCode)}
                </Text>
                {t('eligibility.outcomeSeparator')}
                <span dir="auto">{x.reason}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Stack>
  );
}
