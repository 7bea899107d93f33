import { Button, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  isReasonCode,
  isTerminal,
  reasonCodesFor,
  REASON_NEEDING_COMMENT,
  type CaseStage,
  type ReasonCode,
} from '../../../domain/case-workflow.ts';
import { useTransitionCase } from '../../api/queries.ts';
import type { AllowedTransition, Case } from '../../api/types.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { isSideExit, transitionLabelKey } from '../../components/caseDisplay.ts';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert.tsx';
import { focusFirstInvalid } from '../../components/focusFirstInvalid.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';

/** A refused move's field errors repeat its `detail`, which the alert already shows. */
const MOVE_FIELDS = ['to', 'reasonCode', 'comment'];

/** The button text of a move, in the interface language (the server's English label otherwise). */
function useTransitionLabel() {
  const { t } = useTranslation();
  return (from: CaseStage, move: AllowedTransition) => {
    const key = transitionLabelKey(from, move.to);
    return key ? t(`transitions.${key}`) : move.label;
  };
}

function ReasonModal({
  current,
  move,
  onClose,
  onReload,
  onMoved,
}: {
  current: Case;
  move: AllowedTransition;
  onClose: () => void;
  /** Closes the dialog and reloads the case (after a refusal as stale). */
  onReload: () => void;
  onMoved: (saved: Case) => void;
}) {
  const { t } = useTranslation();
  const label = useTransitionLabel()(current.stage, move);
  const transition = useTransitionCase();
  const [reason, setReason] = useState<ReasonCode | ''>('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<{ reasonCode?: string; comment?: string }>({});
  const reasons = reasonCodesFor(move.to);

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const form = event.currentTarget;
    const found: typeof errors = {};
    if (reason === '') found.reasonCode = t('validation.reasonRequired');
    if (reason === REASON_NEEDING_COMMENT && comment.trim() === '')
      found.comment = t('validation.commentRequired');
    setErrors(found);
    if (found.reasonCode || found.comment) return focusFirstInvalid(form);
    transition.mutate(
      {
        id: current.id,
        version: current.version,
        move: { to: move.to, reasonCode: reason, ...(comment.trim() ? { comment: comment.trim() } : {}) },
      },
      { onSuccess: onMoved, onError: () => focusFirstInvalid(form) },
    );
  }

  return (
    <AppModal opened onClose={onClose} title={label} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Text size="sm">
            {t('case.moveIntro', { from: t(`stages.${current.stage}`), to: t(`stages.${move.to}`) })}
          </Text>
          {transition.isError &&
            (isConflict(transition.error) ? (
              <ConflictAlert onReload={onReload} />
            ) : (
              <ProblemAlert
                error={transition.error}
                title={t('case.moveRefused')}
                shownFields={MOVE_FIELDS}
              />
            ))}
          <NativeSelect
            label={t('case.reason')}
            required
            value={reason}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setReason(isReasonCode(value) ? value : '');
              setErrors((x) => ({ ...x, reasonCode: undefined }));
            }}
            error={errors.reasonCode}
            data={[
              { value: '', label: t('person.choose'), disabled: true },
              ...reasons.map((code) => ({ value: code, label: t(`reasonCodes.${code}`) })),
            ]}
            data-autofocus
          />
          <Textarea
            label={t('case.comment')}
            description={t('case.commentHint')}
            required={reason === REASON_NEEDING_COMMENT}
            autosize
            minRows={3}
            maxLength={4000}
            value={comment}
            onChange={(e) => {
              setComment(e.currentTarget.value);
              setErrors((x) => ({ ...x, comment: undefined }));
            }}
            error={errors.comment}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={transition.isPending}
              color={isSideExit(move.to) ? 'red.9' : undefined}
            >
              {label}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** The moves the user may make from the case's stage, as buttons; a move that needs a reason asks for it. */
export function Transitions({
  current,
  onMoved,
  onReload,
}: {
  current: Case;
  onMoved: (saved: Case) => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const labelOf = useTransitionLabel();
  const transition = useTransitionCase();
  const [asking, setAsking] = useState<AllowedTransition | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // After a move, the button that made it is gone: keyboard focus goes to this section's heading
  // (the outcome is announced by the page's live region).
  const moved = (saved: Case) => {
    onMoved(saved);
    requestAnimationFrame(() => headingRef.current?.focus());
  };
  const journey = current.allowedTransitions.filter((m) => !isSideExit(m.to));
  const exits = current.allowedTransitions.filter((m) => isSideExit(m.to));

  function start(move: AllowedTransition): void {
    transition.reset();
    if (move.reasonRequired) return setAsking(move);
    transition.mutate(
      { id: current.id, version: current.version, move: { to: move.to } },
      { onSuccess: moved },
    );
  }

  const button = (move: AllowedTransition, side: boolean) => (
    <Button
      key={move.to}
      variant={side ? 'default' : 'filled'}
      onClick={() => start(move)}
      loading={transition.isPending && transition.variables?.move.to === move.to}
      disabled={transition.isPending && transition.variables?.move.to !== move.to}
    >
      {labelOf(current.stage, move)}
    </Button>
  );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="case-moves">
      <Stack gap="sm">
        <Title
          order={2}
          size="h4"
          id="case-moves"
          tabIndex={-1}
          ref={headingRef}
          style={{ outlineOffset: 4 }}
        >
          {t('case.moves')}
        </Title>
        {transition.isError &&
          (isConflict(transition.error) ? (
            <ConflictAlert
              onReload={() => {
                transition.reset();
                void onReload();
              }}
            />
          ) : (
            <ProblemAlert error={transition.error} title={t('case.moveRefused')} shownFields={MOVE_FIELDS} />
          ))}
        {current.allowedTransitions.length === 0 ? (
          <Text size="sm">{isTerminal(current.stage) ? t('case.finished') : t('case.noMoves')}</Text>
        ) : (
          <>
            {journey.length > 0 && <Group gap="sm">{journey.map((m) => button(m, false))}</Group>}
            {exits.length > 0 && (
              <Stack gap={4}>
                <Text size="sm" fw={600} id="case-exits">
                  {t('case.otherOutcomes')}
                </Text>
                <Group gap="sm" role="group" aria-labelledby="case-exits">
                  {exits.map((m) => button(m, true))}
                </Group>
              </Stack>
            )}
          </>
        )}
      </Stack>
      {asking && (
        <ReasonModal
          key={asking.to}
          current={current}
          move={asking}
          onClose={() => setAsking(null)}
          onReload={() => {
            setAsking(null);
            void onReload();
          }}
          onMoved={(saved) => {
            setAsking(null);
            moved(saved);
          }}
        />
      )}
    </Paper>
  );
}
