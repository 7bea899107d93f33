import { z } from 'zod';
import { DOCUMENT_KINDS, FILENAME_MAX_LENGTH } from '../../domain/documents.ts';
import { ACCEPTED_MEDIA_TYPES } from '../../domain/file-types.ts';

export const DocumentKind = z.enum(DOCUMENT_KINDS);

export const CaseDocumentParams = z.object({ id: z.uuid(), documentId: z.uuid() });

export const UploadQuery = z.object({
  kind: DocumentKind.describe(
    'What the document is; it decides which organisations see it (docs/sharing-datasets.md)',
  ),
  filename: z
    .string()
    .min(1)
    .max(FILENAME_MAX_LENGTH)
    .describe('The original file name. Kept (made safe) for display and download; its type is ignored'),
});

/** The raw file (the parser gives a Buffer; the service checks it). */
export const UploadBody = z.unknown().meta({
  description:
    'The file itself, as the raw request body with Content-Type: application/octet-stream. ' +
    'Its type is told from its content: PDF, PNG, JPEG, WebP or TIFF.',
  type: 'string',
  format: 'binary',
});

export const CaseDocumentView = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    kind: DocumentKind,
    filename: z.string(),
    mediaType: z.enum(ACCEPTED_MEDIA_TYPES).describe('Told from the content, never from the name'),
    sizeBytes: z.number().int(),
    sha256: z.string().describe('Hex SHA-256 of the file'),
    uploadedByOrganisationId: z.uuid(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'CaseDocument' });

const binary = { schema: { type: 'string', format: 'binary' } };

/** For OpenAPI only: the bytes are sent as they are, never through a serializer. */
export const DocumentContent = z.unknown().meta({
  description:
    'The decrypted file, with its checksum verified. Content-Type is the sniffed type; ' +
    "Content-Disposition: attachment; filename*=UTF-8''…; X-Content-SHA256: hex SHA-256 of the body.",
  content: Object.fromEntries(ACCEPTED_MEDIA_TYPES.map((t) => [t, binary])),
  headers: {
    'content-disposition': { type: 'string', description: 'attachment, with the file name' },
    'x-content-sha256': { type: 'string', description: 'Hex SHA-256 of the body' },
    'cache-control': { type: 'string', description: 'no-store' },
  },
});
