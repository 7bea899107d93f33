import {
  Badge,
  Group,
  MultiSelect,
  NativeSelect,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COUNSELLING_DECISIONS,
  COUNSELLING_MODES,
  INFORMATION_SOURCES,
  MOTIVES_AGAINST_RETURN,
  MOTIVES_FOR_RETURN,
} from '../../../domain/case-facts.ts';
import { useAddCounsellingSession, useCounsellingSessions } from '../../api/queries.ts';
import type { Case, CounsellingDecision, CounsellingSession } from '../../api/types.ts';
import { errorText } from '../../components/caseFieldErrors.ts';
import { Detail } from '../../components/CaseSummaries.tsx';
import { focusFirstInvalid, invalidGroup } from '../../components/focusFirstInvalid.ts';
import { isOneOf } from '../../components/codes.ts';
import { useFormat } from '../../components/format.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { LoadingBlock } from '../../components/Loading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import {
  emptyCounselling,
  LIMITS,
  localDateTime,
  toNewCounsellingSession,
  validateCounselling,
  type CounsellingDraft,
} from '../../components/recordDrafts.ts';
import { useCan, useSession } from '../../components/session.ts';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { CodeBadges, newestFirst, RecordList, TabHeading } from './shared.tsx';

const FIELDS = [
  'heldAt',
  'mode',
  'interpreterLanguage',
  'topics',
  'motivesFor',
  'motivesAgainst',
  'motivesText',
  'informationSource',
  'decision',
  'restrictedNotes',
] as const;

/** The radio value of "no decision recorded" (a radio cannot carry the empty value). */
const NO_DECISION = 'none';

const DECISION_COLORS: Record<CounsellingDecision, string> = {
  yes: 'teal.9',
  no: 'red.9',
  considering: 'blue.9',
};

function SessionModal({
  caseId,
  onClose,
  onSaved,
}: {
  caseId: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const canReadRestricted = useCan('special_category:read');
  const add = useAddCounsellingSession();
  const [draft, setDraft] = useState<CounsellingDraft>(() => emptyCounselling());
  const form = useFormErrors(FIELDS);
  const error = (field: (typeof FIELDS)[number]) => errorText(t, form.errors[field]);
  const set = <K extends keyof CounsellingDraft>(field: K, value: CounsellingDraft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    form.clear(field);
  };

  function onSubmit(element: HTMLFormElement): void {
    const found = validateCounselling(draft);
    form.setFound(found);
    if (Object.keys(found).length > 0) return focusFirstInvalid(element);
    add.mutate(
      { caseId, session: toNewCounsellingSession(draft) },
      {
        onSuccess: onSaved,
        onError: (e) => {
          form.setFromServer(e);
          focusFirstInvalid(element);
        },
      },
    );
  }

  return (
    <FormModal
      title={t('counselling.recordTitle')}
      submitLabel={t('counselling.submit')}
      onSubmit={onSubmit}
      onClose={onClose}
      pending={add.isPending}
      error={add.error}
      errorTitle={t('counselling.failed')}
      shownFields={form.placed}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          type="datetime-local"
          label={t('counselling.heldAt')}
          required
          max={localDateTime()}
          value={draft.heldAt}
          onChange={(e) => set('heldAt', e.currentTarget.value)}
          error={error('heldAt')}
          data-autofocus
        />
        <Select
          label={t('counselling.interpreterLanguage')}
          description={t('counselling.interpreterHint')}
          placeholder={t('counselling.noInterpreter')}
          searchable
          clearable
          nothingFoundMessage={t('common.nothingFound')}
          data={format.languageOptions()}
          value={draft.interpreterLanguage || null}
          onChange={(value) => set('interpreterLanguage', value ?? '')}
          error={error('interpreterLanguage')}
          comboboxProps={{ withinPortal: true }}
        />
      </SimpleGrid>
      <Radio.Group
        label={t('counselling.mode')}
        withAsterisk
        value={draft.mode}
        onChange={(value) => set('mode', isOneOf(COUNSELLING_MODES, value) ? value : '')}
        error={error('mode')}
        {...invalidGroup(error('mode'))}
      >
        <Group gap="md" mt={4}>
          {COUNSELLING_MODES.map((mode) => (
            <Radio key={mode} value={mode} label={t(`counsellingModes.${mode}`)} />
          ))}
        </Group>
      </Radio.Group>
      <TagsInput
        label={t('counselling.topics')}
        description={t('counselling.topicsHint')}
        maxTags={LIMITS.topics}
        value={draft.topics}
        onChange={(value) => set('topics', value)}
        error={error('topics')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <MultiSelect
          label={t('counselling.motivesFor')}
          description={t('counselling.motivesHint')}
          searchable
          nothingFoundMessage={t('common.nothingFound')}
          data={MOTIVES_FOR_RETURN.map((m) => ({ value: m, label: t(`motivesFor.${m}`) }))}
          value={draft.motivesFor}
          onChange={(value) =>
            set(
              'motivesFor',
              value.filter((v) => isOneOf(MOTIVES_FOR_RETURN, v)),
            )
          }
          error={error('motivesFor')}
          comboboxProps={{ withinPortal: true }}
        />
        <MultiSelect
          label={t('counselling.motivesAgainst')}
          description={t('counselling.motivesHint')}
          searchable
          nothingFoundMessage={t('common.nothingFound')}
          data={MOTIVES_AGAINST_RETURN.map((m) => ({ value: m, label: t(`motivesAgainst.${m}`) }))}
          value={draft.motivesAgainst}
          onChange={(value) =>
            set(
              'motivesAgainst',
              value.filter((v) => isOneOf(MOTIVES_AGAINST_RETURN, v)),
            )
          }
          error={error('motivesAgainst')}
          comboboxProps={{ withinPortal: true }}
        />
      </SimpleGrid>
      <Textarea
        label={t('counselling.motivesText')}
        description={t('counselling.motivesTextHint')}
        autosize
        minRows={3}
        maxLength={LIMITS.motivesText}
        value={draft.motivesText}
        onChange={(e) => set('motivesText', e.currentTarget.value)}
        error={error('motivesText')}
      />
      <NativeSelect
        label={t('counselling.informationSource')}
        value={draft.informationSource}
        onChange={(e) => {
          const value = e.currentTarget.value;
          set('informationSource', isOneOf(INFORMATION_SOURCES, value) ? value : '');
        }}
        error={error('informationSource')}
        data={[
          { value: '', label: t('common.notRecorded') },
          ...INFORMATION_SOURCES.map((s) => ({ value: s, label: t(`informationSources.${s}`) })),
        ]}
      />
      <Radio.Group
        label={t('counselling.decision')}
        value={draft.decision || NO_DECISION}
        onChange={(value) => set('decision', isOneOf(COUNSELLING_DECISIONS, value) ? value : '')}
        error={error('decision')}
        {...invalidGroup(error('decision'))}
      >
        <Group gap="md" mt={4}>
          {COUNSELLING_DECISIONS.map((d) => (
            <Radio key={d} value={d} label={t(`decisions.${d}`)} />
          ))}
          <Radio value={NO_DECISION} label={t('common.notRecorded')} />
        </Group>
      </Radio.Group>
      <Textarea
        label={t('counselling.restrictedNotes')}
        description={
          canReadRestricted
            ? t('counselling.restrictedNotesHint')
            : `${t('counselling.restrictedNotesHint')} ${t('counselling.restrictedNotesHidden')}`
        }
        autosize
        minRows={2}
        maxLength={LIMITS.restrictedNotes}
        value={draft.restrictedNotes}
        onChange={(e) => set('restrictedNotes', e.currentTarget.value)}
        error={error('restrictedNotes')}
      />
    </FormModal>
  );
}

function SessionCard({ session, index }: { session: CounsellingSession; index: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useSession();
  const none = t('common.notRecorded');
  const headingId = `counselling-session-${index}`;
  return (
    <Paper withBorder p="md" component="li">
      <Stack gap="xs">
        <Group gap="xs" align="baseline" wrap="wrap">
          <Title order={3} size="h4" id={headingId}>
            <time dateTime={session.heldAt}>{format.dateTime(session.heldAt)}</time>
          </Title>
          <Badge variant="light" radius="sm" tt="none">
            {t(`counsellingModes.${session.mode}`)}
          </Badge>
          {session.decision && (
            <Badge variant="outline" color={DECISION_COLORS[session.decision]} radius="sm" tt="none">
              {t('counselling.decisionValue', { decision: t(`decisions.${session.decision}`) })}
            </Badge>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" component="dl" m={0}>
          <Detail term={t('counselling.interpreterLanguage')}>
            {format.language(session.interpreterLanguage) ?? t('counselling.noInterpreter')}
          </Detail>
          <Detail term={t('counselling.informationSource')}>
            {session.informationSource ? t(`informationSources.${session.informationSource}`) : none}
          </Detail>
          <Detail term={t('counselling.motivesFor')}>
            {session.motivesFor.length > 0 ? (
              <CodeBadges labels={session.motivesFor.map((m) => t(`motivesFor.${m}`))} color="teal.9" />
            ) : (
              none
            )}
          </Detail>
          <Detail term={t('counselling.motivesAgainst')}>
            {session.motivesAgainst.length > 0 ? (
              <CodeBadges
                labels={session.motivesAgainst.map((m) => t(`motivesAgainst.${m}`))}
                color="grape.9"
              />
            ) : (
              none
            )}
          </Detail>
          {session.topics.length > 0 && (
            <Detail term={t('counselling.topics')}>{session.topics.join(', ')}</Detail>
          )}
          <Detail term={t('counselling.recordedBy')}>
            {session.counsellorId === me.user.id ? t('counselling.byYou') : t('counselling.byColleague')}
          </Detail>
        </SimpleGrid>
        {session.motivesText && (
          <Stack gap={2}>
            <Text fw={600} size="sm">
              {t('counselling.motivesText')}
            </Text>
            <Text className="hw-break" style={{ whiteSpace: 'pre-wrap' }}>
              {session.motivesText}
            </Text>
          </Stack>
        )}
        {/* Only roles that may read special-category data receive the notes at all. */}
        {session.restrictedNotes && (
          <Paper
            withBorder
            p="sm"
            radius="sm"
            data-testid="restricted-notes"
            style={{ borderColor: 'var(--mantine-color-red-9)' }}
          >
            <Group gap="xs" mb={4}>
              <Text fw={600} size="sm">
                {t('counselling.restrictedNotes')}
              </Text>
              <Badge size="sm" variant="outline" color="red.9" radius="sm" tt="none">
                {t('case.sensitive')}
              </Badge>
            </Group>
            <Text className="hw-break" style={{ whiteSpace: 'pre-wrap' }}>
              {session.restrictedNotes}
            </Text>
          </Paper>
        )}
      </Stack>
    </Paper>
  );
}

export function CounsellingTab({ current, onNotice }: { current: Case; onNotice: (text: string) => void }) {
  const { t } = useTranslation();
  const canWrite = useCan('cases:write');
  const sessions = useCounsellingSessions(current.id);
  const [adding, setAdding] = useState(false);
  const items = sessions.data ? newestFirst(sessions.data.items, (s) => s.heldAt) : [];
  return (
    <Stack gap="md">
      <TabHeading
        id="counselling-title"
        title={sessions.data ? t('counselling.title', { count: items.length }) : t('case.tabs.counselling')}
        action={canWrite ? t('counselling.record') : undefined}
        onAction={() => setAdding(true)}
      />
      {sessions.isPending ? (
        <LoadingBlock />
      ) : sessions.isError ? (
        <ProblemAlert error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : items.length === 0 ? (
        <Text>{t('counselling.empty')}</Text>
      ) : (
        <RecordList testId="counselling-sessions">
          {items.map((s, i) => (
            <SessionCard key={s.id} session={s} index={i} />
          ))}
        </RecordList>
      )}
      {adding && (
        <SessionModal
          caseId={current.id}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            onNotice(t('counselling.saved'));
          }}
        />
      )}
    </Stack>
  );
}
