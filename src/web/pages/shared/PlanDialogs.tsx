/**
 * The plan panel's dialogs: a programme manager's justification of a line that overlaps assistance
 * funded elsewhere, and a delivery or disbursement recorded against an approved line with its proofs
 * (chosen among the case's documents, or uploaded right there).
 */
import { Checkbox, Divider, NativeSelect, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useDocuments, type CaseDocument } from '../../api/documents.ts';
import {
  DELIVERY_KINDS,
  useJustifyLine,
  useRecordDelivery,
  type DeliveryKind,
  type OverlapReport,
  type PlanLine,
} from '../../api/plans.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { focusFirstInvalid } from '../../components/focusFirstInvalid.ts';
import { useFormat } from '../../components/format.ts';
import { DocumentUpload } from './DocumentUpload.tsx';
import { categoryLabel, planErrorText, useNumbers } from './gateParts.tsx';
import { PROOF_KINDS } from './documentRules.ts';
import {
  checkDelivery,
  DELIVERY_NOTE_MAX,
  JUSTIFICATION_MAX,
  JUSTIFICATION_MIN,
  parseAmount,
  todayIso,
  type DeliveryDraft,
} from './planDraft.ts';

export function JustifyDialog({
  caseId,
  line,
  found,
  onClose,
  onDone,
}: {
  caseId: string;
  line: PlanLine;
  found: OverlapReport['items'][number];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const justify = useJustifyLine();
  const [text, setText] = useState(line.justification ?? '');
  const [error, setError] = useState<string | undefined>(undefined);
  const length = text.trim().length;
  return (
    <FormModal
      title={t('plan.justify.title', { number: line.position + 1 })}
      submitLabel={t('plan.justify.submit')}
      pending={justify.isPending}
      error={justify.isError ? justify.error : null}
      errorTitle={t('plan.justify.failed')}
      shownFields={['text']}
      size="lg"
      onClose={onClose}
      onSubmit={(form) => {
        if (length < JUSTIFICATION_MIN) {
          setError(planErrorText(t, 'justificationTooShort'));
          return focusFirstInvalid(form);
        }
        justify.mutate(
          { caseId, lineId: line.id, text: text.trim() },
          {
            onSuccess: onDone,
            onError: (e) => {
              if (isApiError(e)) setError(e.fieldErrors().text);
              focusFirstInvalid(form);
            },
          },
        );
      }}
    >
      <Text size="sm">{t('plan.justify.intro')}</Text>
      <Stack gap={4}>
        {found.overlaps.map((o, i) => (
          <Text size="sm" key={`${o.category}-${i}`}>
            {t('plan.overlap.item', {
              category: categoryLabel(t, o.category),
              from: format.date(o.periodFrom),
              to: format.date(o.periodTo),
              contact: o.contact.name,
            })}
          </Text>
        ))}
      </Stack>
      <Textarea
        label={t('plan.justify.text')}
        description={t('plan.justify.hint', { min: JUSTIFICATION_MIN, count: length })}
        required
        autosize
        minRows={4}
        maxLength={JUSTIFICATION_MAX}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setError(undefined);
        }}
        error={error}
        dir="auto"
        data-autofocus
      />
    </FormModal>
  );
}

function documentLabel(t: TFunction, d: CaseDocument): string {
  return `${d.filename} (${t(`documents.kinds.${d.kind}`)})`;
}

export function DeliveryDialog({
  caseId,
  line,
  canUpload,
  onClose,
  onDone,
}: {
  caseId: string;
  line: PlanLine;
  canUpload: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const n = useNumbers();
  const record = useRecordDelivery();
  const documents = useDocuments(caseId);
  const [draft, setDraft] = useState<DeliveryDraft>({
    kind: line.modality === 'cash' ? 'disbursement' : 'delivery',
    deliveredOn: todayIso(),
    amount: '',
    note: '',
    documentIds: [],
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof DeliveryDraft>(field: K, value: DeliveryDraft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => {
      const next = { ...e };
      delete next[field];
      return next;
    });
  };
  const remaining = n.money(line.remaining, line.currency);
  const amount = parseAmount(draft.amount);
  const err = (field: string) => {
    const value = errors[field];
    if (value === 'amountOverRemaining') return t('plan.validation.amountOverRemaining', { remaining });
    return planErrorText(t, value);
  };
  const docs = documents.data?.items ?? [];

  return (
    <FormModal
      title={t('plan.delivery.title', { number: line.position + 1, description: line.description })}
      submitLabel={t('plan.delivery.submit')}
      pending={record.isPending}
      error={record.isError ? record.error : null}
      errorTitle={t('plan.delivery.failed')}
      shownFields={['kind', 'deliveredOn', 'amount', 'note', 'documentIds']}
      onClose={onClose}
      onSubmit={(form) => {
        const found = checkDelivery(draft, line.remaining);
        setErrors(found);
        if (Object.keys(found).length > 0 || amount === null) return focusFirstInvalid(form);
        record.mutate(
          {
            caseId,
            lineId: line.id,
            delivery: {
              kind: draft.kind,
              deliveredOn: draft.deliveredOn,
              amount,
              ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
              documentIds: draft.documentIds,
            },
          },
          {
            onSuccess: onDone,
            onError: (e) => {
              if (isApiError(e)) setErrors(e.fieldErrors());
              focusFirstInvalid(form);
            },
          },
        );
      }}
    >
      <Text size="sm" data-testid="delivery-remaining">
        {t('plan.delivery.remaining', {
          approved: n.money(line.amount, line.currency),
          delivered: n.money(line.delivered, line.currency),
          remaining,
        })}
      </Text>
      <NativeSelect
        label={t('plan.delivery.kind')}
        required
        value={draft.kind}
        onChange={(e) => set('kind', e.currentTarget.value as DeliveryKind)}
        data={DELIVERY_KINDS.map((k) => ({ value: k, label: t(`plan.delivery.kinds.${k}`) }))}
        data-autofocus
      />
      <TextInput
        type="date"
        label={t('plan.delivery.date')}
        required
        max={todayIso()}
        value={draft.deliveredOn}
        onChange={(e) => set('deliveredOn', e.currentTarget.value)}
        error={err('deliveredOn')}
      />
      <TextInput
        label={t('plan.delivery.amount', { currency: line.currency })}
        description={t('plan.delivery.amountHint', { remaining })}
        required
        inputMode="decimal"
        value={draft.amount}
        onChange={(e) => set('amount', e.currentTarget.value)}
        error={err('amount')}
      />
      <Textarea
        label={t('plan.delivery.note')}
        autosize
        minRows={2}
        maxLength={DELIVERY_NOTE_MAX}
        value={draft.note}
        onChange={(e) => set('note', e.currentTarget.value)}
        error={err('note')}
        dir="auto"
      />
      <Checkbox.Group
        label={t('plan.delivery.proofsLabel')}
        description={t('plan.delivery.proofsHint')}
        value={draft.documentIds}
        onChange={(ids) => set('documentIds', ids)}
        error={err('documentIds')}
      >
        <Stack gap={6} mt={6} data-testid="delivery-proofs">
          {documents.isPending ? (
            <Text size="sm">{t('common.loading')}</Text>
          ) : docs.length === 0 ? (
            <Text size="sm">{t('plan.delivery.noDocuments')}</Text>
          ) : (
            docs.map((d) => <Checkbox key={d.id} value={d.id} label={documentLabel(t, d)} />)
          )}
        </Stack>
      </Checkbox.Group>
      {canUpload && (
        <>
          <Divider />
          <Stack gap="xs" component="section" aria-labelledby="delivery-upload-title">
            <Title order={3} size="h5" id="delivery-upload-title">
              {t('plan.delivery.uploadTitle')}
            </Title>
            <DocumentUpload
              caseId={caseId}
              kinds={PROOF_KINDS}
              defaultKind={line.modality === 'cash' ? 'proof_of_payment' : 'proof_of_delivery'}
              compact
              onUploaded={(saved) =>
                setDraft((d) => ({
                  ...d,
                  documentIds: [...d.documentIds.filter((id) => id !== saved.id), saved.id],
                }))
              }
            />
          </Stack>
        </>
      )}
    </FormModal>
  );
}
