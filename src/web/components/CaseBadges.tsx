import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseStage } from '../../domain/case-workflow.ts';
import { deadlineStatus, stageColor, type DeadlineStatus } from './caseDisplay.ts';
import { useFormat } from './format.ts';

export function StageBadge({ stage, size = 'md' }: { stage: CaseStage; size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color={stageColor(stage)} variant="dot" radius="sm" tt="none" size={size} data-stage={stage}>
      {t(`stages.${stage}`)}
    </Badge>
  );
}

// Red when the deadline has passed, orange when it is near: filled, with text that says so too (colour
// is never the only signal). autoContrast picks dark text on orange.
const DEADLINE_STYLE: Record<DeadlineStatus, { color: string; variant: 'filled' | 'default' }> = {
  overdue: { color: 'red.9', variant: 'filled' },
  soon: { color: 'orange.5', variant: 'filled' },
  later: { color: 'gray', variant: 'default' },
  inactive: { color: 'gray', variant: 'default' },
};

/** A voluntary-departure deadline: red when past, orange within 14 days (before departure only). */
export function DeadlineBadge({
  deadline,
  stage,
  size = 'md',
  withLabel = false,
}: {
  deadline: string | null;
  stage: CaseStage;
  size?: 'md' | 'lg';
  /** Say what the date is ("Departure deadline: …"), where no column header does. */
  withLabel?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!deadline) return withLabel ? null : <span aria-label={t('deadline.none')}>—</span>;
  const status = deadlineStatus(deadline, stage);
  const date = format.date(deadline) ?? deadline;
  const text = withLabel
    ? status === 'overdue'
      ? t('deadline.labelledOverdue', { date })
      : status === 'soon'
        ? t('deadline.labelledSoon', { date })
        : t('deadline.labelled', { date })
    : status === 'overdue'
      ? t('deadline.overdue', { date })
      : status === 'soon'
        ? t('deadline.soon', { date })
        : date;
  const style = DEADLINE_STYLE[status];
  return (
    <Badge
      color={style.color}
      variant={style.variant}
      autoContrast
      radius="sm"
      tt="none"
      size={size}
      data-deadline={status}
    >
      {text}
    </Badge>
  );
}
