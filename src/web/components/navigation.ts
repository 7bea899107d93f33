import { ROLE_PERMISSIONS, ROLES, type Permission, type Role } from '../../domain/permissions.ts';

export type NavKey =
  | 'home'
  | 'work'
  | 'inbox'
  | 'myCases'
  | 'retroactive'
  | 'groupBookings'
  | 'cases'
  | 'programmes'
  | 'notifications'
  | 'profile'
  | 'users'
  | 'tokens'
  | 'audit'
  | 'organisations';

export interface NavItem {
  key: NavKey;
  path: string;
  /** Shown only to users holding this permission; undefined = everyone signed in. */
  permission?: Permission;
  /** Shown only to users holding at least one of these permissions (besides `permission`). */
  anyOf?: readonly Permission[];
}

/** Every page of the app shell, in navigation order. Only pages that exist are listed. */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'home', path: '/' },
  { key: 'work', path: '/work', permission: 'cases:read' },
  { key: 'inbox', path: '/inbox', permission: 'referrals:respond' },
  // The cases others share with the organisation: its partner, funder or origin-authority part.
  {
    key: 'myCases',
    path: '/my-cases',
    permission: 'cases:read',
    anyOf: ['referrals:respond', 'cases:validate', 'cases:confirm_departure', 'plans:approve'],
  },
  // Households registered after their return: the partner registers, the funding authority decides.
  {
    key: 'retroactive',
    path: '/retroactive',
    permission: 'cases:read',
    anyOf: ['referrals:respond', 'plans:write', 'cases:validate'],
  },
  // Charter operations announced as places: the authority announces, the partner fills the places.
  {
    key: 'groupBookings',
    path: '/group-bookings',
    permission: 'cases:read',
    anyOf: ['referrals:respond', 'plans:write', 'cases:validate', 'cases:confirm_departure'],
  },
  { key: 'cases', path: '/cases', permission: 'cases:read' },
  { key: 'programmes', path: '/programmes', permission: 'programmes:read' },
  { key: 'users', path: '/users', permission: 'users:read' },
  { key: 'tokens', path: '/tokens', permission: 'tokens:manage' },
  { key: 'audit', path: '/audit', permission: 'audit:read' },
  { key: 'organisations', path: '/organisations', permission: 'organisations:manage' },
  { key: 'notifications', path: '/notifications' },
  { key: 'profile', path: '/profile' },
];

export function navItemsFor(permissions: readonly Permission[]): NavItem[] {
  return NAV_ITEMS.filter(
    (item) =>
      (!item.permission || permissions.includes(item.permission)) &&
      (!item.anyOf || item.anyOf.some((p) => permissions.includes(p))),
  );
}

/**
 * Where each role starts its day: the roles that register and counsel cases (`cases:write`) land on
 * the case list (their queues and deadlines); the coordinator (applications to validate, departures
 * to confirm), the partner's case worker (referrals to answer, arrivals to confirm) and the partner
 * coordinator (plans and reports to validate) on their work queues. Roles whose own work screens do
 * not exist yet land on Home, which shows their shortcuts. Among a user's roles, the first that has a
 * landing page wins.
 */
export const WORK_QUEUE_ROLES: readonly Role[] = ['coordinator', 'case_worker', 'partner_coordinator'];

const LANDING_BY_ROLE: Partial<Record<Role, string>> = Object.fromEntries(
  ROLES.flatMap((role): [Role, string][] =>
    ROLE_PERMISSIONS[role].includes('cases:write')
      ? [[role, '/cases']]
      : WORK_QUEUE_ROLES.includes(role)
        ? [[role, '/work']]
        : [],
  ),
);

export function landingPathFor(roles: readonly Role[]): string {
  for (const role of roles) {
    const path = LANDING_BY_ROLE[role];
    if (path) return path;
  }
  return '/';
}
