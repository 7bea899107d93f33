/**
 * How long something has waited, and where a queued case opens. Pure, unit-tested beside this file.
 */
import type { QueueKey } from '../../api/workQueues.ts';

export type WaitUnit = 'minute' | 'hour' | 'day';

export interface Waited {
  value: number;
  unit: WaitUnit;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The time since `since`, rounded down to whole minutes, hours (from 1 h) or days (from 1 day). */
export function waitedFor(since: string, now: Date = new Date()): Waited {
  const ms = Math.max(0, now.getTime() - Date.parse(since));
  if (Number.isNaN(ms)) return { value: 0, unit: 'minute' };
  if (ms >= DAY) return { value: Math.floor(ms / DAY), unit: 'day' };
  if (ms >= HOUR) return { value: Math.floor(ms / HOUR), unit: 'hour' };
  return { value: Math.floor(ms / MINUTE), unit: 'minute' };
}

/** "3 days", "1 hour", "5 minutes" in the interface language. */
export function formatWaited(language: string, waited: Waited): string {
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: waited.unit,
    unitDisplay: 'long',
  }).format(waited.value);
}

/**
 * Where a queued case opens: the owner's own file for its returned applications, the shared view
 * (what the organisation receives) everywhere else.
 */
export function queueCaseLink(key: QueueKey, caseId: string): string {
  const id = encodeURIComponent(caseId);
  return key === 'applications_returned' ? `/cases/${id}` : `/shared/${id}`;
}
