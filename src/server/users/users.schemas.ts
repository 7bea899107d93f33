import { z } from 'zod';
import { ROLES } from '../../domain/permissions.ts';
import { Email, LOCALES, Password } from '../auth/auth.schemas.ts';

export const AdminUser = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    locale: z.enum(LOCALES),
    active: z.boolean(),
    roles: z.array(z.enum(ROLES)),
    createdAt: z.iso.datetime(),
    lastLoginAt: z.iso.datetime().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'User' });

export const UserList = z.object({ items: z.array(AdminUser), total: z.number().int() });

export const NewUser = z.strictObject({
  email: Email,
  displayName: z.string().trim().min(1).max(200),
  password: Password,
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
  locale: z.enum(LOCALES).optional(),
});

export const UserPatch = z.strictObject({
  displayName: z.string().trim().min(1).max(200).optional(),
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length).optional(),
  active: z.boolean().optional(),
});
