import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createOrg, createUser, login } from '../helpers/factories.ts';

/**
 * Sessions live in the database, so a second server *process* on the same PostgreSQL accepts a
 * session created by the first. (Embedded PGlite belongs to one process; there the same property is
 * shown by two app instances in auth.test.ts.)
 */
const onPostgres = inject('dbMode') === 'postgres';
const BIN = path.resolve(import.meta.dirname, '../../bin/homeward.mjs');

let t: TestApp;
let child: ChildProcess | null = null;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  child?.kill('SIGTERM');
  await t.close();
});

describe.runIf(onPostgres)('sessions across server processes', () => {
  it('accepts in a second process a session created by the first, and logout in one ends it in both', async () => {
    const org = await createOrg(t.ctx.db);
    const user = await createUser(t.ctx.db, org.id, ['counsellor']);
    const session = await login(t.app, user.email);

    const port = await freePort();
    child = spawn(process.execPath, [BIN, 'serve'], {
      env: {
        ...process.env,
        DATABASE_URL: t.database.url ?? '',
        PORT: String(port),
        HOST: '127.0.0.1',
        HOMEWARD_LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    });
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        if ((await fetch(`${base}/healthz`)).ok) break;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline) throw new Error('second process did not start');
      await new Promise((r) => setTimeout(r, 250));
    }

    const me = await fetch(`${base}/api/v1/me`, { headers: { cookie: session.cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe(user.email);

    const out = await fetch(`${base}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
    });
    expect(out.status).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: session.read })).statusCode).toBe(
      401,
    );
  }, 90_000);
});
