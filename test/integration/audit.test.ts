import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/server/audit/audit.service.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createUser, login, orgWithUser } from '../helpers/factories.ts';

let t: TestApp;
let a: Awaited<ReturnType<typeof orgWithUser>>;
let b: Awaited<ReturnType<typeof orgWithUser>>;

beforeAll(async () => {
  t = await createTestApp();
  a = await orgWithUser(t.app, t.ctx.db, ['org_admin']);
  b = await orgWithUser(t.app, t.ctx.db, ['org_admin']);
});
afterAll(() => t.close());

type Entry = {
  seq: number;
  action: string;
  organisationId: string | null;
  outcome: string;
  actorLabel: string | null;
};

describe('audit log', () => {
  it('records logins and writes with actor, organisation, target, address and outcome', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: a.session.write,
      payload: {
        email: 'audited@test.example',
        displayName: 'A',
        password: 'a-long-enough-password',
        roles: ['counsellor'],
      },
      remoteAddress: '192.0.2.7',
    });
    const row = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.create')
      .where('organisation_id', '=', a.org.id)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      actor_user_id: a.user.id,
      actor_label: a.user.email,
      organisation_id: a.org.id,
      target_type: 'user',
      outcome: 'success',
      ip: '192.0.2.7',
    });
    const logins = await t.ctx.db
      .selectFrom('audit_log')
      .select('actor_user_id')
      .where('action', '=', 'auth.login')
      .execute();
    expect(logins.map((l) => l.actor_user_id)).toContain(a.user.id);
  });

  it("lets an auditor read their organisation's entries only", async () => {
    const auditor = await createUser(t.ctx.db, a.org.id, ['auditor']);
    const s = await login(t.app, auditor.email);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit?limit=500', headers: s.read });
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: Entry[] }>().items;
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((i) => i.organisationId))).toEqual(new Set([a.org.id]));
    expect(items.some((i) => i.action === 'user.create')).toBe(true);
    // Newest first, paged backwards.
    const seqs = items.map((i) => i.seq);
    expect([...seqs].sort((x, y) => y - x)).toEqual(seqs);
    const older = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audit?beforeSeq=${seqs[0]}&limit=1`,
      headers: s.read,
    });
    expect(older.json<{ items: Entry[] }>().items[0]?.seq).toBe(seqs[1]);
  });

  it('refuses the audit log to users without audit:read', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: b.session.read });
    expect(res.statusCode).toBe(403);
  });

  it('is append-only for the application', async () => {
    await expect(sql`UPDATE audit_log SET action = 'x' WHERE seq = 1`.execute(t.ctx.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit_log WHERE seq = 1`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`UPDATE audit_head SET seq = 0`.execute(t.ctx.db)).rejects.toThrow(/forward/);
  });

  it('keeps one unbroken chain under concurrent writes', async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.app.inject({
          method: 'PATCH',
          url: '/api/v1/me',
          headers: a.session.write,
          payload: { displayName: `N${i}` },
        }),
      ),
    );
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: true });
  });

  it('verify passes untouched and names the row that was changed, removed or inserted', async () => {
    const ok = await verifyAuditChain(t.ctx.db);
    expect(ok.ok).toBe(true);
    const n = ok.entries;
    expect(n).toBeGreaterThan(5);

    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(t.ctx.db);
    try {
      await sql`UPDATE audit_log SET outcome = 'failure' WHERE seq = 3`.execute(t.ctx.db);
      expect(await verifyAuditChain(t.ctx.db)).toMatchObject({
        ok: false,
        problem: { seq: 3, problem: 'hash_mismatch' },
      });
      await sql`UPDATE audit_log SET outcome = 'success' WHERE seq = 3`.execute(t.ctx.db);
      expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);

      // A removed row: the next one no longer follows.
      const saved = await t.ctx.db
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '=', 4)
        .executeTakeFirstOrThrow();
      await sql`DELETE FROM audit_log WHERE seq = 4`.execute(t.ctx.db);
      expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: false, problem: { seq: 5 } });
      await t.ctx.db
        .insertInto('audit_log')
        .values({ ...saved, details: JSON.stringify(saved.details) })
        .execute();
      expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);

      // Rows cut from the end: the stored head no longer matches.
      const last = await t.ctx.db
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '=', n)
        .executeTakeFirstOrThrow();
      await sql`DELETE FROM audit_log WHERE seq = ${n}`.execute(t.ctx.db);
      expect(await verifyAuditChain(t.ctx.db)).toMatchObject({
        ok: false,
        problem: { problem: 'head_mismatch' },
      });
      await t.ctx.db
        .insertInto('audit_log')
        .values({ ...last, details: JSON.stringify(last.details) })
        .execute();
      expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
    } finally {
      await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(t.ctx.db);
    }
  });
});
