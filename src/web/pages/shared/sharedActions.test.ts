import { describe, expect, test } from 'vitest';
import { ROLE_PERMISSIONS } from '../../../domain/permissions.ts';
import { RETROACTIVE_DECLINE_REASONS } from '../../../server/retroactive/retroactive.schemas.ts';
import type { Referral, SharedCase } from '../../api/referrals.ts';
import { actionButtons, canTransfer, checkDay, reasonsFor, workTabs } from './sharedActions.ts';

const ME = 'org-me';
const OTHER = 'org-other';

const referral = (status: Referral['status']) => ({ status }) as Referral;

function view(overrides: Partial<SharedCase> = {}) {
  return {
    allowedActions: [],
    referral: null,
    relation: 'funder' as const,
    stage: 'submitted' as const,
    partner: { id: 'p', name: 'Partner' },
    funder: { id: ME, name: 'Me' },
    ...overrides,
  } satisfies Partial<SharedCase>;
}

const coordinator = ROLE_PERMISSIONS.coordinator;
const caseWorker = ROLE_PERMISSIONS.case_worker;
const counsellor = ROLE_PERMISSIONS.counsellor;

describe('the buttons of the shared case page', () => {
  test('the funding authority’s gate: validate, return, reject, in that order', () => {
    const buttons = actionButtons(
      view({ allowedActions: ['validate_application', 'return_application', 'reject_application'] }),
      ME,
      coordinator,
    );
    expect(buttons).toEqual([
      { key: 'validate', tone: 'primary' },
      { key: 'returnApplication', tone: 'secondary' },
      { key: 'reject', tone: 'danger' },
    ]);
  });

  test('accept and decline need the reader’s pending referral', () => {
    const actions = ['accept_referral', 'decline_referral'];
    const partnerView = (r: Referral | null) =>
      view({
        allowedActions: actions,
        relation: 'partner',
        stage: 'validated',
        referral: r,
        funder: { id: OTHER, name: 'F' },
      });
    expect(actionButtons(partnerView(referral('pending')), ME, caseWorker).map((b) => b.key)).toEqual([
      'accept',
      'decline',
    ]);
    expect(actionButtons(partnerView(null), ME, caseWorker)).toEqual([]);
    expect(actionButtons(partnerView(referral('accepted')), ME, caseWorker)).toEqual([]);
  });

  test('departure: confirm, or record non-departure (a red button); arrival; request of confirmation', () => {
    expect(
      actionButtons(
        view({ allowedActions: ['confirm_departure', 'record_not_departed'], stage: 'pre_departure' }),
        ME,
        coordinator,
      ),
    ).toEqual([
      { key: 'confirmDeparture', tone: 'primary' },
      { key: 'notDeparted', tone: 'danger' },
      { key: 'transfer', tone: 'secondary' },
    ]);
    const partner = view({
      relation: 'partner',
      stage: 'pre_departure',
      funder: { id: OTHER, name: 'F' },
      allowedActions: ['request_departure_confirmation'],
    });
    expect(actionButtons(partner, ME, caseWorker).map((b) => b.key)).toEqual([
      'requestDepartureConfirmation',
    ]);
    expect(
      actionButtons(
        { ...partner, stage: 'departed', allowedActions: ['confirm_arrival'] },
        ME,
        caseWorker,
      ).map((b) => b.key),
    ).toEqual(['confirmArrival']);
  });

  test('a household registered after its return: the funder accepts or declines to fund it', () => {
    expect(
      actionButtons(
        view({ allowedActions: ['decide_retroactive'], stage: 'arrived', partner: null }),
        ME,
        coordinator,
      ),
    ).toEqual([
      { key: 'acceptFunding', tone: 'primary' },
      { key: 'declineFunding', tone: 'danger' },
    ]);
  });

  test('plan and report work is left to their tabs; unknown names are ignored', () => {
    const v = view({ allowedActions: ['submit_plan', 'approve_final_report', 'close_case', 'fly_away'] });
    expect(actionButtons({ ...v, stage: 'arrived', partner: null }, ME, caseWorker)).toEqual([]);
    expect(workTabs(['submit_plan', 'record_delivery', 'approve_final_report', 'close_case'])).toEqual([
      'plan',
      'report',
    ]);
  });
});

describe('transfer to another partner', () => {
  test('the funding authority with cases:validate, while a partner referral is open', () => {
    expect(canTransfer(view({ stage: 'validated' }), ME, coordinator)).toBe(true);
    expect(canTransfer(view({ stage: 'in_assistance' }), ME, coordinator)).toBe(true);
    // Before validation there is no referral; after the end, nothing moves.
    expect(canTransfer(view({ stage: 'submitted' }), ME, coordinator)).toBe(false);
    expect(canTransfer(view({ stage: 'closed' }), ME, coordinator)).toBe(false);
    expect(canTransfer(view({ stage: 'validated', partner: null }), ME, coordinator)).toBe(false);
    expect(canTransfer(view({ stage: 'validated' }), ME, caseWorker)).toBe(false);
  });

  test('the owner that does not fund the case, with cases:write; a partner never', () => {
    const owned = view({ relation: 'owner', stage: 'pre_departure', funder: { id: OTHER, name: 'F' } });
    expect(canTransfer(owned, ME, counsellor)).toBe(true);
    expect(canTransfer(owned, ME, coordinator)).toBe(false);
    // The owner that is its own funder decides as the funder (cases:validate).
    expect(canTransfer({ ...owned, funder: { id: ME, name: 'Me' } }, ME, counsellor)).toBe(false);
    expect(canTransfer({ ...owned, relation: 'partner' }, ME, caseWorker)).toBe(false);
  });
});

describe('the coded reasons of each dialog', () => {
  test('every dialog offers "other" (which needs a comment)', () => {
    for (const action of [
      'returnApplication',
      'reject',
      'decline',
      'notDeparted',
      'transfer',
      'declineFunding',
    ] as const) {
      expect(reasonsFor(action), action).toContain('other');
    }
  });

  test('the partner declines with its own reason or "other" only', () => {
    expect(reasonsFor('decline')).toEqual(['partner_declined', 'other']);
    expect(reasonsFor('returnApplication')).not.toContain('partner_declined');
    expect(reasonsFor('returnApplication')).toContain('incomplete_file');
  });

  test('non-departure and transfer reasons follow the workflow catalogue', () => {
    expect(reasonsFor('notDeparted')).toContain('no_show');
    expect(reasonsFor('notDeparted')).not.toContain('incomplete_file');
    expect(reasonsFor('transfer')).toEqual(['moved_to_other_provider', 'relocated', 'other']);
    expect(reasonsFor('reject')).toContain('ineligible');
  });

  test('declining to fund a household after its return takes the server’s reasons', () => {
    expect(reasonsFor('declineFunding')).toEqual([...RETROACTIVE_DECLINE_REASONS]);
  });
});

describe('dates entered in a dialog', () => {
  test('required, real, not in the future, not before the minimum', () => {
    const limits = { max: '2026-03-10', min: '2026-03-01' };
    expect(checkDay('', limits)).toBe('required');
    expect(checkDay('10/03/2026', limits)).toBe('invalid');
    expect(checkDay('2026-02-30', limits)).toBe('invalid');
    expect(checkDay('2026-03-11', limits)).toBe('future');
    expect(checkDay('2026-02-28', limits)).toBe('tooEarly');
    expect(checkDay('2026-03-10', limits)).toBeNull();
    expect(checkDay('2026-02-28', { max: '2026-03-10' })).toBeNull();
  });
});
