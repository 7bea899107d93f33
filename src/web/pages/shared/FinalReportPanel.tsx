/**
 * The final report (KM3): the persons' situation, the final meeting, the partner's assessment and
 * rating; the actual spend against the approved budget per currency with the execution rate and the
 * deliveries recorded without a proof; the gate (submit, validate or return, approve or return).
 */
import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import {
  ASSESSMENT_RATINGS,
  useFinalReport,
  useReportGate,
  useReturnReport,
  useSaveFinalReport,
  type FinalReport,
  type GateReturn,
  type SharedCaseLike,
} from '../../api/plans.ts';
import { Detail } from '../../components/CaseSummaries.tsx';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert.tsx';
import { focusFirstInvalid } from '../../components/focusFirstInvalid.ts';
import { useFormat } from '../../components/format.ts';
import { LoadingBlock } from '../../components/Loading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSession } from '../../components/session.ts';
import {
  GateButtons,
  GateHistory,
  GateStatusBadge,
  planErrorText,
  ReturnDialog,
  useNumbers,
} from './gateParts.tsx';
import {
  canEditReport,
  sameReport,
  casePartsOf,
  draftFromReport,
  REPORT_STAGES,
  REPORT_TEXT_MAX,
  reportGateButtons,
  reportInputFromDraft,
  todayIso,
  type GateButton,
  type Reader,
  type ReportDraft,
} from './planDraft.ts';

const REPORT_FIELDS = [
  'situation',
  'finalMeetingOn',
  'finalMeetingNotes',
  'partnerAssessment',
  'assessmentRating',
];

function focusTitle(): void {
  requestAnimationFrame(() => document.getElementById('report-title')?.focus());
}

/** Actual spend against the approved budget, per currency, and the proofs still missing. */
function Spend({ report }: { report: FinalReport }) {
  const { t } = useTranslation();
  const n = useNumbers();
  return (
    <Stack gap="xs" component="section" aria-labelledby="report-spend-title">
      <Title order={3} size="h4" id="report-spend-title">
        {t('report.spend.title')}
      </Title>
      {report.spend.length === 0 ? (
        <Text size="sm">{t('report.spend.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table data-testid="report-spend" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('report.spend.currency')}</Table.Th>
                <Table.Th scope="col">{t('report.spend.budgeted')}</Table.Th>
                <Table.Th scope="col">{t('report.spend.actual')}</Table.Th>
                <Table.Th scope="col">{t('report.spend.rate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.spend.map((s) => (
                <Table.Tr key={s.currency} data-currency={s.currency}>
                  <Table.Th scope="row">{s.currency}</Table.Th>
                  <Table.Td>{n.money(s.budgeted, s.currency)}</Table.Td>
                  <Table.Td>{n.money(s.actual, s.currency)}</Table.Td>
                  <Table.Td data-testid="execution-rate">
                    {s.executionRate === null ? t('report.spend.noBudget') : n.percent(s.executionRate)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text
        size="sm"
        fw={report.proofsMissing > 0 ? 700 : undefined}
        c={report.proofsMissing > 0 ? 'red.9' : undefined}
        data-testid="proofs-missing"
        data-count={report.proofsMissing}
      >
        {t('report.spend.proofsMissing', { count: report.proofsMissing })}
      </Text>
    </Stack>
  );
}

/** The report as written, for those who may not (or no longer) change it. */
function ReportView({ report }: { report: FinalReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const none = t('common.notRecorded');
  const text = (value: string | null) =>
    value ? (
      <span dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
        {value}
      </span>
    ) : (
      none
    );
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" component="dl" m={0} data-testid="report-view">
      <Detail term={t('report.situation')}>{text(report.situation)}</Detail>
      <Detail term={t('report.partnerAssessment')}>{text(report.partnerAssessment)}</Detail>
      <Detail term={t('report.finalMeetingOn')}>{format.date(report.finalMeetingOn) ?? none}</Detail>
      <Detail term={t('report.finalMeetingNotes')}>{text(report.finalMeetingNotes)}</Detail>
      <Detail term={t('report.rating')}>
        {report.assessmentRating ? t(`report.ratings.${report.assessmentRating}`) : none}
      </Detail>
    </SimpleGrid>
  );
}

function ReportEditor({
  draft,
  errors,
  onChange,
}: {
  draft: ReportDraft;
  errors: Record<string, string>;
  onChange: (field: keyof ReportDraft, value: string) => void;
}) {
  const { t } = useTranslation();
  const err = (field: string) => planErrorText(t, errors[field]);
  return (
    <Stack gap="sm">
      <Textarea
        label={t('report.situation')}
        description={t('report.situationHint')}
        required
        autosize
        minRows={3}
        maxLength={REPORT_TEXT_MAX}
        value={draft.situation}
        onChange={(e) => onChange('situation', e.currentTarget.value)}
        error={err('situation')}
        dir="auto"
      />
      <Group grow align="flex-start" wrap="wrap">
        <TextInput
          type="date"
          label={t('report.finalMeetingOn')}
          max={todayIso()}
          value={draft.finalMeetingOn}
          onChange={(e) => onChange('finalMeetingOn', e.currentTarget.value)}
          error={err('finalMeetingOn')}
          miw={200}
        />
        <NativeSelect
          label={t('report.rating')}
          value={draft.assessmentRating}
          onChange={(e) => onChange('assessmentRating', e.currentTarget.value)}
          error={err('assessmentRating')}
          data={[
            { value: '', label: t('report.noRating') },
            ...ASSESSMENT_RATINGS.map((r) => ({ value: r, label: t(`report.ratings.${r}`) })),
          ]}
          miw={200}
        />
      </Group>
      <Textarea
        label={t('report.finalMeetingNotes')}
        autosize
        minRows={2}
        maxLength={REPORT_TEXT_MAX}
        value={draft.finalMeetingNotes}
        onChange={(e) => onChange('finalMeetingNotes', e.currentTarget.value)}
        error={err('finalMeetingNotes')}
        dir="auto"
      />
      <Textarea
        label={t('report.partnerAssessment')}
        description={t('report.partnerAssessmentHint')}
        required
        autosize
        minRows={3}
        maxLength={REPORT_TEXT_MAX}
        value={draft.partnerAssessment}
        onChange={(e) => onChange('partnerAssessment', e.currentTarget.value)}
        error={err('partnerAssessment')}
        dir="auto"
      />
    </Stack>
  );
}

function ReportBody({
  caseId,
  view,
  report,
  reader,
  reload,
}: {
  caseId: string;
  view: SharedCaseLike;
  report: FinalReport;
  reader: Reader;
  reload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const save = useSaveFinalReport();
  const gate = useReportGate();
  const giveBack = useReturnReport();
  const [returning, setReturning] = useState<GateButton | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<GateButton | null>(null);
  const [baseline, setBaseline] = useState<ReportDraft>(() => draftFromReport(report));
  const [draft, setDraft] = useState<ReportDraft>(baseline);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const editable = canEditReport(reader, view.stage, report.status);
  const buttons = reportGateButtons(reader, view.stage, report.status);
  const dirty = editable && !sameReport(draft, baseline);

  // The report came back (returned) or moved on: the form starts from what was saved.
  const [seenStatus, setSeenStatus] = useState(report.status);
  if (seenStatus !== report.status) {
    const fresh = draftFromReport(report);
    setSeenStatus(report.status);
    setBaseline(fresh);
    setDraft(fresh);
    setErrors({});
  }

  function change(field: keyof ReportDraft, value: string): void {
    setDraft((d) => ({ ...d, [field]: value }));
    setNotice(null);
    setErrors((e) => {
      const next = { ...e };
      delete next[field];
      return next;
    });
  }

  async function saveDraft(): Promise<FinalReport | null> {
    const { input, errors: found } = reportInputFromDraft(draft);
    setErrors(found);
    if (!input) {
      focusFirstInvalid(formRef.current);
      return null;
    }
    try {
      const saved = await save.mutateAsync({ caseId, version: report.version, input });
      const fresh = draftFromReport(saved);
      setBaseline(fresh);
      setDraft(fresh);
      return saved;
    } catch (error) {
      if (isApiError(error)) setErrors(error.fieldErrors());
      focusFirstInvalid(formRef.current);
      return null;
    }
  }

  async function onSave(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    gate.reset();
    if (await saveDraft()) setNotice(t('report.saved'));
  }

  async function act(button: GateButton): Promise<void> {
    gate.reset();
    setNotice(null);
    if (button === 'returnAsPartner' || button === 'returnAsFunder') {
      giveBack.reset();
      setReturning(button);
      return;
    }
    setBusy(button);
    try {
      if (button === 'submit' && editable && (dirty || report.status === 'none')) {
        if (!(await saveDraft())) return;
      }
      const action = button === 'submit' ? 'submit' : button === 'validate' ? 'validate' : 'approve';
      await gate.mutateAsync({ caseId, action });
      setNotice(t(`report.done.${action}`));
      focusTitle();
    } catch {
      // Shown by the gate's alert.
    } finally {
      setBusy(null);
    }
  }

  function giveBackWith(body: GateReturn): void {
    giveBack.mutate(
      { caseId, body },
      {
        onSuccess: () => {
          setReturning(null);
          setNotice(t('report.done.return'));
          focusTitle();
        },
      },
    );
  }

  const labels: Record<GateButton, string> = {
    submit: t('report.gate.submit'),
    validate: t('report.gate.validate'),
    returnAsPartner: t('report.gate.return'),
    approve: t('report.gate.approve'),
    returnAsFunder: t('report.gate.return'),
  };

  return (
    <Stack gap="md">
      <GateStatusBadge status={report.status} testId="report-status" />
      <GateHistory state={report} testId="report-history" />
      <div aria-live="polite">
        {notice && (
          <Alert
            color="green"
            variant="light"
            withCloseButton
            onClose={() => setNotice(null)}
            closeButtonLabel={t('common.close')}
            data-testid="report-notice"
          >
            {notice}
          </Alert>
        )}
      </div>
      {gate.isError &&
        (isConflict(gate.error) ? (
          <ConflictAlert onReload={() => void reload()} />
        ) : (
          <ProblemAlert error={gate.error} title={t('report.gateRefused')} />
        ))}
      {editable ? (
        <form ref={formRef} onSubmit={(e) => void onSave(e)} noValidate data-testid="report-form">
          <Stack gap="sm">
            {save.isError &&
              (isConflict(save.error) ? (
                <ConflictAlert
                  onReload={() => {
                    save.reset();
                    void reload();
                  }}
                />
              ) : (
                <ProblemAlert error={save.error} title={t('report.saveFailed')} shownFields={REPORT_FIELDS} />
              ))}
            <ReportEditor draft={draft} errors={errors} onChange={change} />
            <Group justify="flex-end" gap="sm">
              {dirty && (
                <Text size="sm" c="dimmed">
                  {t('plan.unsaved')}
                </Text>
              )}
              <Button
                type="submit"
                variant={buttons.includes('submit') ? 'default' : 'filled'}
                loading={save.isPending}
                data-testid="report-save"
              >
                {t('report.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : report.status === 'none' ? (
        <Text>{t('report.notWritten')}</Text>
      ) : (
        <ReportView report={report} />
      )}
      {buttons.length > 0 && (
        <Paper withBorder p="sm" component="section" aria-labelledby="report-gate-title">
          <Stack gap="xs">
            <Title order={3} size="h5" id="report-gate-title">
              {t('report.gate.title')}
            </Title>
            <GateButtons buttons={buttons} labels={labels} pending={busy} onAction={(b) => void act(b)} />
          </Stack>
        </Paper>
      )}
      <Spend report={report} />
      {returning && (
        <ReturnDialog
          title={t('report.returnDialog.title')}
          intro={
            returning === 'returnAsFunder'
              ? t('report.returnDialog.introFunder')
              : t('report.returnDialog.introPartner')
          }
          confirmLabel={t('report.gate.return')}
          pending={giveBack.isPending}
          error={giveBack.isError ? giveBack.error : null}
          errorTitle={t('report.gateRefused')}
          onClose={() => setReturning(null)}
          onConfirm={giveBackWith}
        />
      )}
    </Stack>
  );
}

export function FinalReportPanel({ caseId, view }: { caseId: string; view: SharedCaseLike }) {
  const { t } = useTranslation();
  const session = useSession();
  const reader: Reader = {
    permissions: session.permissions,
    parts: casePartsOf(view, session.organisation.id),
  };
  const report = useFinalReport(caseId);
  const [bodyKey, setBodyKey] = useState(0);
  const reload = async () => {
    await report.refetch();
    setBodyKey((k) => k + 1);
  };
  return (
    <Stack gap="md" component="section" aria-labelledby="report-title" data-testid="report-panel">
      <Title order={2} size="h3" id="report-title" tabIndex={-1} style={{ outlineOffset: 4 }}>
        {t('report.title')}
      </Title>
      {!REPORT_STAGES.includes(view.stage) && <Text size="sm">{t('report.notYet')}</Text>}
      {report.isPending ? (
        <LoadingBlock />
      ) : report.isError ? (
        isApiError(report.error) && report.error.status === 404 ? (
          <Text>{t('report.notShared')}</Text>
        ) : (
          <ProblemAlert error={report.error} onRetry={() => void report.refetch()} />
        )
      ) : (
        <Paper withBorder p="md">
          <ReportBody
            key={bodyKey}
            caseId={caseId}
            view={view}
            report={report.data}
            reader={reader}
            reload={reload}
          />
        </Paper>
      )}
    </Stack>
  );
}
