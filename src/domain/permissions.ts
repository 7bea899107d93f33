/**
 * The one permission catalogue of Homeward, shared by the server (access checks) and the web app
 * (what it shows). Pure data and functions, no I/O.
 */

export const ORGANISATION_TYPES = [
  'return_authority',
  'counselling_provider',
  'reintegration_partner',
  'programme_office',
  'origin_authority',
  /** The organisation that operates the deployment; holds the platform administrators. */
  'platform_operator',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const ROLES = [
  'counsellor',
  'coordinator',
  'case_worker',
  'partner_coordinator',
  'programme_manager',
  'analyst',
  'org_admin',
  'auditor',
  'platform_admin',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'profile:read',
  'organisation:read',
  'organisations:manage',
  'users:read',
  'users:manage',
  'tokens:manage',
  'audit:read',
  'audit:verify',
  'cases:read',
  'cases:write',
  'cases:validate',
  'cases:confirm_departure',
  'special_category:read',
  'referrals:respond',
  'plans:write',
  'plans:validate',
  'plans:approve',
  'programmes:read',
  'programmes:manage',
  'statistics:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const BASE: readonly Permission[] = ['profile:read', 'organisation:read', 'programmes:read'];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  counsellor: [...BASE, 'cases:read', 'cases:write', 'special_category:read'],
  coordinator: [
    ...BASE,
    'cases:read',
    'cases:validate',
    'cases:confirm_departure',
    'plans:approve',
    'special_category:read',
  ],
  // The partner's focal point plans psychosocial and health support: it reads special-category data
  // where the person's consent shares it with the partner (every read audited).
  case_worker: [...BASE, 'cases:read', 'referrals:respond', 'plans:write', 'special_category:read'],
  partner_coordinator: [...BASE, 'cases:read', 'referrals:respond', 'plans:validate'],
  programme_manager: [...BASE, 'cases:read', 'plans:approve', 'programmes:manage', 'statistics:read'],
  analyst: [...BASE, 'statistics:read'],
  org_admin: [...BASE, 'users:read', 'users:manage', 'tokens:manage'],
  auditor: [...BASE, 'audit:read', 'users:read'],
  platform_admin: [
    ...BASE,
    'organisations:manage',
    'users:read',
    'users:manage',
    'audit:read',
    'audit:verify',
  ],
};

/** Which roles make sense in which kind of organisation. */
export const ROLES_BY_ORGANISATION_TYPE: Readonly<Record<OrganisationType, readonly Role[]>> = {
  return_authority: ['coordinator', 'counsellor', 'programme_manager', 'analyst', 'org_admin', 'auditor'],
  counselling_provider: ['counsellor', 'coordinator', 'analyst', 'org_admin', 'auditor'],
  reintegration_partner: ['case_worker', 'partner_coordinator', 'analyst', 'org_admin', 'auditor'],
  programme_office: ['programme_manager', 'coordinator', 'analyst', 'org_admin', 'auditor'],
  origin_authority: ['case_worker', 'coordinator', 'analyst', 'org_admin', 'auditor'],
  platform_operator: ['platform_admin', 'auditor', 'org_admin'],
};

/** Permissions an organisation API token may be granted (never user or organisation administration). */
export const TOKEN_GRANTABLE_PERMISSIONS: readonly Permission[] = [
  'organisation:read',
  'cases:read',
  'cases:write',
  'programmes:read',
  'statistics:read',
  'audit:read',
];

export function permissionsForRoles(roles: readonly Role[]): Permission[] {
  const set = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) set.add(p);
  return PERMISSIONS.filter((p) => set.has(p));
}

export function roleAllowedIn(role: Role, type: OrganisationType): boolean {
  return ROLES_BY_ORGANISATION_TYPE[type].includes(role);
}

export function hasPermission(granted: readonly Permission[], needed: Permission): boolean {
  return granted.includes(needed);
}
