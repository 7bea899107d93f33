/**
 * Pieces shared by the tabs of the case page that list records (counselling, consent, vulnerabilities).
 */
import { Badge, Button, Group, NativeSelect, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../api/types.ts';
import { fullName } from '../../components/CaseSummaries.tsx';

/** "Mohammed Al-Hassan", or the id when the person is not (or no longer) among the case's persons. */
export function personName(persons: readonly Person[], id: string): string {
  const person = persons.find((p) => p.id === id);
  return person ? fullName(person) : id;
}

/** A tab's heading with its main action ("Record a session"). */
export function TabHeading({
  id,
  title,
  action,
  onAction,
}: {
  id: string;
  title: string;
  /** The action's text; no button when undefined (the user may not do it). */
  action?: string | undefined;
  onAction?: () => void;
}) {
  return (
    <Group justify="space-between" align="center">
      <Title order={2} size="h3" id={id} tabIndex={-1} style={{ outlineOffset: 4 }}>
        {title}
      </Title>
      {action && (
        <Button variant="default" onClick={onAction}>
          {action}
        </Button>
      )}
    </Group>
  );
}

/** A list of records, one card each. */
export function RecordList({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <Stack gap="md" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid={testId}>
      {children}
    </Stack>
  );
}

/** Coded values as a row of badges (their labels in the interface language). */
export function CodeBadges({ labels, color = 'blue.9' }: { labels: readonly string[]; color?: string }) {
  return (
    <Group gap={6} component="span" style={{ display: 'inline-flex' }}>
      {labels.map((label) => (
        <Badge key={label} variant="outline" color={color} radius="sm" tt="none" component="span">
          {label}
        </Badge>
      ))}
    </Group>
  );
}

/** Chooses one person of the case (the principal applicant first, as the case lists them). */
export function PersonSelect({
  label,
  persons,
  value,
  onChange,
  error,
}: {
  label: string;
  persons: readonly Person[];
  value: string;
  onChange: (personId: string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={label}
      required
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      data={[
        { value: '', label: t('person.choose'), disabled: true },
        ...persons.map((p) => ({
          value: p.id,
          label: `${fullName(p)} (${t(`relationships.${p.relationship}`)})`,
        })),
      ]}
    />
  );
}

/** After a record's own button is gone (a withdrawn consent), keyboard focus goes to the tab's heading. */
export function focusHeading(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/** Newest first, by an ISO timestamp. */
export function newestFirst<T>(items: readonly T[], at: (item: T) => string): T[] {
  return [...items].sort((a, b) => Date.parse(at(b)) - Date.parse(at(a)));
}
