import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from './usePageTitle.ts';

interface PageHeaderProps {
  title: string;
  /** The document title when it differs from the heading (e.g. "Home" for a greeting). */
  documentTitle?: string;
  intro?: ReactNode;
  /** Buttons at the end of the header line (e.g. "New user"). */
  actions?: ReactNode;
}

/** The page's one <h1> (focused after navigation) and its document title. */
export function PageHeader({ title, documentTitle, intro, actions }: PageHeaderProps) {
  usePageTitle(documentTitle ?? title);
  return (
    <Stack gap="xs" mb="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Title order={1} id="page-title" tabIndex={-1} style={{ outlineOffset: 4 }}>
          {title}
        </Title>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
      {intro && (
        <Text c="dimmed" maw={760}>
          {intro}
        </Text>
      )}
    </Stack>
  );
}
