import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';

/** A 412: the record changed since it was read (someone else saved first). */
export function isConflict(error: unknown): boolean {
  return isApiError(error) && error.status === 412;
}

/** "Changed by someone else — reload": shown instead of a generic error when a change was refused as stale. */
export function ConflictAlert({ onReload, reloading }: { onReload: () => void; reloading?: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" title={t('conflict.title')} role="alert">
      {t('conflict.body')}
      <div>
        <Button mt="sm" size="xs" variant="white" color="red" onClick={onReload} loading={reloading}>
          {t('conflict.reload')}
        </Button>
      </div>
    </Alert>
  );
}
