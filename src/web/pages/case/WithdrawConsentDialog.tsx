import { Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWithdrawConsent } from '../../api/queries.ts';
import type { Consent, Person } from '../../api/types.ts';
import { errorText } from '../../components/caseFieldErrors.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { focusFirstInvalid } from '../../components/focusFirstInvalid.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import {
  emptyWithdrawal,
  LIMITS,
  localDateTime,
  toWithdrawal,
  validateWithdrawal,
  type WithdrawalDraft,
} from '../../components/recordDrafts.ts';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { personName } from './shared.tsx';

const WITHDRAWAL_FIELDS = ['withdrawnAt', 'effect'] as const;

/** Asks to confirm a withdrawal, with its effect and time; it cannot be undone. */
export function WithdrawConsentDialog({
  consent,
  persons,
  onClose,
  onWithdrawn,
}: {
  consent: Consent;
  persons: readonly Person[];
  onClose: () => void;
  onWithdrawn: () => void;
}) {
  const { t } = useTranslation();
  const withdraw = useWithdrawConsent();
  const [draft, setDraft] = useState<WithdrawalDraft>(() => emptyWithdrawal());
  const form = useFormErrors(WITHDRAWAL_FIELDS);
  const error = (field: (typeof WITHDRAWAL_FIELDS)[number]) => errorText(t, form.errors[field]);
  const set = <K extends keyof WithdrawalDraft>(field: K, value: WithdrawalDraft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    form.clear(field);
  };

  function onConfirm(element: HTMLFormElement): void {
    const found = validateWithdrawal(draft, consent.givenAt);
    form.setFound(found);
    if (Object.keys(found).length > 0) return focusFirstInvalid(element);
    withdraw.mutate(
      { caseId: consent.caseId, consentId: consent.id, withdrawal: toWithdrawal(draft, consent.givenAt) },
      {
        onSuccess: onWithdrawn,
        onError: (e) => {
          form.setFromServer(e);
          focusFirstInvalid(element);
        },
      },
    );
  }

  return (
    <ConfirmDialog
      title={t('consent.withdrawTitle')}
      confirmLabel={t('consent.withdrawConfirm')}
      danger
      initialFocus="content"
      pending={withdraw.isPending}
      onClose={onClose}
      onConfirm={onConfirm}
    >
      <Text>
        {t('consent.withdrawBody', {
          name: personName(persons, consent.personId),
          purpose: t(`consentPurposes.${consent.purpose}`),
        })}
      </Text>
      {withdraw.isError && (
        <ProblemAlert error={withdraw.error} title={t('consent.withdrawFailed')} shownFields={form.placed} />
      )}
      <Textarea
        label={t('consent.effect')}
        description={t('consent.effectHint')}
        required
        autosize
        minRows={2}
        maxLength={LIMITS.effect}
        value={draft.effect}
        onChange={(e) => set('effect', e.currentTarget.value)}
        error={error('effect')}
        data-autofocus
      />
      <TextInput
        type="datetime-local"
        label={t('consent.withdrawnAtLabel')}
        description={t('consent.withdrawnAtHint')}
        required
        max={localDateTime()}
        value={draft.withdrawnAt}
        onChange={(e) => set('withdrawnAt', e.currentTarget.value)}
        error={error('withdrawnAt')}
        maw={320}
      />
    </ConfirmDialog>
  );
}
