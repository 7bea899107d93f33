import { ROLE_PERMISSIONS, ROLES, type Permission, type Role } from '../../domain/permissions.ts';

export type NavKey =
  'home' | 'cases' | 'programmes' | 'profile' | 'users' | 'tokens' | 'audit' | 'organisations';

export interface NavItem {
  key: NavKey;
  path: string;
  /** Shown only to users holding this permission; undefined = everyone signed in. */
  permission?: Permission;
}

/** Every page of the app shell, in navigation order. Only pages that exist are listed. */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'home', path: '/' },
  { key: 'cases', path: '/cases', permission: 'cases:read' },
  { key: 'programmes', path: '/programmes', permission: 'programmes:read' },
  { key: 'users', path: '/users', permission: 'users:read' },
  { key: 'tokens', path: '/tokens', permission: 'tokens:manage' },
  { key: 'audit', path: '/audit', permission: 'audit:read' },
  { key: 'organisations', path: '/organisations', permission: 'organisations:manage' },
  { key: 'profile', path: '/profile' },
];

export function navItemsFor(permissions: readonly Permission[]): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.permission || permissions.includes(item.permission));
}

/**
 * Where each role starts its day: the roles that register and counsel cases (`cases:write`) land on
 * the case list (their queues and deadlines). Roles whose own work screens do not exist yet land on
 * Home, which shows their shortcuts. Among a user's roles, the first that has a landing page wins.
 */
const LANDING_BY_ROLE: Partial<Record<Role, string>> = Object.fromEntries(
  ROLES.filter((role) => ROLE_PERMISSIONS[role].includes('cases:write')).map((role) => [role, '/cases']),
);

export function landingPathFor(roles: readonly Role[]): string {
  for (const role of roles) {
    const path = LANDING_BY_ROLE[role];
    if (path) return path;
  }
  return '/';
}
