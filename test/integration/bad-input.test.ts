/**
 * Bad input, for every operation of the OpenAPI document: unknown and malformed ids, empty, wrongly
 * typed and oversized bodies, from users of each kind of organisation and from an organisation the
 * case was not shared with. Whatever the operation, the answer is a 4xx problem (or a success that the
 * input allows), never a 500, and a refused request changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import type { Session } from '../helpers/factories.ts';
import {
  apiOf,
  arrivedCase,
  createWorld,
  publishProgramme,
  type Method,
  type World,
} from '../helpers/journey.ts';

type Doc = { paths: Record<string, Record<string, { requestBody?: unknown }>> };

let t: TestApp;
let w: World;
let caseId: string;
let api: ReturnType<typeof apiOf>;

beforeAll(async () => {
  t = await createTestApp();
  api = apiOf(t);
  w = await createWorld(t);
  const programmeId = (await publishProgramme(t, w.authority.manager)).id;
  caseId = (await arrivedCase(t, w, programmeId)).caseId;
}, 120_000);
afterAll(() => t.close());

/** The operations to try: everything under /api/v1 but signing in and out (they end the sessions). */
async function operations() {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<Doc>();
  const out: { method: Method; path: string; hasBody: boolean }[] = [];
  for (const [p, ops] of Object.entries(doc.paths)) {
    if (!p.startsWith('/api/v1/') || p.startsWith('/api/v1/auth/')) continue;
    for (const [method, op] of Object.entries(ops)) {
      const m = method.toUpperCase();
      if (m !== 'GET' && m !== 'POST' && m !== 'PUT' && m !== 'DELETE') continue;
      out.push({ method: m, path: p.slice('/api/v1'.length), hasBody: op.requestBody !== undefined });
    }
  }
  return out;
}

const fill = (path: string, value: (name: string) => string) =>
  path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(value(name)));

/** Every row count of the tables a refused request could touch. */
async function counts() {
  const tables = [
    'cases',
    'persons',
    'consents',
    'referrals',
    'plans',
    'plan_lines',
    'deliveries',
    'ledger_entries',
    'documents',
    'case_messages',
    'notifications',
    'case_events',
    'group_bookings',
    'programmes',
    'users',
    'api_tokens',
    'organisations',
  ] as const;
  const out: Record<string, number> = {};
  for (const table of tables) {
    const row = await t.ctx.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

describe('bad input on every operation', () => {
  it('unknown and malformed ids, and bodies of the wrong shape, get a 4xx problem, never a 500', async () => {
    const ops = await operations();
    expect(ops.length).toBeGreaterThan(80);
    const sessions: [string, Session][] = [
      ['counsellor', w.counselling.counsellor],
      ['funder coordinator', w.authority.coordinator],
      ['partner case worker', w.partner.caseWorker],
      ['partner coordinator', w.partner.coordinator],
    ];
    const bodies: unknown[] = [{}, [], 'text', { comment: 'x'.repeat(200_000) }];
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const before = await counts();
    for (const op of ops) {
      for (const ids of [() => randomUUID(), () => 'not-an-id', () => "1' OR '1'='1"]) {
        const url = fill(op.path, ids);
        for (const [who, s] of sessions) {
          for (const body of op.hasBody || op.method !== 'GET' ? bodies : [undefined]) {
            const res = await api(s, op.method, url, body);
            statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
            const problem = String(res.headers['content-type']).startsWith('application/problem+json');
            if (res.statusCode >= 500 || (res.statusCode >= 400 && !problem)) {
              failures.push(
                `${op.method} ${url} as ${who} with ${JSON.stringify(body)?.slice(0, 40)}: ${res.statusCode} ${res.body.slice(0, 200)}`,
              );
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
    // The requests reached every layer: validation, permissions, and the look-up of what they name.
    for (const status of [400, 403, 404])
      expect(statuses.get(status), `${status} answers`).toBeGreaterThan(50);
    // Requests without a valid target or body wrote nothing (paths with ids all named unknown ones).
    const after = await counts();
    const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
    expect(changed).toEqual([]);
  }, 600_000);

  it('an organisation the case was not shared with gets a 4xx on every operation of that case, and nothing changes', async () => {
    const ops = (await operations()).filter((o) => o.path.startsWith('/cases/{id}'));
    expect(ops.length).toBeGreaterThan(20);
    const failures: string[] = [];
    const before = await counts();
    for (const op of ops) {
      const url = fill(op.path, (name) => (name === 'id' ? caseId : randomUUID()));
      for (const s of [w.stranger.coordinator, w.stranger.caseWorker]) {
        const res = await api(s, op.method, url, op.method === 'GET' ? undefined : {});
        if (res.statusCode < 400 || res.statusCode >= 500) {
          failures.push(`${op.method} ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        }
      }
      // GETs say nothing more than "not found".
      if (op.method === 'GET') {
        const res = await api(w.stranger.coordinator, 'GET', url);
        if (res.statusCode !== 404) failures.push(`GET ${url}: ${res.statusCode}, not 404`);
      }
    }
    expect(failures).toEqual([]);
    expect(await counts()).toEqual(before);
  }, 600_000);
});
