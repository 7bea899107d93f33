import { describe, expect, test } from 'vitest';
import { REFERRAL_STATUSES as SERVER_REFERRAL_STATUSES } from '../../../server/referrals/referrals.schemas.ts';
import { QUEUE_KEYS as SERVER_QUEUE_KEYS } from '../../../server/work-queues/work-queues.service.ts';
import { REFERRAL_STATUSES } from '../../api/referrals.ts';
import { QUEUE_KEYS } from '../../api/workQueues.ts';
import { formatWaited, queueCaseLink, waitedFor } from './waiting.ts';

const NOW = new Date('2026-03-10T12:00:00Z');

describe('how long a case has waited', () => {
  test('minutes, then hours, then days, rounded down', () => {
    expect(waitedFor('2026-03-10T11:59:30Z', NOW)).toEqual({ value: 0, unit: 'minute' });
    expect(waitedFor('2026-03-10T11:15:00Z', NOW)).toEqual({ value: 45, unit: 'minute' });
    expect(waitedFor('2026-03-10T10:30:00Z', NOW)).toEqual({ value: 1, unit: 'hour' });
    expect(waitedFor('2026-03-09T12:30:00Z', NOW)).toEqual({ value: 23, unit: 'hour' });
    expect(waitedFor('2026-03-07T11:00:00Z', NOW)).toEqual({ value: 3, unit: 'day' });
  });

  test('a time in the future or unreadable counts as no wait', () => {
    expect(waitedFor('2026-03-11T00:00:00Z', NOW)).toEqual({ value: 0, unit: 'minute' });
    expect(waitedFor('not a date', NOW)).toEqual({ value: 0, unit: 'minute' });
  });

  test('in words, in the interface language', () => {
    expect(formatWaited('en', { value: 3, unit: 'day' })).toBe('3 days');
    expect(formatWaited('en', { value: 1, unit: 'hour' })).toBe('1 hour');
    expect(formatWaited('fr', { value: 3, unit: 'day' })).toMatch(/^3\s+jours$/u);
  });
});

describe('where a queued case opens', () => {
  test('returned applications in the owner’s file, everything else in the shared view', () => {
    expect(queueCaseLink('applications_returned', 'c1')).toBe('/cases/c1');
    expect(queueCaseLink('applications_to_validate', 'c1')).toBe('/shared/c1');
    expect(queueCaseLink('referrals_to_answer', 'c1')).toBe('/shared/c1');
  });

  test('the web app knows every queue and referral status of the server', () => {
    expect([...QUEUE_KEYS]).toEqual([...SERVER_QUEUE_KEYS]);
    expect([...REFERRAL_STATUSES]).toEqual([...SERVER_REFERRAL_STATUSES]);
  });
});
