import { describe, expect, it } from 'vitest';
import {
  ORGANISATION_TYPES,
  PERMISSIONS,
  permissionsForRoles,
  ROLE_PERMISSIONS,
  ROLES,
  ROLES_BY_ORGANISATION_TYPE,
  roleAllowedIn,
  TOKEN_GRANTABLE_PERMISSIONS,
} from './permissions.ts';

describe('permission catalogue', () => {
  it('maps every role to known permissions', () => {
    for (const role of ROLES) for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
  });

  it('unions the permissions of several roles, in catalogue order, without duplicates', () => {
    const p = permissionsForRoles(['counsellor', 'org_admin']);
    expect(p).toEqual(PERMISSIONS.filter((x) => p.includes(x)));
    expect(new Set(p).size).toBe(p.length);
    expect(p).toEqual(expect.arrayContaining(['cases:write', 'users:manage']));
  });

  it('keeps personal data away from analysts and administration away from tokens', () => {
    const analyst = permissionsForRoles(['analyst']);
    expect(analyst).not.toContain('cases:read');
    expect(analyst).not.toContain('special_category:read');
    for (const p of ['users:manage', 'tokens:manage', 'organisations:manage'] as const) {
      expect(TOKEN_GRANTABLE_PERMISSIONS).not.toContain(p);
    }
  });

  it('allows platform_admin only in the platform operator, and each type has an org_admin', () => {
    for (const type of ORGANISATION_TYPES) {
      expect(roleAllowedIn('platform_admin', type)).toBe(type === 'platform_operator');
      expect(ROLES_BY_ORGANISATION_TYPE[type]).toContain('org_admin');
    }
  });
});
