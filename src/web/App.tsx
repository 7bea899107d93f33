import { DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { isApiError } from './api/client.ts';
import { queryKeys } from './api/queries.ts';
import { AppLayout } from './components/AppLayout.tsx';
import { RequireAuth } from './components/RequireAuth.tsx';
import { RequirePermission } from './components/RequirePermission.tsx';
import { directionOf, isLanguage } from './i18n/index.ts';
import { AuditPage } from './pages/AuditPage.tsx';
import { CasePage } from './pages/CasePage.tsx';
import { CasesPage } from './pages/CasesPage.tsx';
import { FindPage } from './pages/find/FindPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NewCasePage } from './pages/NewCasePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { OrganisationsPage } from './pages/OrganisationsPage.tsx';
import { ProfilePage } from './pages/ProfilePage.tsx';
import { SharedCasePage } from './pages/shared/SharedCasePage.tsx';
import { ComparePage } from './pages/programmes/ComparePage.tsx';
import { ProgrammeEditorPage } from './pages/programmes/ProgrammeEditorPage.tsx';
import { ProgrammePage } from './pages/programmes/ProgrammePage.tsx';
import { ProgrammesPage } from './pages/programmes/ProgrammesPage.tsx';
import { TokensPage } from './pages/TokensPage.tsx';
import { UsersPage } from './pages/UsersPage.tsx';
import { GroupBookingPage } from './pages/work/GroupBookingPage.tsx';
import { GroupBookingsPage } from './pages/work/GroupBookingsPage.tsx';
import { InboxPage } from './pages/work/InboxPage.tsx';
import { MyCasesPage } from './pages/work/MyCasesPage.tsx';
import { NotificationsPage } from './pages/work/NotificationsPage.tsx';
import { RetroactivePage } from './pages/work/RetroactivePage.tsx';
import { WorkPage } from './pages/work/WorkPage.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

function createQueryClient(): QueryClient {
  // A 401 from any call means the session ended (GET /me itself answers null instead): forget the
  // session, and <RequireAuth> sends the user to /login and, after signing in, back to the page.
  const onError = (error: unknown) => {
    if (isApiError(error) && error.status === 401) client.setQueryData(queryKeys.me, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Client errors (4xx) are answers, not glitches: do not retry them.
        retry: (failures, error) =>
          !(isApiError(error) && error.status >= 400 && error.status < 500) && failures < 2,
      },
    },
  });
  return client;
}

/** Keeps Mantine's direction in step with the interface language (Arabic is right-to-left). */
function DirectionSync() {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  useEffect(() => {
    setDirection(isLanguage(i18n.language) ? directionOf(i18n.language) : 'ltr');
  }, [i18n.language, setDirection]);
  return null;
}

function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      {/* The public programme finder: no login, its own languages. */}
      <Route path="/find" element={<FindPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="profile" element={<ProfilePage />} />
        <Route
          path="cases"
          element={
            <RequirePermission permission="cases:read">
              <CasesPage />
            </RequirePermission>
          }
        />
        <Route
          path="cases/new"
          element={
            <RequirePermission permission="cases:write">
              <NewCasePage />
            </RequirePermission>
          }
        />
        <Route
          path="cases/:id"
          element={
            <RequirePermission permission="cases:read">
              <CasePage />
            </RequirePermission>
          }
        />
        <Route
          path="shared/:id"
          element={
            <RequirePermission permission="cases:read">
              <SharedCasePage />
            </RequirePermission>
          }
        />
        <Route
          path="work"
          element={
            <RequirePermission permission="cases:read">
              <WorkPage />
            </RequirePermission>
          }
        />
        <Route
          path="inbox"
          element={
            <RequirePermission permission="referrals:respond">
              <InboxPage />
            </RequirePermission>
          }
        />
        <Route
          path="my-cases"
          element={
            <RequirePermission permission="cases:read">
              <MyCasesPage />
            </RequirePermission>
          }
        />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route
          path="retroactive"
          element={
            <RequirePermission permission="cases:read">
              <RetroactivePage />
            </RequirePermission>
          }
        />
        <Route
          path="group-bookings"
          element={
            <RequirePermission permission="cases:read">
              <GroupBookingsPage />
            </RequirePermission>
          }
        />
        <Route
          path="group-bookings/:id"
          element={
            <RequirePermission permission="cases:read">
              <GroupBookingPage />
            </RequirePermission>
          }
        />
        <Route
          path="programmes"
          element={
            <RequirePermission permission="programmes:read">
              <ProgrammesPage />
            </RequirePermission>
          }
        />
        <Route
          path="programmes/compare"
          element={
            <RequirePermission permission="programmes:read">
              <ComparePage />
            </RequirePermission>
          }
        />
        <Route
          path="programmes/new"
          element={
            <RequirePermission permission="programmes:manage">
              <ProgrammeEditorPage />
            </RequirePermission>
          }
        />
        <Route
          path="programmes/:id"
          element={
            <RequirePermission permission="programmes:read">
              <ProgrammePage />
            </RequirePermission>
          }
        />
        <Route
          path="programmes/:id/edit"
          element={
            <RequirePermission permission="programmes:manage">
              <ProgrammeEditorPage />
            </RequirePermission>
          }
        />
        <Route
          path="users"
          element={
            <RequirePermission permission="users:read">
              <UsersPage />
            </RequirePermission>
          }
        />
        <Route
          path="tokens"
          element={
            <RequirePermission permission="tokens:manage">
              <TokensPage />
            </RequirePermission>
          }
        />
        <Route
          path="audit"
          element={
            <RequirePermission permission="audit:read">
              <AuditPage />
            </RequirePermission>
          }
        />
        <Route
          path="organisations"
          element={
            <RequirePermission permission="organisations:manage">
              <OrganisationsPage />
            </RequirePermission>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  const { i18n } = useTranslation();
  const initialDirection = isLanguage(i18n.language) ? directionOf(i18n.language) : 'ltr';
  return (
    <QueryClientProvider client={queryClient}>
      <DirectionProvider initialDirection={initialDirection} detectDirection={false}>
        <DirectionSync />
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </MantineProvider>
      </DirectionProvider>
    </QueryClientProvider>
  );
}
