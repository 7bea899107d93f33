import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { createOrganisationIn } from '../../server/organisations/organisations.service.ts';
import {
  findOrganisationBySlug,
  countOrganisations,
} from '../../server/organisations/organisations.repository.ts';
import { createUserIn } from '../../server/users/users.service.ts';
import { emailExists } from '../../server/users/users.repository.ts';
import {
  DEMO_ORGANISATIONS,
  DEMO_PASSWORD,
  demoAccounts,
  demoEmail,
  type DemoAccount,
} from './demo-world.ts';

const SEED_SUBJECT = { label: 'seed' };

/** Creates the demo world; organisations and users that already exist are left as they are. */
export async function seedDemo(db: Kysely<DB>): Promise<DemoAccount[]> {
  for (const o of DEMO_ORGANISATIONS) {
    const existing = await findOrganisationBySlug(db, o.slug);
    const orgId =
      existing?.id ??
      (
        await createOrganisationIn(
          db,
          { slug: o.slug, name: o.name, type: o.type, country: o.country },
          SEED_SUBJECT,
        )
      ).id;
    for (const u of o.users) {
      const email = demoEmail(o, u.local);
      if (await emailExists(db, email)) continue;
      await createUserIn(
        db,
        orgId,
        { email, displayName: u.displayName, password: DEMO_PASSWORD, roles: u.roles },
        { ...SEED_SUBJECT, organisationId: orgId },
        null,
      );
    }
  }
  return demoAccounts();
}

export async function isEmpty(db: Kysely<DB>): Promise<boolean> {
  return (await countOrganisations(db)) === 0;
}
