import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PREVIEW_HOUSEHOLDS } from '../../../../domain/programmes/households.ts';
import type { PreviewHousehold, ProgrammePreview } from '../../../api/programmes.ts';
import { useFormat } from '../../../components/format.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { PreviewStatusBadge, useMoney } from '../display.tsx';
import { usePathLabel } from './pathLabel.ts';
import type { FieldProblem } from './placement.ts';

/** How many problems the panel lists before "and n more". */
const PROBLEMS_SHOWN = 8;

const HOUSEHOLDS = new Map(PREVIEW_HOUSEHOLDS.map((h) => [h.key, h.household]));

/** A sample household in words, in the interface language (the server's words are English). */
function useHouseholdText(): (h: PreviewHousehold) => string {
  const { t } = useTranslation();
  return (h) => {
    const household = HOUSEHOLDS.get(h.key);
    if (!household) return h.description;
    const parts = [
      t('programmes.preview.members', { adults: household.adults, minors: household.minors }),
      t(`programmes.situations.${household.situation}`),
      t(`returnTypes.${household.returnType}`),
    ];
    if (household.vulnerable) parts.push(t('programmes.preview.vulnerable'));
    if (household.daysBeforeDeparture !== null)
      parts.push(t('programmes.preview.departsIn', { days: household.daysBeforeDeparture }));
    return parts.join(' · ');
  };
}

function ProblemList({
  title,
  problems,
  onGoTo,
  testId,
  color,
}: {
  title: string;
  problems: FieldProblem[];
  onGoTo: (path: string) => void;
  testId: string;
  color: 'gray' | 'red';
}) {
  const { t } = useTranslation();
  const pathLabel = usePathLabel();
  const shown = problems.slice(0, PROBLEMS_SHOWN);
  return (
    <Alert color={color} variant="light" title={title} data-testid={testId}>
      <List size="sm" spacing={6}>
        {shown.map((p) => (
          <List.Item key={`${p.path}:${p.message}`}>
            {p.path !== '' && (
              <Text size="sm" span fw={600}>
                {pathLabel(p.path)}:{' '}
              </Text>
            )}
            <Text size="sm" span>
              {p.message}
            </Text>{' '}
            {p.path !== '' && (
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => onGoTo(p.path)}
                aria-label={t('programmes.preview.goToLabel', { field: pathLabel(p.path) })}
              >
                {t('programmes.preview.goTo')}
              </Button>
            )}
          </List.Item>
        ))}
      </List>
      {problems.length > shown.length && (
        <Text size="sm" mt={4}>
          {t('programmes.preview.moreProblems', { n: problems.length - shown.length })}
        </Text>
      )}
    </Alert>
  );
}

/**
 * The rule builder's live preview: who among the sample households becomes eligible, to check or not
 * eligible under the draft (with totals and the first reasons that failed), and the consistency
 * problems the server finds. Nothing is saved.
 */
export function PreviewPanel({
  issues,
  preview,
  updating,
  error,
  onGoTo,
}: {
  /** What must be completed before the draft can be previewed (translated). */
  issues: FieldProblem[];
  preview: ProgrammePreview | undefined;
  /** A newer draft is waiting or being computed: what is shown is the previous answer. */
  updating: boolean;
  error: unknown;
  onGoTo: (path: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  const householdText = useHouseholdText();
  const counts = useMemo(() => {
    const out = { eligible: 0, to_check: 0, not_eligible: 0 };
    for (const h of preview?.households ?? []) out[h.status] += 1;
    return out;
  }, [preview]);
  const problems: FieldProblem[] = preview?.problems ?? [];

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="preview-title" data-testid="preview">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Title order={2} size="h3" id="preview-title">
            {t('programmes.preview.title')}
          </Title>
          {updating && (
            <Group gap={6} wrap="nowrap" role="status">
              <Loader size="xs" aria-hidden="true" />
              <Text size="xs" c="dimmed">
                {t('programmes.preview.updating')}
              </Text>
            </Group>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('programmes.preview.intro')}
        </Text>

        {issues.length > 0 && (
          <ProblemList
            title={t('programmes.preview.incomplete')}
            problems={issues}
            onGoTo={onGoTo}
            testId="preview-incomplete"
            color="gray"
          />
        )}
        {issues.length === 0 && error ? <ProblemAlert error={error} /> : null}
        {issues.length === 0 && problems.length > 0 && (
          <ProblemList
            title={t('programmes.preview.problems')}
            problems={problems}
            onGoTo={onGoTo}
            testId="preview-problems"
            color="red"
          />
        )}

        {preview && (
          <Stack
            gap="sm"
            aria-busy={updating}
            data-testid="preview-results"
            data-stale={issues.length > 0 || updating}
          >
            <Group gap="xs" aria-live="polite" data-testid="preview-counts">
              <Badge color="teal.9" variant="filled" radius="sm" tt="none">
                {t('programmes.preview.countEligible', { n: counts.eligible })}
              </Badge>
              <Badge color="orange.5" variant="filled" autoContrast radius="sm" tt="none">
                {t('programmes.preview.countToCheck', { n: counts.to_check })}
              </Badge>
              <Badge color="gray.7" variant="outline" radius="sm" tt="none">
                {t('programmes.preview.countNotEligible', { n: counts.not_eligible })}
              </Badge>
            </Group>
            {issues.length > 0 && (
              <Text size="xs" c="dimmed">
                {t('programmes.preview.previousDraft')}
              </Text>
            )}
            <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {preview.households.map((h) => (
                <li key={h.key} data-testid="preview-household" data-key={h.key} data-status={h.status}>
                  <Paper withBorder p="xs" radius="sm">
                    <Stack gap={4}>
                      <Group justify="space-between" gap="xs" wrap="wrap">
                        <Text size="sm" fw={600}>
                          {format.country(h.returnCountry)}
                          <VisuallyHidden>: </VisuallyHidden>
                        </Text>
                        <PreviewStatusBadge status={h.status} />
                      </Group>
                      <Text size="xs">{householdText(h)}</Text>
                      {h.totals.length > 0 && (
                        <Text size="sm">
                          {t('programmes.preview.total', {
                            amount: h.totals.map((x) => money(x.amount, x.currency)).join(' + '),
                          })}
                        </Text>
                      )}
                      {h.failed.length > 0 && h.status !== 'eligible' && (
                        <List size="xs" spacing={2}>
                          {h.failed.map((reason) => (
                            <List.Item key={reason}>{reason}</List.Item>
                          ))}
                        </List>
                      )}
                    </Stack>
                  </Paper>
                </li>
              ))}
            </Stack>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
