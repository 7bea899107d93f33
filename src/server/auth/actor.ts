import {
  hasPermission,
  type OrganisationType,
  type Permission,
  type Role,
} from '../../domain/permissions.ts';
import { problems } from '../http/problem.ts';

/**
 * Who is acting: a logged-in user (session cookie) or an organisation API token. The organisation
 * always comes from here, never from a request body.
 */
export interface Actor {
  kind: 'user' | 'token';
  userId: string | null;
  tokenId: string | null;
  sessionIdHash: string | null;
  label: string;
  organisationId: string;
  organisationType: OrganisationType;
  roles: Role[];
  permissions: Permission[];
  ip: string | null;
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw problems.unauthenticated();
  return actor;
}

export function requirePermission(actor: Actor | null, permission: Permission): Actor {
  const a = requireActor(actor);
  if (!hasPermission(a.permissions, permission)) {
    throw problems.forbidden(`This needs the permission "${permission}", which your account does not have.`);
  }
  return a;
}
