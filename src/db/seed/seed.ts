import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { createOrganisationIn } from '../../server/organisations/organisations.service.ts';
import {
  findOrganisationBySlug,
  countOrganisations,
} from '../../server/organisations/organisations.repository.ts';
import { createUserIn } from '../../server/users/users.service.ts';
import { emailExists } from '../../server/users/users.repository.ts';
import { ProgrammeDefinition } from '../../domain/programmes/definition.ts';
import { checkDefinition } from '../../domain/programmes/rules.ts';
import { codeExists } from '../../server/programmes/programmes.repository.ts';
import { createProgrammeIn } from '../../server/programmes/programmes.service.ts';
import { DEMO_PROGRAMMES } from './demo-programmes.ts';
import { seedSyntheticCases } from './synthetic-cases.ts';
import {
  DEMO_ORGANISATIONS,
  DEMO_PASSWORD,
  demoAccounts,
  demoEmail,
  type DemoAccount,
} from './demo-world.ts';

const SEED_SUBJECT = { label: 'seed' };

/** Cases created with the demo world on a first start, per counselling organisation. */
export const DEFAULT_DEMO_CASES = 60;

/**
 * Creates the demo world; organisations and users that already exist are left as they are. With
 * `cases`, that many synthetic households are added, spread over the counselling organisations.
 */
export async function seedDemo(db: Kysely<DB>, options: { cases?: number } = {}): Promise<DemoAccount[]> {
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
  await seedDemoProgrammes(db);
  const cases = options.cases ?? 0;
  const counselling = DEMO_ORGANISATIONS.filter((o) => o.type === 'counselling_provider');
  for (const [i, o] of counselling.entries()) {
    const org = await findOrganisationBySlug(db, o.slug);
    if (!org || cases <= 0) continue;
    const counsellors = await db
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .select('users.id')
      .where('users.organisation_id', '=', org.id)
      .where('user_roles.role', '=', 'counsellor')
      .execute();
    const share = Math.floor(cases / counselling.length) + (i < cases % counselling.length ? 1 : 0);
    await seedSyntheticCases(
      db,
      org,
      counsellors.map((c) => c.id),
      share,
      i + 1,
    );
  }
  return demoAccounts();
}

/**
 * The demo catalogue (src/db/seed/demo-programmes.ts): programmes whose code already exists are left
 * as they are, so a second seed changes nothing.
 */
export async function seedDemoProgrammes(db: Kysely<DB>): Promise<number> {
  let created = 0;
  for (const p of DEMO_PROGRAMMES) {
    if (await codeExists(db, p.code)) continue;
    const funder = await findOrganisationBySlug(db, p.funderSlug);
    if (!funder) throw new Error(`Demo programme ${p.code}: no organisation ${p.funderSlug}`);
    const implementing: string[] = [];
    for (const slug of p.implementingSlugs) {
      const org = await findOrganisationBySlug(db, slug);
      if (!org) throw new Error(`Demo programme ${p.code}: no organisation ${slug}`);
      implementing.push(org.id);
    }
    const definition = ProgrammeDefinition.parse({
      ...p.definition,
      implementingOrganisationIds: implementing,
    });
    const problems = checkDefinition(definition, p.code);
    if (problems.length > 0) {
      throw new Error(`Demo programme ${p.code} is not consistent: ${JSON.stringify(problems)}`);
    }
    await db
      .transaction()
      .execute((trx) =>
        createProgrammeIn(
          trx,
          { ...SEED_SUBJECT, organisationId: funder.id },
          funder.id,
          p.code,
          p.status,
          definition,
        ),
      );
    created += 1;
  }
  return created;
}

export async function isEmpty(db: Kysely<DB>): Promise<boolean> {
  return (await countOrganisations(db)) === 0;
}
