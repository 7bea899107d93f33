import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { useUpdateProfile } from '../api/queries.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { focusFirstInvalid } from '../components/focusFirstInvalid.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { useSession } from '../components/session.ts';

export function ProfilePage() {
  const { t } = useTranslation();
  const me = useSession();
  const update = useUpdateProfile();
  const [displayName, setDisplayName] = useState(me.user.displayName);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => setDisplayName(me.user.displayName), [me.user.displayName]);

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const form = event.currentTarget;
    const name = displayName.trim();
    if (name === '') {
      setError(t('profile.displayNameRequired'));
      focusFirstInvalid(form);
      return;
    }
    setError(undefined);
    update.mutate({ displayName: name }, { onError: () => focusFirstInvalid(form) });
  }

  const serverFieldError = isApiError(update.error) ? update.error.fieldErrors().displayName : undefined;

  return (
    <>
      <PageHeader title={t('profile.title')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder component="section" aria-labelledby="profile-account">
          <Title order={2} size="h3" id="profile-account" mb="sm">
            {t('profile.account')}
          </Title>
          <Stack gap="xs" component="dl" m={0}>
            <div>
              <Text component="dt" fw={600} size="sm">
                {t('profile.email')}
              </Text>
              <Text component="dd" m={0} className="hw-break" data-testid="profile-email">
                {me.user.email}
              </Text>
            </div>
            <div>
              <Text component="dt" fw={600} size="sm">
                {t('profile.organisation')}
              </Text>
              <Text component="dd" m={0}>
                {me.organisation.name} ({t(`organisationTypes.${me.organisation.type}`)})
              </Text>
            </div>
            <div>
              <Text component="dt" fw={600} size="sm">
                {t('profile.roles')}
              </Text>
              <Group component="dd" m={0} gap="xs" mt={4}>
                {me.roles.map((role) => (
                  <Badge key={role} variant="light" radius="sm" tt="none">
                    {t(`roles.${role}.name`)}
                  </Badge>
                ))}
              </Group>
            </div>
          </Stack>
        </Card>

        <Card withBorder component="section" aria-labelledby="profile-edit">
          <Title order={2} size="h3" id="profile-edit" mb="sm">
            {t('profile.edit')}
          </Title>
          <Stack>
            <form onSubmit={onSubmit} noValidate>
              <Stack gap="sm">
                <TextInput
                  label={t('profile.displayName')}
                  name="displayName"
                  autoComplete="name"
                  required
                  maxLength={200}
                  value={displayName}
                  onChange={(e) => setDisplayName(e.currentTarget.value)}
                  error={error ?? serverFieldError}
                />
                {update.isError && !serverFieldError && <ProblemAlert error={update.error} />}
                {update.isSuccess && (
                  <Alert color="green" variant="light" role="status">
                    {t('common.saved')}
                  </Alert>
                )}
                <Group>
                  <Button type="submit" loading={update.isPending}>
                    {t('common.save')}
                  </Button>
                </Group>
              </Stack>
            </form>
            <LanguageSwitch label={t('profile.language')} description={t('profile.languageHint')} />
          </Stack>
        </Card>
      </SimpleGrid>

      <Card withBorder component="section" aria-labelledby="profile-permissions" mt="lg">
        <Title order={2} size="h3" id="profile-permissions" mb={4}>
          {t('profile.permissions')}
        </Title>
        <Text size="sm" mb="sm">
          {t('profile.permissionsIntro')}
        </Text>
        <List spacing={4} data-testid="profile-permissions">
          {me.permissions.map((permission) => (
            <List.Item key={permission}>
              {t(`permissions.${permission}`)}{' '}
              <Text span size="xs" ff="monospace" c="dimmed">
                ({permission})
              </Text>
            </List.Item>
          ))}
        </List>
      </Card>
    </>
  );
}
