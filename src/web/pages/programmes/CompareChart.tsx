/**
 * A small bar chart of each programme's total, one chart per currency (sums in different currencies
 * are not comparable). Each bar is labelled in words with its programme and amount, so the chart
 * reads without seeing the bars; the table holds the same figures and more.
 */
import { Stack, Text, Title, useDirection } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompareProgramme } from '../../api/eligibility.ts';
import { useMoney } from '../case/EligibilityParts.tsx';
import { barPercent, chartGroups } from './CompareModel.ts';

const REFERENCE_FILL = 'var(--mantine-color-blue-8)';
const HOUSEHOLD_FILL = 'var(--mantine-color-teal-9)';

/** One bar (decorative: the text beside it gives the amount). Hatched for the given household. */
function Bar({ percent, household, patternId }: { percent: number; household: boolean; patternId: string }) {
  const { dir } = useDirection();
  const x = dir === 'rtl' ? 100 - percent : 0;
  return (
    <svg
      viewBox="0 0 100 12"
      preserveAspectRatio="none"
      width="100%"
      height={12}
      aria-hidden="true"
      focusable="false"
      style={{ display: 'block' }}
    >
      <rect x={0} y={0} width={100} height={12} fill="var(--mantine-color-gray-1)" />
      <rect
        x={x}
        y={0}
        width={percent}
        height={12}
        fill={household ? `url(#${patternId})` : REFERENCE_FILL}
        stroke={household ? HOUSEHOLD_FILL : 'none'}
        strokeWidth={household ? 0.6 : 0}
        vectorEffect="non-scaling-stroke"
      />
    </svg>
  );
}

export function CompareChart({
  programmes,
  withHousehold,
  headingId,
}: {
  programmes: readonly CompareProgramme[];
  withHousehold: boolean;
  headingId: string;
}) {
  const { t } = useTranslation();
  const m = useMoney();
  const patternId = `hw-hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const groups = chartGroups(programmes);
  return (
    <Stack gap="sm" component="figure" m={0} aria-labelledby={headingId} data-testid="compare-chart">
      {/* The hatch pattern of the given household's bars (defined once for the page). */}
      <svg width={0} height={0} aria-hidden="true" focusable="false" style={{ position: 'absolute' }}>
        <defs>
          <pattern id={patternId} width={4} height={4} patternUnits="userSpaceOnUse">
            <rect width={4} height={4} fill="var(--mantine-color-teal-1)" />
            <path d="M0 4L4 0" stroke={HOUSEHOLD_FILL} strokeWidth={1.4} />
          </pattern>
        </defs>
      </svg>
      <Text size="sm" component="figcaption">
        {withHousehold ? t('compare.chart.captionWithHousehold') : t('compare.chart.caption')}
      </Text>
      {groups.length === 0 ? (
        <Text>{t('compare.chart.empty')}</Text>
      ) : (
        groups.map((g) => (
          <Stack gap="xs" key={g.currency} data-currency={g.currency}>
            <Title order={3} size="h5">
              {t('compare.chart.currency', { currency: g.currency })}
            </Title>
            <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 10 }}>
              {g.bars.map((b) => (
                <li key={b.programmeId}>
                  <Text size="sm" fw={600} dir="auto">
                    {b.name}
                  </Text>
                  {[
                    { key: 'reference', amount: b.reference, household: false },
                    ...(withHousehold && b.household !== null
                      ? [{ key: 'household', amount: b.household, household: true }]
                      : []),
                  ].map((series) => (
                    <div
                      key={series.key}
                      style={{
                        display: 'grid',
                        gridTemplateColumns: 'minmax(0, 1fr) auto',
                        alignItems: 'center',
                        columnGap: 8,
                      }}
                    >
                      <Bar
                        percent={barPercent(series.amount, g.max)}
                        household={series.household}
                        patternId={patternId}
                      />
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {withHousehold
                          ? t(series.household ? 'compare.chart.household' : 'compare.chart.reference', {
                              amount: m.money(series.amount, g.currency),
                            })
                          : m.money(series.amount, g.currency)}
                      </Text>
                    </div>
                  ))}
                </li>
              ))}
            </ul>
          </Stack>
        ))
      )}
    </Stack>
  );
}
