import { Alert, Anchor, Group, List, Loader, Text, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePossibleDuplicates } from '../api/queries.ts';
import type { DuplicateQuery } from '../api/types.ts';
import { duplicateQueryOf, type PersonDraft } from './caseDraft.ts';
import { useFormat } from './format.ts';

/** How long typing must pause before the names are checked. */
export const DUPLICATE_CHECK_DELAY_MS = 600;

/**
 * Persons already in the organisation's cases who may be the person being registered (any script or
 * spelling), checked while the names are typed. Informative only: registration goes on regardless.
 */
export function PossibleDuplicates({ person }: { person: PersonDraft }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const query = duplicateQueryOf(person);
  // Debounced on its text, so that a re-render with the same names does not restart the wait.
  const [debounced] = useDebouncedValue(query ? JSON.stringify(query) : '', DUPLICATE_CHECK_DELAY_MS);
  const asked = useMemo(() => (debounced ? (JSON.parse(debounced) as DuplicateQuery) : null), [debounced]);
  const duplicates = usePossibleDuplicates(asked);
  const percent = useMemo(() => new Intl.NumberFormat(i18n.language, { style: 'percent' }), [i18n.language]);

  let content: ReactNode = null;
  if (!asked || !query) {
    content = null;
  } else if (duplicates.isPending || (duplicates.isFetching && duplicates.isPlaceholderData)) {
    content = (
      <Group gap="xs">
        <Loader size="xs" aria-hidden="true" />
        <Text size="sm">{t('duplicates.checking')}</Text>
      </Group>
    );
  } else if (duplicates.isError) {
    content = <Text size="sm">{t('duplicates.checkFailed')}</Text>;
  } else if (duplicates.data.items.length === 0) {
    content = (
      <Text size="sm" data-testid="no-duplicates">
        {t('duplicates.none')}
      </Text>
    );
  } else {
    content = (
      <Alert color="blue.9" variant="outline" title={t('duplicates.title')} data-testid="possible-duplicates">
        <Text size="sm">{t('duplicates.intro')}</Text>
        <List size="sm" mt="xs" spacing={6}>
          {duplicates.data.items.map((d) => (
            <List.Item key={d.personId}>
              <Anchor component={Link} to={`/cases/${d.caseId}`} target="_blank" rel="noopener" fw={600}>
                {d.caseReference}
                <VisuallyHidden> {t('duplicates.newTab')}</VisuallyHidden>
              </Anchor>
              {' · '}
              <span dir="auto">{d.name}</span>
              {d.dateOfBirth ? ` · ${format.date(d.dateOfBirth) ?? ''}` : ''}
              {' · '}
              {t('duplicates.score', { score: percent.format(d.score) })}
              {d.reasons.length > 0 && (
                <>
                  {' · '}
                  {d.reasons.map((r) => t(`duplicateReasons.${r}`)).join(', ')}
                </>
              )}
            </List.Item>
          ))}
        </List>
      </Alert>
    );
  }
  return <div aria-live="polite">{content}</div>;
}
