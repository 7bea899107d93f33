import type { TFunction } from 'i18next';
import { isApiError, problemFieldPath } from '../api/client.ts';
import type { ValidationKey } from './caseDraft.ts';
import { RECORD_VALIDATION_KEYS, type RecordValidationKey } from './recordDrafts.ts';

const VALIDATION_KEYS: ReadonlySet<string> = new Set<ValidationKey | RecordValidationKey>([
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
  ...RECORD_VALIDATION_KEYS,
]);

/**
 * A form's errors by field path: either the browser's own check (a ValidationKey, shown in the user's
 * language) or the server's message for that field (shown as sent).
 */
export type FormErrors = Record<string, string>;

export function errorText(t: TFunction, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return VALIDATION_KEYS.has(value) ? t(`validation.${value as ValidationKey | RecordValidationKey}`) : value;
}

/** The errors without those at `path` or under it (once the user changed that field). */
export function withoutErrors(errors: FormErrors, path: string): FormErrors {
  const keys = Object.keys(errors).filter((k) => k === path || k.startsWith(`${path}.`));
  if (keys.length === 0) return errors;
  const next = { ...errors };
  for (const k of keys) delete next[k];
  return next;
}

/**
 * Places a refused request's field errors (problem+json `errors[].path`) next to the fields of the
 * form they are about: `persons.0.nationalities.1` goes to the field `persons.0.nationalities`,
 * `motivesFor.2` to `motivesFor`. Answers the errors placed, by field, and the paths of the errors
 * placed (for ProblemAlert's `shownFields`, which lists the others).
 */
export function placeServerErrors(
  error: unknown,
  fields: readonly string[],
): { errors: FormErrors; placed: string[] } {
  const errors: FormErrors = {};
  const placed: string[] = [];
  if (!isApiError(error)) return { errors, placed };
  for (const e of error.problem.errors ?? []) {
    const path = problemFieldPath(e.path);
    const field = fields.find((k) => path === k || path.startsWith(`${k}.`));
    if (!field) continue;
    placed.push(path);
    errors[field] ??= e.message;
  }
  return { errors, placed };
}
