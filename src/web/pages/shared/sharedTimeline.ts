/** The events of the shared timeline (src/server/referrals/shared-view.ts) and their label keys. */
export const SHARED_EVENT_KEYS = {
  'case.transition': 'transition',
  'referral.sent': 'referralSent',
  'referral.transferred': 'referralTransferred',
  'departure.confirmation_requested': 'departureConfirmationRequested',
  'retroactive.decided': 'retroactiveDecided',
  'plan.saved': 'planSaved',
  'plan.submitted': 'planSubmitted',
  'plan.validated': 'planValidated',
  'plan.returned': 'planReturned',
  'plan.line_justified': 'planLineJustified',
  'delivery.recorded': 'deliveryRecorded',
  'report.saved': 'reportSaved',
  'report.submitted': 'reportSubmitted',
  'report.validated': 'reportValidated',
  'report.returned': 'reportReturned',
  'document.added': 'documentAdded',
} as const;

export type SharedEventKey = (typeof SHARED_EVENT_KEYS)[keyof typeof SHARED_EVENT_KEYS];

/** The label key of an event type, or null for a type this app does not know (shown as it is). */
export function sharedEventKey(type: string): SharedEventKey | null {
  return Object.hasOwn(SHARED_EVENT_KEYS, type)
    ? SHARED_EVENT_KEYS[type as keyof typeof SHARED_EVENT_KEYS]
    : null;
}
