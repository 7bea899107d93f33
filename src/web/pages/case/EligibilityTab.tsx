import type { CaseView } from '../../api/types.ts';

// Scaffold: replaced by the eligibility tab in this session's work.
export function EligibilityTab(_props: { current: CaseView; onNotice: (text: string) => void }) {
  return null;
}
