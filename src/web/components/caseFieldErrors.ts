import type { TFunction } from 'i18next';
import type { ValidationKey } from './caseDraft.ts';

const VALIDATION_KEYS: ReadonlySet<string> = new Set<ValidationKey>([
  'relationshipRequired',
  'givenNamesRequired',
  'familyNameRequired',
  'nameTooLong',
  'sexRequired',
  'dateInvalid',
  'birthInFuture',
  'hostCountryRequired',
  'returnCountryRequired',
  'sameCountry',
  'returnTypeRequired',
  'deadlineBeforeDecision',
  'entryBanUntilBeforeDecision',
]);

/**
 * A form's errors by field path: either the browser's own check (a ValidationKey, shown in the user's
 * language) or the server's message for that field (shown as sent).
 */
export type FormErrors = Record<string, string>;

export function errorText(t: TFunction, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return VALIDATION_KEYS.has(value) ? t(`validation.${value as ValidationKey}`) : value;
}

/** The errors without those at `path` or under it (once the user changed that field). */
export function withoutErrors(errors: FormErrors, path: string): FormErrors {
  const keys = Object.keys(errors).filter((k) => k === path || k.startsWith(`${path}.`));
  if (keys.length === 0) return errors;
  const next = { ...errors };
  for (const k of keys) delete next[k];
  return next;
}
