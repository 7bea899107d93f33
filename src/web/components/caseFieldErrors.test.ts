import { describe, expect, test } from 'vitest';
import { ApiError } from '../api/client.ts';
import { placeServerErrors, withoutErrors } from './caseFieldErrors.ts';

function refusal(errors: { path: string; message: string }[]): ApiError {
  return new ApiError({ title: 'Bad request', status: 400, errors });
}

describe('server field errors', () => {
  test('are placed on the field they are about, even when they name an item of it', () => {
    const error = refusal([
      { path: 'motivesFor.1', message: 'Invalid option' },
      { path: 'body.heldAt', message: 'Invalid ISO datetime' },
      { path: '/witnessName', message: 'verbal consent needs a witness' },
      { path: 'somethingElse', message: 'not on this form' },
    ]);
    expect(placeServerErrors(error, ['heldAt', 'motivesFor', 'witnessName'])).toEqual({
      errors: {
        motivesFor: 'Invalid option',
        heldAt: 'Invalid ISO datetime',
        witnessName: 'verbal consent needs a witness',
      },
      placed: ['motivesFor.1', 'heldAt', 'witnessName'],
    });
  });

  test('the first error of a field wins; other failures place nothing', () => {
    const error = refusal([
      { path: 'persons.0.nationalities.1', message: 'first' },
      { path: 'persons.0.nationalities.2', message: 'second' },
    ]);
    expect(placeServerErrors(error, ['persons.0.nationalities']).errors).toEqual({
      'persons.0.nationalities': 'first',
    });
    expect(placeServerErrors(new Error('boom'), ['heldAt'])).toEqual({ errors: {}, placed: [] });
  });

  test('a changed field loses its errors', () => {
    expect(withoutErrors({ heldAt: 'x', 'persons.0.sex': 'y', persons: 'z' }, 'persons')).toEqual({
      heldAt: 'x',
    });
  });
});
