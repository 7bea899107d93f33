import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isReasonCode } from '../../../domain/case-workflow.ts';
import type { SharedTimelineEvent } from '../../api/referrals.ts';
import { asStage } from '../../components/caseDisplay.ts';
import { useFormat } from '../../components/format.ts';
import { sharedEventKey } from './sharedTimeline.ts';

function EventText({ event }: { event: SharedTimelineEvent }) {
  const { t } = useTranslation();
  const key = sharedEventKey(event.type);
  if (key === 'transition') {
    const from = asStage(event.fromStage);
    const to = asStage(event.toStage);
    return (
      <>
        {t('timeline.transition', {
          from: from ? t(`stages.${from}`) : (event.fromStage ?? '—'),
          to: to ? t(`stages.${to}`) : (event.toStage ?? '—'),
        })}
      </>
    );
  }
  return <>{key ? t(`sharedCase.events.${key}`) : event.type}</>;
}

/** The hand-overs and moves of a shared case the reader may see, newest last. */
export function SharedTimeline({ events }: { events: readonly SharedTimelineEvent[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('timeline.title')}
      </Title>
      {events.length === 0 ? (
        <Text>{t('timeline.empty')}</Text>
      ) : (
        <Stack
          component="ol"
          gap="sm"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
          data-testid="shared-timeline"
        >
          {events.map((e, i) => (
            <Paper
              key={`${e.at}-${i}`}
              component="li"
              withBorder
              p="sm"
              data-event={e.type}
              style={{
                borderInlineStartWidth: 4,
                borderInlineStartColor: 'var(--mantine-primary-color-filled)',
              }}
            >
              <Text fw={600}>
                <EventText event={e} />
              </Text>
              <Text size="sm">
                <time dateTime={e.at}>{format.dateTime(e.at)}</time>
                {e.actorOrganisation ? ` · ${t('timeline.by', { actor: e.actorOrganisation })}` : ''}
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
                  {t('timeline.comment', { comment: e.comment })}
                </Text>
              )}
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
