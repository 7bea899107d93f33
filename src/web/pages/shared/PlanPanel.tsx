/**
 * The reintegration plan (KM2) of a shared case. The partner's focal point assesses the needs and
 * writes the budget lines against what the case's enrolments allow, saves (If-Match) and submits;
 * the partner coordinator validates or returns; the funding authority approves or returns. The
 * duplicate-assistance guard shows, per line, assistance for the same need funded elsewhere, which a
 * programme manager of the funder may justify. Once approved, deliveries with proofs are recorded.
 */
import { Alert, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useDocuments } from '../../api/documents.ts';
import {
  usePlan,
  usePlanGate,
  usePlanOverlaps,
  useReturnPlan,
  useSavePlan,
  type GateReturn,
  type Plan,
  type PlanLine,
  type SharedCaseLike,
} from '../../api/plans.ts';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert.tsx';
import { errorMessage } from '../../components/ProblemAlert.tsx';
import { focusFirstInvalid } from '../../components/focusFirstInvalid.ts';
import { LoadingBlock } from '../../components/Loading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSession } from '../../components/session.ts';
import { mayUpload } from './documentRules.ts';
import { GateButtons, GateHistory, GateStatusBadge, ReturnDialog, useNumbers } from './gateParts.tsx';
import { DeliveryDialog, JustifyDialog } from './PlanDialogs.tsx';
import { BudgetTable, ExcessText, LineCard, LineEditor, NeedsEditor, NeedsView } from './PlanParts.tsx';
import {
  canEditPlan,
  canJustify,
  canRecordDeliveries,
  casePartsOf,
  draftFromPlan,
  duplicateLinesOf,
  emptyLine,
  excessesOf,
  groupAllowances,
  MAX_LINES,
  overlapsOfLine,
  planGateButtons,
  planInputFromDraft,
  sameDraft,
  type GateButton,
  type PlanDraft,
  type Reader,
} from './planDraft.ts';

const PLAN_STAGES: readonly string[] = [
  'arrived',
  'plan_submitted',
  'plan_approved',
  'in_assistance',
  'final_report',
  'monitoring',
  'closed',
];

function focusById(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/** The refusal of a save because the plan promises more than the enrolments allow. */
function OverBudgetAlert({ error, names }: { error: unknown; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const excesses = excessesOf(error);
  return (
    <Alert
      color="red"
      variant="light"
      title={t('plan.overBudget.title')}
      role="alert"
      data-testid="plan-over-budget"
    >
      <Text size="sm">{t('plan.overBudget.body')}</Text>
      <List size="sm" mt="xs">
        {excesses.map((x) => (
          <List.Item key={`${x.enrolmentId}/${x.componentCode}`}>
            <ExcessText
              excess={x}
              name={names.get(`${x.enrolmentId}/${x.componentCode}`) ?? x.componentCode}
            />
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** The refusal of an approval because lines overlap assistance funded elsewhere, unjustified. */
function DuplicateAlert({ error, plan }: { error: unknown; plan: Plan }) {
  const { t } = useTranslation();
  const ids = duplicateLinesOf(error);
  const lines = plan.lines.filter((l) => ids.includes(l.id));
  return (
    <Alert
      color="red"
      variant="light"
      title={t('plan.duplicate.title')}
      role="alert"
      data-testid="plan-duplicate"
    >
      <Text size="sm">{t('plan.duplicate.body')}</Text>
      <List size="sm" mt="xs">
        {lines.map((l) => (
          <List.Item key={l.id}>
            {t('plan.duplicate.line', { number: l.position + 1, description: l.description })}
          </List.Item>
        ))}
      </List>
      <Text size="sm" mt="xs" c="dimmed">
        {errorMessage(t, error)}
      </Text>
    </Alert>
  );
}

function PlanBody({
  caseId,
  view,
  plan,
  reader,
  reload,
}: {
  caseId: string;
  view: SharedCaseLike;
  plan: Plan;
  reader: Reader;
  reload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const n = useNumbers();
  const save = useSavePlan();
  const gate = usePlanGate();
  const giveBack = useReturnPlan();
  const editable = canEditPlan(reader, view.stage, plan.status);
  const buttons = planGateButtons(reader, view.stage, plan.status);
  const principal = view.persons.find((p) => p.relationship === 'principal');
  const defaultBeneficiaries = principal ? [principal.id] : [];

  const [baseline, setBaseline] = useState<PlanDraft>(() => draftFromPlan(plan));
  const [draft, setDraft] = useState<PlanDraft>(baseline);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [returning, setReturning] = useState<GateButton | null>(null);
  const [justifying, setJustifying] = useState<PlanLine | null>(null);
  const [delivering, setDelivering] = useState<PlanLine | null>(null);
  const [busy, setBusy] = useState<GateButton | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const hasLines = plan.lines.length > 0;
  const overlaps = usePlanOverlaps(caseId, hasLines);
  const anyDelivery = plan.lines.some((l) => l.deliveries.length > 0);
  const documents = useDocuments(caseId, anyDelivery);
  const docs = anyDelivery ? (documents.data?.items ?? []) : [];

  const groups = useMemo(
    () => groupAllowances(plan.allowances, view.enrolments, editable ? draft.lines : null),
    [plan.allowances, view.enrolments, editable, draft.lines],
  );
  const budgets = useMemo(
    () => new Map(groups.flatMap((g) => g.components.map((c) => [c.key, c]))),
    [groups],
  );
  const names = useMemo(() => new Map([...budgets].map(([k, c]) => [k, c.name])), [budgets]);
  const excesses = save.isError ? excessesOf(save.error) : [];
  const flagged = gate.isError ? duplicateLinesOf(gate.error) : [];
  const dirty = editable && !sameDraft(draft, baseline);

  // The plan came back editable (returned) or changed status: the form starts from what was saved.
  const [seenStatus, setSeenStatus] = useState(plan.status);
  if (seenStatus !== plan.status) {
    const fresh = draftFromPlan(plan);
    setSeenStatus(plan.status);
    setBaseline(fresh);
    setDraft(fresh);
    setErrors({});
  }

  function changeDraft(next: PlanDraft): void {
    setDraft(next);
    setNotice(null);
  }

  /** Checks and saves the draft; resolves with the saved plan, or null when it was not saved. */
  async function saveDraft(): Promise<Plan | null> {
    const { input, errors: found } = planInputFromDraft(draft);
    setErrors(found);
    if (!input) {
      focusFirstInvalid(formRef.current);
      return null;
    }
    try {
      const saved = await save.mutateAsync({ caseId, version: plan.version, input });
      const fresh = draftFromPlan(saved);
      setBaseline(fresh);
      setDraft(fresh);
      setErrors({});
      return saved;
    } catch (error) {
      if (isApiError(error)) setErrors(error.fieldErrorsByPath());
      focusFirstInvalid(formRef.current);
      return null;
    }
  }

  async function onSave(): Promise<void> {
    gate.reset();
    const saved = await saveDraft();
    if (saved) setNotice(t('plan.saved'));
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
      if (button === 'submit' && editable && (dirty || plan.status === 'none')) {
        if (!(await saveDraft())) return;
      }
      const action = button === 'submit' ? 'submit' : button === 'validate' ? 'validate' : 'approve';
      await gate.mutateAsync({ caseId, action });
      setNotice(t(`plan.done.${action}`));
      focusById('plan-title');
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
          setNotice(t('plan.done.return'));
          focusById('plan-title');
        },
      },
    );
  }

  const labels: Record<GateButton, string> = {
    submit: t('plan.gate.submit'),
    validate: t('plan.gate.validate'),
    returnAsPartner: t('plan.gate.return'),
    approve: t('plan.gate.approve'),
    returnAsFunder: t('plan.gate.return'),
  };
  const mayJustify = canJustify(reader, plan.status);
  const mayDeliver = canRecordDeliveries(reader, view.stage);

  return (
    <Stack gap="md">
      <Group gap="sm" align="center" wrap="wrap">
        <GateStatusBadge status={plan.status} testId="plan-status" />
        {plan.partner && (
          <Text size="sm" c="dimmed">
            {t('plan.partner', { name: plan.partner.name })}
          </Text>
        )}
        {plan.totals.map((x) => (
          <Text size="sm" key={x.currency} data-testid="plan-total">
            {t('plan.total', {
              planned: n.money(x.planned, x.currency),
              delivered: n.money(x.delivered, x.currency),
            })}
          </Text>
        ))}
      </Group>
      <GateHistory state={plan} testId="plan-history" />
      <div aria-live="polite">
        {notice && (
          <Alert
            color="green"
            variant="light"
            withCloseButton
            onClose={() => setNotice(null)}
            closeButtonLabel={t('common.close')}
            data-testid="plan-notice"
          >
            {notice}
          </Alert>
        )}
      </div>
      {gate.isError &&
        (duplicateLinesOf(gate.error).length > 0 ? (
          <DuplicateAlert error={gate.error} plan={plan} />
        ) : excessesOf(gate.error).length > 0 ? (
          <OverBudgetAlert error={gate.error} names={names} />
        ) : isConflict(gate.error) ? (
          <ConflictAlert onReload={() => void reload()} />
        ) : (
          <ProblemAlert error={gate.error} title={t('plan.gateRefused')} />
        ))}

      {editable ? (
        <form
          ref={formRef}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void onSave();
          }}
          data-testid="plan-form"
        >
          <Stack gap="md">
            {save.isError &&
              (isConflict(save.error) ? (
                <ConflictAlert
                  onReload={() => {
                    save.reset();
                    void reload();
                  }}
                />
              ) : excesses.length > 0 ? (
                <OverBudgetAlert error={save.error} names={names} />
              ) : (
                <ProblemAlert
                  error={save.error}
                  title={t('plan.saveFailed')}
                  shownFields={Object.keys(errors)}
                />
              ))}
            <NeedsEditor
              needs={draft.needs}
              errors={errors}
              onChange={(needs) => changeDraft({ ...draft, needs })}
            />
            <Stack gap="xs" component="section" aria-labelledby="plan-lines-title">
              <Title order={3} size="h4" id="plan-lines-title">
                {t('plan.lines.title', { count: draft.lines.length })}
              </Title>
              <BudgetTable groups={groups} excesses={excesses} drafting />
              {draft.lines.length === 0 && <Text size="sm">{t('plan.lines.empty')}</Text>}
              {draft.lines.map((line, i) => (
                <LineEditor
                  key={line.key}
                  index={i}
                  line={line}
                  budgets={budgets}
                  groups={groups}
                  persons={view.persons}
                  errors={errors}
                  excess={excesses.find((x) => `${x.enrolmentId}/${x.componentCode}` === line.component)}
                  onChange={(next) =>
                    changeDraft({ ...draft, lines: draft.lines.map((l, j) => (j === i ? next : l)) })
                  }
                  onRemove={() => {
                    changeDraft({ ...draft, lines: draft.lines.filter((_, j) => j !== i) });
                    setErrors({});
                    focusById('plan-add-line');
                  }}
                />
              ))}
              {draft.lines.length < MAX_LINES && (
                <Group>
                  <Button
                    id="plan-add-line"
                    variant="default"
                    onClick={() => {
                      const line = emptyLine(defaultBeneficiaries);
                      changeDraft({ ...draft, lines: [...draft.lines, line] });
                      focusById(`${line.key}-component`);
                    }}
                  >
                    {t('plan.lines.add')}
                  </Button>
                </Group>
              )}
            </Stack>
            {plan.lines.length > 0 && overlaps.data && overlaps.data.items.length > 0 && (
              <Stack gap="xs" data-testid="plan-overlaps-draft">
                {plan.lines.map((l) => {
                  const found = overlapsOfLine(overlaps.data, l.id);
                  return found ? (
                    <Text key={l.id} size="sm" c="orange.9" fw={600}>
                      {t('plan.overlap.onSaved', { number: l.position + 1, description: l.description })}
                    </Text>
                  ) : null;
                })}
              </Stack>
            )}
            <Group justify="flex-end" gap="sm">
              {dirty && (
                <Text size="sm" c="dimmed" data-testid="plan-unsaved">
                  {t('plan.unsaved')}
                </Text>
              )}
              <Button
                type="submit"
                variant={buttons.includes('submit') ? 'default' : 'filled'}
                loading={save.isPending}
              >
                {t('plan.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <>
          <NeedsView needs={plan.needs} />
          <Stack gap="xs" component="section" aria-labelledby="plan-lines-title">
            <Title order={3} size="h4" id="plan-lines-title">
              {t('plan.lines.title', { count: plan.lines.length })}
            </Title>
            <BudgetTable groups={groups} excesses={excesses} drafting={false} />
            {overlaps.isError && <ProblemAlert error={overlaps.error} title={t('plan.overlap.failed')} />}
            {plan.lines.length === 0 ? (
              <Text size="sm">{t('plan.lines.empty')}</Text>
            ) : (
              <Stack
                gap="sm"
                component="ul"
                style={{ listStyle: 'none', margin: 0, padding: 0 }}
                data-testid="plan-lines"
              >
                {[...plan.lines]
                  .sort((a, b) => a.position - b.position)
                  .map((l) => {
                    const found = overlapsOfLine(overlaps.data, l.id);
                    return (
                      <LineCard
                        key={l.id}
                        line={l}
                        budgetName={names.get(`${l.enrolmentId}/${l.componentCode}`) ?? l.componentCode}
                        persons={view.persons}
                        documents={docs}
                        caseId={caseId}
                        overlap={found}
                        flagged={flagged.includes(l.id)}
                        onJustify={found && mayJustify ? () => setJustifying(l) : undefined}
                        onDeliver={mayDeliver ? () => setDelivering(l) : undefined}
                      />
                    );
                  })}
              </Stack>
            )}
          </Stack>
        </>
      )}

      {buttons.length > 0 && (
        <Paper withBorder p="sm" component="section" aria-labelledby="plan-gate-title">
          <Stack gap="xs">
            <Title order={3} size="h5" id="plan-gate-title">
              {t('plan.gate.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {buttons.includes('submit')
                ? t('plan.gate.submitHint')
                : buttons.includes('approve')
                  ? t('plan.gate.approveHint')
                  : t('plan.gate.validateHint')}
            </Text>
            <GateButtons buttons={buttons} labels={labels} pending={busy} onAction={(b) => void act(b)} />
          </Stack>
        </Paper>
      )}

      {returning && (
        <ReturnDialog
          title={t('plan.returnDialog.title')}
          intro={
            returning === 'returnAsFunder'
              ? t('plan.returnDialog.introFunder')
              : t('plan.returnDialog.introPartner')
          }
          confirmLabel={t('plan.gate.return')}
          pending={giveBack.isPending}
          error={giveBack.isError ? giveBack.error : null}
          errorTitle={t('plan.gateRefused')}
          onClose={() => setReturning(null)}
          onConfirm={giveBackWith}
        />
      )}
      {justifying && overlapsOfLine(overlaps.data, justifying.id) && (
        <JustifyDialog
          caseId={caseId}
          line={justifying}
          found={overlapsOfLine(overlaps.data, justifying.id)!}
          onClose={() => setJustifying(null)}
          onDone={() => {
            setJustifying(null);
            gate.reset();
            setNotice(t('plan.justify.done', { number: justifying.position + 1 }));
            focusById('plan-title');
          }}
        />
      )}
      {delivering && (
        <DeliveryDialog
          caseId={caseId}
          line={delivering}
          canUpload={mayUpload(reader)}
          onClose={() => setDelivering(null)}
          onDone={() => {
            setDelivering(null);
            setNotice(t('plan.delivery.done', { number: delivering.position + 1 }));
            focusById('plan-title');
          }}
        />
      )}
    </Stack>
  );
}

export function PlanPanel({ caseId, view }: { caseId: string; view: SharedCaseLike }) {
  const { t } = useTranslation();
  const session = useSession();
  const reader: Reader = {
    permissions: session.permissions,
    parts: casePartsOf(view, session.organisation.id),
  };
  const plan = usePlan(caseId);
  const [bodyKey, setBodyKey] = useState(0);
  const reload = async () => {
    await plan.refetch();
    setBodyKey((k) => k + 1);
  };
  return (
    <Stack gap="md" component="section" aria-labelledby="plan-title" data-testid="plan-panel">
      <Title order={2} size="h3" id="plan-title" tabIndex={-1} style={{ outlineOffset: 4 }}>
        {t('plan.title')}
      </Title>
      {!PLAN_STAGES.includes(view.stage) && <Text size="sm">{t('plan.notYet')}</Text>}
      {plan.isPending ? (
        <LoadingBlock />
      ) : plan.isError ? (
        isApiError(plan.error) && plan.error.status === 404 ? (
          <Text>{t('plan.notShared')}</Text>
        ) : (
          <ProblemAlert error={plan.error} onRetry={() => void plan.refetch()} />
        )
      ) : (
        <PlanBody
          key={bodyKey}
          caseId={caseId}
          view={view}
          plan={plan.data}
          reader={reader}
          reload={reload}
        />
      )}
    </Stack>
  );
}
