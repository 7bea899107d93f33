import { describe, expect, test } from 'vitest';
import { ROLES, ROLE_PERMISSIONS } from '../../domain/permissions.ts';
import { landingPathFor, navItemsFor } from './navigation.ts';

describe('navigation', () => {
  test('roles that write cases land on the case list; the others on Home', () => {
    for (const role of ROLES) {
      const expected = ROLE_PERMISSIONS[role].includes('cases:write') ? '/cases' : '/';
      expect(landingPathFor([role]), role).toBe(expected);
    }
    expect(landingPathFor(['counsellor'])).toBe('/cases');
    expect(landingPathFor(['org_admin', 'counsellor'])).toBe('/cases');
    expect(landingPathFor([])).toBe('/');
  });

  test('the case list is shown to those who may read cases', () => {
    expect(navItemsFor(['cases:read']).map((i) => i.key)).toContain('cases');
    expect(navItemsFor(['users:read']).map((i) => i.key)).not.toContain('cases');
  });
});
