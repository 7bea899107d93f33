import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../domain/permissions.ts';
import { useCan } from './session.ts';
import { usePageTitle } from './usePageTitle.ts';

function Forbidden() {
  const { t } = useTranslation();
  usePageTitle(t('forbidden.title'));
  return (
    <Stack>
      <Title order={1} id="page-title" tabIndex={-1}>
        {t('forbidden.title')}
      </Title>
      <Text>{t('forbidden.body')}</Text>
    </Stack>
  );
}

/** A page only some roles may open; others see a "not allowed" page instead of an error. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  return useCan(permission) ? children : <Forbidden />;
}
