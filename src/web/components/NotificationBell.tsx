import { ActionIcon, Indicator } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUnreadNotifications } from '../api/notifications.ts';

/** A bell icon, drawn inline (no icon font or network). */
function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" aria-hidden="true" focusable="false">
      <path
        d="M12 3a6 6 0 0 0-6 6v3.6l-1.6 2.7A1 1 0 0 0 5.3 17h13.4a1 1 0 0 0 .9-1.7L18 12.6V9a6 6 0 0 0-6-6Zm-2 15.5a2 2 0 0 0 4 0"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/**
 * The header's notification bell: a link to /notifications with the number of unread notifications
 * (read every 30 seconds and when the window gets focus), said in words to assistive technology.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const unread = useUnreadNotifications();
  const count = unread.data ?? 0;
  return (
    <Indicator
      label={<span aria-hidden="true">{count > 99 ? '99+' : count}</span>}
      size={18}
      disabled={count === 0}
      color="red.9"
      offset={4}
      data-testid="notification-count"
      data-count={count}
    >
      <ActionIcon
        component={Link}
        to="/notifications"
        variant="default"
        size="lg"
        aria-label={count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell')}
      >
        <BellIcon />
      </ActionIcon>
    </Indicator>
  );
}
