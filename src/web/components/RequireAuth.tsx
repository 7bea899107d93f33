import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useMe, useUpdateProfile } from '../api/queries.ts';
import { changeLanguage, currentLanguage, isLanguage, takeChoiceWhileSignedOut } from '../i18n/index.ts';
import { LoadingBlock } from './Loading.tsx';
import { ProblemAlert } from './ProblemAlert.tsx';
import { SessionContext } from './session.ts';

/**
 * Renders its children only for a signed-in user (GET /me), else sends the visitor to /login and
 * back here afterwards. On the first /me of a session the user's saved language is applied, unless
 * they just picked one on the login page (then that choice is saved to their profile).
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  const appliedFor = useRef<string | null>(null);
  const user = me.data?.user;

  const saveLocale = useUpdateProfile().mutate;

  useEffect(() => {
    if (!user || appliedFor.current === user.id) return;
    appliedFor.current = user.id;
    const picked = takeChoiceWhileSignedOut();
    if (picked && picked === currentLanguage()) {
      // Chosen on the login page just now: keep it, and remember it in the profile.
      if (picked !== user.locale) saveLocale({ locale: picked });
    } else if (isLanguage(user.locale) && user.locale !== currentLanguage()) {
      void changeLanguage(user.locale);
    }
  }, [user, saveLocale]);

  if (me.isPending) return <LoadingBlock label={t('app.loading')} />;
  if (me.isError && me.data === undefined) {
    return (
      <main style={{ padding: 'var(--mantine-spacing-xl)' }}>
        <ProblemAlert error={me.error} onRetry={() => void me.refetch()} />
      </main>
    );
  }
  if (!me.data) {
    const from = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  return <SessionContext value={me.data}>{children}</SessionContext>;
}
