import type { Permission, Role } from '../../domain/permissions.ts';

export type NavKey = 'home' | 'profile' | 'users' | 'tokens' | 'audit' | 'organisations';

export interface NavItem {
  key: NavKey;
  path: string;
  /** Shown only to users holding this permission; undefined = everyone signed in. */
  permission?: Permission;
}

/** Every page of the app shell, in navigation order. Only pages that exist are listed. */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'home', path: '/' },
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
 * Where each role starts its day. Until the role's own work screens exist, everyone lands on Home,
 * which shows the role's shortcuts; the first role in this order that has a landing page wins.
 */
const LANDING_BY_ROLE: Partial<Record<Role, string>> = {};

export function landingPathFor(roles: readonly Role[]): string {
  for (const role of roles) {
    const path = LANDING_BY_ROLE[role];
    if (path) return path;
  }
  return '/';
}
