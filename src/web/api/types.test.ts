import { describe, expect, test } from 'vitest';
import {
  ADMINISTRATIVE_STATUSES as SERVER_ADMINISTRATIVE_STATUSES,
  CaseListQuery,
  PossibleDuplicate,
  DOCUMENT_STATUSES as SERVER_DOCUMENT_STATUSES,
  DOCUMENT_TYPES as SERVER_DOCUMENT_TYPES,
  RELATIONSHIPS as SERVER_RELATIONSHIPS,
  RETURN_TYPES as SERVER_RETURN_TYPES,
  SEXES as SERVER_SEXES,
} from '../../server/cases/cases.schemas.ts';
import {
  ADMINISTRATIVE_STATUSES,
  CASE_QUEUES,
  DUPLICATE_REASONS,
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  RELATIONSHIPS,
  RETURN_TYPES,
  SEXES,
} from './types.ts';

// The web app keeps its own copy of the case enumerations (it does not bundle the server's zod
// schemas); this fails when the contract changes and the copy was not updated.
describe('case enumerations match the server contract', () => {
  test.each([
    ['return types', RETURN_TYPES, SERVER_RETURN_TYPES],
    ['administrative statuses', ADMINISTRATIVE_STATUSES, SERVER_ADMINISTRATIVE_STATUSES],
    ['relationships', RELATIONSHIPS, SERVER_RELATIONSHIPS],
    ['sexes', SEXES, SERVER_SEXES],
    ['document types', DOCUMENT_TYPES, SERVER_DOCUMENT_TYPES],
    ['document statuses', DOCUMENT_STATUSES, SERVER_DOCUMENT_STATUSES],
  ])('%s', (_name, web, server) => {
    expect([...web]).toEqual([...server]);
  });

  test('work queues', () => {
    expect([...CASE_QUEUES]).toEqual(CaseListQuery.shape.queue.unwrap().options);
  });

  test('reasons of a possible duplicate', () => {
    expect([...DUPLICATE_REASONS]).toEqual(PossibleDuplicate.shape.reasons.element.options);
  });
});
