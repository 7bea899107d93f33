import { describe, expect, test } from 'vitest';
import * as domain from '../../domain/plans.ts';
import { DOCUMENT_KINDS } from '../../domain/documents.ts';
import { MESSAGE_MAX_LENGTH as SERVER_MESSAGE_MAX } from '../../server/messages/messages.schemas.ts';
import { DeliveryInput, FinalReportInput, GateReturn } from '../../server/plans/plans.schemas.ts';
import * as web from './plans.ts';
import { MESSAGE_MAX_LENGTH } from './messages.ts';

// The web app keeps its own copy of the plan enumerations (the server's domain module hashes with
// node:crypto and is not bundled); this fails when the contract changes and the copy was not updated.
describe('plan enumerations match the server contract', () => {
  test.each([
    ['modalities', web.PLAN_MODALITIES, domain.PLAN_MODALITIES],
    ['need dimensions', web.NEED_DIMENSIONS, domain.NEED_DIMENSIONS],
    ['need levels', web.NEED_LEVELS, domain.NEED_LEVELS],
    ['plan statuses', web.PLAN_STATUSES, domain.PLAN_STATUSES],
  ])('%s', (_name, mine, theirs) => {
    expect([...mine]).toEqual([...theirs]);
  });

  test('return reasons, delivery kinds, ratings', () => {
    expect([...web.GATE_RETURN_REASONS]).toEqual(GateReturn.shape.reasonCode.options);
    expect([...web.DELIVERY_KINDS]).toEqual(DeliveryInput.shape.kind.options);
    expect([...web.ASSESSMENT_RATINGS]).toEqual(FinalReportInput.shape.assessmentRating.unwrap().options);
  });

  test('the message limit and the document kinds', () => {
    expect(MESSAGE_MAX_LENGTH).toBe(SERVER_MESSAGE_MAX);
    expect(DOCUMENT_KINDS.length).toBeGreaterThan(0);
  });
});
