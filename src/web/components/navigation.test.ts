import { describe, expect, test } from 'vitest';
import { ROLES, ROLE_PERMISSIONS } from '../../domain/permissions.ts';
import { landingPathFor, navItemsFor, WORK_QUEUE_ROLES } from './navigation.ts';

describe('navigation', () => {
  test('roles that write cases land on the case list; those who take hand-overs on their work queues; the others on Home', () => {
    for (const role of ROLES) {
      const expected = ROLE_PERMISSIONS[role].includes('cases:write')
        ? '/cases'
        : WORK_QUEUE_ROLES.includes(role)
          ? '/work'
          : '/';
      expect(landingPathFor([role]), role).toBe(expected);
    }
    expect(landingPathFor(['counsellor'])).toBe('/cases');
    expect(landingPathFor(['coordinator'])).toBe('/work');
    expect(landingPathFor(['case_worker'])).toBe('/work');
    expect(landingPathFor(['partner_coordinator'])).toBe('/work');
    expect(landingPathFor(['org_admin', 'counsellor'])).toBe('/cases');
    expect(landingPathFor(['analyst', 'coordinator'])).toBe('/work');
    expect(landingPathFor([])).toBe('/');
  });

  test('work queues for case readers, the inbox for those who answer referrals, shared cases for those who take a part', () => {
    const keys = (role: keyof typeof ROLE_PERMISSIONS) =>
      navItemsFor(ROLE_PERMISSIONS[role]).map((i) => i.key);
    expect(keys('case_worker')).toEqual(
      expect.arrayContaining(['work', 'inbox', 'myCases', 'notifications']),
    );
    expect(keys('coordinator')).toEqual(expect.arrayContaining(['work', 'myCases']));
    expect(keys('coordinator')).not.toContain('inbox');
    expect(keys('counsellor')).toContain('work');
    expect(keys('counsellor')).not.toContain('myCases');
    expect(keys('analyst')).not.toContain('work');
    expect(keys('analyst')).toContain('notifications');
    expect(keys('case_worker')).toEqual(expect.arrayContaining(['retroactive', 'groupBookings']));
    expect(keys('coordinator')).toEqual(expect.arrayContaining(['retroactive', 'groupBookings']));
    expect(keys('counsellor')).not.toContain('groupBookings');
  });

  test('the case list is shown to those who may read cases', () => {
    expect(navItemsFor(['cases:read']).map((i) => i.key)).toContain('cases');
    expect(navItemsFor(['users:read']).map((i) => i.key)).not.toContain('cases');
  });
});
