import { Alert, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VULNERABILITY_CATEGORIES } from '../../../domain/case-facts.ts';
import { useAddVulnerability, useVulnerabilities } from '../../api/queries.ts';
import type { Case, Person, Vulnerability } from '../../api/types.ts';
import { errorText } from '../../components/caseFieldErrors.ts';
import { Detail } from '../../components/CaseSummaries.tsx';
import { focusFirstInvalid } from '../../components/focusFirstInvalid.ts';
import { useFormat } from '../../components/format.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { LoadingBlock } from '../../components/Loading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import {
  defaultPersonId,
  emptyVulnerability,
  LIMITS,
  toNewVulnerability,
  validateVulnerability,
  type VulnerabilityDraft,
} from '../../components/recordDrafts.ts';
import { useCan } from '../../components/session.ts';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { personName, PersonSelect, RecordList, TabHeading } from './shared.tsx';

const FIELDS = ['personId', 'category', 'details'] as const;

function isCategory(value: string): value is (typeof VULNERABILITY_CATEGORIES)[number] {
  return (VULNERABILITY_CATEGORIES as readonly string[]).includes(value);
}

function VulnerabilityModal({
  current,
  onClose,
  onSaved,
}: {
  current: Case;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddVulnerability();
  const [draft, setDraft] = useState<VulnerabilityDraft>(() =>
    emptyVulnerability(defaultPersonId(current.persons)),
  );
  const form = useFormErrors(FIELDS);
  const error = (field: (typeof FIELDS)[number]) => errorText(t, form.errors[field]);
  const set = <K extends keyof VulnerabilityDraft>(field: K, value: VulnerabilityDraft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    form.clear(field);
  };

  function onSubmit(element: HTMLFormElement): void {
    const found = validateVulnerability(draft);
    form.setFound(found);
    if (Object.keys(found).length > 0) return focusFirstInvalid(element);
    add.mutate(
      { caseId: current.id, vulnerability: toNewVulnerability(draft) },
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
      title={t('vulnerabilities.recordTitle')}
      submitLabel={t('vulnerabilities.submit')}
      onSubmit={onSubmit}
      onClose={onClose}
      pending={add.isPending}
      error={add.error}
      errorTitle={t('vulnerabilities.failed')}
      shownFields={form.placed}
      size="lg"
    >
      <Text size="sm">{t('vulnerabilities.formIntro')}</Text>
      <PersonSelect
        label={t('vulnerabilities.person')}
        persons={current.persons}
        value={draft.personId}
        onChange={(id) => set('personId', id)}
        error={error('personId')}
      />
      <NativeSelect
        label={t('vulnerabilities.category')}
        required
        value={draft.category}
        onChange={(e) => {
          const value = e.currentTarget.value;
          set('category', isCategory(value) ? value : '');
        }}
        error={error('category')}
        data={[
          { value: '', label: t('person.choose'), disabled: true },
          ...VULNERABILITY_CATEGORIES.map((c) => ({ value: c, label: t(`vulnerabilityCategories.${c}`) })),
        ]}
      />
      <Textarea
        label={t('vulnerabilities.details')}
        description={t('vulnerabilities.detailsHint')}
        autosize
        minRows={3}
        maxLength={LIMITS.details}
        value={draft.details}
        onChange={(e) => set('details', e.currentTarget.value)}
        error={error('details')}
      />
    </FormModal>
  );
}

function VulnerabilityCard({
  vulnerability,
  persons,
}: {
  vulnerability: Vulnerability;
  persons: readonly Person[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder p="md" component="li">
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t(`vulnerabilityCategories.${vulnerability.category}`)}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" component="dl" m={0}>
          <Detail term={t('vulnerabilities.person')}>{personName(persons, vulnerability.personId)}</Detail>
          <Detail term={t('vulnerabilities.recordedAt')}>
            <time dateTime={vulnerability.createdAt}>{format.dateTime(vulnerability.createdAt)}</time>
          </Detail>
        </SimpleGrid>
        {vulnerability.details && (
          <Stack gap={2}>
            <Text fw={600} size="sm">
              {t('vulnerabilities.details')}
            </Text>
            <Text className="hw-break" style={{ whiteSpace: 'pre-wrap' }}>
              {vulnerability.details}
            </Text>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * Special-category data. Mounted only while its tab is open (the case page's tabs do not keep hidden
 * panels), so the list, whose every read the server audits, is read when the user opens the tab.
 */
export function VulnerabilitiesTab({
  current,
  onNotice,
}: {
  current: Case;
  onNotice: (text: string) => void;
}) {
  const { t } = useTranslation();
  const canWrite = useCan('cases:write');
  const list = useVulnerabilities(current.id);
  const [adding, setAdding] = useState(false);
  const items = list.data?.items ?? [];
  return (
    <Stack gap="md" data-special-category="true">
      <TabHeading
        id="vulnerabilities-title"
        title={
          list.data ? t('vulnerabilities.title', { count: items.length }) : t('case.tabs.vulnerabilities')
        }
        action={canWrite ? t('vulnerabilities.record') : undefined}
        onAction={() => setAdding(true)}
      />
      <Alert color="red.9" variant="outline" title={t('vulnerabilities.sensitiveTitle')}>
        {t('vulnerabilities.sensitiveBody')}
      </Alert>
      {list.isPending ? (
        <LoadingBlock />
      ) : list.isError ? (
        <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Text>{t('vulnerabilities.empty')}</Text>
      ) : (
        <RecordList testId="vulnerabilities">
          {items.map((v) => (
            <VulnerabilityCard key={v.id} vulnerability={v} persons={current.persons} />
          ))}
        </RecordList>
      )}
      {adding && (
        <VulnerabilityModal
          current={current}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            onNotice(t('vulnerabilities.saved'));
          }}
        />
      )}
    </Stack>
  );
}
