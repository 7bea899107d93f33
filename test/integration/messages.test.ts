import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createUser, login, orgWithUser, type Session } from '../helpers/factories.ts';

let t: TestApp;
let owner: Awaited<ReturnType<typeof orgWithUser>>;
let partner: Awaited<ReturnType<typeof orgWithUser>>;
let third: Awaited<ReturnType<typeof orgWithUser>>;
let owner2: Session;
let caseId: string;
let reference: string;
let consentId: string;

type Message = {
  id: string;
  body: string;
  unread: boolean;
  author: { organisationId: string; organisationName: string; userId: string; displayName: string };
};
type Thread = { items: Message[]; unread: number; lastReadAt: string | null };

beforeAll(async () => {
  t = await createTestApp();
  owner = await orgWithUser(t.app, t.ctx.db, ['counsellor'], 'counselling_provider');
  partner = await orgWithUser(t.app, t.ctx.db, ['case_worker'], 'reintegration_partner');
  third = await orgWithUser(t.app, t.ctx.db, ['counsellor'], 'counselling_provider');
  const second = await createUser(t.ctx.db, owner.org.id, ['counsellor']);
  owner2 = await login(t.app, second.email);

  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: owner.session.write,
    payload: {
      hostCountry: 'DE',
      returnCountry: 'GE',
      returnType: 'assisted_voluntary',
      persons: [{ relationship: 'principal', givenNames: 'Nino', familyName: 'Beridze', sex: 'female' }],
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const c = created.json<{ id: string; reference: string; persons: { id: string }[] }>();
  caseId = c.id;
  reference = c.reference;
  const consent = await t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/consents`,
    headers: owner.session.write,
    payload: {
      personId: c.persons[0]!.id,
      purpose: 'referral_to_partner',
      recipientOrganisationId: partner.org.id,
      dataCategories: ['identity'],
      method: 'signed_sheet',
      givenAt: new Date(Date.now() - 60_000).toISOString(),
    },
  });
  expect(consent.statusCode, consent.body).toBe(201);
  consentId = consent.json<{ id: string }>().id;
  // The referral API is written elsewhere: the accepted referral is inserted directly.
  await t.ctx.db
    .insertInto('referrals')
    .values({
      case_id: caseId,
      kind: 'partner',
      status: 'accepted',
      sender_organisation_id: owner.org.id,
      recipient_organisation_id: partner.org.id,
      respond_by: new Date(Date.now() + 5 * 86_400_000),
    })
    .execute();
});
afterAll(() => t.close());

const url = (path = '') => `/api/v1/cases/${caseId}/messages${path}`;
const thread = async (s: Session) => {
  const res = await t.app.inject({ method: 'GET', url: url(), headers: s.read });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Thread>();
};
const post = (s: Session, payload: unknown) =>
  t.app.inject({ method: 'POST', url: url(), headers: s.write, payload: payload as object });
const markRead = (s: Session) => t.app.inject({ method: 'POST', url: url('/read'), headers: s.write });
const unreadThreads = async (s: Session) => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/messages/unread', headers: s.read });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: { caseId: string; reference: string; unread: number }[] }>().items;
};
const notifications = async (s: Session) => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: s.read });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{
    items: { type: string; caseId: string; params: Record<string, unknown>; text: string }[];
  }>().items;
};

describe('a case thread between the owner and the partner', () => {
  it('lets the owner write, shows the author, and notifies the partner only', async () => {
    const res = await post(owner.session, {
      body: '  Flight booked for the 3rd; please plan the pick-up.  ',
    });
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json<Message>();
    expect(m).toMatchObject({
      body: 'Flight booked for the 3rd; please plan the pick-up.',
      unread: false,
      author: {
        organisationId: owner.org.id,
        organisationName: owner.org.name,
        userId: owner.user.id,
        displayName: owner.user.displayName,
      },
    });

    const seen = await thread(partner.session);
    expect(seen.items.map((i) => [i.body, i.unread])).toEqual([
      ['Flight booked for the 3rd; please plan the pick-up.', true],
    ]);
    expect(seen).toMatchObject({ unread: 1, lastReadAt: null });
    expect((await thread(owner.session)).unread).toBe(0);

    const received = await notifications(partner.session);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      type: 'message.received',
      caseId,
      params: { reference, organisation: owner.org.name },
    });
    expect(received[0]?.text).not.toContain('Flight');
    // Not the author's own organisation, not an organisation without access.
    expect(await notifications(owner2)).toHaveLength(0);
    expect(await notifications(third.session)).toHaveLength(0);
  });

  it('keeps read state per user', async () => {
    const reply = await post(partner.session, { body: 'Pick-up arranged. We will call on arrival.' });
    expect(reply.statusCode, reply.body).toBe(201);
    expect((await notifications(owner2)).map((n) => n.type)).toEqual(['message.received']);

    const asOwner = await thread(owner.session);
    expect(asOwner.items.map((i) => i.unread)).toEqual([false, true]);
    const asOwner2 = await thread(owner2);
    expect(asOwner2.items.map((i) => i.unread)).toEqual([true, true]);
    expect(asOwner2.items.map((i) => i.author.organisationName)).toEqual([owner.org.name, partner.org.name]);
    expect(await unreadThreads(owner2)).toEqual([{ caseId, reference, unread: 2 }]);
    expect(await unreadThreads(owner.session)).toEqual([{ caseId, reference, unread: 1 }]);

    const read = await markRead(owner2);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json<{ lastReadAt: string }>().lastReadAt).toBeTruthy();
    expect((await thread(owner2)).unread).toBe(0);
    expect(await unreadThreads(owner2)).toEqual([]);
    // The colleague's mark is theirs alone.
    expect((await thread(owner.session)).unread).toBe(1);
    expect(await unreadThreads(partner.session)).toEqual([{ caseId, reference, unread: 1 }]);

    await markRead(partner.session);
    expect(await unreadThreads(partner.session)).toEqual([]);
    await post(owner2, { body: 'Thanks.' });
    expect(await unreadThreads(partner.session)).toEqual([{ caseId, reference, unread: 1 }]);
    expect((await thread(owner.session)).items.map((i) => i.unread)).toEqual([false, true, true]);
    expect((await thread(owner2)).items.map((i) => i.unread)).toEqual([false, false, false]);
  });

  it('refuses bad input naming the body, and writes nothing', async () => {
    const before = (await thread(owner.session)).items.length;
    for (const payload of [{ body: '' }, { body: '   ' }, { body: 'x'.repeat(9000) }, { body: 42 }, {}]) {
      const res = await post(owner.session, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toContain('body');
    }
    expect((await post(owner.session, { body: 'ok', extra: 1 })).statusCode).toBe(400);
    expect((await post(owner.session, { body: 'x'.repeat(8000) })).statusCode).toBe(201);
    expect((await thread(owner.session)).items.length).toBe(before + 1);
  });

  it('lets an API token read the thread but not write or mark it', async () => {
    const admin = await createUser(t.ctx.db, owner.org.id, ['org_admin']);
    const adminSession = await login(t.app, admin.email);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: adminSession.write,
      payload: { name: 'case system', permissions: ['cases:read', 'cases:write'] },
    });
    const bearer = { authorization: `Bearer ${created.json<{ token: string }>().token}` };
    const read = await t.app.inject({ method: 'GET', url: url(), headers: bearer });
    expect(read.statusCode).toBe(200);
    expect(read.json<Thread>().items.every((m) => !m.unread)).toBe(true);
    const write = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: bearer,
      payload: { body: 'hi' },
    });
    expect(write.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: url('/read'), headers: bearer })).statusCode).toBe(403);
  });
});

describe('organisations without access', () => {
  it('a third organisation gets 404 on list, post and read, and sees no unread thread', async () => {
    const list = await t.app.inject({ method: 'GET', url: url(), headers: third.session.read });
    expect(list.statusCode).toBe(404);
    const before = (await thread(owner.session)).items.length;
    expect((await post(third.session, { body: 'Hello?' })).statusCode).toBe(404);
    expect((await markRead(third.session)).statusCode).toBe(404);
    expect((await thread(owner.session)).items.length).toBe(before);
    expect(await unreadThreads(third.session)).toEqual([]);
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/v1/cases/7d1a4e1c-0f7b-4e2b-9c43-1b2a3c4d5e6f/messages',
      headers: owner.session.read,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('the partner loses the thread at once when the consent is withdrawn, and is no longer notified', async () => {
    await post(owner.session, { body: 'One more thing before the consent is withdrawn.' });
    expect((await unreadThreads(partner.session)).length).toBe(1);
    const notifiedBefore = (await notifications(partner.session)).length;

    const withdrawn = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/consents/${consentId}/withdraw`,
      headers: owner.session.write,
      payload: { effect: 'Sharing with the partner stops.' },
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);

    expect(
      (await t.app.inject({ method: 'GET', url: url(), headers: partner.session.read })).statusCode,
    ).toBe(404);
    expect((await post(partner.session, { body: 'Still there?' })).statusCode).toBe(404);
    expect((await markRead(partner.session)).statusCode).toBe(404);
    expect(await unreadThreads(partner.session)).toEqual([]);

    expect((await post(owner.session, { body: 'After the withdrawal.' })).statusCode).toBe(201);
    expect(await notifications(partner.session)).toHaveLength(notifiedBefore);
  });
});
