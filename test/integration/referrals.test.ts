import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import type { Session } from '../helpers/factories.ts';
import {
  apiOf,
  approvedPlan,
  arrivedCase,
  createWorld,
  ok,
  planLine,
  PRINCIPAL,
  publishProgramme,
  referralOf,
  submittedCase,
  today,
  type World,
  uniquePrincipal,
} from '../helpers/journey.ts';

let t: TestApp;
let w: World;
let programmeId: string;
let api: ReturnType<typeof apiOf>;

beforeAll(async () => {
  t = await createTestApp();
  api = apiOf(t);
  w = await createWorld(t);
  programmeId = (await publishProgramme(t, w.authority.manager)).id;
});
afterAll(() => t.close());

// The documented dataset (docs/sharing-datasets.md), read from the document itself ------------------

interface DocumentedField {
  path: string;
  wildcard: boolean;
  category: string;
}

function documentedFields(): DocumentedField[] {
  const text = readFileSync(new URL('../../docs/sharing-datasets.md', import.meta.url), 'utf8');
  const section = text.split('## Fields of the shared case view')[1]!.split('\n## ')[0]!;
  const out: DocumentedField[] = [];
  for (const row of section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| field'))) {
    const [, fieldCell, categoryCell] = row.split('|').map((c) => c.trim());
    if (!fieldCell || !categoryCell) continue;
    const paths = fieldCell.split(/ — | \(|, and /)[0]!.split(', ');
    let prefix = '';
    for (const raw of paths) {
      const path = raw.startsWith('.') ? prefix + raw.slice(1) : raw;
      prefix = path.slice(0, path.lastIndexOf('.') + 1);
      const wildcard = path.endsWith('.*');
      out.push({ path: wildcard ? path.slice(0, -1) : path, wildcard, category: categoryCell });
    }
  }
  return out;
}

/** Leaf paths of a JSON value, arrays as `[]`; null or empty containers count as their own path. */
function leafPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${prefix}[]`];
    return value.flatMap((v) => leafPaths(v, `${prefix}[]`));
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return [prefix];
    return entries.flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

const HEALTH = ['disability', 'pregnancy', 'serious_illness', 'mental_health'];

/** Fields of a shared view outside the dataset it claims and the consent gives. */
function outsideDataset(view: Record<string, unknown>, consented: string[]): string[] {
  const fields = documentedFields();
  const allowed = fields.filter((f) => f.category === 'base' || consented.includes(f.category));
  const ok = (path: string) =>
    allowed.some(
      (f) =>
        f.path === path ||
        (f.wildcard && path.startsWith(f.path)) ||
        // A null or empty object stands for its documented fields.
        f.path.startsWith(`${path}.`) ||
        f.path.startsWith(`${path}[].`),
    );
  const problems = leafPaths(view).filter((p) => !ok(p));
  const persons = view.persons as { relationship: string }[];
  if (!consented.includes('family') && persons.some((p) => p.relationship !== 'principal')) {
    problems.push('persons[] (a family member without the category family)');
  }
  for (const v of (view.vulnerabilities ?? []) as { category: string }[]) {
    const needed = HEALTH.includes(v.category) ? 'health' : 'vulnerabilities';
    if (!consented.includes(needed)) problems.push(`vulnerabilities[].category=${v.category}`);
  }
  return problems;
}

/** What a partner without the identity or legal-status categories must never read about a person. */
const secretsOf = (p: ReturnType<typeof uniquePrincipal>) => [
  p.familyName,
  p.givenNames,
  p.dateOfBirth,
  p.documents[0]!.number,
  p.originalScriptName,
  'asylum_rejected',
];

/** Every GET a partner can make about a case, with the bodies it received. */
async function everythingThePartnerGets(s: Session, caseId: string, referralId: string) {
  const urls = [
    `/cases/${caseId}/shared`,
    `/referrals/${referralId}`,
    '/referrals?box=inbox',
    `/cases/${caseId}/plan`,
    `/cases/${caseId}/plan/overlaps`,
    `/cases/${caseId}/final-report`,
    `/cases/${caseId}/documents`,
    `/cases/${caseId}/messages`,
    '/messages/unread',
    '/notifications',
  ];
  const out: { url: string; status: number; body: string }[] = [];
  for (const url of urls) {
    const res = await api(s, 'GET', url);
    out.push({ url, status: res.statusCode, body: res.body });
  }
  return out;
}

describe('KM1: application, validation and referral', () => {
  it('refuses to submit when no consent to share with the chosen partner is in force, and changes nothing', async () => {
    const c = ok<{ id: string; persons: { id: string }[]; version: number }>(
      await api(w.counselling.counsellor, 'POST', '/cases', {
        hostCountry: 'DE',
        returnCountry: 'IQ',
        returnType: 'assisted_voluntary',
        persons: [PRINCIPAL],
      }),
      201,
    );
    ok(await api(w.counselling.counsellor, 'POST', `/cases/${c.id}/enrolments`, { programmeId }), 201);
    ok(
      await api(w.counselling.counsellor, 'PUT', `/cases/${c.id}/application`, {
        partnerOrganisationId: w.partner.id,
        fundingOrganisationId: w.authority.id,
      }),
    );
    const app = ok<{ blockers: { path: string }[]; partner: { consentInForce: boolean } }>(
      await api(w.counselling.counsellor, 'GET', `/cases/${c.id}/application`),
    );
    expect(app.partner.consentInForce).toBe(false);
    expect(app.blockers.map((b) => b.path)).toContain('partnerOrganisationId');
    for (const to of ['counselling', 'application']) {
      ok(await api(w.counselling.counsellor, 'POST', `/cases/${c.id}/transitions`, { to }));
    }
    const res = await api(w.counselling.counsellor, 'POST', `/cases/${c.id}/transitions`, {
      to: 'submitted',
    });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json<{ type: string; errors: { path: string }[] }>()).toMatchObject({
      type: 'https://homeward.example/problems/consent-missing',
      errors: [{ path: 'partnerOrganisationId' }],
    });
    const after = ok<{ stage: string }>(await api(w.counselling.counsellor, 'GET', `/cases/${c.id}`));
    expect(after.stage).toBe('application');
    // The funding authority never saw it: the case was not submitted.
    expect((await api(w.authority.coordinator, 'GET', `/cases/${c.id}/shared`)).statusCode).toBe(404);
  });

  it('refuses a partner, origin authority or funder of the wrong kind, naming the field', async () => {
    const c = await submittedCase(t, w, programmeId);
    ok(
      await api(w.authority.coordinator, 'POST', `/cases/${c.caseId}/validation`, {
        decision: 'return',
        reasonCode: 'incomplete_file',
        comment: 'Passport copy missing',
      }),
    );
    const cases: [Record<string, string>, string][] = [
      [{ partnerOrganisationId: w.authority.id }, 'partnerOrganisationId'],
      [{ originAuthorityOrganisationId: w.partner.id }, 'originAuthorityOrganisationId'],
      [{ fundingOrganisationId: w.stranger.id }, 'fundingOrganisationId'],
      [{ partnerOrganisationId: '00000000-0000-4000-8000-000000000000' }, 'partnerOrganisationId'],
    ];
    for (const [body, path] of cases) {
      const res = await api(w.counselling.counsellor, 'PUT', `/cases/${c.caseId}/application`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(res.json<{ errors: { path: string }[] }>().errors[0]!.path).toBe(path);
    }
  });

  it('a gate rejection returns the case to the counsellor with its reason and comment', async () => {
    const c = await submittedCase(t, w, programmeId);
    // The funding authority sees the submitted application; the counsellor cannot validate it.
    expect(
      (await api(w.counselling.counsellor, 'POST', `/cases/${c.caseId}/validation`, { decision: 'validate' }))
        .statusCode,
    ).toBe(403);
    const seen = ok<{ stage: string; relation: string }>(
      await api(w.authority.coordinator, 'GET', `/cases/${c.caseId}/shared`),
    );
    expect(seen).toMatchObject({ stage: 'submitted', relation: 'funder' });
    const returned = ok<{
      stage: string;
      timeline: { toStage: string | null; reasonCode: string | null; comment: string | null }[];
    }>(
      await api(w.authority.coordinator, 'POST', `/cases/${c.caseId}/validation`, {
        decision: 'return',
        reasonCode: 'incomplete_file',
        comment: 'The signed consent sheet is not attached',
      }),
    );
    expect(returned.stage).toBe('application');
    const owner = ok<{ stage: string }>(await api(w.counselling.counsellor, 'GET', `/cases/${c.caseId}`));
    expect(owner.stage).toBe('application');
    const timeline = ok<{
      items: { toStage: string | null; reasonCode: string | null; comment: string | null }[];
    }>(await api(w.counselling.counsellor, 'GET', `/cases/${c.caseId}/timeline`));
    expect(timeline.items.at(-1)).toMatchObject({
      toStage: 'application',
      reasonCode: 'incomplete_file',
      comment: 'The signed consent sheet is not attached',
    });
    // The counsellor is told, in the tool.
    const notes = ok<{ items: { type: string; caseId: string | null }[] }>(
      await api(w.counselling.counsellor, 'GET', '/notifications'),
    );
    expect(notes.items.some((n) => n.type === 'application.returned' && n.caseId === c.caseId)).toBe(true);
    // No referral was made.
    const inbox = ok<{ items: { caseId: string }[] }>(await api(w.partner.caseWorker, 'GET', '/referrals'));
    expect(inbox.items.some((r) => r.caseId === c.caseId)).toBe(false);
  });

  it('validation refers the case to the partner with a respond-by timer; the partner accepts, or declines with a reason', async () => {
    const c = await submittedCase(t, w, programmeId);
    const validated = ok<{ stage: string; partner: { id: string } }>(
      await api(w.authority.coordinator, 'POST', `/cases/${c.caseId}/validation`, { decision: 'validate' }),
    );
    expect(validated.stage).toBe('validated');
    const referral = ok<{
      id: string;
      status: string;
      respondBy: string;
      referredAt: string;
      waitingHours: number;
      overdue: boolean;
    }>(
      await api(
        w.partner.caseWorker,
        'GET',
        `/referrals/${(await referralOf(t, w.partner.caseWorker, c.caseId)).id}`,
      ),
    );
    expect(referral).toMatchObject({ status: 'pending', waitingHours: 0, overdue: false });
    expect(Date.parse(referral.respondBy) - Date.parse(referral.referredAt)).toBe(5 * 86_400_000);
    const notes = ok<{ items: { type: string; caseId: string | null }[] }>(
      await api(w.partner.caseWorker, 'GET', '/notifications'),
    );
    expect(notes.items.some((n) => n.type === 'referral.received' && n.caseId === c.caseId)).toBe(true);
    // An overdue referral shows in the queue of overdue ones.
    await t.ctx.db
      .updateTable('referrals')
      .set({ respond_by: new Date(Date.now() - 3_600_000) })
      .where('id', '=', referral.id)
      .execute();
    const overdue = ok<{ items: { id: string; overdue: boolean }[] }>(
      await api(w.partner.caseWorker, 'GET', '/referrals?overdue=true'),
    );
    expect(overdue.items.find((r) => r.id === referral.id)?.overdue).toBe(true);

    const declined = ok<{ status: string; reasonCode: string; comment: string }>(
      await api(w.partner.caseWorker, 'POST', `/referrals/${referral.id}/decline`, {
        reasonCode: 'partner_declined',
        comment: 'No capacity in Basra until March',
      }),
    );
    expect(declined).toMatchObject({ status: 'declined', reasonCode: 'partner_declined' });
    // Declined: the case is back with the counsellor, the partner no longer sees it.
    expect(
      ok<{ stage: string }>(await api(w.counselling.counsellor, 'GET', `/cases/${c.caseId}`)).stage,
    ).toBe('application');
    expect((await api(w.partner.caseWorker, 'GET', `/cases/${c.caseId}/shared`)).statusCode).toBe(404);
    const outbox = ok<{ items: { id: string; status: string; comment: string | null }[] }>(
      await api(w.counselling.counsellor, 'GET', '/referrals?box=outbox'),
    );
    expect(outbox.items.find((r) => r.id === referral.id)).toMatchObject({
      status: 'declined',
      comment: 'No capacity in Basra until March',
    });
  });

  it('a transfer to another partner ends the first referral and keeps both in the history', async () => {
    const other = await (
      await import('../helpers/factories.ts')
    ).orgWithUser(t.app, t.ctx.db, ['case_worker'], 'reintegration_partner');
    const c = await arrivedCase(t, w, programmeId);
    // The funding authority is offered the transfer; the partner is not.
    const actionsOf = async (s: Session) =>
      ok<{ allowedActions: string[] }>(await api(s, 'GET', `/cases/${c.caseId}/shared`)).allowedActions;
    expect(await actionsOf(w.authority.coordinator)).toContain('transfer_partner');
    expect(await actionsOf(w.partner.caseWorker)).not.toContain('transfer_partner');
    const asPartner = await api(w.partner.caseWorker, 'POST', `/cases/${c.caseId}/transfer`, {
      partnerOrganisationId: other.org.id,
      reasonCode: 'relocated',
    });
    expect(asPartner.statusCode).toBe(403);
    // Without a consent for the new partner, the transfer is refused.
    const refused = await api(w.authority.coordinator, 'POST', `/cases/${c.caseId}/transfer`, {
      partnerOrganisationId: other.org.id,
      reasonCode: 'relocated',
    });
    expect(refused.statusCode).toBe(422);
    ok(
      await api(w.counselling.counsellor, 'POST', `/cases/${c.caseId}/consents`, {
        personId: c.principalId,
        purpose: 'referral_to_partner',
        recipientOrganisationId: other.org.id,
        dataCategories: ['identity'],
        method: 'signed_sheet',
        givenAt: new Date(Date.now() - 1000).toISOString(),
      }),
      201,
    );
    const moved = ok<{ partner: { id: string } }>(
      await api(w.authority.coordinator, 'POST', `/cases/${c.caseId}/transfer`, {
        partnerOrganisationId: other.org.id,
        reasonCode: 'relocated',
        comment: 'The family moved to Erbil',
      }),
    );
    expect(moved.partner.id).toBe(other.org.id);
    expect((await api(w.partner.caseWorker, 'GET', `/cases/${c.caseId}/shared`)).statusCode).toBe(404);
    const seen = ok<{ stage: string }>(await api(other.session, 'GET', `/cases/${c.caseId}/shared`));
    expect(seen.stage).toBe('arrived');
    const outbox = ok<{ items: { caseId: string; status: string; recipient: { id: string } }[] }>(
      await api(w.authority.coordinator, 'GET', `/referrals?box=outbox&caseId=${c.caseId}`),
    );
    expect(new Set(outbox.items.map((r) => r.caseId))).toEqual(new Set([c.caseId]));
    expect(outbox.items.map((r) => [r.recipient.id, r.status]).sort()).toEqual(
      [
        [w.partner.id, 'transferred'],
        [other.org.id, 'pending'],
      ].sort(),
    );
    // Another organisation's case filter finds nothing of it; a malformed id is named.
    const stranger = ok<{ items: unknown[]; total: number }>(
      await api(other.session, 'GET', `/referrals?box=outbox&caseId=${c.caseId}`),
    );
    expect(stranger).toMatchObject({ items: [], total: 0 });
    const bad = await api(w.authority.coordinator, 'GET', '/referrals?box=outbox&caseId=nope');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('caseId');
  });
});

describe('consented data sharing', () => {
  it('the partner never receives a field outside its consented dataset, in any response', async () => {
    const person = uniquePrincipal();
    const c = await arrivedCase(t, w, programmeId, { categories: ['travel'], persons: [person] });
    const shared = ok<Record<string, unknown>>(
      await api(w.partner.caseWorker, 'GET', `/cases/${c.caseId}/shared`),
    );
    expect(shared.dataset).toEqual(['travel']);
    expect(outsideDataset(shared, ['travel'])).toEqual([]);
    for (const r of await everythingThePartnerGets(w.partner.caseWorker, c.caseId, c.referralId)) {
      expect(r.status, r.url).toBe(200);
      for (const secret of secretsOf(person))
        expect(r.body, `${r.url} contains ${secret}`).not.toContain(secret);
    }
    // The owner's own endpoints answer 404 to the partner.
    for (const path of [
      '',
      '/persons',
      '/consents',
      '/counselling',
      '/timeline',
      '/enrolments',
      '/eligibility',
    ]) {
      expect((await api(w.partner.caseWorker, 'GET', `/cases/${c.caseId}${path}`)).statusCode, path).toBe(
        404,
      );
    }
  });

  it('with more consented categories, the view grows exactly by those, and special-category reads are audited', async () => {
    const categories = ['identity', 'contact', 'family', 'legal_status', 'counselling', 'vulnerabilities'];
    const c = await submittedCase(t, w, programmeId, {
      categories,
      persons: [
        uniquePrincipal(),
        {
          relationship: 'child',
          givenNames: 'Laila',
          familyName: 'Abdulrahman',
          sex: 'female',
          dateOfBirth: '2015-06-01',
        },
      ],
    });
    for (const category of ['trafficking', 'serious_illness']) {
      ok(
        await api(w.counselling.counsellor, 'POST', `/cases/${c.caseId}/vulnerabilities`, {
          personId: c.principalId,
          category,
          details: 'Details the partner must never receive',
        }),
        201,
      );
    }
    ok(await api(w.authority.coordinator, 'POST', `/cases/${c.caseId}/validation`, { decision: 'validate' }));
    const view = ok<Record<string, unknown> & { vulnerabilities: { category: string }[]; persons: object[] }>(
      await api(w.partner.caseWorker, 'GET', `/cases/${c.caseId}/shared`),
    );
    expect(view.dataset).toEqual(categories);
    expect(outsideDataset(view, categories)).toEqual([]);
    expect(view.persons).toHaveLength(2);
    expect(view.vulnerabilities.map((v) => v.category)).toEqual(['trafficking']);
    expect(JSON.stringify(view)).not.toContain('Details the partner must never receive');
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'organisation_id'])
      .where('target_id', '=', c.caseId)
      .where('action', '=', 'vulnerabilities.read')
      .execute();
    expect(audit.some((a) => a.organisation_id === w.partner.id)).toBe(true);
    // The partner coordinator has no special-category access: no vulnerabilities at all.
    const coordinatorView = ok<Record<string, unknown>>(
      await api(w.partner.coordinator, 'GET', `/cases/${c.caseId}/shared`),
    );
    expect(coordinatorView.vulnerabilities).toBeUndefined();
  });

  it('the origin authority never receives legal status, counselling or vulnerabilities, even when consented', async () => {
    const c = await submittedCase(t, w, programmeId);
    ok(
      await api(w.counselling.counsellor, 'POST', `/cases/${c.caseId}/consents`, {
        personId: c.principalId,
        purpose: 'sharing_with_origin_authority',
        recipientOrganisationId: w.origin.id,
        dataCategories: ['identity', 'legal_status', 'counselling', 'vulnerabilities', 'travel'],
        method: 'signed_sheet',
        givenAt: new Date(Date.now() - 1000).toISOString(),
      }),
      201,
    );
    // Choices are made before submission: return, choose, resubmit.
    ok(
      await api(w.authority.coordinator, 'POST', `/cases/${c.caseId}/validation`, {
        decision: 'return',
        reasonCode: 'other',
        comment: 'Add the origin authority',
      }),
    );
    ok(
      await api(w.counselling.counsellor, 'PUT', `/cases/${c.caseId}/application`, {
        originAuthorityOrganisationId: w.origin.id,
      }),
    );
    ok(await api(w.counselling.counsellor, 'POST', `/cases/${c.caseId}/transitions`, { to: 'submitted' }));
    ok(await api(w.authority.coordinator, 'POST', `/cases/${c.caseId}/validation`, { decision: 'validate' }));
    const view = ok<Record<string, unknown>>(await api(w.origin.officer, 'GET', `/cases/${c.caseId}/shared`));
    expect(view.relation).toBe('origin');
    expect(view.dataset).toEqual(['identity', 'travel']);
    expect(view.legalStatus).toBeUndefined();
    expect(view.counselling).toBeUndefined();
    expect(JSON.stringify(view)).not.toContain('asylum_rejected');
    // It sees no plan either.
    expect((await api(w.origin.officer, 'GET', `/cases/${c.caseId}/plan`)).statusCode).toBe(404);
    // Its list of announced returns has the case, as long as its consent is in force.
    const announced = async () =>
      ok<{ items: { id: string; relation: string }[] }>(
        await api(w.origin.officer, 'GET', '/shared-cases?part=origin&limit=200'),
      ).items.find((i) => i.id === c.caseId);
    expect(await announced()).toMatchObject({ relation: 'origin' });
    const consents = ok<{ items: { id: string; purpose: string }[] }>(
      await api(w.counselling.counsellor, 'GET', `/cases/${c.caseId}/consents`),
    );
    const toOrigin = consents.items.find((k) => k.purpose === 'sharing_with_origin_authority')!;
    ok(
      await api(w.counselling.counsellor, 'POST', `/cases/${c.caseId}/consents/${toOrigin.id}/withdraw`, {
        effect: 'Stop sharing with the origin authority',
      }),
    );
    expect(await announced()).toBeUndefined();
  });

  it('withdrawing the consent stops the partner’s access at once; what it did stays in the history', async () => {
    const c = await arrivedCase(t, w, programmeId);
    const listed = async () => {
      const mine = ok<{ items: { id: string }[] }>(
        await api(w.partner.caseWorker, 'GET', '/shared-cases?part=partner&limit=200'),
      );
      const queues = ok<{ queues: { items: { caseId: string }[] }[] }>(
        await api(w.partner.caseWorker, 'GET', '/work-queues?limit=200'),
      );
      return {
        mine: mine.items.some((i) => i.id === c.caseId),
        queued: queues.queues.some((q) => q.items.some((i) => i.caseId === c.caseId)),
      };
    };
    expect(await listed()).toEqual({ mine: true, queued: true });
    ok(
      await api(w.partner.caseWorker, 'POST', `/cases/${c.caseId}/messages`, {
        body: 'Arrival meeting held.',
      }),
      201,
    );
    ok(
      await api(w.counselling.counsellor, 'POST', `/cases/${c.caseId}/consents/${c.consentId}/withdraw`, {
        effect: 'Stop sharing with the partner',
      }),
    );
    const urls = [
      `/cases/${c.caseId}/shared`,
      `/cases/${c.caseId}/plan`,
      `/cases/${c.caseId}/final-report`,
      `/cases/${c.caseId}/documents`,
      `/cases/${c.caseId}/messages`,
      `/referrals/${c.referralId}`,
    ];
    for (const url of urls) expect((await api(w.partner.caseWorker, 'GET', url)).statusCode, url).toBe(404);
    // It leaves the partner's lists and queues too.
    expect(await listed()).toEqual({ mine: false, queued: false });
    // Its inbox keeps the referral as history, without telling where the case went since.
    const inbox = ok<{ items: { id: string; stage: string | null }[] }>(
      await api(w.partner.caseWorker, 'GET', '/referrals?limit=200'),
    );
    expect(inbox.items.find((r) => r.id === c.referralId)).toMatchObject({ stage: null });
    const write = await api(w.partner.caseWorker, 'PUT', `/cases/${c.caseId}/plan`, {
      needs: {},
      lines: [planLine(c.enrolmentId, 100)],
    });
    expect(write.statusCode).toBe(404);
    // The owner still sees the partner's arrival confirmation and message.
    const timeline = ok<{ items: { toStage: string | null }[] }>(
      await api(w.counselling.counsellor, 'GET', `/cases/${c.caseId}/timeline`),
    );
    expect(timeline.items.some((e) => e.toStage === 'arrived')).toBe(true);
    const thread = ok<{ items: { body: string }[] }>(
      await api(w.counselling.counsellor, 'GET', `/cases/${c.caseId}/messages`),
    );
    expect(thread.items.map((m) => m.body)).toContain('Arrival meeting held.');
  });

  it('an organisation the case was not shared with gets 404 everywhere', async () => {
    const c = await arrivedCase(t, w, programmeId);
    const gets = [
      '',
      '/shared',
      '/application',
      '/plan',
      '/plan/overlaps',
      '/final-report',
      '/documents',
      '/messages',
      '/timeline',
      '/persons',
    ];
    for (const s of [w.stranger.coordinator, w.stranger.caseWorker]) {
      for (const path of gets) {
        expect((await api(s, 'GET', `/cases/${c.caseId}${path}`)).statusCode, path).toBe(404);
      }
      expect((await api(s, 'GET', `/referrals/${c.referralId}`)).statusCode).toBe(404);
      const writes: [string, unknown][] = [
        ['/validation', { decision: 'validate' }],
        ['/departure', { outcome: 'departed' }],
        ['/arrival', { arrivedOn: today() }],
        ['/messages', { body: 'hello' }],
        ['/plan/submit', undefined],
        ['/transfer', { partnerOrganisationId: w.partner.id, reasonCode: 'relocated' }],
      ];
      for (const [path, body] of writes) {
        expect((await api(s, 'POST', `/cases/${c.caseId}${path}`, body)).statusCode, path).toBe(404);
      }
      expect((await api(s, 'POST', `/referrals/${c.referralId}/accept`)).statusCode).toBe(404);
    }
  });
});

describe('departure and arrival', () => {
  it('not_departed closes the case for good', async () => {
    const c = await submittedCase(t, w, programmeId);
    ok(await api(w.authority.coordinator, 'POST', `/cases/${c.caseId}/validation`, { decision: 'validate' }));
    const referral = await referralOf(t, w.partner.caseWorker, c.caseId);
    ok(await api(w.partner.caseWorker, 'POST', `/referrals/${referral.id}/accept`));
    // A reason is required.
    expect(
      (
        await api(w.authority.coordinator, 'POST', `/cases/${c.caseId}/departure`, {
          outcome: 'not_departed',
        })
      ).statusCode,
    ).toBe(422);
    const closed = ok<{ stage: string; allowedActions: string[] }>(
      await api(w.authority.coordinator, 'POST', `/cases/${c.caseId}/departure`, {
        outcome: 'not_departed',
        reasonCode: 'no_show',
      }),
    );
    expect(closed.stage).toBe('not_departed');
    expect(closed.allowedActions).toEqual([]);
    const again = await api(w.authority.coordinator, 'POST', `/cases/${c.caseId}/departure`, {
      outcome: 'departed',
    });
    expect(again.statusCode).toBe(409);
    expect(
      (await api(w.partner.caseWorker, 'POST', `/cases/${c.caseId}/arrival`, { arrivedOn: today() }))
        .statusCode,
    ).toBe(409);
    for (const to of ['pre_departure', 'departed', 'withdrawn', 'application']) {
      const res = await api(w.counselling.counsellor, 'POST', `/cases/${c.caseId}/transitions`, {
        to,
        reasonCode: 'other',
        comment: 'try',
      });
      expect(res.statusCode, to).toBe(409);
    }
    expect(
      ok<{ stage: string }>(await api(w.counselling.counsellor, 'GET', `/cases/${c.caseId}`)).stage,
    ).toBe('not_departed');
  });

  it('the partner may request confirmation of departure only from N days after the planned date, once', async () => {
    const planned = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
    const soon = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
    for (const [date, allowed] of [
      [soon, false],
      [planned, true],
    ] as const) {
      const c = await submittedCase(t, w, programmeId, { plannedDepartureDate: date });
      ok(
        await api(w.authority.coordinator, 'POST', `/cases/${c.caseId}/validation`, { decision: 'validate' }),
      );
      const referral = await referralOf(t, w.partner.caseWorker, c.caseId);
      ok(await api(w.partner.caseWorker, 'POST', `/referrals/${referral.id}/accept`));
      const res = await api(
        w.partner.caseWorker,
        'POST',
        `/cases/${c.caseId}/departure-confirmation-request`,
      );
      if (!allowed) {
        expect(res.statusCode).toBe(409);
        expect(res.json<{ requestableFrom: string }>().requestableFrom).toBeDefined();
        continue;
      }
      const view = ok<{ departureConfirmationRequestedAt: string | null }>(res);
      expect(view.departureConfirmationRequestedAt).not.toBeNull();
      expect(
        (await api(w.partner.caseWorker, 'POST', `/cases/${c.caseId}/departure-confirmation-request`))
          .statusCode,
      ).toBe(409);
      const notes = ok<{ items: { type: string; caseId: string | null }[] }>(
        await api(w.authority.coordinator, 'GET', '/notifications'),
      );
      expect(
        notes.items.some((n) => n.type === 'departure.confirmation_requested' && n.caseId === c.caseId),
      ).toBe(true);
      // Arrival before departure is confirmed is refused; after, it may not predate departure.
      expect(
        (await api(w.partner.caseWorker, 'POST', `/cases/${c.caseId}/arrival`, { arrivedOn: today() }))
          .statusCode,
      ).toBe(409);
      ok(
        await api(w.authority.coordinator, 'POST', `/cases/${c.caseId}/departure`, {
          outcome: 'departed',
          date: planned,
        }),
      );
      const early = await api(w.partner.caseWorker, 'POST', `/cases/${c.caseId}/arrival`, {
        arrivedOn: new Date(Date.now() - 50 * 86_400_000).toISOString().slice(0, 10),
      });
      expect(early.statusCode).toBe(422);
      expect(early.json<{ errors: { path: string }[] }>().errors[0]!.path).toBe('arrivedOn');
    }
  });
});

describe('KM2 plan, deliveries and KM3', () => {
  it('a plan over what the enrolment allows is refused, naming the component and the amounts', async () => {
    const c = await arrivedCase(t, w, programmeId);
    const res = await api(w.partner.caseWorker, 'PUT', `/cases/${c.caseId}/plan`, {
      needs: { economic: { level: 'high' } },
      lines: [planLine(c.enrolmentId, 1500), planLine(c.enrolmentId, 800)],
    });
    expect(res.statusCode).toBe(422);
    const body = res.json<{
      type: string;
      detail: string;
      excesses: { componentCode: string; allowed: number; planned: number }[];
    }>();
    expect(body.type).toContain('plan-over-budget');
    expect(body.excesses).toEqual([
      expect.objectContaining({ componentCode: 'start-up', allowed: 2000, planned: 2300 }),
    ]);
    expect(body.detail).toContain('start-up');
    const plan = ok<{ status: string; lines: unknown[] }>(
      await api(w.partner.caseWorker, 'GET', `/cases/${c.caseId}/plan`),
    );
    expect(plan).toMatchObject({ status: 'none', lines: [] });
  });

  it('walks the plan through both gates, two deliveries with proofs and the final report', async () => {
    const c = await arrivedCase(t, w, programmeId);
    const saved = ok<{
      lines: { id: string; localAmount: number }[];
      allowances: { componentCode: string; allowed: number | null }[];
    }>(
      await api(w.partner.caseWorker, 'PUT', `/cases/${c.caseId}/plan`, {
        needs: {
          economic: { level: 'high', notes: 'No income' },
          social: { level: 'low' },
          psychosocial: { level: 'medium' },
        },
        lines: [
          planLine(c.enrolmentId, 1200),
          planLine(c.enrolmentId, 800, { modality: 'service', description: 'Business training' }),
        ],
      }),
    );
    expect(saved.lines[0]!.localAmount).toBe(1_800_000);
    expect(saved.allowances.find((a) => a.componentCode === 'start-up')?.allowed).toBe(2000);
    ok(await api(w.partner.caseWorker, 'POST', `/cases/${c.caseId}/plan/submit`));
    // The funding authority cannot approve before the partner coordinator validates.
    expect((await api(w.authority.coordinator, 'POST', `/cases/${c.caseId}/plan/approve`)).statusCode).toBe(
      409,
    );
    // The focal point cannot validate its own plan.
    expect((await api(w.partner.caseWorker, 'POST', `/cases/${c.caseId}/plan/validate`)).statusCode).toBe(
      403,
    );
    // The partner coordinator returns it once, with a reason; the focal point resubmits.
    const back = ok<{ status: string; returnedBy: string; returnReasonCode: string }>(
      await api(w.partner.coordinator, 'POST', `/cases/${c.caseId}/plan/return`, {
        reasonCode: 'plan_not_feasible',
        comment: 'Add the supplier quote',
      }),
    );
    expect(back).toMatchObject({
      status: 'returned',
      returnedBy: 'partner',
      returnReasonCode: 'plan_not_feasible',
    });
    ok(await api(w.partner.caseWorker, 'POST', `/cases/${c.caseId}/plan/submit`));
    ok(await api(w.partner.coordinator, 'POST', `/cases/${c.caseId}/plan/validate`));
    // The funder returns it: the case goes back to arrived with the reason.
    const funderBack = ok<{ status: string; returnedBy: string }>(
      await api(w.authority.coordinator, 'POST', `/cases/${c.caseId}/plan/return`, {
        reasonCode: 'plan_over_budget',
      }),
    );
    expect(funderBack).toMatchObject({ status: 'returned', returnedBy: 'funder' });
    expect(
      ok<{ stage: string }>(await api(w.partner.caseWorker, 'GET', `/cases/${c.caseId}/shared`)).stage,
    ).toBe('arrived');
    ok(await api(w.partner.caseWorker, 'POST', `/cases/${c.caseId}/plan/submit`));
    ok(await api(w.partner.coordinator, 'POST', `/cases/${c.caseId}/plan/validate`));
    const approved = ok<{ status: string; lines: { id: string; status: string }[] }>(
      await api(w.authority.coordinator, 'POST', `/cases/${c.caseId}/plan/approve`),
    );
    expect(approved.status).toBe('approved');
    expect(approved.lines.every((l) => l.status === 'approved')).toBe(true);

    const line = approved.lines[0]!.id;
    const proof = await api(
      w.partner.caseWorker,
      'POST',
      `/cases/${c.caseId}/documents?kind=proof_of_payment&filename=receipt.pdf`,
      Buffer.from('%PDF-1.4\nreceipt 1\n%%EOF\n'),
      {
        'content-type': 'application/octet-stream',
      },
    );
    const proofId = ok<{ id: string }>(proof, 201).id;
    ok(
      await api(w.partner.caseWorker, 'POST', `/cases/${c.caseId}/plan/lines/${line}/deliveries`, {
        kind: 'delivery',
        deliveredOn: today(),
        amount: 700,
        documentIds: [proofId],
      }),
      201,
    );
    expect(
      ok<{ stage: string }>(await api(w.partner.caseWorker, 'GET', `/cases/${c.caseId}/shared`)).stage,
    ).toBe('in_assistance');
    const over = await api(w.partner.caseWorker, 'POST', `/cases/${c.caseId}/plan/lines/${line}/deliveries`, {
      kind: 'disbursement',
      deliveredOn: today(),
      amount: 600,
      documentIds: [proofId],
    });
    expect(over.statusCode).toBe(422);
    expect(over.json<{ remaining: number }>().remaining).toBe(500);
    // A document of another case is not a proof for this one.
    const foreign = await api(
      w.partner.caseWorker,
      'POST',
      `/cases/${c.caseId}/plan/lines/${line}/deliveries`,
      {
        kind: 'delivery',
        deliveredOn: today(),
        amount: 10,
        documentIds: ['00000000-0000-4000-8000-000000000001'],
      },
    );
    expect(foreign.statusCode).toBe(422);
    const plan = ok<{ lines: { id: string; delivered: number; deliveries: unknown[] }[] }>(
      await api(w.partner.caseWorker, 'POST', `/cases/${c.caseId}/plan/lines/${line}/deliveries`, {
        kind: 'disbursement',
        deliveredOn: today(),
        amount: 500,
        documentIds: [proofId],
      }),
      201,
    );
    expect(plan.lines.find((l) => l.id === line)).toMatchObject({ delivered: 1200 });

    expect(
      (await api(w.partner.caseWorker, 'POST', `/cases/${c.caseId}/final-report/submit`)).statusCode,
    ).toBe(409);
    ok(
      await api(w.partner.caseWorker, 'PUT', `/cases/${c.caseId}/final-report`, {
        situation: 'The shop opened in May and covers the family’s rent.',
        finalMeetingOn: today(),
        partnerAssessment: 'Sustainable; follow up on the loan.',
        assessmentRating: 'good',
      }),
    );
    ok(await api(w.partner.caseWorker, 'POST', `/cases/${c.caseId}/final-report/submit`));
    ok(await api(w.partner.coordinator, 'POST', `/cases/${c.caseId}/final-report/validate`));
    const report = ok<{
      status: string;
      spend: { currency: string; budgeted: number; actual: number; executionRate: number }[];
      proofsMissing: number;
    }>(await api(w.authority.coordinator, 'POST', `/cases/${c.caseId}/final-report/approve`));
    expect(report.status).toBe('approved');
    expect(report.spend).toEqual([{ currency: 'EUR', budgeted: 2000, actual: 1200, executionRate: 0.6 }]);
    expect(report.proofsMissing).toBe(0);
    expect(
      ok<{ stage: string }>(await api(w.counselling.counsellor, 'GET', `/cases/${c.caseId}`)).stage,
    ).toBe('monitoring');
  });
});

describe('one ledger per person: the duplicate-assistance guard', () => {
  it('blocks an overlapping line funded elsewhere, without revealing the other case, and allows it with an audited justification', async () => {
    // Funded first by the authority, through the partner.
    const person = uniquePrincipal();
    const first = await arrivedCase(t, w, programmeId, { persons: [person] });
    await approvedPlan(t, w, first, [1500]);
    // The same person (same passport) returns again through another organisation and funder.
    const w2 = await createWorld(t);
    const programme2 = (await publishProgramme(t, w2.authority.manager)).id;
    const second = await arrivedCase(t, w2, programme2, {
      persons: [{ ...person, givenNames: 'K. A.', originalScriptName: undefined }],
    });
    ok(
      await api(w2.partner.caseWorker, 'PUT', `/cases/${second.caseId}/plan`, {
        needs: { economic: { level: 'high' } },
        lines: [planLine(second.enrolmentId, 1000)],
      }),
    );
    ok(await api(w2.partner.caseWorker, 'POST', `/cases/${second.caseId}/plan/submit`));
    ok(await api(w2.partner.coordinator, 'POST', `/cases/${second.caseId}/plan/validate`));
    const blocked = await api(w2.authority.coordinator, 'POST', `/cases/${second.caseId}/plan/approve`);
    expect(blocked.statusCode).toBe(422);
    const problem = blocked.json<{
      type: string;
      overlaps: { overlaps: { category: string; contact: { id: string; name: string } }[] }[];
    }>();
    expect(problem.type).toContain('duplicate-assistance');
    expect(problem.overlaps[0]!.overlaps[0]).toMatchObject({
      category: 'business_start_up',
      contact: { id: w.authority.id, name: w.authority.name },
    });
    for (const secret of [first.caseId, first.enrolmentId, person.givenNames, PRINCIPAL.dateOfBirth]) {
      expect(blocked.body).not.toContain(secret);
    }
    const report = await api(w2.partner.caseWorker, 'GET', `/cases/${second.caseId}/plan/overlaps`);
    expect(report.json<{ items: { justified: boolean }[] }>().items).toEqual([
      expect.objectContaining({ justified: false }),
    ]);
    expect(report.body).not.toContain(first.caseId);
    expect(
      ok<{ stage: string }>(await api(w2.partner.caseWorker, 'GET', `/cases/${second.caseId}/shared`)).stage,
    ).toBe('plan_submitted');

    const lineId = ok<{ lines: { id: string }[] }>(
      await api(w2.partner.caseWorker, 'GET', `/cases/${second.caseId}/plan`),
    ).lines[0]!.id;
    // Only a programme manager of the funding authority may justify; a short text is refused.
    expect(
      (
        await api(
          w2.authority.coordinator,
          'POST',
          `/cases/${second.caseId}/plan/lines/${lineId}/justification`,
          { text: 'The first shop burnt down in the floods of June.' },
        )
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await api(w.authority.manager, 'POST', `/cases/${second.caseId}/plan/lines/${lineId}/justification`, {
          text: 'The first shop burnt down in the floods of June.',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await api(
          w2.authority.manager,
          'POST',
          `/cases/${second.caseId}/plan/lines/${lineId}/justification`,
          { text: 'ok' },
        )
      ).statusCode,
    ).toBe(400);
    ok(
      await api(w2.authority.manager, 'POST', `/cases/${second.caseId}/plan/lines/${lineId}/justification`, {
        text: 'The first shop burnt down in the floods of June; agreed with the other funder by phone.',
      }),
    );
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('target_id', '=', lineId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['assistance.overlap_justified']);
    expect((audit[0]!.details as { justification: string }).justification).toContain('floods of June');
    const approved = ok<{ status: string }>(
      await api(w2.authority.coordinator, 'POST', `/cases/${second.caseId}/plan/approve`),
    );
    expect(approved.status).toBe('approved');
  });

  it('does not flag assistance for another need, or the same person’s own earlier line in the same plan', async () => {
    const c = await arrivedCase(t, w, programmeId, {
      persons: [
        {
          ...PRINCIPAL,
          documents: [{ type: 'passport', number: 'Z9999001', issuingCountry: 'IQ', status: 'with_person' }],
          givenNames: 'Samir',
        },
      ],
    });
    ok(
      await api(w.partner.caseWorker, 'PUT', `/cases/${c.caseId}/plan`, {
        needs: {},
        lines: [
          planLine(c.enrolmentId, 900),
          planLine(c.enrolmentId, 900),
          planLine(c.enrolmentId, 150, { componentCode: 'travel', modality: 'cash' }),
        ],
      }),
    );
    const overlaps = ok<{ items: unknown[] }>(
      await api(w.partner.caseWorker, 'GET', `/cases/${c.caseId}/plan/overlaps`),
    );
    expect(overlaps.items).toEqual([]);
  });
});

describe('work queues', () => {
  type Queues = { queues: { key: string; total: number; items: { caseId: string }[] }[] };
  const inQueue = async (s: Session, key: string, caseId: string) => {
    const body = ok<Queues>(await api(s, 'GET', `/work-queues?queue=${key}&limit=200`));
    return body.queues.find((q) => q.key === key)?.items.some((i) => i.caseId === caseId) ?? false;
  };

  it('each hand-over waits in the queue of whoever acts next, and leaves it once done', async () => {
    const c = await submittedCase(t, w, programmeId, { categories: ['travel'] });
    expect(await inQueue(w.authority.coordinator, 'applications_to_validate', c.caseId)).toBe(true);
    expect(await inQueue(w.stranger.coordinator, 'applications_to_validate', c.caseId)).toBe(false);
    // Queues follow permissions: a case worker has no validation queue at all.
    const keys = ok<Queues>(await api(w.partner.caseWorker, 'GET', '/work-queues')).queues.map((q) => q.key);
    expect(keys).toContain('referrals_to_answer');
    expect(keys).not.toContain('applications_to_validate');

    ok(await api(w.authority.coordinator, 'POST', `/cases/${c.caseId}/validation`, { decision: 'validate' }));
    expect(await inQueue(w.authority.coordinator, 'applications_to_validate', c.caseId)).toBe(false);
    expect(await inQueue(w.partner.caseWorker, 'referrals_to_answer', c.caseId)).toBe(true);
    const referral = await referralOf(t, w.partner.caseWorker, c.caseId);
    ok(await api(w.partner.caseWorker, 'POST', `/referrals/${referral.id}/accept`));
    expect(await inQueue(w.partner.caseWorker, 'referrals_to_answer', c.caseId)).toBe(false);
    ok(await api(w.authority.coordinator, 'POST', `/cases/${c.caseId}/departure`, { outcome: 'departed' }));
    expect(await inQueue(w.partner.caseWorker, 'arrivals_to_confirm', c.caseId)).toBe(true);
    ok(await api(w.partner.caseWorker, 'POST', `/cases/${c.caseId}/arrival`, { arrivedOn: today() }));
    expect(await inQueue(w.partner.caseWorker, 'plans_to_write', c.caseId)).toBe(true);
    ok(
      await api(w.partner.caseWorker, 'PUT', `/cases/${c.caseId}/plan`, {
        needs: {},
        lines: [planLine(c.enrolmentId, 500)],
      }),
    );
    ok(await api(w.partner.caseWorker, 'POST', `/cases/${c.caseId}/plan/submit`));
    expect(await inQueue(w.partner.coordinator, 'plans_to_validate', c.caseId)).toBe(true);
    ok(await api(w.partner.coordinator, 'POST', `/cases/${c.caseId}/plan/validate`));
    expect(await inQueue(w.authority.coordinator, 'plans_to_approve', c.caseId)).toBe(true);
    ok(await api(w.authority.coordinator, 'POST', `/cases/${c.caseId}/plan/approve`));
    expect(await inQueue(w.partner.caseWorker, 'deliveries_due', c.caseId)).toBe(true);

    // The partner's list of its cases names nobody without the identity category.
    const mine = ok<{ items: { id: string; principalName: string | null; relation: string }[] }>(
      await api(w.partner.caseWorker, 'GET', '/shared-cases?part=partner&limit=200'),
    );
    expect(mine.items.find((i) => i.id === c.caseId)).toMatchObject({
      principalName: null,
      relation: 'partner',
    });
    const funded = ok<{ items: { id: string; principalName: string | null }[] }>(
      await api(w.authority.coordinator, 'GET', '/shared-cases?part=funder&limit=200'),
    );
    expect(funded.items.find((i) => i.id === c.caseId)?.principalName).toContain('Karim');
  });

  it('a returned application waits with the counsellor', async () => {
    const c = await submittedCase(t, w, programmeId);
    ok(
      await api(w.authority.coordinator, 'POST', `/cases/${c.caseId}/validation`, {
        decision: 'return',
        reasonCode: 'incomplete_file',
      }),
    );
    expect(await inQueue(w.counselling.counsellor, 'applications_returned', c.caseId)).toBe(true);
    ok(await api(w.counselling.counsellor, 'POST', `/cases/${c.caseId}/transitions`, { to: 'submitted' }));
    expect(await inQueue(w.counselling.counsellor, 'applications_returned', c.caseId)).toBe(false);
  });
});
