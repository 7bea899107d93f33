import { z } from 'zod';
import { ORGANISATION_TYPES, PERMISSIONS, ROLES } from '../../domain/permissions.ts';

export const LOCALES = ['en', 'fr', 'ar'] as const;

export const Email = z.email().max(254);
export const Password = z.string().min(12, 'at least 12 characters').max(200);

export const LoginBody = z.object({
  email: z.string().min(1).max(254),
  password: z.string().min(1).max(200),
});

export const UserView = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  locale: z.enum(LOCALES),
  active: z.boolean(),
});

export const OrganisationSummary = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  type: z.enum(ORGANISATION_TYPES),
  country: z.string().length(2),
});

export const MeView = z.object({
  user: UserView.nullable(),
  token: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  organisation: OrganisationSummary,
  roles: z.array(z.enum(ROLES)),
  permissions: z.array(z.enum(PERMISSIONS)),
  csrfToken: z.string().nullable(),
});

export const LoginResponse = z.object({
  csrfToken: z.string(),
  user: UserView,
  expiresAt: z.iso.datetime(),
});

export const MePatch = z.strictObject({
  displayName: z.string().trim().min(1).max(200).optional(),
  locale: z.enum(LOCALES).optional(),
});

export const PasswordChange = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: Password,
});
