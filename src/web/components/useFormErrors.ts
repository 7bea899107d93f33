import { useState } from 'react';
import { placeServerErrors, withoutErrors, type FormErrors } from './caseFieldErrors.ts';

/**
 * The errors of a form with the given fields: the browser's own checks, then the server's field
 * errors (problem+json `errors[].path`) placed next to the fields they are about.
 */
export function useFormErrors(fields: readonly string[]) {
  const [errors, setErrors] = useState<FormErrors>({});
  const [placed, setPlaced] = useState<string[]>([]);
  return {
    errors,
    /** Paths of the server's errors shown next to a field (ProblemAlert lists only the others). */
    placed,
    /** The browser's checks found these (none: an empty object). */
    setFound(found: FormErrors): void {
      setErrors(found);
      setPlaced([]);
    },
    /** The server refused the request: show its field errors next to their fields. */
    setFromServer(error: unknown): void {
      const server = placeServerErrors(error, fields);
      setErrors(server.errors);
      setPlaced(server.placed);
    },
    /** The user changed this field: its error is gone. */
    clear(field: string): void {
      setErrors((e) => withoutErrors(e, field));
    },
  };
}
