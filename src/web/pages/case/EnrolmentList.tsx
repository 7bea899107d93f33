import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWithdrawEnrolment, type CaseEligibility, type Enrolment } from '../../api/eligibility.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { Detail } from '../../components/CaseSummaries.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { focusFirstInvalid } from '../../components/focusFirstInvalid.ts';
import { useFormat } from '../../components/format.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useCan } from '../../components/session.ts';
import { PackageTable } from './EligibilityPackage.tsx';
import { ProgrammeExplanation, useMoney } from './EligibilityParts.tsx';
import { focusHeading, newestFirst, RecordList } from './shared.tsx';

const REASON_MAX = 2000;

/** The explanation and amounts frozen when the case was enrolled (never rewritten). */
function FrozenExplanation({ enrolment, onClose }: { enrolment: Enrolment; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <AppModal
      opened
      onClose={onClose}
      size="xl"
      title={t('eligibility.frozen.title', { name: enrolment.snapshot.name })}
    >
      <Stack gap="md">
        <Text size="sm">
          {t('eligibility.frozen.intro', {
            date: format.date(enrolment.evaluatedOn),
            version: enrolment.programmeVersion,
            language: format.language(enrolment.language) ?? enrolment.language,
          })}
        </Text>
        <ProgrammeExplanation result={enrolment.snapshot} headingLevel={3} />
        {enrolment.packageLines.length > 0 && (
          <PackageTable
            lines={enrolment.packageLines}
            names={[enrolment.snapshot]}
            caption={t('eligibility.frozen.packageCaption')}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

/** Asks for the reason of a withdrawal; the snapshot stays in the history. */
function WithdrawDialog({
  enrolment,
  onClose,
  onWithdrawn,
}: {
  enrolment: Enrolment;
  onClose: () => void;
  onWithdrawn: () => void;
}) {
  const { t } = useTranslation();
  const withdraw = useWithdrawEnrolment();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <ConfirmDialog
      title={t('eligibility.withdraw.title', { name: enrolment.snapshot.name })}
      confirmLabel={t('eligibility.withdraw.confirm')}
      danger
      initialFocus="content"
      pending={withdraw.isPending}
      onClose={onClose}
      onConfirm={(form) => {
        if (reason.trim() === '') {
          setMissing(true);
          return focusFirstInvalid(form);
        }
        withdraw.mutate(
          { caseId: enrolment.caseId, enrolmentId: enrolment.id, reason: reason.trim() },
          { onSuccess: onWithdrawn },
        );
      }}
    >
      <Text>{t('eligibility.withdraw.body')}</Text>
      {withdraw.isError && (
        <ProblemAlert
          error={withdraw.error}
          title={t('eligibility.withdraw.failed')}
          shownFields={['reason']}
        />
      )}
      <Textarea
        label={t('eligibility.withdraw.reason')}
        required
        autosize
        minRows={2}
        maxLength={REASON_MAX}
        value={reason}
        onChange={(e) => {
          setReason(e.currentTarget.value);
          setMissing(false);
        }}
        error={missing ? t('eligibility.withdraw.reasonMissing') : undefined}
        data-autofocus
      />
    </ConfirmDialog>
  );
}

function EnrolmentCard({
  enrolment,
  index,
  onShow,
  onWithdraw,
}: {
  enrolment: Enrolment;
  index: number;
  onShow: () => void;
  onWithdraw: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const m = useMoney();
  const active = enrolment.status === 'active';
  const name = enrolment.snapshot.name;
  return (
    <Paper
      withBorder
      p="md"
      component="li"
      data-enrolment={enrolment.status}
      data-programme={enrolment.programmeCode}
      style={active ? undefined : { background: 'var(--mantine-color-gray-0)' }}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Group gap="xs" align="baseline" wrap="wrap">
            <Title order={4} size="h5" id={`enrolment-${index}`} dir="auto">
              {name}
            </Title>
            <Badge
              variant={active ? 'filled' : 'outline'}
              color={active ? 'teal.9' : 'gray.8'}
              radius="sm"
              tt="none"
            >
              {active ? t('eligibility.enrolments.active') : t('eligibility.enrolments.withdrawn')}
            </Badge>
          </Group>
          <Group gap="xs">
            <Button
              variant="default"
              size="xs"
              onClick={onShow}
              aria-label={t('eligibility.enrolments.showLabel', { name })}
            >
              {t('eligibility.enrolments.show')}
            </Button>
            {active && onWithdraw && (
              <Button
                variant="default"
                size="xs"
                onClick={onWithdraw}
                aria-label={t('eligibility.enrolments.withdrawLabel', { name })}
              >
                {t('eligibility.enrolments.withdraw')}
              </Button>
            )}
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="xs" component="dl" m={0}>
          <Detail term={t('eligibility.enrolments.version')}>
            {t('eligibility.enrolments.versionValue', {
              code: enrolment.programmeCode,
              version: enrolment.programmeVersion,
            })}
          </Detail>
          <Detail term={t('eligibility.enrolments.enrolledAt')}>
            <time dateTime={enrolment.enrolledAt}>{format.dateTime(enrolment.enrolledAt)}</time>
          </Detail>
          <Detail term={t('eligibility.enrolments.totals')}>
            <span data-testid="enrolment-totals">{m.totals(enrolment.totals)}</span>
          </Detail>
          <Detail term={t('eligibility.enrolments.language')}>
            {format.language(enrolment.language) ?? enrolment.language}
          </Detail>
          {enrolment.withdrawnAt && (
            <Detail term={t('eligibility.enrolments.withdrawnAt')}>
              <time dateTime={enrolment.withdrawnAt}>{format.dateTime(enrolment.withdrawnAt)}</time>
            </Detail>
          )}
          {enrolment.withdrawnAt && (
            <Detail term={t('eligibility.enrolments.reason')}>
              <span style={{ whiteSpace: 'pre-wrap' }} dir="auto">
                {enrolment.withdrawalReason ?? t('common.notRecorded')}
              </span>
            </Detail>
          )}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

/** The case's enrolments, active first, each with its frozen totals and explanation. */
export function EnrolmentList({
  data,
  onNotice,
}: {
  data: CaseEligibility;
  onNotice: (text: string) => void;
}) {
  const { t } = useTranslation();
  const canWrite = useCan('cases:write');
  const [showing, setShowing] = useState<Enrolment | null>(null);
  const [withdrawing, setWithdrawing] = useState<Enrolment | null>(null);
  const items = newestFirst(data.enrolments, (e) => e.enrolledAt);
  const ordered = [
    ...items.filter((e) => e.status === 'active'),
    ...items.filter((e) => e.status !== 'active'),
  ];
  return (
    <Stack gap="xs" component="section" aria-labelledby="enrolments-title">
      <Title order={3} size="h4" id="enrolments-title" tabIndex={-1} style={{ outlineOffset: 4 }}>
        {t('eligibility.enrolments.title', { count: ordered.length })}
      </Title>
      {ordered.length === 0 ? (
        <Text>{t('eligibility.enrolments.empty')}</Text>
      ) : (
        <RecordList testId="enrolments">
          {ordered.map((e, i) => (
            <EnrolmentCard
              key={e.id}
              enrolment={e}
              index={i}
              onShow={() => setShowing(e)}
              onWithdraw={canWrite ? () => setWithdrawing(e) : undefined}
            />
          ))}
        </RecordList>
      )}
      {showing && <FrozenExplanation enrolment={showing} onClose={() => setShowing(null)} />}
      {withdrawing && (
        <WithdrawDialog
          enrolment={withdrawing}
          onClose={() => setWithdrawing(null)}
          onWithdrawn={() => {
            setWithdrawing(null);
            onNotice(t('eligibility.withdraw.done', { name: withdrawing.snapshot.name }));
            focusHeading('enrolments-title');
          }}
        />
      )}
    </Stack>
  );
}
