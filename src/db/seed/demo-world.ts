import type { OrganisationType, Role } from '../../domain/permissions.ts';

/**
 * The demo world: invented organisations (no real agency) along one return corridor —
 * host countries Germany and Belgium (and Switzerland, for a programme paid in CHF), countries of
 * return Iraq, Nigeria and Georgia. New organisations go at the end: the CLI looks up index 1.
 * Every demo account's password is DEMO_PASSWORD.
 */
export const DEMO_PASSWORD = 'homeward-demo';

export interface DemoOrganisation {
  slug: string;
  name: string;
  type: OrganisationType;
  country: string;
  users: { local: string; displayName: string; roles: Role[] }[];
}

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    slug: 'homeward-ops',
    name: 'Homeward Platform Operations',
    type: 'platform_operator',
    country: 'DE',
    users: [{ local: 'platform', displayName: 'Pia Platform', roles: ['platform_admin'] }],
  },
  {
    slug: 'nordmark-return-office',
    name: 'Nordmark Federal Return Office',
    type: 'return_authority',
    country: 'DE',
    users: [
      { local: 'coordinator', displayName: 'Jonas Keller', roles: ['coordinator'] },
      { local: 'programmes', displayName: 'Miriam Vogt', roles: ['programme_manager'] },
      { local: 'analyst', displayName: 'Tobias Brandt', roles: ['analyst'] },
      { local: 'admin', displayName: 'Ute Sommer', roles: ['org_admin'] },
      { local: 'auditor', displayName: 'Lars Petersen', roles: ['auditor'] },
    ],
  },
  {
    slug: 'lumen-counselling',
    name: 'Lumen Return Counselling',
    type: 'counselling_provider',
    country: 'DE',
    users: [
      { local: 'counsellor', displayName: 'Amira Haddad', roles: ['counsellor'] },
      { local: 'counsellor2', displayName: 'Felix Wagner', roles: ['counsellor'] },
      { local: 'admin', displayName: 'Sabine Roth', roles: ['org_admin'] },
      { local: 'auditor', displayName: 'Karin Lindqvist', roles: ['auditor'] },
    ],
  },
  {
    slug: 'passerelle-conseil',
    name: 'Passerelle Conseil au Retour',
    type: 'counselling_provider',
    country: 'BE',
    users: [
      { local: 'counsellor', displayName: 'Élodie Masson', roles: ['counsellor'] },
      { local: 'admin', displayName: 'Marc Dubois', roles: ['org_admin'] },
    ],
  },
  {
    slug: 'tigris-reintegration',
    name: 'Tigris Reintegration Services',
    type: 'reintegration_partner',
    country: 'IQ',
    users: [
      { local: 'caseworker', displayName: 'Zainab Al-Karim', roles: ['case_worker'] },
      { local: 'coordinator', displayName: 'Omar Saleh', roles: ['partner_coordinator'] },
      { local: 'admin', displayName: 'Hassan Jaber', roles: ['org_admin'] },
    ],
  },
  {
    slug: 'harmattan-partners',
    name: 'Harmattan Reintegration Partners',
    type: 'reintegration_partner',
    country: 'NG',
    users: [
      { local: 'caseworker', displayName: 'Chiamaka Okafor', roles: ['case_worker'] },
      { local: 'coordinator', displayName: 'Emeka Adeyemi', roles: ['partner_coordinator'] },
    ],
  },
  {
    slug: 'kartli-return-support',
    name: 'Kartli Return Support',
    type: 'reintegration_partner',
    country: 'GE',
    users: [
      { local: 'caseworker', displayName: 'Nino Beridze', roles: ['case_worker'] },
      { local: 'coordinator', displayName: 'Giorgi Kapanadze', roles: ['partner_coordinator'] },
    ],
  },
  {
    slug: 'corridor-programme-office',
    name: 'Corridor Reintegration Programme Office',
    type: 'programme_office',
    country: 'BE',
    users: [{ local: 'manager', displayName: 'Ingrid Claes', roles: ['programme_manager'] }],
  },
  {
    slug: 'ng-returnee-desk',
    name: 'Lagos Returnee Reception Desk',
    type: 'origin_authority',
    country: 'NG',
    users: [{ local: 'officer', displayName: 'Funmi Balogun', roles: ['case_worker'] }],
  },
  {
    slug: 'alpenrand-migration-office',
    name: 'Alpenrand Federal Migration Office',
    type: 'return_authority',
    country: 'CH',
    users: [{ local: 'programmes', displayName: 'Reto Gerber', roles: ['programme_manager'] }],
  },
  {
    slug: 'scheldt-return-agency',
    name: 'Scheldt Federal Return Agency',
    type: 'return_authority',
    country: 'BE',
    users: [{ local: 'programmes', displayName: 'Lotte Peeters', roles: ['programme_manager'] }],
  },
];

export function demoEmail(org: DemoOrganisation, local: string): string {
  return `${local}@${org.slug}.example`;
}

export interface DemoAccount {
  email: string;
  organisation: string;
  roles: Role[];
}

export function demoAccounts(): DemoAccount[] {
  return DEMO_ORGANISATIONS.flatMap((o) =>
    o.users.map((u) => ({ email: demoEmail(o, u.local), organisation: o.name, roles: u.roles })),
  );
}
