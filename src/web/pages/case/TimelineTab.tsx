import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CONSENT_PURPOSES, COUNSELLING_MODES } from '../../../domain/case-facts.ts';
import { isReasonCode, type CaseStage } from '../../../domain/case-workflow.ts';
import { useCaseTimeline } from '../../api/queries.ts';
import type { CaseEvent } from '../../api/types.ts';
import { asStage, eventLabelKey } from '../../components/caseDisplay.ts';
import { isOneOf } from '../../components/codes.ts';
import { useFormat } from '../../components/format.ts';
import { LoadingBlock } from '../../components/Loading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';

function EventText({ event }: { event: CaseEvent }) {
  const { t } = useTranslation();
  const key = eventLabelKey(event.type);
  const from = asStage(event.fromStage);
  const to = asStage(event.toStage);
  const stageName = (s: CaseStage | null, raw: string | null) => (s ? t(`stages.${s}`) : (raw ?? '—'));
  switch (key) {
    case 'transition':
      return (
        <>
          {t('timeline.transition', {
            from: stageName(from, event.fromStage),
            to: stageName(to, event.toStage),
          })}
        </>
      );
    case 'created':
      return <>{t('timeline.created')}</>;
    case 'updated': {
      const fields = Array.isArray(event.details.fields)
        ? event.details.fields.filter((f) => typeof f === 'string')
        : [];
      const names = fields.map((f) => (isLegalField(f) ? t(`legal.${f}`) : f));
      return (
        <>
          {names.length > 0
            ? t('timeline.updatedFields', { fields: names.join(', ') })
            : t('timeline.updated')}
        </>
      );
    }
    case 'personAdded':
      return <>{t('timeline.personAdded')}</>;
    case 'counsellingSession': {
      const mode = event.details.mode;
      return (
        <>
          {typeof mode === 'string' && isOneOf(COUNSELLING_MODES, mode)
            ? t('timeline.counsellingSessionMode', { mode: t(`counsellingModes.${mode}`) })
            : t('timeline.counsellingSession')}
        </>
      );
    }
    case 'consentGiven':
    case 'consentWithdrawn': {
      const purpose = event.details.purpose;
      return (
        <>
          {typeof purpose === 'string' && isOneOf(CONSENT_PURPOSES, purpose)
            ? t(`timeline.${key}For`, { purpose: t(`consentPurposes.${purpose}`) })
            : t(`timeline.${key}`)}
        </>
      );
    }
    case 'vulnerabilityRecorded':
      return <>{t('timeline.vulnerabilityRecorded')}</>;
    case 'programmeEnrolled':
    case 'enrolmentWithdrawn': {
      const code = event.details.programmeCode;
      return <>{t(`timeline.${key}`, { programme: typeof code === 'string' ? code : '' })}</>;
    }
    case null:
      return <>{event.type}</>;
  }
}

const LEGAL_FIELDS = [
  'administrativeStatus',
  'returnDecisionDate',
  'departureDeadline',
  'entryBan',
  'entryBanUntil',
  'inDetention',
  'returnCountry',
  'returnType',
  'hostCountry',
  'plannedDepartureDate',
  'counsellorId',
] as const;

function isLegalField(value: string): value is (typeof LEGAL_FIELDS)[number] {
  return (LEGAL_FIELDS as readonly string[]).includes(value);
}

export function TimelineTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const timeline = useCaseTimeline(caseId);
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('timeline.title')}
      </Title>
      {timeline.isPending ? (
        <LoadingBlock />
      ) : timeline.isError ? (
        <ProblemAlert error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : timeline.data.items.length === 0 ? (
        <Text>{t('timeline.empty')}</Text>
      ) : (
        <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} data-testid="case-timeline">
          {timeline.data.items.map((e) => (
            <Paper
              key={e.id}
              component="li"
              withBorder
              p="sm"
              style={{
                borderInlineStartWidth: 4,
                borderInlineStartColor: 'var(--mantine-primary-color-filled)',
              }}
            >
              <Text fw={600}>
                <EventText event={e} />
              </Text>
              <Text size="sm">
                <time dateTime={e.at}>{format.dateTime(e.at)}</time> ·{' '}
                {t('timeline.by', { actor: e.actorLabel ?? t('timeline.system') })}
              </Text>
              {e.reasonCode && (
                <Text size="sm">
                  {t('timeline.reason', {
                    reason: isReasonCode(e.reasonCode) ? t(`reasonCodes.${e.reasonCode}`) : e.reasonCode,
                  })}
                </Text>
              )}
              {e.comment && (
                <Text size="sm" className="hw-break" style={{ whiteSpace: 'pre-wrap' }}>
                  {e.type === 'consent.withdrawn'
                    ? t('timeline.effect', { effect: e.comment })
                    : t('timeline.comment', { comment: e.comment })}
                </Text>
              )}
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
