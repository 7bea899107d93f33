import { describe, expect, test } from 'vitest';
import { RETROACTIVE_DECLINE_REASONS } from '../../../server/retroactive/retroactive.schemas.ts';
import type { Referral, SharedCase } from '../../api/referrals.ts';
import { actionButtons, checkDay, reasonsFor, workTabs } from './sharedActions.ts';

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

describe('the buttons of the shared case page', () => {
  test('the funding authority’s gate: validate, return, reject, in that order', () => {
    const buttons = actionButtons(
      view({ allowedActions: ['validate_application', 'return_application', 'reject_application'] }),
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
    expect(actionButtons(partnerView(referral('pending'))).map((b) => b.key)).toEqual(['accept', 'decline']);
    expect(actionButtons(partnerView(null))).toEqual([]);
    expect(actionButtons(partnerView(referral('accepted')))).toEqual([]);
  });

  test('departure: confirm, or record non-departure (a red button); arrival; request of confirmation', () => {
    expect(
      actionButtons(
        view({ allowedActions: ['confirm_departure', 'record_not_departed'], stage: 'pre_departure' }),
      ),
    ).toEqual([
      { key: 'confirmDeparture', tone: 'primary' },
      { key: 'notDeparted', tone: 'danger' },
    ]);
    const partner = view({
      relation: 'partner',
      stage: 'pre_departure',
      funder: { id: OTHER, name: 'F' },
      allowedActions: ['request_departure_confirmation'],
    });
    expect(actionButtons(partner).map((b) => b.key)).toEqual(['requestDepartureConfirmation']);
    expect(actionButtons({ ...partner, allowedActions: ['confirm_arrival'] }).map((b) => b.key)).toEqual([
      'confirmArrival',
    ]);
  });

  test('a household registered after its return: the funder accepts or declines to fund it', () => {
    expect(
      actionButtons(view({ allowedActions: ['decide_retroactive'], stage: 'arrived', partner: null })),
    ).toEqual([
      { key: 'acceptFunding', tone: 'primary' },
      { key: 'declineFunding', tone: 'danger' },
    ]);
  });

  test('plan and report work is left to their tabs; unknown names are ignored', () => {
    const v = view({ allowedActions: ['submit_plan', 'approve_final_report', 'close_case', 'fly_away'] });
    expect(actionButtons(v)).toEqual([]);
    expect(workTabs(['submit_plan', 'record_delivery', 'approve_final_report', 'close_case'])).toEqual([
      'plan',
      'report',
    ]);
  });
});

describe('transfer to another partner', () => {
  test('offered when the server lists transfer_partner, after the journey’s own actions', () => {
    const buttons = actionButtons(view({ allowedActions: ['transfer_partner', 'confirm_arrival'] }));
    expect(buttons.map((b) => b.key)).toEqual(['transfer', 'confirmArrival']);
    expect(actionButtons(view({ allowedActions: ['confirm_arrival'] })).map((b) => b.key)).toEqual([
      'confirmArrival',
    ]);
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
