import type { OrganisationType, Permission, Role } from '../../domain/permissions.ts';

export type Locale = 'en' | 'fr' | 'ar';

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  locale: Locale | null;
  active: boolean;
}

export interface Organisation {
  id: string;
  slug: string;
  name: string;
  type: OrganisationType;
  country: string | null;
  active?: boolean;
}

/** GET /api/v1/me */
export interface Me {
  user: SessionUser;
  organisation: Organisation;
  roles: Role[];
  permissions: Permission[];
  csrfToken: string;
}

/** POST /api/v1/auth/login */
export interface LoginResponse {
  csrfToken: string;
  user: Partial<SessionUser>;
}

export interface User {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  active: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface NewUser {
  email: string;
  displayName: string;
  roles: Role[];
  password: string;
}

export interface UserChanges {
  displayName?: string;
  roles?: Role[];
  active?: boolean;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  permissions: Permission[];
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface NewToken {
  name: string;
  permissions: Permission[];
  expiresAt?: string;
}

/** The one response that carries a token's secret. */
export interface CreatedToken extends ApiToken {
  token: string;
}

export interface AuditEntry {
  seq: number | string;
  at: string;
  /** Who acted: the user's email or the token's name (the server sends `actorLabel`). */
  actorLabel?: string | null;
  actorEmail?: string | null;
  organisationId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  ip: string | null;
}

export interface ListOf<T> {
  items: T[];
  total?: number;
}
