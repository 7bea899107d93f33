import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsents, useOrganisationDirectory } from '../../api/queries.ts';
import type { Case, Consent, Person } from '../../api/types.ts';
import { Detail } from '../../components/CaseSummaries.tsx';
import { useFormat } from '../../components/format.ts';
import { LoadingBlock } from '../../components/Loading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useCan, useSession } from '../../components/session.ts';
import { ConsentModal } from './ConsentModal.tsx';
import { CodeBadges, focusHeading, newestFirst, personName, RecordList, TabHeading } from './shared.tsx';
import { WithdrawConsentDialog } from './WithdrawConsentDialog.tsx';

function ConsentCard({
  consent,
  persons,
  index,
  onWithdraw,
}: {
  consent: Consent;
  persons: readonly Person[];
  index: number;
  onWithdraw?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useSession();
  const directory = useOrganisationDirectory();
  const purpose = t(`consentPurposes.${consent.purpose}`);
  const name = personName(persons, consent.personId);
  const how = [t(`consentMethods.${consent.method}`)];
  if (consent.method === 'online' && consent.informationSheetVersion) {
    how.push(
      t('consent.sheetShown', {
        version: consent.informationSheetVersion,
        language: format.language(consent.informationSheetLanguage) ?? '—',
      }),
    );
  }
  if (consent.witnessName) how.push(t('consent.witnessedBy', { name: consent.witnessName }));
  const recipient =
    consent.recipientOrganisationId === null
      ? null
      : consent.recipientOrganisationId === me.organisation.id
        ? me.organisation.name
        : (directory.data?.items.find((o) => o.id === consent.recipientOrganisationId)?.name ??
          consent.recipientOrganisationId);
  return (
    <Paper
      withBorder
      p="md"
      component="li"
      data-consent={consent.active ? 'active' : 'withdrawn'}
      style={consent.active ? undefined : { background: 'var(--mantine-color-gray-0)' }}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Group gap="xs" align="baseline" wrap="wrap">
            <Title order={3} size="h4" id={`consent-${index}`}>
              {purpose}
            </Title>
            <Badge
              variant={consent.active ? 'filled' : 'outline'}
              color={consent.active ? 'teal.9' : 'gray.8'}
              radius="sm"
              tt="none"
            >
              {consent.active ? t('consent.active') : t('consent.withdrawn')}
            </Badge>
          </Group>
          {consent.active && onWithdraw && (
            <Button
              variant="default"
              size="xs"
              onClick={onWithdraw}
              aria-label={t('consent.withdrawLabel', { purpose, name })}
            >
              {t('consent.withdraw')}
            </Button>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" component="dl" m={0}>
          <Detail term={t('consent.person')}>{name}</Detail>
          <Detail term={t('consent.givenAt')}>
            <time dateTime={consent.givenAt}>{format.dateTime(consent.givenAt)}</time>
          </Detail>
          <Detail term={t('consent.dataCategories')}>
            <CodeBadges labels={consent.dataCategories.map((c) => t(`consentDataCategories.${c}`))} />
          </Detail>
          <Detail term={t('consent.method')}>{how.join(' · ')}</Detail>
          {recipient && (
            <Detail term={t('consent.recipient')}>
              <span dir="auto">{recipient}</span>
            </Detail>
          )}
          {consent.withdrawnAt && (
            <Detail term={t('consent.withdrawnAtLabel')}>
              <time dateTime={consent.withdrawnAt}>{format.dateTime(consent.withdrawnAt)}</time>
            </Detail>
          )}
          {consent.withdrawnAt && (
            <Detail term={t('consent.effect')}>
              <span style={{ whiteSpace: 'pre-wrap' }}>
                {consent.withdrawalEffect ?? t('common.notRecorded')}
              </span>
            </Detail>
          )}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

export function ConsentTab({ current, onNotice }: { current: Case; onNotice: (text: string) => void }) {
  const { t } = useTranslation();
  const canWrite = useCan('cases:write');
  const consents = useConsents(current.id);
  const [adding, setAdding] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const items = consents.data ? newestFirst(consents.data.items, (c) => c.givenAt) : [];
  // In force first, then the withdrawn ones.
  const ordered = [...items.filter((c) => c.active), ...items.filter((c) => !c.active)];
  return (
    <Stack gap="md">
      <TabHeading
        id="consent-title"
        title={consents.data ? t('consent.title', { count: items.length }) : t('case.tabs.consent')}
        action={canWrite ? t('consent.record') : undefined}
        onAction={() => setAdding(true)}
      />
      <Text size="sm">{t('consent.intro')}</Text>
      {consents.isPending ? (
        <LoadingBlock />
      ) : consents.isError ? (
        <ProblemAlert error={consents.error} onRetry={() => void consents.refetch()} />
      ) : ordered.length === 0 ? (
        <Text>{t('consent.empty')}</Text>
      ) : (
        <RecordList testId="consents">
          {ordered.map((c, i) => (
            <ConsentCard
              key={c.id}
              consent={c}
              persons={current.persons}
              index={i}
              onWithdraw={canWrite ? () => setWithdrawing(c) : undefined}
            />
          ))}
        </RecordList>
      )}
      {adding && (
        <ConsentModal
          current={current}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            onNotice(t('consent.saved'));
          }}
        />
      )}
      {withdrawing && (
        <WithdrawConsentDialog
          consent={withdrawing}
          persons={current.persons}
          onClose={() => setWithdrawing(null)}
          onWithdrawn={() => {
            setWithdrawing(null);
            onNotice(t('consent.withdrawnNotice'));
            focusHeading('consent-title');
          }}
        />
      )}
    </Stack>
  );
}
