import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openapiDocument } from '../../src/cli/main.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Doc = {
  openapi: string;
  paths: Record<
    string,
    Record<string, { responses: Record<string, unknown>; requestBody?: unknown; security?: unknown[] }>
  >;
};

describe('HTTP contracts', () => {
  it('GET /healthz answers ok with the database kind', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: t.database.kind });
  });

  it('GET /metrics answers Prometheus text with request counters', async () => {
    await t.app.inject({ method: 'GET', url: '/healthz' });
    await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.body).toMatch(
      /homeward_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/,
    );
    expect(res.body).toMatch(
      /homeward_http_requests_total\{method="GET",route="\/api\/v1\/me",status="401"\} \d+/,
    );
    expect(res.body).toMatch(/homeward_process_resident_memory_bytes/);
  });

  it('sends security headers with a strict Content-Security-Policy', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('answers an unknown API path with a 404 problem', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('serves an OpenAPI 3.1 document that equals the committed docs/api/openapi.json', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<Doc>();
    expect(doc.openapi).toBe('3.1.0');
    const committed = readFileSync(path.resolve(import.meta.dirname, '../../docs/api/openapi.json'), 'utf8');
    expect(openapiDocument(t.app), 'run `npm run openapi` and commit docs/api/openapi.json').toBe(committed);
  });

  it('documents, for every operation, a success response and problem responses', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<Doc>();
    for (const [p, ops] of Object.entries(doc.paths)) {
      if (!p.startsWith('/api/v1/')) continue;
      for (const [method, op] of Object.entries(ops)) {
        const codes = Object.keys(op.responses);
        expect(
          codes.some((c) => c.startsWith('2')),
          `${method} ${p}`,
        ).toBe(true);
        // Public operations (an empty security list) need no login, so they cannot answer 401.
        const isPublic = Array.isArray(op.security) && op.security.length === 0;
        expect(codes, `${method} ${p}`).toContain(isPublic ? '400' : '401');
      }
    }
    // Request bodies carry their constraints from the zod schemas.
    const newUser = JSON.stringify(doc.paths['/api/v1/users']?.post?.requestBody);
    expect(newUser).toMatch(/"required":\["email","displayName","password","roles"\]/);
    expect(newUser).toMatch(/"minLength":12/);
  });
});
