import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import type { OrganisationType, Role } from '../../src/domain/permissions.ts';
import { createOrganisationIn } from '../../src/server/organisations/organisations.service.ts';
import { createUserIn } from '../../src/server/users/users.service.ts';

export const TEST_PASSWORD = 'correct-horse-battery';

function suffix(): string {
  return randomBytes(4).toString('hex');
}

export async function createOrg(
  db: Kysely<DB>,
  type: OrganisationType = 'counselling_provider',
  country = 'DE',
) {
  const s = suffix();
  return createOrganisationIn(
    db,
    { slug: `org-${s}`, name: `Test organisation ${s}`, type, country },
    { label: 'test' },
  );
}

export async function createUser(
  db: Kysely<DB>,
  organisationId: string,
  roles: Role[],
  password = TEST_PASSWORD,
) {
  const email = `user-${suffix()}@test.example`;
  const user = await createUserIn(
    db,
    organisationId,
    { email, displayName: `User ${email}`, password, roles },
    { label: 'test' },
    null,
  );
  return { ...user, password };
}

export interface Session {
  cookie: string;
  csrf: string;
  /** Headers for a cookie-authenticated write. */
  write: Record<string, string>;
  read: Record<string, string>;
}

export async function login(app: FastifyInstance, email: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed for ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'hw_session');
  if (!cookie) throw new Error('no session cookie');
  const csrf = res.json<{ csrfToken: string }>().csrfToken;
  const c = `hw_session=${cookie.value}`;
  return { cookie: c, csrf, read: { cookie: c }, write: { cookie: c, 'x-csrf-token': csrf } };
}

/** An organisation with a user of the given roles, logged in. */
export async function orgWithUser(
  app: FastifyInstance,
  db: Kysely<DB>,
  roles: Role[],
  type?: OrganisationType,
) {
  const org = await createOrg(db, type ?? 'counselling_provider');
  const user = await createUser(db, org.id, roles);
  const session = await login(app, user.email);
  return { org, user, session };
}
