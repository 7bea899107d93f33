import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Referral, ReferralStatus } from '../../api/referrals.ts';

const STYLE: Record<ReferralStatus, { color: string; variant: 'filled' | 'outline' | 'light' }> = {
  pending: { color: 'blue.9', variant: 'light' },
  accepted: { color: 'teal.9', variant: 'filled' },
  declined: { color: 'red.9', variant: 'outline' },
  transferred: { color: 'gray.8', variant: 'outline' },
  withdrawn: { color: 'gray.8', variant: 'outline' },
};

/** A referral's status in words, and "Overdue" (filled red) when a pending one is past its time. */
export function ReferralStatusBadge({ referral }: { referral: Pick<Referral, 'status' | 'overdue'> }) {
  const { t } = useTranslation();
  const style = STYLE[referral.status];
  return (
    <Group gap={4} wrap="wrap" component="span" style={{ display: 'inline-flex' }}>
      <Badge
        color={style.color}
        variant={style.variant}
        radius="sm"
        tt="none"
        component="span"
        data-status={referral.status}
      >
        {t(`handover.referralStatuses.${referral.status}`)}
      </Badge>
      {referral.overdue && (
        <Badge color="red.9" variant="filled" radius="sm" tt="none" component="span" data-testid="overdue">
          {t('handover.overdue')}
        </Badge>
      )}
    </Group>
  );
}
