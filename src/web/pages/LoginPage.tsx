import {
  Alert,
  Box,
  Button,
  Center,
  Container,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useLogin, useMe } from '../api/queries.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { focusFirstInvalid } from '../components/focusFirstInvalid.ts';
import { LoadingBlock } from '../components/Loading.tsx';
import { landingPathFor } from '../components/navigation.ts';
import { errorMessage } from '../components/ProblemAlert.tsx';
import { PasswordField } from '../components/PasswordField.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';

/**
 * Where to go after signing in: back to the page that asked for it, else the role's landing page. The
 * bare root is where everyone arrives, not a page someone asked for: it leads to the landing page.
 */
function returnPath(state: unknown): string | null {
  if (typeof state === 'object' && state !== null && 'from' in state) {
    const from = state.from;
    if (
      typeof from === 'string' &&
      from.startsWith('/') &&
      !from.startsWith('//') &&
      from !== '/login' &&
      from !== '/'
    ) {
      return from;
    }
  }
  return null;
}

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const location = useLocation();
  const me = useMe();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});

  if (me.isPending) return <LoadingBlock label={t('app.loading')} />;
  // Signed in (already, or just now): go on. <RequireAuth> applies the user's saved language.
  if (me.data) {
    return <Navigate to={returnPath(location.state) ?? landingPathFor(me.data.roles)} replace />;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const form = event.currentTarget;
    const errors: { email?: string; password?: string } = {};
    if (email.trim() === '') errors.email = t('login.emailRequired');
    if (password === '') errors.password = t('login.passwordRequired');
    setFieldErrors(errors);
    if (errors.email || errors.password) return focusFirstInvalid(form);
    login.mutate({ email: email.trim(), password }, { onError: () => focusFirstInvalid(form) });
  }

  return (
    <Box mih="100vh" bg="gray.0">
      <Container size={460} py={48}>
        <Group component="header" justify="space-between" mb="lg" wrap="nowrap">
          <Box>
            <Text fw={700} size="xl" component="p">
              {t('app.name')}
            </Text>
            <Text size="sm" c="dimmed" component="p">
              {t('app.tagline')}
            </Text>
          </Box>
          <Box w={140}>
            <LanguageSwitch />
          </Box>
        </Group>
        <Center component="main" id="main-content">
          <Paper withBorder shadow="sm" p="xl" radius="md" w="100%">
            <form onSubmit={onSubmit} noValidate aria-labelledby="page-title">
              <Stack>
                <Title order={1} size="h2" id="page-title">
                  {t('login.heading')}
                </Title>
                <Text size="sm">{t('login.intro')}</Text>
                {login.isError && (
                  <Alert color="red" variant="light" title={t('login.failed')} role="alert">
                    {errorMessage(t, login.error)}
                  </Alert>
                )}
                <TextInput
                  label={t('login.email')}
                  type="email"
                  name="email"
                  autoComplete="username"
                  inputMode="email"
                  required
                  value={email}
                  onChange={(e) => setEmail(e.currentTarget.value)}
                  error={fieldErrors.email}
                />
                <PasswordField
                  label={t('login.password')}
                  name="password"
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={fieldErrors.password}
                />
                <Button type="submit" loading={login.isPending} fullWidth>
                  {t('login.submit')}
                </Button>
              </Stack>
            </form>
          </Paper>
        </Center>
      </Container>
    </Box>
  );
}
