import type { FastifyError } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { COMMON_ERRORS, IdParams } from '../http/common.schemas.ts';
import { ProblemBody } from '../http/problem.schemas.ts';
import { contentDisposition } from './content-disposition.ts';
import {
  CaseDocumentParams,
  CaseDocumentView,
  DocumentContent,
  UploadBody,
  UploadQuery,
} from './documents.schemas.ts';
import * as service from './documents.service.ts';

export function documentsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const limit = ctx.config.HOMEWARD_MAX_UPLOAD_BYTES;
    // In this plugin only: a body is a raw file, never JSON or a form.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: limit },
      (_req, body, done) => done(null, body),
    );
    app.setErrorHandler((error: FastifyError) => {
      // Say what the upload limit is and how to send a file; everything else goes to the app's handler.
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw service.uploadTooLarge(limit);
      if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') throw service.uploadNotRaw();
      throw error;
    });

    app.post(
      '/cases/:id/documents',
      {
        bodyLimit: limit,
        schema: {
          tags: ['documents'],
          summary:
            'Add a document to the case: the raw file as the body (application/octet-stream), ' +
            'its type told from its content; stored encrypted',
          params: IdParams,
          querystring: UploadQuery,
          consumes: ['application/octet-stream'],
          body: UploadBody,
          response: {
            201: CaseDocumentView,
            ...COMMON_ERRORS,
            413: ProblemBody.describe('The file is larger than HOMEWARD_MAX_UPLOAD_BYTES'),
            415: ProblemBody.describe('Not a PDF, PNG, JPEG, WebP or TIFF file, or not sent raw'),
            422: ProblemBody.describe('An empty file, or a file name with nothing usable in it'),
          },
        },
      },
      async (req, reply) =>
        reply.status(201).send(
          await service.uploadDocument(ctx, req.actor, req.params.id, {
            kind: req.query.kind,
            filename: req.query.filename,
            body: req.body,
          }),
        ),
    );
    app.get(
      '/cases/:id/documents',
      {
        schema: {
          tags: ['documents'],
          summary:
            "Documents of the case that the reader's organisation sees (by its dataset; " +
            'medical documents only with special-category access, such reads audited)',
          params: IdParams,
          response: { 200: z.object({ items: z.array(CaseDocumentView) }), ...COMMON_ERRORS },
        },
      },
      (req) => service.listDocuments(ctx, req.actor, req.params.id),
    );
    app.get(
      '/cases/:id/documents/:documentId',
      {
        schema: {
          tags: ['documents'],
          summary: 'One document (its description, not its content)',
          params: CaseDocumentParams,
          response: { 200: CaseDocumentView, ...COMMON_ERRORS },
        },
      },
      (req) => service.getDocument(ctx, req.actor, req.params.id, req.params.documentId),
    );
    app.get(
      '/cases/:id/documents/:documentId/content',
      {
        exposeHeadRoute: false,
        schema: {
          tags: ['documents'],
          summary:
            'Download the document: decrypted, served only when its integrity checks out; every ' +
            'download is audited',
          params: CaseDocumentParams,
          response: {
            200: DocumentContent,
            ...COMMON_ERRORS,
            409: ProblemBody.describe(
              'The stored file failed its integrity check (type …/problems/document-integrity)',
            ),
            500: ProblemBody.describe('The key the document was encrypted with is not available'),
          },
        },
      },
      async (req, reply) => {
        const file = await service.documentContent(ctx, req.actor, req.params.id, req.params.documentId);
        return reply
          .header('content-type', file.mediaType)
          .header('content-disposition', contentDisposition(file.downloadName))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'no-store')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('x-content-sha256', file.sha256)
          .send(file.bytes);
      },
    );
  };
}
