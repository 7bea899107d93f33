import { describe, expect, test } from 'vitest';
import { CASE_STAGES, TRANSITIONS } from '../../domain/case-workflow.ts';
import {
  daysUntil,
  deadlineStatus,
  eventLabelKey,
  isSideExit,
  stageColor,
  transitionLabelKey,
} from './caseDisplay.ts';

const TODAY = new Date(2025, 5, 10, 15, 30); // 10 June 2025, afternoon, local time

describe('deadlines', () => {
  test('days are counted in calendar days from the local date', () => {
    expect(daysUntil('2025-06-10', TODAY)).toBe(0);
    expect(daysUntil('2025-06-11', TODAY)).toBe(1);
    expect(daysUntil('2025-06-09', TODAY)).toBe(-1);
    expect(daysUntil('2025-07-10', TODAY)).toBe(30);
    expect(daysUntil('2026-06-10', TODAY)).toBe(365);
  });

  test('red when past, orange within 14 days, before departure only', () => {
    expect(deadlineStatus('2025-06-09', 'counselling', TODAY)).toBe('overdue');
    expect(deadlineStatus('2025-06-10', 'counselling', TODAY)).toBe('soon');
    expect(deadlineStatus('2025-06-24', 'intake', TODAY)).toBe('soon');
    expect(deadlineStatus('2025-06-25', 'intake', TODAY)).toBe('later');
    expect(deadlineStatus('2025-06-01', 'departed', TODAY)).toBe('inactive');
    expect(deadlineStatus('2025-06-01', 'withdrawn', TODAY)).toBe('inactive');
  });
});

describe('stages and moves', () => {
  test('every stage has a colour', () => {
    for (const stage of CASE_STAGES) expect(stageColor(stage), stage).toMatch(/^[a-z]+$/);
  });

  test('every legal move has a label key; moves back are named for what they do', () => {
    for (const rule of TRANSITIONS) expect(transitionLabelKey(rule.from, rule.to)).not.toBeNull();
    expect(transitionLabelKey('intake', 'counselling')).toBe('counselling');
    expect(transitionLabelKey('submitted', 'application')).toBe('returnApplication');
    expect(transitionLabelKey('validated', 'application')).toBe('declineReferral');
    expect(transitionLabelKey('plan_submitted', 'arrived')).toBe('returnPlan');
    expect(transitionLabelKey('departed', 'arrived')).toBe('arrived');
  });

  test('side exits are the early ends of the journey', () => {
    expect(
      ['withdrawn', 'absconded', 'transferred', 'rejected', 'not_departed'].every((s) =>
        isSideExit(s as never),
      ),
    ).toBe(true);
    expect(isSideExit('closed')).toBe(false);
    expect(isSideExit('counselling')).toBe(false);
  });

  test('event types', () => {
    expect(eventLabelKey('case.transition')).toBe('transition');
    expect(eventLabelKey('case.created')).toBe('created');
    expect(eventLabelKey('programme.enrolled')).toBe('programmeEnrolled');
    expect(eventLabelKey('programme.enrolment_withdrawn')).toBe('enrolmentWithdrawn');
    expect(eventLabelKey('person.added')).toBe('personAdded');
    expect(eventLabelKey('counselling.session')).toBe('counsellingSession');
    expect(eventLabelKey('consent.given')).toBe('consentGiven');
    expect(eventLabelKey('consent.withdrawn')).toBe('consentWithdrawn');
    expect(eventLabelKey('vulnerability.recorded')).toBe('vulnerabilityRecorded');
    expect(eventLabelKey('something.new')).toBeNull();
  });
});
