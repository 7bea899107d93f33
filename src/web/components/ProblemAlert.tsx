import { Alert, Button, List } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiError, problemFieldName, problemFieldPath } from '../api/client.ts';

/** A readable message for any error: the problem's `detail` when the server sent one. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    if (error.status === 0) return t('errors.network');
    if (error.problem.detail) return error.problem.detail;
    if (error.status === 401) return t('errors.sessionExpired');
    if (error.status === 403) return t('errors.forbidden');
    return error.problem.title || t('errors.unexpected');
  }
  return t('errors.unexpected');
}

interface ProblemAlertProps {
  error: unknown;
  title?: string;
  /**
   * Field errors already shown next to their inputs are not repeated in the list: by field name
   * (`email`) or, in forms with repeated parts, by full path (`persons.1.givenNames`).
   */
  shownFields?: readonly string[];
  onRetry?: () => void;
}

/** Shows an API failure: the problem's detail and any field errors not shown next to a field. */
export function ProblemAlert({ error, title, shownFields = [], onRetry }: ProblemAlertProps) {
  const { t } = useTranslation();
  const fieldErrors = isApiError(error)
    ? (error.problem.errors ?? []).filter(
        (e) =>
          !shownFields.includes(problemFieldName(e.path)) && !shownFields.includes(problemFieldPath(e.path)),
      )
    : [];
  return (
    <Alert color="red" variant="light" title={title ?? t('errors.title')} role="alert">
      {errorMessage(t, error)}
      {fieldErrors.length > 0 && (
        <List size="sm" mt="xs">
          {fieldErrors.map((e) => (
            <List.Item key={`${e.path}:${e.message}`}>
              {e.path ? `${e.path}: ` : ''}
              {e.message}
            </List.Item>
          ))}
        </List>
      )}
      {onRetry && (
        <Button mt="sm" size="xs" variant="white" color="red" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
