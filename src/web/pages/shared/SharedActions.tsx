import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  useAcceptReferral,
  useConfirmArrival,
  useDecideApplication,
  useDecideDeparture,
  useRequestDepartureConfirmation,
  useTransferCase,
  type SharedCase,
} from '../../api/referrals.ts';
import {
  RETROACTIVE_DECLINE_REASONS as FUNDING_REASONS,
  useDecideRetroactive,
  type RetroactiveDeclineReason,
} from '../../api/retroactive.ts';
import { isOneOf } from '../../components/codes.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { focusFirstInvalid } from '../../components/focusFirstInvalid.ts';
import { useFormat } from '../../components/format.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { DayDialog, ReasonDialog, TransferDialog, ValidateDialog } from './ActionDialogs.tsx';
import { DeclineDialog } from './DeclineDialog.tsx';
import { actionButtons, workTabs, type ActionKey, type WorkTab } from './sharedActions.ts';

/**
 * What the reader's organisation may do now with a shared case, as buttons driven by the server's
 * `allowedActions`: each opens the dialog its move needs (a reason, a day, a confirmation).
 */
export function SharedActions({
  view,
  onNotice,
  onReload,
  onOpenTab,
}: {
  view: SharedCase;
  onNotice: (message: string) => void;
  onReload: () => void;
  /** Opens the tab where other work waits (the plan, the final report), if the page has it. */
  onOpenTab?: ((tab: WorkTab) => void) | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [open, setOpen] = useState<ActionKey | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const decide = useDecideApplication();
  const departure = useDecideDeparture();
  const arrival = useConfirmArrival();
  const request = useRequestDepartureConfirmation();
  const transfer = useTransferCase();
  const accept = useAcceptReferral();
  const funding = useDecideRetroactive();

  const buttons = actionButtons(view);
  const tabs = workTabs(view.allowedActions);
  const reference = view.reference;

  /** After a move the button that made it is gone: focus returns to this section's heading. */
  function done(message: string): void {
    setOpen(null);
    onNotice(message);
    requestAnimationFrame(() => headingRef.current?.focus());
  }
  function close(): void {
    setOpen(null);
  }
  function reload(): void {
    setOpen(null);
    onReload();
  }
  function start(key: ActionKey): void {
    for (const m of [decide, departure, arrival, request, transfer, accept, funding]) m.reset();
    if (key === 'accept' || key === 'acknowledge') {
      const referralId = view.referral?.id;
      if (!referralId) return;
      accept.mutate(
        { referralId },
        {
          onSuccess: () =>
            done(
              key === 'accept'
                ? t('handover.notices.accepted', { reference })
                : t('handover.notices.acknowledged', { reference }),
            ),
        },
      );
      return;
    }
    setOpen(key);
  }

  const base = { caseId: view.id, version: view.version };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="shared-actions">
      <Stack gap="sm">
        <Title
          order={2}
          size="h4"
          id="shared-actions"
          tabIndex={-1}
          ref={headingRef}
          style={{ outlineOffset: 4 }}
        >
          {t('case.moves')}
        </Title>
        {accept.isError && <ProblemAlert error={accept.error} title={t('handover.dialogs.failed')} />}
        {view.departureConfirmationRequestedAt && view.stage === 'pre_departure' && (
          <Text size="sm" data-testid="departure-requested">
            {t('sharedCase.departureRequested', {
              date: format.dateTime(view.departureConfirmationRequestedAt),
            })}
          </Text>
        )}
        {buttons.length === 0 && tabs.length === 0 ? (
          <Text size="sm" data-testid="no-actions">
            {t('sharedCase.noActions')}
          </Text>
        ) : (
          <Group gap="sm" data-testid="shared-actions">
            {buttons.map((b) => (
              <Button
                key={b.key}
                variant={b.tone === 'primary' ? 'filled' : 'default'}
                color={b.tone === 'danger' ? 'red.9' : undefined}
                onClick={() => start(b.key)}
                loading={accept.isPending && (b.key === 'accept' || b.key === 'acknowledge')}
                data-action={b.key}
              >
                {t(`handover.actions.${b.key}`)}
              </Button>
            ))}
            {onOpenTab &&
              tabs.map((tab) => (
                <Button key={tab} variant="light" onClick={() => onOpenTab(tab)}>
                  {t(`sharedCase.workIn.${tab}`)}
                </Button>
              ))}
          </Group>
        )}
      </Stack>

      {open === 'validate' && (
        <ValidateDialog
          view={view}
          pending={decide.isPending}
          error={decide.error}
          onClose={close}
          onReload={reload}
          onConfirm={(form) =>
            decide.mutate(
              { ...base, decision: { decision: 'validate' } },
              {
                onSuccess: () => done(t('handover.notices.validated', { reference })),
                onError: () => focusFirstInvalid(form),
              },
            )
          }
        />
      )}
      {(open === 'returnApplication' || open === 'reject') && (
        <ReasonDialog
          action={open}
          title={t(`handover.actions.${open}`)}
          intro={t(`handover.dialogs.${open}`, { reference })}
          confirmLabel={t(`handover.actions.${open}`)}
          failedTitle={t('handover.dialogs.failed')}
          danger={open === 'reject'}
          pending={decide.isPending}
          error={decide.error}
          onClose={close}
          onReload={reload}
          onSubmit={(reason, form) =>
            decide.mutate(
              { ...base, decision: { decision: open === 'reject' ? 'reject' : 'return', ...reason } },
              {
                onSuccess: () =>
                  done(
                    open === 'reject'
                      ? t('handover.notices.rejected', { reference })
                      : t('handover.notices.returned', { reference }),
                  ),
                onError: () => focusFirstInvalid(form),
              },
            )
          }
        />
      )}
      {open === 'decline' && view.referral && (
        <DeclineDialog
          referralId={view.referral.id}
          reference={reference}
          onClose={close}
          onDeclined={() =>
            // The organisation no longer sees the case: back to its inbox, with the outcome.
            void navigate('/inbox', { state: { notice: t('handover.notices.declined', { reference }) } })
          }
        />
      )}
      {open === 'confirmDeparture' && (
        <DayDialog
          title={t('handover.actions.confirmDeparture')}
          intro={t('handover.dialogs.confirmDeparture', { reference })}
          label={t('handover.dialogs.departureDay')}
          field="date"
          confirmLabel={t('handover.actions.confirmDeparture')}
          failedTitle={t('handover.dialogs.failed')}
          pending={departure.isPending}
          error={departure.error}
          onClose={close}
          onReload={reload}
          onSubmit={(date, form) =>
            departure.mutate(
              { ...base, decision: { outcome: 'departed', date } },
              {
                onSuccess: () => done(t('handover.notices.departed', { reference, date: format.date(date) })),
                onError: () => focusFirstInvalid(form),
              },
            )
          }
        />
      )}
      {open === 'notDeparted' && (
        <ReasonDialog
          action="notDeparted"
          title={t('handover.actions.notDeparted')}
          intro={t('handover.dialogs.notDeparted', { reference })}
          confirmLabel={t('handover.actions.notDeparted')}
          failedTitle={t('handover.dialogs.failed')}
          finalWarning={t('handover.dialogs.notDepartedFinal')}
          danger
          pending={departure.isPending}
          error={departure.error}
          onClose={close}
          onReload={reload}
          onSubmit={(reason, form) =>
            departure.mutate(
              { ...base, decision: { outcome: 'not_departed', ...reason } },
              {
                onSuccess: () => done(t('handover.notices.notDeparted', { reference })),
                onError: () => focusFirstInvalid(form),
              },
            )
          }
        />
      )}
      {open === 'requestDepartureConfirmation' && (
        <ConfirmDialog
          title={t('handover.actions.requestDepartureConfirmation')}
          confirmLabel={t('handover.actions.requestDepartureConfirmation')}
          pending={request.isPending}
          onClose={close}
          onConfirm={(form) =>
            request.mutate(
              { caseId: view.id },
              {
                onSuccess: () => done(t('handover.notices.requested', { reference })),
                onError: () => focusFirstInvalid(form),
              },
            )
          }
        >
          <Text>
            {t('handover.dialogs.requestDepartureConfirmation', {
              reference,
              funder: view.funder.name,
            })}
          </Text>
          {request.isError && <ProblemAlert error={request.error} title={t('handover.dialogs.failed')} />}
        </ConfirmDialog>
      )}
      {open === 'confirmArrival' && (
        <DayDialog
          title={t('handover.actions.confirmArrival')}
          intro={t('handover.dialogs.confirmArrival', { reference })}
          label={t('handover.dialogs.arrivalDay')}
          field="arrivedOn"
          min={view.departedOn}
          confirmLabel={t('handover.actions.confirmArrival')}
          failedTitle={t('handover.dialogs.failed')}
          pending={arrival.isPending}
          error={arrival.error}
          onClose={close}
          onReload={reload}
          onSubmit={(arrivedOn, form) =>
            arrival.mutate(
              { ...base, arrivedOn },
              {
                onSuccess: () =>
                  done(t('handover.notices.arrived', { reference, date: format.date(arrivedOn) })),
                onError: () => focusFirstInvalid(form),
              },
            )
          }
        />
      )}
      {open === 'acceptFunding' && (
        <ConfirmDialog
          title={t('handover.actions.acceptFunding')}
          confirmLabel={t('handover.actions.acceptFunding')}
          pending={funding.isPending}
          onClose={close}
          onConfirm={(form) =>
            funding.mutate(
              { caseId: view.id, decision: { decision: 'accept' } },
              {
                onSuccess: () => done(t('handover.notices.fundingAccepted', { reference })),
                onError: () => focusFirstInvalid(form),
              },
            )
          }
        >
          <Text>{t('handover.dialogs.acceptFunding', { reference, partner: view.owner.name })}</Text>
          {funding.isError && <ProblemAlert error={funding.error} title={t('handover.dialogs.failed')} />}
        </ConfirmDialog>
      )}
      {open === 'declineFunding' && (
        <ReasonDialog
          action="declineFunding"
          title={t('handover.actions.declineFunding')}
          intro={t('handover.dialogs.declineFunding', { reference })}
          confirmLabel={t('handover.actions.declineFunding')}
          failedTitle={t('handover.dialogs.failed')}
          finalWarning={t('handover.dialogs.declineFundingFinal')}
          danger
          pending={funding.isPending}
          error={funding.error}
          onClose={close}
          onReload={reload}
          onSubmit={(reason, form) => {
            const code: RetroactiveDeclineReason | null = isOneOf(FUNDING_REASONS, reason.reasonCode)
              ? reason.reasonCode
              : null;
            if (!code) return;
            funding.mutate(
              {
                caseId: view.id,
                decision: {
                  decision: 'decline',
                  reasonCode: code,
                  ...(reason.comment ? { comment: reason.comment } : {}),
                },
              },
              {
                onSuccess: () => done(t('handover.notices.fundingDeclined', { reference })),
                onError: () => focusFirstInvalid(form),
              },
            );
          }}
        />
      )}
      {open === 'transfer' && (
        <TransferDialog
          view={view}
          pending={transfer.isPending}
          error={transfer.error}
          onClose={close}
          onReload={reload}
          onSubmit={(body, form) =>
            transfer.mutate(
              { caseId: view.id, transfer: body },
              {
                onSuccess: (saved) =>
                  done(
                    t('handover.notices.transferred', {
                      reference,
                      name: saved.partner?.name ?? '',
                    }),
                  ),
                onError: () => focusFirstInvalid(form),
              },
            )
          }
        />
      )}
    </Paper>
  );
}
