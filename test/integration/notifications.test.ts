import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { NotificationParamsError } from '../../src/domain/notifications.ts';
import { startMailer, type Mailer } from '../../src/server/notifications/mailer.ts';
import { notify } from '../../src/server/notifications/notifications.service.ts';
import { createTestApp, TEST_ENV, type TestApp } from '../helpers/app.ts';
import { createOrg, createUser, login, type Session } from '../helpers/factories.ts';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.ts';

let smtp: TestSmtp;
let t: TestApp;
let mailer: Mailer | null = null;

type User = Awaited<ReturnType<typeof createUser>>;
let orgA: Awaited<ReturnType<typeof createOrg>>;
let orgB: Awaited<ReturnType<typeof createOrg>>;
let coordinatorA: User;
let counsellorA: User;
let analystA: User;
let retiredCoordinatorA: User;
let coordinatorB: User;
let sessionCoordinatorA: Session;
let sessionCounsellorA: Session;
let caseId: string;
let reference: string;

const PUBLIC_URL = 'https://homeward.test';

beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await createTestApp({ HOMEWARD_SMTP_URL: smtp.url, HOMEWARD_PUBLIC_URL: PUBLIC_URL });
  orgA = await createOrg(t.ctx.db, 'return_authority');
  orgB = await createOrg(t.ctx.db, 'return_authority');
  coordinatorA = await createUser(t.ctx.db, orgA.id, ['coordinator']);
  counsellorA = await createUser(t.ctx.db, orgA.id, ['counsellor']);
  analystA = await createUser(t.ctx.db, orgA.id, ['analyst']);
  retiredCoordinatorA = await createUser(t.ctx.db, orgA.id, ['coordinator']);
  coordinatorB = await createUser(t.ctx.db, orgB.id, ['coordinator']);
  await t.ctx.db
    .updateTable('users')
    .set({ active: false })
    .where('id', '=', retiredCoordinatorA.id)
    .execute();
  sessionCoordinatorA = await login(t.app, coordinatorA.email);
  sessionCounsellorA = await login(t.app, counsellorA.email);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: sessionCounsellorA.write,
    payload: {
      hostCountry: 'DE',
      returnCountry: 'GE',
      returnType: 'assisted_voluntary',
      persons: [
        {
          relationship: 'principal',
          givenNames: 'Nino',
          familyName: 'Beridze',
          sex: 'female',
          dateOfBirth: '1990-04-17',
        },
      ],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  ({ id: caseId, reference } = res.json<{ id: string; reference: string }>());
});

afterAll(async () => {
  await mailer?.stop();
  await t?.close();
  await smtp?.close();
});

async function rowsOf(userId: string) {
  return t.ctx.db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('notify() without SMTP configured', () => {
  it('reaches exactly the active users of the recipient organisation holding the permission, and sends nothing', async () => {
    // A mailer of a deployment without HOMEWARD_SMTP_URL: disabled, registers nothing.
    const none = startMailer({ ...t.ctx, config: loadConfig(TEST_ENV) });
    expect(none.enabled).toBe(false);
    await notify(t.ctx.db, {
      organisationId: orgA.id,
      permission: 'cases:validate',
      caseId,
      type: 'application.submitted',
    });
    const coordinatorRows = await rowsOf(coordinatorA.id);
    expect(coordinatorRows).toHaveLength(1);
    expect(coordinatorRows[0]).toMatchObject({
      organisation_id: orgA.id,
      case_id: caseId,
      type: 'application.submitted',
      params: { reference },
      email_status: 'none',
      email_attempts: 0,
      read_at: null,
    });
    // Not users without the permission, not a deactivated user, not another organisation.
    for (const u of [counsellorA, analystA, retiredCoordinatorA, coordinatorB]) {
      expect(await rowsOf(u.id), u.email).toHaveLength(0);
    }
    await none.stop();
    await sleep(300);
    expect(smtp.messages).toHaveLength(0);
  });

  it("defaults to 'cases:read', can address one user of the organisation, and writes once per user per call", async () => {
    await notify(t.ctx.db, [
      { organisationId: orgA.id, caseId, type: 'message.received', params: { reference } },
      { organisationId: orgA.id, permission: 'cases:write', caseId, type: 'message.received' },
    ]);
    expect((await rowsOf(counsellorA.id)).map((r) => r.type)).toEqual(['message.received']);
    expect((await rowsOf(coordinatorA.id)).map((r) => r.type)).toEqual([
      'application.submitted',
      'message.received',
    ]);
    expect(await rowsOf(analystA.id)).toHaveLength(0);

    // One user, only in the organisation it belongs to.
    await notify(t.ctx.db, {
      organisationId: orgA.id,
      userId: coordinatorB.id,
      caseId,
      type: 'plan.approved',
    });
    expect(await rowsOf(coordinatorB.id)).toHaveLength(0);
    await notify(t.ctx.db, {
      organisationId: orgB.id,
      userId: coordinatorB.id,
      caseId,
      type: 'plan.approved',
    });
    expect((await rowsOf(coordinatorB.id)).map((r) => r.params)).toEqual([{ reference }]);
  });

  it('writes nothing when the transaction rolls back, and refuses parameters outside the catalogue', async () => {
    await expect(
      t.ctx.db.transaction().execute(async (trx) => {
        await notify(trx, { organisationId: orgA.id, caseId, type: 'plan.submitted' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await rowsOf(coordinatorA.id)).map((r) => r.type)).not.toContain('plan.submitted');

    await expect(
      notify(t.ctx.db, {
        organisationId: orgA.id,
        caseId,
        type: 'message.received',
        params: { reference, name: 'Nino Beridze' },
      }),
    ).rejects.toThrow(NotificationParamsError);
  });
});

describe('the inbox, through HTTP', () => {
  type Item = {
    id: string;
    type: string;
    caseId: string | null;
    subject: string;
    text: string;
    readAt: string | null;
    params: Record<string, unknown>;
  };
  type List = { items: Item[]; total: number; unread: number };
  const list = async (s: Session, query = '') => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/notifications${query}`, headers: s.read });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<List>();
  };

  it('lists only the actor’s own notifications, newest first, rendered in the asked language', async () => {
    const mine = await list(sessionCoordinatorA);
    expect(mine.items.map((i) => i.type)).toEqual(['message.received', 'application.submitted']);
    expect(mine).toMatchObject({ total: 2, unread: 2 });
    expect(mine.items[0]).toMatchObject({
      caseId,
      subject: `New message: case ${reference}`,
      readAt: null,
      params: { reference },
    });
    const fr = await list(sessionCoordinatorA, '?lang=fr');
    expect(fr.items[1]?.text).toBe(`Le dossier ${reference} a été soumis pour validation.`);
    const ar = await list(sessionCoordinatorA, '?lang=ar&limit=1&offset=1');
    expect(ar.items).toHaveLength(1);
    expect(ar.items[0]?.subject).toContain(reference);
    expect(ar.items[0]?.subject).toMatch(/[\u0600-\u06FF]/);
    expect((await list(sessionCounsellorA)).items.map((i) => i.type)).toEqual(['message.received']);

    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/v1/notifications?lang=de',
      headers: sessionCoordinatorA.read,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('marks one read, refuses another user’s (404), filters unread and marks all read', async () => {
    const [newest, older] = (await list(sessionCoordinatorA)).items;
    const someoneElses = (await list(sessionCounsellorA)).items[0]!;
    const other = await t.app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${someoneElses.id}/read`,
      headers: sessionCoordinatorA.write,
    });
    expect(other.statusCode).toBe(404);
    expect(other.headers['content-type']).toContain('application/problem+json');
    expect((await list(sessionCounsellorA)).items[0]?.readAt).toBeNull();

    const read = await t.app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${older!.id}/read?lang=fr`,
      headers: sessionCoordinatorA.write,
    });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json<Item>().readAt).not.toBeNull();
    expect(read.json<Item>().subject).toBe(`Demande ${reference} soumise`);

    const unread = await list(sessionCoordinatorA, '?unread=true');
    expect(unread.items.map((i) => i.id)).toEqual([newest!.id]);
    expect(unread).toMatchObject({ total: 1, unread: 1 });
    expect((await list(sessionCoordinatorA, '?unread=false')).total).toBe(2);

    const all = await t.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/read-all',
      headers: sessionCoordinatorA.write,
    });
    expect(all.json()).toEqual({ updated: 1 });
    expect(await list(sessionCoordinatorA)).toMatchObject({ total: 2, unread: 0 });
    // The other user's notifications are untouched.
    expect((await list(sessionCounsellorA)).unread).toBe(1);
  });

  it('answers 403 to an API token (notifications belong to users) and 401 without login', async () => {
    const admin = await createUser(t.ctx.db, orgA.id, ['org_admin']);
    const adminSession = await login(t.app, admin.email);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: adminSession.write,
      payload: { name: 'national system', permissions: ['cases:read'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const bearer = { authorization: `Bearer ${created.json<{ token: string }>().token}` };
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: bearer });
    expect(res.statusCode).toBe(403);
    const all = await t.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/read-all',
      headers: bearer,
    });
    expect(all.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
  });
});

describe('e-mail over SMTP', () => {
  let refusedUser: User;

  beforeAll(() => {
    mailer = startMailer(t.ctx, { pollMs: 100, pokeDelayMs: 20, backoffMs: () => 50, leaseMs: 10_000 });
    expect(mailer.enabled).toBe(true);
  });

  it('sends after the commit, to the right recipient, with the subject, the link and no personal data', async () => {
    const before = smtp.messages.length;
    await t.ctx.db.transaction().execute(async (trx) => {
      await notify(trx, {
        organisationId: orgB.id,
        permission: 'cases:validate',
        caseId,
        type: 'application.returned',
        params: { reason: 'incomplete_file', organisation: orgA.name },
      });
      const [row] = await trx
        .selectFrom('notifications')
        .selectAll()
        .where('user_id', '=', coordinatorB.id)
        .where('type', '=', 'application.returned')
        .execute();
      expect(row?.email_status).toBe('pending');
      await sleep(150); // the mailer is poked now, but cannot see the row before the commit
    });
    const row = await until('the e-mail to be sent', async () => {
      const [r] = (await rowsOf(coordinatorB.id)).filter((n) => n.type === 'application.returned');
      return r?.email_status === 'sent' ? r : undefined;
    });
    expect(row).toMatchObject({ email_attempts: 1, email_error: null });

    const mails = smtp.messages.slice(before);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.to).toEqual([coordinatorB.email]);
    expect(mail.from).toBe('no-reply@homeward.invalid');
    expect(mail.subject).toBe(`Homeward: Application ${reference} returned`);
    expect(mail.headers['auto-submitted']).toBe('auto-generated');
    expect(mail.text).toContain(
      `The application of case ${reference} was returned for changes by ${orgA.name} (reason: incomplete_file).`,
    );
    expect(mail.text).toContain(`${PUBLIC_URL}/cases/${caseId}`);
    for (const personal of ['Nino', 'Beridze', '1990-04-17', 'female']) {
      expect(mail.raw).not.toContain(personal);
    }
  });

  it("writes in the user's language", async () => {
    const arabic = await createUser(t.ctx.db, orgB.id, ['coordinator']);
    await t.ctx.db.updateTable('users').set({ locale: 'ar' }).where('id', '=', arabic.id).execute();
    const before = smtp.messages.length;
    await notify(t.ctx.db, { organisationId: orgB.id, userId: arabic.id, caseId, type: 'referral.received' });
    const mail = await until('the Arabic e-mail', async () =>
      smtp.messages.slice(before).find((m) => m.to.includes(arabic.email)),
    );
    expect(mail.subject).toBe(`Homeward: إحالة جديدة: الملف ${reference}`);
    expect(mail.text).toContain(`أُحيل الملف ${reference} إلى منظمتكم`);
    expect(mail.text).toContain(`${PUBLIC_URL}/cases/${caseId}`);
  });

  it('retries a refused recipient with back-off and ends failed after 5 attempts, while others still get theirs', async () => {
    refusedUser = await createUser(t.ctx.db, orgB.id, ['coordinator']);
    const fine = await createUser(t.ctx.db, orgB.id, ['coordinator']);
    smtp.refuse.add(refusedUser.email.toLowerCase());
    const before = smtp.messages.length;
    await notify(t.ctx.db, [
      { organisationId: orgB.id, userId: refusedUser.id, caseId, type: 'plan.returned' },
      { organisationId: orgB.id, userId: fine.id, caseId, type: 'plan.returned' },
    ]);
    const failed = await until('the refused e-mail to fail', async () => {
      const [r] = await rowsOf(refusedUser.id);
      return r?.email_status === 'failed' ? r : undefined;
    });
    expect(failed.email_attempts).toBe(5);
    expect(failed.email_error).toMatch(/550|Mailbox unavailable/);
    expect(failed.email_next_attempt_at).toBeNull();
    expect(smtp.refused.get(refusedUser.email.toLowerCase())).toBe(5);
    expect(smtp.messages.slice(before).map((m) => m.to)).toEqual([[fine.email]]);
    expect((await rowsOf(fine.id))[0]?.email_status).toBe('sent');

    // Nothing crashed: no more attempts are made, and the server still answers.
    await sleep(400);
    expect(smtp.refused.get(refusedUser.email.toLowerCase())).toBe(5);
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    // The in-app notification is there whatever happened to the e-mail.
    const s = await login(t.app, refusedUser.email);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: s.read });
    expect(res.json<{ items: { type: string }[] }>().items.map((i) => i.type)).toEqual(['plan.returned']);
  });

  it('shares the outbox between two mailers (two server processes in miniature): each e-mail leaves once', async () => {
    const partnerOrg = await createOrg(t.ctx.db, 'reintegration_partner', 'GE');
    const crowd = await Promise.all(
      Array.from({ length: 12 }, () => createUser(t.ctx.db, partnerOrg.id, ['partner_coordinator'])),
    );
    const fast = { pollMs: 30, pokeDelayMs: 5, backoffMs: () => 50, batchSize: 3 };
    const second = startMailer(t.ctx, fast);
    const third = startMailer(t.ctx, fast);
    const before = smtp.messages.length;
    try {
      await notify(t.ctx.db, {
        organisationId: partnerOrg.id,
        permission: 'plans:validate',
        caseId,
        type: 'plan.submitted',
      });
      await until('all twelve e-mails', async () => smtp.messages.length - before >= 12 || undefined);
      await sleep(300);
    } finally {
      await second.stop();
      await third.stop();
    }
    const to = smtp.messages.slice(before).flatMap((m) => m.to);
    expect(to.sort()).toEqual(crowd.map((u) => u.email).sort());
    for (const u of crowd) {
      expect((await rowsOf(u.id))[0]).toMatchObject({ email_status: 'sent', email_attempts: 1 });
    }
  });

  it('drops the e-mail of a user deactivated before it left, and pends nothing while no mailer runs', async () => {
    const leaver = await createUser(t.ctx.db, orgB.id, ['coordinator']);
    await mailer!.stop();
    await notify(t.ctx.db, { organisationId: orgB.id, userId: leaver.id, caseId, type: 'plan.approved' });
    expect((await rowsOf(leaver.id))[0]?.email_status).toBe('none');

    mailer = startMailer(t.ctx, { pollMs: 100, pokeDelayMs: 20, backoffMs: () => 50 });
    const before = smtp.messages.length;
    await t.ctx.db.transaction().execute(async (trx) => {
      await notify(trx, { organisationId: orgB.id, userId: leaver.id, caseId, type: 'plan.validated' });
      await trx.updateTable('users').set({ active: false }).where('id', '=', leaver.id).execute();
    });
    const row = await until('the e-mail to the deactivated user to be dropped', async () => {
      const r = (await rowsOf(leaver.id)).find((n) => n.type === 'plan.validated');
      return r && r.email_status !== 'pending' ? r : undefined;
    });
    expect(row).toMatchObject({ email_status: 'failed', email_error: 'the user is no longer active' });
    expect(smtp.messages.slice(before)).toHaveLength(0);
  });
});
