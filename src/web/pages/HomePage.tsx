import { Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../components/format.ts';
import { navItemsFor } from '../components/navigation.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { useSession } from '../components/session.ts';

/** Landing page: who you are, where, and what your roles do in Homeward, with shortcuts to your work. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useSession();
  const format = useFormat();
  const shortcuts = navItemsFor(me.permissions).filter((i) => i.key !== 'home' && i.key !== 'profile');

  return (
    <>
      <PageHeader title={t('home.greeting', { name: me.user.displayName })} documentTitle={t('home.title')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder component="section" aria-labelledby="home-organisation">
          <Title order={2} size="h3" id="home-organisation" mb="sm">
            {t('home.organisation')}
          </Title>
          <Text fw={600}>{me.organisation.name}</Text>
          <Text size="sm">
            {t('home.organisationType')}: {t(`organisationTypes.${me.organisation.type}`)}
          </Text>
          {me.organisation.country && (
            <Text size="sm">
              {t('home.country')}: {format.country(me.organisation.country)}
            </Text>
          )}
        </Card>

        <Card withBorder component="section" aria-labelledby="home-work">
          <Title order={2} size="h3" id="home-work" mb="sm">
            {t('home.shortcuts')}
          </Title>
          {shortcuts.length > 0 ? (
            <List spacing="xs">
              {shortcuts.map((item) => (
                <List.Item key={item.key}>
                  <Anchor component={Link} to={item.path}>
                    {t(`nav.${item.key}`)}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm">{t('home.noShortcuts')}</Text>
          )}
        </Card>
      </SimpleGrid>

      <Stack component="section" aria-labelledby="home-roles" mt="xl" gap="md">
        <Title order={2} size="h3" id="home-roles">
          {t('home.roles')}
        </Title>
        <Group gap="xs" data-testid="home-roles">
          {me.roles.map((role) => (
            <Badge key={role} variant="light" size="lg" radius="sm" tt="none">
              {t(`roles.${role}.name`)}
            </Badge>
          ))}
        </Group>
        <Title order={3} size="h4">
          {t('home.whatYouDo')}
        </Title>
        <Stack gap="sm" component="dl" m={0}>
          {me.roles.map((role) => (
            <div key={role}>
              <Text component="dt" fw={600}>
                {t(`roles.${role}.name`)}
              </Text>
              <Text component="dd" m={0} maw={760}>
                {t(`roles.${role}.description`)}
              </Text>
            </div>
          ))}
        </Stack>
      </Stack>
    </>
  );
}
