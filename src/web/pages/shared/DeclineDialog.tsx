import { useTranslation } from 'react-i18next';
import { useDeclineReferral } from '../../api/referrals.ts';
import { focusFirstInvalid } from '../../components/focusFirstInvalid.ts';
import { ReasonDialog } from './ActionDialogs.tsx';

/** The partner declines a referral with a coded reason: the case goes back to the counsellor. */
export function DeclineDialog({
  referralId,
  reference,
  onClose,
  onDeclined,
}: {
  referralId: string;
  reference: string;
  onClose: () => void;
  onDeclined: () => void;
}) {
  const { t } = useTranslation();
  const decline = useDeclineReferral();
  return (
    <ReasonDialog
      action="decline"
      title={t('handover.dialogs.declineTitle', { reference })}
      intro={t('handover.dialogs.decline', { reference })}
      confirmLabel={t('handover.actions.decline')}
      failedTitle={t('handover.dialogs.failed')}
      danger
      pending={decline.isPending}
      error={decline.error}
      onClose={onClose}
      onReload={onClose}
      onSubmit={(reason, form) => {
        // A promise, unlike mutate's callbacks, resolves even if the page under the dialog changed.
        void decline.mutateAsync({ referralId, ...reason }).then(onDeclined, () => focusFirstInvalid(form));
      }}
    />
  );
}
