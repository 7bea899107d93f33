import {
  Anchor,
  AppShell,
  Box,
  Burger,
  Button,
  Group,
  NavLink,
  Stack,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { useLogout } from '../api/queries.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { navItemsFor } from './navigation.ts';
import { NotificationBell } from './NotificationBell.tsx';
import { ProblemAlert } from './ProblemAlert.tsx';
import { useSession } from './session.ts';

/** The signed-in frame: header (product, organisation, language, sign out), navigation, main. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useSession();
  const location = useLocation();
  const logout = useLogout();
  const [navOpen, nav] = useDisclosure(false);
  // On phones the navigation slides away; while hidden it must not be reachable by keyboard.
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const items = navItemsFor(me.permissions);

  // After client-side navigation, move focus to the new page's heading (as a full page load would
  // reset focus) and close the navigation on small screens.
  const closeNav = nav.close;
  const shownPath = useRef(location.pathname);
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    closeNav();
    document.getElementById('page-title')?.focus();
  }, [location.pathname, closeNav]);

  function signOut(): void {
    logout.mutate();
  }

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
      padding="lg"
    >
      <Anchor href="#main-content" className="hw-skip-link">
        {t('app.skipToContent')}
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" miw={0} style={{ flex: 1 }}>
            <Burger
              opened={navOpen}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggle')}
              aria-expanded={navOpen}
              aria-controls="app-navigation"
            />
            <Box miw={0} style={{ flex: 1 }}>
              <Text fw={700} size="lg" lh={1.2} truncate="end" component="p">
                {t('app.name')}
              </Text>
              <Text size="sm" lh={1.2} truncate="end" component="p" data-testid="organisation-name">
                {me.organisation.name}
              </Text>
            </Box>
          </Group>
          <NotificationBell />
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }} visibleFrom="sm">
            <Box w={140}>
              <LanguageSwitch />
            </Box>
            <Button variant="default" size="sm" px="sm" onClick={signOut} loading={logout.isPending}>
              {t('nav.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar
        p="sm"
        id="app-navigation"
        aria-label={t('nav.label')}
        inert={isPhone && !navOpen ? true : undefined}
      >
        <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map((item) => (
            <li key={item.key}>
              <NavLink
                component={RouterNavLink}
                to={item.path}
                end={item.path === '/'}
                label={t(`nav.${item.key}`)}
                variant="filled"
                active={
                  item.path === '/' ? location.pathname === '/' : location.pathname.startsWith(item.path)
                }
              />
            </li>
          ))}
        </Stack>
        <Stack mt="auto" pt="md" gap="xs">
          <Stack gap="xs" hiddenFrom="sm">
            <LanguageSwitch />
            <Button variant="default" size="sm" onClick={signOut} loading={logout.isPending}>
              {t('nav.logout')}
            </Button>
          </Stack>
          <VisuallyHidden>{t('nav.signedInAs', { name: me.user.displayName })}</VisuallyHidden>
          <Text size="sm" aria-hidden="true" truncate="end">
            {me.user.displayName}
          </Text>
          <Text size="xs" aria-hidden="true" truncate="end">
            {me.user.email}
          </Text>
        </Stack>
      </AppShell.Navbar>

      <AppShell.Main id="main-content" tabIndex={-1}>
        {logout.isError && (
          <Box mb="md">
            <ProblemAlert error={logout.error} />
          </Box>
        )}
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
