/**
 * Pieces shared by the plan and final report panels: money in the interface language, the gate's
 * status and history, the gate buttons, the return-with-reason dialog, and error texts.
 */
import { Badge, Button, Group, List, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComponentCategory } from '../../../domain/programmes/definition.ts';
import {
  GATE_RETURN_REASONS,
  type GateReturn,
  type GateReturnReason,
  type GateState,
  type PlanStatus,
  type SharedPersonLike,
} from '../../api/plans.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { focusFirstInvalid } from '../../components/focusFirstInvalid.ts';
import { useFormat } from '../../components/format.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatMoney } from '../case/EligibilityFormat.ts';
import { useUiLanguage } from '../case/EligibilityParts.tsx';
import {
  gateHistory,
  PLAN_VALIDATION_KEYS,
  RETURN_COMMENT_MAX,
  type GateButton,
  type PlanValidationKey,
} from './planDraft.ts';

/** Money, percentages and numbers in the interface language. */
export function useNumbers() {
  const language = useUiLanguage();
  return useMemo(() => {
    const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
    const number = new Intl.NumberFormat(language, { maximumFractionDigits: 6 });
    return {
      money: (amount: number, currency: string) => formatMoney(language, amount, currency),
      percent: (share: number) => percent.format(share),
      number: (value: number) => number.format(value),
    };
  }, [language]);
}

/** A field's error: a check of ours (in the interface language) or the server's message as sent. */
export function planErrorText(t: TFunction, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return (PLAN_VALIDATION_KEYS as readonly string[]).includes(value)
    ? t(`plan.validation.${value as PlanValidationKey}`)
    : value;
}

/** A category of need ("Business start-up"), or its code when it has no label. */
export function categoryLabel(t: TFunction, category: string): string {
  return t(`eligibility.categories.${category as ComponentCategory}`, { defaultValue: category });
}

/** A person as the reader may see them: the name with the identity category, else the relationship. */
export function personLabel(t: TFunction, person: SharedPersonLike): string {
  const name = [person.givenNames, person.familyName].filter(Boolean).join(' ').trim();
  const relationship = t(`relationships.${person.relationship}`);
  return name === '' ? relationship : `${name} (${relationship})`;
}

const STATUS_COLOR: Record<PlanStatus, string> = {
  none: 'gray.7',
  draft: 'blue.9',
  submitted: 'indigo.9',
  validated: 'violet.9',
  approved: 'teal.9',
  returned: 'red.9',
};

export function GateStatusBadge({ status, testId }: { status: PlanStatus; testId: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="outline"
      color={STATUS_COLOR[status]}
      radius="sm"
      tt="none"
      size="lg"
      data-testid={testId}
      data-status={status}
    >
      {t(`plan.status.${status}`)}
    </Badge>
  );
}

/** Submitted, validated, approved, returned (by whom, why): the gate's steps, oldest first. */
export function GateHistory({ state, testId }: { state: GateState; testId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const events = gateHistory(state);
  if (events.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm" id={`${testId}-label`}>
        {t('plan.history.title')}
      </Text>
      <List size="sm" spacing={4} data-testid={testId} aria-labelledby={`${testId}-label`}>
        {events.map((e) => (
          <List.Item key={e.kind} data-event={e.kind}>
            <time dateTime={e.at}>{format.dateTime(e.at)}</time>
            {' — '}
            {e.kind === 'returned'
              ? e.by === 'funder'
                ? t('plan.history.returnedByFunder')
                : t('plan.history.returnedByPartner')
              : t(`plan.history.${e.kind}`)}
            {e.kind === 'returned' && e.reasonCode && (
              <>
                {': '}
                {(GATE_RETURN_REASONS as readonly string[]).includes(e.reasonCode)
                  ? t(`reasonCodes.${e.reasonCode as GateReturnReason}`)
                  : e.reasonCode}
              </>
            )}
            {e.kind === 'returned' && e.comment && (
              <Text span size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                {' '}
                {t('plan.history.comment', { comment: e.comment })}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** The gate's buttons for this reader; the one running spins and the others wait. */
export function GateButtons({
  buttons,
  labels,
  pending,
  onAction,
}: {
  buttons: readonly GateButton[];
  labels: Record<GateButton, string>;
  pending: GateButton | null;
  onAction: (button: GateButton) => void;
}) {
  if (buttons.length === 0) return null;
  return (
    <Group gap="sm">
      {buttons.map((b) => (
        <Button
          key={b}
          variant={b === 'returnAsPartner' || b === 'returnAsFunder' ? 'default' : 'filled'}
          loading={pending === b}
          disabled={pending !== null && pending !== b}
          onClick={() => onAction(b)}
          data-gate={b}
        >
          {labels[b]}
        </Button>
      ))}
    </Group>
  );
}

/** Asks for the reason (and a comment) of a return; the reason is kept in the gate's history. */
export function ReturnDialog({
  title,
  intro,
  confirmLabel,
  pending,
  error,
  errorTitle,
  onClose,
  onConfirm,
}: {
  title: string;
  intro: string;
  confirmLabel: string;
  pending: boolean;
  error: unknown;
  errorTitle: string;
  onClose: () => void;
  onConfirm: (body: GateReturn) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<GateReturnReason | ''>('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<{ reasonCode?: PlanValidationKey; comment?: PlanValidationKey }>({});
  return (
    <ConfirmDialog
      title={title}
      confirmLabel={confirmLabel}
      initialFocus="content"
      danger
      pending={pending}
      onClose={onClose}
      onConfirm={(form) => {
        const found: typeof errors = {};
        if (reason === '') found.reasonCode = 'reasonRequired';
        if (reason === 'other' && comment.trim() === '') found.comment = 'commentRequired';
        setErrors(found);
        if (reason === '' || found.comment) return focusFirstInvalid(form);
        onConfirm({ reasonCode: reason, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      }}
    >
      <Text size="sm">{intro}</Text>
      {error !== null && error !== undefined && (
        <ProblemAlert error={error} title={errorTitle} shownFields={['reasonCode', 'comment']} />
      )}
      <NativeSelect
        label={t('case.reason')}
        required
        value={reason}
        onChange={(e) => {
          const value = e.currentTarget.value;
          setReason(
            (GATE_RETURN_REASONS as readonly string[]).includes(value) ? (value as GateReturnReason) : '',
          );
          setErrors((x) => ({ ...x, reasonCode: undefined }));
        }}
        error={planErrorText(t, errors.reasonCode)}
        data={[
          { value: '', label: t('person.choose'), disabled: true },
          ...GATE_RETURN_REASONS.map((code) => ({ value: code, label: t(`reasonCodes.${code}`) })),
        ]}
        data-autofocus
      />
      <Textarea
        label={t('case.comment')}
        description={t('case.commentHint')}
        required={reason === 'other'}
        autosize
        minRows={3}
        maxLength={RETURN_COMMENT_MAX}
        value={comment}
        onChange={(e) => {
          setComment(e.currentTarget.value);
          setErrors((x) => ({ ...x, comment: undefined }));
        }}
        error={planErrorText(t, errors.comment)}
      />
    </ConfirmDialog>
  );
}
