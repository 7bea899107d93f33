import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendProblem } from '../http/error-handler.ts';
import { problems } from '../http/problem.ts';

export const WEB_DIST = path.resolve(import.meta.dirname, '../../../dist/web');

/**
 * Serves the built single-page app at / and answers unknown non-API paths with its index.html,
 * so that client-side routes survive a reload. Unknown API paths get a 404 problem.
 */
export async function installWeb(app: FastifyInstance, distDir = WEB_DIST): Promise<void> {
  const hasWeb = existsSync(path.join(distDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: distDir, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    // A missing file (a path with an extension) is a 404, not the app's page in disguise.
    const isFile = /\.[a-z0-9]+$/i.test(url);
    if (
      url.startsWith('/api/') ||
      isFile ||
      !hasWeb ||
      (request.method !== 'GET' && request.method !== 'HEAD')
    ) {
      return sendProblem(reply, request, problems.notFound(`route ${request.method} ${url}`));
    }
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
}
