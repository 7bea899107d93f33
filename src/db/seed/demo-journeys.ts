import type { Actor } from '../../server/auth/actor.ts';
import { addConsent } from '../../server/case-records/case-records.service.ts';
import { transitionCase } from '../../server/cases/cases.service.ts';
import type { AppContext } from '../../server/context.ts';
import { enrol, caseEligibility } from '../../server/programmes/eligibility.service.ts';
import {
  acceptReferral,
  confirmArrival,
  decideApplication,
  decideDeparture,
  listReferrals,
  setApplication,
} from '../../server/referrals/referrals.service.ts';
import { permissionsForRoles } from '../../domain/permissions.ts';
import { demoEmail, DEMO_ORGANISATIONS } from './demo-world.ts';

/**
 * A few demo returns already on their way across organisations, so that every demo account finds
 * work on its first sign-in: Lumen's counsellor refers Iraqi households to Tigris, funded by Nordmark.
 * They go through the same services as the API (consent, enrolment, choices, submission, validation,
 * acceptance, departure, arrival), never by writing stages directly.
 *
 * - one submitted application waits for Nordmark's coordinator;
 * - one referral waits in Tigris's inbox;
 * - one household has arrived and waits for its reintegration plan.
 */
const STOPS = ['submitted', 'referred', 'arrived'] as const;

async function demoActor(ctx: AppContext, slug: string, local: string): Promise<Actor> {
  const org = DEMO_ORGANISATIONS.find((o) => o.slug === slug)!;
  const user = await ctx.db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.id', 'users.organisation_id', 'users.display_name', 'organisations.type'])
    .where('users.email', '=', demoEmail(org, local))
    .executeTakeFirstOrThrow();
  const roles = (
    await ctx.db.selectFrom('user_roles').select('role').where('user_id', '=', user.id).execute()
  ).map((r) => r.role);
  return {
    kind: 'user',
    userId: user.id,
    tokenId: null,
    sessionIdHash: null,
    label: `${user.display_name} (demo seed)`,
    organisationId: user.organisation_id,
    organisationType: user.type,
    roles,
    permissions: permissionsForRoles(roles),
    ip: null,
  };
}

export async function seedDemoJourneys(ctx: AppContext): Promise<number> {
  const counsellor = await demoActor(ctx, 'lumen-counselling', 'counsellor');
  const coordinator = await demoActor(ctx, 'nordmark-return-office', 'coordinator');
  const caseWorker = await demoActor(ctx, 'tigris-reintegration', 'caseworker');
  const candidates = await ctx.db
    .selectFrom('cases')
    .innerJoin('persons', (j) =>
      j.onRef('persons.case_id', '=', 'cases.id').on('persons.relationship', '=', 'principal'),
    )
    .select(['cases.id', 'persons.id as principal_id'])
    .where('cases.organisation_id', '=', counsellor.organisationId)
    .where('cases.return_country', '=', 'IQ')
    .where('cases.stage', 'in', ['intake', 'counselling'])
    .orderBy('cases.reference')
    .limit(20)
    .execute();
  const funded = new Set(
    (
      await ctx.db
        .selectFrom('programmes')
        .select('id')
        .where('funder_organisation_id', '=', coordinator.organisationId)
        .where('status', '=', 'published')
        .execute()
    ).map((p) => p.id),
  );
  let made = 0;
  for (const c of candidates) {
    if (made === STOPS.length) break;
    // A programme of Nordmark the household is eligible for; a household without one is left alone.
    const eligibility = await caseEligibility(ctx, counsellor, c.id, { scope: 'country' });
    const programme = eligibility.programmes.find(
      (p) => p.status === 'eligible' && funded.has(p.programmeId),
    );
    if (!programme) continue;
    const stop = STOPS[made]!;
    await addConsent(ctx, counsellor, c.id, {
      personId: c.principal_id,
      purpose: 'referral_to_partner',
      recipientOrganisationId: caseWorker.organisationId,
      dataCategories: ['identity', 'contact', 'family', 'travel'],
      method: 'signed_sheet',
      givenAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    await enrol(ctx, counsellor, c.id, { programmeId: programme.programmeId });
    await setApplication(
      ctx,
      counsellor,
      c.id,
      { partnerOrganisationId: caseWorker.organisationId, fundingOrganisationId: coordinator.organisationId },
      undefined,
    );
    const stage = (
      await ctx.db.selectFrom('cases').select('stage').where('id', '=', c.id).executeTakeFirstOrThrow()
    ).stage;
    const path =
      stage === 'intake' ? ['counselling', 'application', 'submitted'] : ['application', 'submitted'];
    for (const to of path) await transitionCase(ctx, counsellor, c.id, { to: to as 'submitted' }, undefined);
    if (stop !== 'submitted') {
      await decideApplication(ctx, coordinator, c.id, { decision: 'validate' }, undefined);
    }
    if (stop === 'arrived') {
      const inbox = await listReferrals(ctx, caseWorker, { box: 'inbox', limit: 200, offset: 0 });
      const referral = inbox.items.find((r) => r.caseId === c.id)!;
      await acceptReferral(ctx, caseWorker, referral.id);
      const departed = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
      await decideDeparture(ctx, coordinator, c.id, { outcome: 'departed', date: departed }, undefined);
      const arrived = new Date(Date.now() - 6 * 86_400_000).toISOString().slice(0, 10);
      await confirmArrival(ctx, caseWorker, c.id, { arrivedOn: arrived }, undefined);
    }
    made += 1;
  }
  return made;
}
