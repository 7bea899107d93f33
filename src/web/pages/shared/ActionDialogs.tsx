/**
 * The dialogs of the hand-over actions: a coded reason (and a comment for "other"), a day, a
 * confirmation that says what will be shared, the choice of another partner. Used by the shared case
 * page and the referrals inbox.
 */
import {
  Alert,
  Button,
  Group,
  List,
  NativeSelect,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isReasonCode, REASON_NEEDING_COMMENT, type ReasonCode } from '../../../domain/case-workflow.ts';
import { CONSENT_DATA_CATEGORIES } from '../../../domain/case-facts.ts';
import { isApiError } from '../../api/client.ts';
import { useOrganisationDirectory } from '../../api/queries.ts';
import {
  TRANSFER_REASONS,
  useApplication,
  type RecipientCheck,
  type SharedCase,
  type TransferRequest,
} from '../../api/referrals.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { isOneOf } from '../../components/codes.ts';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert.tsx';
import { focusFirstInvalid } from '../../components/focusFirstInvalid.ts';
import { useFormat } from '../../components/format.ts';
import { LoadingBlock } from '../../components/Loading.tsx';
import { localDateTime } from '../../components/recordDrafts.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { checkDay, reasonsFor, type ReasonAction } from './sharedActions.ts';

/** Orange alerts' titles in the text colour: Mantine's orange on its light background is 3.6:1. */
const WARNING_TITLE = { title: { color: 'var(--mantine-color-text)' } };

/** Field errors the dialogs show next to their fields (the alert lists the others). */
const SHOWN_FIELDS = ['reasonCode', 'comment', 'date', 'arrivedOn', 'partnerOrganisationId'];

/** Today, as the user's calendar day (YYYY-MM-DD). */
export function todayLocal(): string {
  return localDateTime().slice(0, 10);
}

/** A refused request: "changed by someone else" for a 412, the problem otherwise. */
function Refusal({ error, title, onReload }: { error: unknown; title: string; onReload: () => void }) {
  return isConflict(error) ? (
    <ConflictAlert onReload={onReload} />
  ) : (
    <ProblemAlert error={error} title={title} shownFields={SHOWN_FIELDS} />
  );
}

export interface ReasonValue {
  reasonCode: ReasonCode | '';
  comment: string;
}

/** The reason's errors, as translation keys; empty when it may be sent. */
function reasonErrors(value: ReasonValue): { reasonCode?: 'reasonRequired'; comment?: 'commentRequired' } {
  const found: { reasonCode?: 'reasonRequired'; comment?: 'commentRequired' } = {};
  if (value.reasonCode === '') found.reasonCode = 'reasonRequired';
  if (value.reasonCode === REASON_NEEDING_COMMENT && value.comment.trim() === '')
    found.comment = 'commentRequired';
  return found;
}

/** A coded reason among those valid for the move, and a comment (required for "other"). */
function ReasonFields({
  reasons,
  value,
  onChange,
  errors,
  autoFocus,
}: {
  reasons: readonly ReasonCode[];
  value: ReasonValue;
  onChange: (value: ReasonValue) => void;
  errors: ReturnType<typeof reasonErrors>;
  autoFocus: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <NativeSelect
        label={t('case.reason')}
        required
        value={value.reasonCode}
        onChange={(e) => {
          const code = e.currentTarget.value;
          onChange({ ...value, reasonCode: isReasonCode(code) ? code : '' });
        }}
        error={errors.reasonCode ? t(`validation.${errors.reasonCode}`) : undefined}
        data={[
          { value: '', label: t('person.choose'), disabled: true },
          ...reasons.map((code) => ({ value: code, label: t(`reasonCodes.${code}`) })),
        ]}
        data-autofocus={autoFocus || undefined}
      />
      <Textarea
        label={t('case.comment')}
        description={t('case.commentHint')}
        required={value.reasonCode === REASON_NEEDING_COMMENT}
        autosize
        minRows={3}
        maxLength={2000}
        value={value.comment}
        onChange={(e) => onChange({ ...value, comment: e.currentTarget.value })}
        error={errors.comment ? t(`validation.${errors.comment}`) : undefined}
      />
    </>
  );
}

function DialogButtons({
  onCancel,
  cancelLabel,
  confirmLabel,
  pending,
  danger,
}: {
  onCancel: () => void;
  cancelLabel?: string;
  confirmLabel: string;
  pending: boolean;
  danger?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {cancelLabel ?? t('common.cancel')}
      </Button>
      <Button type="submit" loading={pending} color={danger ? 'red.9' : undefined}>
        {confirmLabel}
      </Button>
    </Group>
  );
}

/**
 * Asks for the coded reason of a move. With `finalWarning`, a second step says that the move cannot
 * be undone before it is made.
 */
export function ReasonDialog({
  action,
  title,
  intro,
  confirmLabel,
  failedTitle,
  finalWarning,
  danger = false,
  pending,
  error,
  onSubmit,
  onClose,
  onReload,
}: {
  action: ReasonAction;
  title: string;
  intro: ReactNode;
  confirmLabel: string;
  failedTitle: string;
  finalWarning?: string;
  danger?: boolean;
  pending: boolean;
  error: unknown;
  onSubmit: (reason: { reasonCode: ReasonCode; comment?: string }, form: HTMLFormElement) => void;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState<ReasonValue>({ reasonCode: '', comment: '' });
  const [errors, setErrors] = useState<ReturnType<typeof reasonErrors>>({});
  const [confirming, setConfirming] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (pending) return;
    const form = event.currentTarget;
    const found = reasonErrors(value);
    setErrors(found);
    if (found.reasonCode || found.comment || value.reasonCode === '') return focusFirstInvalid(form);
    if (finalWarning && !confirming) {
      setConfirming(true);
      return;
    }
    const comment = value.comment.trim();
    onSubmit({ reasonCode: value.reasonCode, ...(comment ? { comment } : {}) }, form);
  }

  return (
    <AppModal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {error !== null && error !== undefined && (
            <Refusal error={error} title={failedTitle} onReload={onReload} />
          )}
          {confirming && finalWarning ? (
            <>
              <Alert color="red" variant="light" title={t('handover.dialogs.finalTitle')} role="alert">
                {finalWarning}
              </Alert>
              <Text size="sm">
                {t('handover.dialogs.finalReason', {
                  reason: value.reasonCode ? t(`reasonCodes.${value.reasonCode}`) : '',
                })}
              </Text>
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
                  {t('handover.dialogs.back')}
                </Button>
                <Button type="submit" loading={pending} color="red.9">
                  {confirmLabel}
                </Button>
              </Group>
            </>
          ) : (
            <>
              <Text size="sm">{intro}</Text>
              <ReasonFields
                reasons={reasonsFor(action)}
                value={value}
                onChange={(next) => {
                  setValue(next);
                  setErrors({});
                }}
                errors={errors}
                autoFocus
              />
              <DialogButtons
                onCancel={onClose}
                confirmLabel={finalWarning ? t('handover.dialogs.continue') : confirmLabel}
                pending={pending && !finalWarning}
                danger={danger && !finalWarning}
              />
            </>
          )}
        </Stack>
      </form>
    </AppModal>
  );
}

/** Asks for a day (of departure, of arrival): today by default, never in the future. */
export function DayDialog({
  title,
  intro,
  label,
  field,
  min,
  confirmLabel,
  failedTitle,
  pending,
  error,
  onSubmit,
  onClose,
  onReload,
}: {
  title: string;
  intro: ReactNode;
  label: string;
  /** The server's name of the field (its errors are shown next to it). */
  field: 'date' | 'arrivedOn';
  min?: string | null;
  confirmLabel: string;
  failedTitle: string;
  pending: boolean;
  error: unknown;
  onSubmit: (day: string, form: HTMLFormElement) => void;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const today = todayLocal();
  const [day, setDay] = useState(today);
  const [problem, setProblem] = useState<ReturnType<typeof checkDay>>(null);
  const serverError = isApiError(error) ? error.fieldErrors()[field] : undefined;

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (pending) return;
    const form = event.currentTarget;
    const found = checkDay(day, { max: today, min: min ?? null });
    setProblem(found);
    if (found) return focusFirstInvalid(form);
    onSubmit(day, form);
  }

  return (
    <AppModal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {error !== null && error !== undefined && (
            <Refusal error={error} title={failedTitle} onReload={onReload} />
          )}
          <Text size="sm">{intro}</Text>
          <TextInput
            type="date"
            label={label}
            required
            max={today}
            min={min ?? undefined}
            value={day}
            onChange={(e) => {
              setDay(e.currentTarget.value);
              setProblem(null);
            }}
            error={
              problem
                ? t(`handover.dialogs.day.${problem}`, { date: format.date(min) ?? '' })
                : (serverError ?? undefined)
            }
            maw={260}
            data-autofocus
          />
          <DialogButtons onCancel={onClose} confirmLabel={confirmLabel} pending={pending} />
        </Stack>
      </form>
    </AppModal>
  );
}

/** "Identity, Travel", or the minimum dataset, in the interface language. */
export function useDatasetWords() {
  const { t } = useTranslation();
  return (dataset: readonly string[]) =>
    dataset.length === 0
      ? t('handover.datasetBase')
      : dataset
          .filter((c) => isOneOf(CONSENT_DATA_CATEGORIES, c))
          .map((c) => t(`consentDataCategories.${c}`))
          .join(', ');
}

function RecipientLine({ check }: { check: RecipientCheck }) {
  const { t } = useTranslation();
  const words = useDatasetWords();
  const name = check.organisation.name;
  if (!check.consentInForce) {
    return (
      <List.Item>
        {check.kind === 'partner'
          ? t('handover.dialogs.validate.partnerNoConsent', { name })
          : t('handover.dialogs.validate.originNoConsent', { name })}
      </List.Item>
    );
  }
  return (
    <List.Item>
      {check.kind === 'partner'
        ? t('handover.dialogs.validate.partner', { name, dataset: words(check.dataset) })
        : t('handover.dialogs.validate.origin', { name, dataset: words(check.dataset) })}
    </List.Item>
  );
}

/** The funding authority validates: the dialog says who receives what once the case is referred. */
export function ValidateDialog({
  view,
  pending,
  error,
  onConfirm,
  onClose,
  onReload,
}: {
  view: SharedCase;
  pending: boolean;
  error: unknown;
  onConfirm: (form: HTMLFormElement) => void;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const application = useApplication(view.id);
  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!pending) onConfirm(event.currentTarget);
  }
  const data = application.data;
  return (
    <AppModal
      opened
      onClose={onClose}
      title={t('handover.dialogs.validate.title', { reference: view.reference })}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {error !== null && error !== undefined && (
            <Refusal error={error} title={t('handover.dialogs.failed')} onReload={onReload} />
          )}
          <Text size="sm">{t('handover.dialogs.validate.intro')}</Text>
          {application.isPending ? (
            <LoadingBlock />
          ) : application.isError ? (
            <ProblemAlert error={application.error} onRetry={() => void application.refetch()} />
          ) : data ? (
            <Stack gap="xs" data-testid="validation-recipients">
              <Text fw={600}>{t('handover.dialogs.validate.whoReceives')}</Text>
              <List size="sm" spacing={4}>
                {data.partner ? (
                  <RecipientLine check={data.partner} />
                ) : (
                  <List.Item>{t('handover.dialogs.validate.noPartner')}</List.Item>
                )}
                {data.originAuthority && <RecipientLine check={data.originAuthority} />}
              </List>
              {data.blockers.length > 0 && (
                <Alert
                  color="orange"
                  styles={WARNING_TITLE}
                  variant="light"
                  title={t('handover.dialogs.validate.blockers')}
                >
                  <List size="sm">
                    {data.blockers.map((b) => (
                      <List.Item key={`${b.path}:${b.message}`}>{b.message}</List.Item>
                    ))}
                  </List>
                </Alert>
              )}
            </Stack>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {t('handover.actions.validate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** The funding authority (or the owner) moves the case to another reintegration partner. */
export function TransferDialog({
  view,
  pending,
  error,
  onSubmit,
  onClose,
  onReload,
}: {
  view: SharedCase;
  pending: boolean;
  error: unknown;
  onSubmit: (transfer: TransferRequest, form: HTMLFormElement) => void;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const directory = useOrganisationDirectory();
  const [partner, setPartner] = useState('');
  const [partnerError, setPartnerError] = useState(false);
  const [value, setValue] = useState<ReasonValue>({ reasonCode: '', comment: '' });
  const [errors, setErrors] = useState<ReturnType<typeof reasonErrors>>({});
  const options = (directory.data?.items ?? [])
    .filter((o) => o.type === 'reintegration_partner' && o.id !== view.partner?.id)
    .map((o) => ({ value: o.id, label: `${o.name} (${format.country(o.country) ?? o.country})` }));

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (pending) return;
    const form = event.currentTarget;
    const found = reasonErrors(value);
    setErrors(found);
    setPartnerError(partner === '');
    const reasonCode = value.reasonCode;
    if (partner === '' || found.reasonCode || found.comment || !isOneOf(TRANSFER_REASONS, reasonCode))
      return focusFirstInvalid(form);
    const comment = value.comment.trim();
    onSubmit({ partnerOrganisationId: partner, reasonCode, ...(comment ? { comment } : {}) }, form);
  }

  return (
    <AppModal
      opened
      onClose={onClose}
      title={t('handover.dialogs.transfer.title', { reference: view.reference })}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {error !== null && error !== undefined && (
            <Refusal error={error} title={t('handover.dialogs.failed')} onReload={onReload} />
          )}
          <Text size="sm">
            {view.partner
              ? t('handover.dialogs.transfer.intro', { name: view.partner.name })
              : t('handover.dialogs.transfer.introNoPartner')}
          </Text>
          <Select
            label={t('handover.dialogs.transfer.partner')}
            description={t('handover.dialogs.transfer.partnerHint')}
            required
            searchable
            nothingFoundMessage={t('common.nothingFound')}
            placeholder={directory.isPending ? t('common.loading') : t('common.typeToSearch')}
            data={options}
            value={partner || null}
            onChange={(id) => {
              setPartner(id ?? '');
              setPartnerError(false);
            }}
            error={
              partnerError
                ? t('handover.dialogs.transfer.partnerRequired')
                : directory.isError
                  ? t('consent.directoryFailed')
                  : undefined
            }
            comboboxProps={{ withinPortal: true }}
            data-autofocus
          />
          <ReasonFields
            reasons={reasonsFor('transfer')}
            value={value}
            onChange={(next) => {
              setValue(next);
              setErrors({});
            }}
            errors={errors}
            autoFocus={false}
          />
          <DialogButtons onCancel={onClose} confirmLabel={t('handover.actions.transfer')} pending={pending} />
        </Stack>
      </form>
    </AppModal>
  );
}
