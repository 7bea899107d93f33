/**
 * Pieces of the eligibility explanation shared by the case's Eligibility tab, its frozen enrolments
 * and the comparison: status badges, the reason tree, a component with its arithmetic, amounts.
 */
import { Badge, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ComponentResult,
  CurrencyTotal,
  EligibilityReason,
  EligibilityStatus,
  InstalmentResult,
  ProgrammeResult,
  ReasonOutcome,
} from '../../api/eligibility.ts';
import { Detail } from '../../components/CaseSummaries.tsx';
import { currentLanguage, isLanguage } from '../../i18n/index.ts';
import { amountText, formatMoney, totalsText, type AmountLike } from './EligibilityFormat.ts';

/** The interface language, which the explanations are asked in. */
export function useUiLanguage(): string {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : currentLanguage();
}

/** Money and amounts in the interface language, with the words for ceilings and actual costs. */
export function useMoney() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  return useMemo(() => {
    const words = {
      upTo: (amount: string) => t('eligibility.amount.upTo', { amount }),
      actualCost: t('eligibility.amount.actualCost'),
      actualCostUpTo: (amount: string) => t('eligibility.amount.actualCostUpTo', { amount }),
    };
    return {
      language,
      money: (amount: number, currency: string) => formatMoney(language, amount, currency),
      amount: (a: AmountLike) => amountText(language, a, words),
      totals: (totals: readonly CurrencyTotal[]) =>
        totalsText(language, totals, t('eligibility.amount.none')),
    };
  }, [language, t]);
}

const STATUS_STYLE: Record<EligibilityStatus, { color: string; variant: 'filled' | 'default' }> = {
  eligible: { color: 'teal.9', variant: 'filled' },
  to_check: { color: 'orange.5', variant: 'filled' },
  not_eligible: { color: 'gray', variant: 'default' },
};

/** Eligible / to check / not eligible: a mark and the word (colour is never the only signal). */
export function StatusBadge({ status, size = 'md' }: { status: EligibilityStatus; size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  const style = STATUS_STYLE[status];
  return (
    <Badge
      color={style.color}
      variant={style.variant}
      autoContrast
      radius="sm"
      tt="none"
      size={size}
      data-status={status}
      leftSection={<OutcomeIcon outcome={STATUS_OUTCOME[status]} size={12} plain />}
    >
      {t(`eligibility.status.${status}`)}
    </Badge>
  );
}

const STATUS_OUTCOME: Record<EligibilityStatus, ReasonOutcome> = {
  eligible: 'met',
  to_check: 'unknown',
  not_eligible: 'not_met',
};

const OUTCOME_COLOR: Record<ReasonOutcome, string> = {
  met: 'var(--mantine-color-teal-9)',
  not_met: 'var(--mantine-color-red-9)',
  unknown: 'var(--mantine-color-orange-9)',
};

/** ✓, ✗ or ? drawn in SVG (decorative: the word next to it says the same). */
export function OutcomeIcon({
  outcome,
  size = 16,
  plain = false,
}: {
  outcome: ReasonOutcome;
  size?: number;
  /** In the current colour (inside a badge) rather than the outcome's colour. */
  plain?: boolean;
}) {
  const color = plain ? 'currentColor' : OUTCOME_COLOR[outcome];
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      style={{ flex: 'none', color }}
    >
      {outcome === 'met' ? (
        <path d="M3 8.5l3.2 3L13 4.5" fill="none" stroke="currentColor" strokeWidth="2.2" />
      ) : outcome === 'not_met' ? (
        <path d="M4 4l8 8M12 4l-8 8" fill="none" stroke="currentColor" strokeWidth="2.2" />
      ) : (
        <>
          <path
            d="M5.5 6a2.5 2.5 0 1 1 3.6 2.2c-.7.4-1.1.9-1.1 1.8"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
          />
          <circle cx="8" cy="13" r="1.2" fill="currentColor" />
        </>
      )}
    </svg>
  );
}

/** One reason and, nested below it, the rules it is made of. */
function ReasonItem({ reason }: { reason: EligibilityReason }) {
  const { t } = useTranslation();
  return (
    <li data-outcome={reason.outcome}>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <span style={{ paddingTop: 3, display: 'inline-flex' }}>
          <OutcomeIcon outcome={reason.outcome} />
        </span>
        <Text size="sm" className="hw-break">
          <Text span fw={700} size="sm">
            {t(`eligibility.outcome.${reason.outcome}`)}
          </Text>
          {t('eligibility.outcomeSeparator')}
          <span dir="auto">{reason.text}</span>
        </Text>
      </Group>
      {reason.children && reason.children.length > 0 && <ReasonList reasons={reason.children} nested />}
    </li>
  );
}

/** The reasons of an explanation as a nested list; each says met, not met or unknown in words. */
export function ReasonList({
  reasons,
  nested = false,
  label,
}: {
  reasons: readonly EligibilityReason[];
  nested?: boolean;
  label?: string;
}) {
  return (
    <ul
      aria-label={label}
      style={{
        listStyle: 'none',
        margin: 0,
        paddingInlineStart: nested ? 22 : 0,
        display: 'flex',
        flexDirection: 'column',
        gap: 4,
        marginTop: nested ? 4 : 0,
      }}
    >
      {reasons.map((r, i) => (
        <ReasonItem key={`${r.path}:${i}`} reason={r} />
      ))}
    </ul>
  );
}

function instalmentText(t: TFunction, money: (amount: number) => string, i: InstalmentResult): string {
  const when =
    i.due === 'after_arrival' && i.monthsAfterArrival !== undefined
      ? t('eligibility.instalment.monthsAfterArrival', { months: i.monthsAfterArrival })
      : t(`eligibility.instalment.${i.due}`);
  return t('eligibility.instalment.line', { percent: i.percent, amount: money(i.amount), when });
}

/** One component of a programme: what it is, whether it applies, its amount and the arithmetic. */
export function ComponentDetails({
  component,
  headingLevel,
}: {
  component: ComponentResult;
  headingLevel: 4 | 5 | 6;
}) {
  const { t } = useTranslation();
  const m = useMoney();
  return (
    <Paper withBorder p="sm" component="li" data-component={component.code}>
      <Stack gap="xs">
        <Group justify="space-between" align="baseline" wrap="wrap" gap="xs">
          <Group gap="xs" align="baseline" wrap="wrap">
            <Title order={headingLevel} size="h5" dir="auto">
              {component.name}
            </Title>
            <StatusBadge status={component.status} size="sm" />
          </Group>
          <Text fw={700} data-testid="component-amount">
            {component.eligible ? m.amount(component) : t('eligibility.notPaid')}
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          {[
            t(`eligibility.stages.${component.stage}`),
            t(`eligibility.modalities.${component.modality}`),
            t(`eligibility.categories.${component.category}`),
          ].join(' · ')}
        </Text>
        {component.reasons.length > 0 && (
          <ReasonList reasons={component.reasons} label={t('eligibility.componentReasons')} />
        )}
        {component.eligible && component.calculation.length > 0 && (
          <SimpleGrid cols={1} spacing={4} component="dl" m={0}>
            <Detail term={t('eligibility.calculation')}>
              <List size="sm" spacing={2}>
                {component.calculation.map((line, i) => (
                  <List.Item key={i}>
                    <span dir="auto">{line}</span>
                  </List.Item>
                ))}
              </List>
            </Detail>
          </SimpleGrid>
        )}
        {component.eligible && component.instalments.length > 0 && (
          <SimpleGrid cols={1} spacing={4} component="dl" m={0}>
            <Detail term={t('eligibility.instalments')}>
              <List size="sm" spacing={2}>
                {component.instalments.map((i, n) => (
                  <List.Item key={n}>{instalmentText(t, (a) => m.money(a, component.currency), i)}</List.Item>
                ))}
              </List>
            </Detail>
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * A programme's explanation: why (the reasons), what (each component), and the total for the
 * household. Used for the live evaluation and for an enrolment's frozen snapshot.
 */
export function ProgrammeExplanation({
  result,
  headingLevel,
}: {
  result: ProgrammeResult;
  /** The level of the section headings inside ("Why", "What it offers"). */
  headingLevel: 3 | 4 | 5;
}) {
  const { t } = useTranslation();
  const m = useMoney();
  const sub = (headingLevel + 1) as 4 | 5 | 6;
  return (
    <Stack gap="sm">
      <Title order={headingLevel} size="h5">
        {t('eligibility.why')}
      </Title>
      {result.reasons.length > 0 ? (
        <ReasonList reasons={result.reasons} />
      ) : (
        <Text size="sm">{t('eligibility.noConditions')}</Text>
      )}
      <Title order={headingLevel} size="h5">
        {t('eligibility.offers', { count: result.components.length })}
      </Title>
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {result.components.map((c) => (
          <ComponentDetails key={c.code} component={c} headingLevel={sub} />
        ))}
      </Stack>
      <Text fw={700} data-testid="programme-total">
        {t('eligibility.programmeTotal', { total: m.totals(result.totals) })}
      </Text>
    </Stack>
  );
}

/**
 * A wide table in a box that scrolls sideways when the screen is narrower (the page itself does not):
 * the box is a labelled region that takes keyboard focus, so it can be scrolled without a mouse.
 */
export function ScrollTable({
  minWidth,
  label,
  children,
}: {
  minWidth: number;
  label: string;
  children: ReactNode;
}) {
  return (
    <Table.ScrollContainer
      minWidth={minWidth}
      type="native"
      tabIndex={0}
      role="region"
      aria-label={label}
      // Positioned, so that visually hidden texts inside scroll with the table (not the page).
      style={{ position: 'relative' }}
    >
      {children}
    </Table.ScrollContainer>
  );
}
