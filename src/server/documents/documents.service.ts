import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import {
  DOCUMENT_CATEGORY,
  documentVisibleTo,
  isSpecialCategoryKind,
  sanitiseFilename,
  type DocumentKind,
  type DocumentReader,
} from '../../domain/documents.ts';
import {
  ACCEPTED_MEDIA_TYPES,
  acceptedTypesText,
  downloadName,
  sniffMediaType,
  type AcceptedMediaType,
} from '../../domain/file-types.ts';
import { hasPermission, type Permission } from '../../domain/permissions.ts';
import type { CasePart } from '../../domain/sharing.ts';
import { recordAudit, subjectOf } from '../audit/audit.service.ts';
import { requireActor, requirePermission, type Actor } from '../auth/actor.ts';
import { insertEvent } from '../cases/cases.repository.ts';
import type { AppContext } from '../context.ts';
import { Problem, problems } from '../http/problem.ts';
import { caseAccess, funderOf, type CaseAccess } from '../sharing/access.ts';
import * as repo from './documents.repository.ts';
import type { CaseDocumentView } from './documents.schemas.ts';
import { decryptFile, encryptFile, FileIntegrityError } from './file-crypto.ts';
import { loadFileKey, type FileKey } from './file-key.ts';

type View = z.infer<typeof CaseDocumentView>;
type Row = repo.DocumentRow;

const PROBLEM_BASE = 'https://homeward.example/problems/';

// The file key -------------------------------------------------------------------------------------

const keys = new WeakMap<AppContext['config'], Promise<FileKey>>();

/** The file key of this configuration, loaded (or generated) at its first use and then kept. */
export function fileKeyOf(ctx: AppContext): Promise<FileKey> {
  let key = keys.get(ctx.config);
  if (!key) {
    key = loadFileKey(ctx.config, { keyIdsInUse: () => repo.keyIdsInUse(ctx.db) });
    keys.set(ctx.config, key);
    // A failure (an unreadable key file) is not kept: the next request tries again.
    void key.catch(() => keys.delete(ctx.config));
  }
  return key;
}

/** Binds a ciphertext to its row: copied onto another document or case, it does not decrypt. */
function associatedData(caseId: string, documentId: string): string {
  return `homeward:document:v1:${caseId}:${documentId}`;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

// Presenting and visibility ------------------------------------------------------------------------

function present(r: Row): View {
  return {
    id: r.id,
    caseId: r.case_id,
    kind: r.kind as DocumentKind,
    filename: r.filename,
    mediaType: r.media_type as AcceptedMediaType,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    uploadedByOrganisationId: r.uploaded_by_organisation_id,
    createdAt: r.created_at.toISOString(),
  };
}

/** The organisation an access was computed for. */
function organisationOfAccess(access: CaseAccess): string {
  switch (access.relation) {
    case 'owner':
      return access.case.organisation_id;
    case 'funder':
      return funderOf(access.case);
    case 'partner':
    case 'origin':
      if (!access.referral) throw new Error('a recipient access without its referral');
      return access.referral.recipient_organisation_id;
  }
}

function readerOf(access: CaseAccess, organisationId: string, permissions: readonly Permission[]) {
  return {
    organisationId,
    categories: access.categories,
    mayReadSpecialCategory: hasPermission(permissions, 'special_category:read'),
  } satisfies DocumentReader;
}

function visible(r: Row, reader: DocumentReader): boolean {
  return documentVisibleTo(
    { kind: r.kind as DocumentKind, uploadedByOrganisationId: r.uploaded_by_organisation_id },
    reader,
  );
}

/** Access to the case (404 without), then the right to read it. */
async function readAccess(ctx: AppContext, actorIn: Actor | null, caseId: string) {
  const access = await caseAccess(ctx.db, requireActor(actorIn), caseId);
  const actor = requirePermission(actorIn, 'cases:read');
  return { actor, access, reader: readerOf(access, actor.organisationId, actor.permissions) };
}

/** A visible document of the case, or 404 (an invisible document is not told from a missing one). */
async function visibleDocument(ctx: AppContext, access: CaseAccess, reader: DocumentReader, id: string) {
  const row = await repo.findDocument(ctx.db, access.case.id, id);
  if (!row || !visible(row, reader)) throw problems.notFound('document');
  return row;
}

// Reading ------------------------------------------------------------------------------------------

export async function listDocuments(ctx: AppContext, actorIn: Actor | null, caseId: string) {
  const { actor, access, reader } = await readAccess(ctx, actorIn, caseId);
  const rows = (await repo.listDocuments(ctx.db, access.case.id)).filter((r) => visible(r, reader));
  const special = rows.filter((r) => isSpecialCategoryKind(r.kind as DocumentKind));
  if (special.length > 0) {
    await recordAudit(ctx.db, subjectOf(actor), {
      action: 'documents.special_category.read',
      targetType: 'case',
      targetId: caseId,
      details: { count: special.length },
    });
  }
  return { items: rows.map(present) };
}

export async function getDocument(ctx: AppContext, actorIn: Actor | null, caseId: string, id: string) {
  const { actor, access, reader } = await readAccess(ctx, actorIn, caseId);
  const row = await visibleDocument(ctx, access, reader, id);
  if (isSpecialCategoryKind(row.kind as DocumentKind)) {
    await recordAudit(ctx.db, subjectOf(actor), {
      action: 'document.special_category.read',
      targetType: 'document',
      targetId: id,
      details: { caseId },
    });
  }
  return present(row);
}

export interface DocumentContent {
  bytes: Buffer;
  mediaType: AcceptedMediaType;
  downloadName: string;
  sha256: string;
}

/**
 * The decrypted file. It is served only when its GCM tag and its SHA-256 both check out; a failure
 * is audited and answered 409, and no byte leaves. Every download is audited.
 */
export async function documentContent(
  ctx: AppContext,
  actorIn: Actor | null,
  caseId: string,
  id: string,
): Promise<DocumentContent> {
  const { actor, access, reader } = await readAccess(ctx, actorIn, caseId);
  await visibleDocument(ctx, access, reader, id);
  const row = await repo.findDocumentContent(ctx.db, caseId, id);
  if (!row) throw problems.notFound('document');
  const kind = row.kind as DocumentKind;
  const special = isSpecialCategoryKind(kind);
  const key = await fileKeyOf(ctx);
  const failure = (reason: string) =>
    recordAudit(ctx.db, subjectOf(actor), {
      action: 'document.integrity_failure',
      targetType: 'document',
      targetId: id,
      outcome: 'failure',
      details: { caseId, reason, keyId: row.key_id },
    });

  if (row.key_id !== key.id) {
    await failure('key_unavailable');
    throw new Problem(
      500,
      `This document was encrypted with the file key ${row.key_id}, which this server does not have ` +
        `(its key is ${key.id}). The administrator must restore that key (docs/operations.md).`,
      { type: `${PROBLEM_BASE}document-key-unavailable` },
    );
  }
  let bytes: Buffer;
  try {
    bytes = decryptFile(
      key.key,
      {
        iv: asBuffer(row.iv),
        authTag: asBuffer(row.auth_tag),
        ciphertext: asBuffer(row.ciphertext),
        sha256: row.sha256,
      },
      associatedData(caseId, id),
    );
  } catch (e) {
    if (!(e instanceof FileIntegrityError)) throw e;
    await failure(e.reason);
    throw new Problem(
      409,
      e.reason === 'authentication'
        ? 'The stored document failed its integrity check: its encrypted content was altered or ' +
            'damaged, so it is not served. Upload it again or restore it from a backup.'
        : 'The stored document does not match its recorded SHA-256 checksum, so it is not served. ' +
            'Upload it again or restore it from a backup.',
      {
        type: `${PROBLEM_BASE}document-integrity`,
        title: 'Document integrity check failed',
        extensions: { reason: e.reason },
      },
    );
  }
  await recordAudit(ctx.db, subjectOf(actor), {
    action: 'document.download',
    targetType: 'document',
    targetId: id,
    details: { caseId, kind, sha256: row.sha256, ...(special ? { specialCategory: true } : {}) },
  });
  const mediaType = row.media_type as AcceptedMediaType;
  return { bytes, mediaType, downloadName: downloadName(row.filename, mediaType), sha256: row.sha256 };
}

// Uploading ----------------------------------------------------------------------------------------

/** Who may add documents: the part an organisation plays, with the permission it is exercised by. */
const UPLOAD_RIGHTS: readonly (readonly [CasePart, Permission])[] = [
  ['owner', 'cases:write'],
  ['partner', 'plans:write'],
  ['funder', 'cases:validate'],
  ['funder', 'plans:approve'],
];

function requireUploadRight(actor: Actor, access: CaseAccess): void {
  const allowed = UPLOAD_RIGHTS.some(
    ([part, permission]) => access.parts.has(part) && hasPermission(actor.permissions, permission),
  );
  if (!allowed) {
    throw problems.forbidden(
      'Documents are added by the owning organisation (cases:write), the reintegration partner ' +
        '(plans:write) or the funding authority (cases:validate or plans:approve).',
    );
  }
}

function formatBytes(n: number): string {
  const MiB = 1024 * 1024;
  if (n % MiB === 0) return `${n / MiB} MiB`;
  if (n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}

export function uploadTooLarge(limit: number): Problem {
  return new Problem(
    413,
    `The file is larger than the ${formatBytes(limit)} (${limit} bytes) a document may have.`,
    { type: `${PROBLEM_BASE}payload-too-large`, extensions: { maxBytes: limit } },
  );
}

export function uploadNotRaw(): Problem {
  return new Problem(
    415,
    'Send the file itself as the request body, with Content-Type: application/octet-stream ' +
      `(it must be ${acceptedTypesText()}).`,
    {
      type: `${PROBLEM_BASE}unsupported-media-type`,
      extensions: { acceptedMediaTypes: ACCEPTED_MEDIA_TYPES },
    },
  );
}

function unprocessable(path: string, message: string, detail: string, location: 'body' | 'querystring') {
  return new Problem(422, detail, {
    type: `${PROBLEM_BASE}validation`,
    errors: [{ path, message, location }],
  });
}

export async function uploadDocument(
  ctx: AppContext,
  actorIn: Actor | null,
  caseId: string,
  input: { kind: DocumentKind; filename: string; body: unknown },
): Promise<View> {
  const actor = requireActor(actorIn);
  const access = await caseAccess(ctx.db, actor, caseId);
  requireUploadRight(actor, access);
  const category = DOCUMENT_CATEGORY[input.kind];
  if (category !== null && !access.categories.includes(category)) {
    throw problems.forbidden(
      `Your organisation does not receive the ${category} data of this case, so it cannot add a ` +
        `document of kind ${input.kind}.`,
    );
  }
  if (isSpecialCategoryKind(input.kind)) requirePermission(actor, 'special_category:read');

  if (!Buffer.isBuffer(input.body)) {
    if (input.body === undefined || input.body === null) {
      throw unprocessable('body', 'the file is empty', 'The file is empty.', 'body');
    }
    throw uploadNotRaw();
  }
  const content = input.body;
  if (content.length === 0) throw unprocessable('body', 'the file is empty', 'The file is empty.', 'body');
  const limit = ctx.config.HOMEWARD_MAX_UPLOAD_BYTES;
  if (content.length > limit) throw uploadTooLarge(limit);
  const mediaType = sniffMediaType(content);
  if (!mediaType) {
    throw new Problem(
      415,
      `Only ${acceptedTypesText()} files are accepted, and the content of this one is none of them. ` +
        'The type is told from the content: the file name and the Content-Type sent do not count.',
      {
        type: `${PROBLEM_BASE}unsupported-media-type`,
        extensions: { acceptedMediaTypes: ACCEPTED_MEDIA_TYPES },
      },
    );
  }
  const filename = sanitiseFilename(input.filename);
  if (filename === '') {
    throw unprocessable(
      'filename',
      'nothing is left of this name once unsafe characters are removed',
      'The file name is not usable.',
      'querystring',
    );
  }

  const key = await fileKeyOf(ctx);
  const id = randomUUID();
  const sealed = encryptFile(key.key, content, associatedData(caseId, id));
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.insertDocument(trx, {
      id,
      case_id: caseId,
      uploaded_by_organisation_id: actor.organisationId,
      uploaded_by: actor.userId,
      kind: input.kind,
      filename,
      media_type: mediaType,
      size_bytes: content.length,
      sha256: sealed.sha256,
      key_id: key.id,
      iv: sealed.iv,
      auth_tag: sealed.authTag,
      ciphertext: sealed.ciphertext,
    });
    // On the case's timeline (kept under its owner); special-category kinds are not named there.
    await insertEvent(trx, {
      caseId,
      organisationId: access.case.organisation_id,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      type: 'document.added',
      details: {
        documentId: id,
        uploadedByOrganisationId: actor.organisationId,
        ...(isSpecialCategoryKind(input.kind) ? {} : { kind: input.kind }),
      },
    });
    await recordAudit(trx, subjectOf(actor), {
      action: 'document.upload',
      targetType: 'document',
      targetId: id,
      details: { caseId, kind: input.kind, mediaType, sizeBytes: content.length, sha256: sealed.sha256 },
    });
    return present(row);
  });
}

// For other modules --------------------------------------------------------------------------------

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks that every id names a document of this case that the organisation of `access` sees (for
 * deliveries with proofs, reports with annexes…), else 422 naming the first bad id. Special-category
 * documents count only when `options.permissions` includes 'special_category:read'.
 */
export async function requireDocuments(
  db: Kysely<DB>,
  access: CaseAccess,
  ids: string[],
  options: { path?: string; permissions?: readonly Permission[] } = {},
): Promise<void> {
  const unique = [...new Set(ids)].filter((id) => UUID.test(id));
  const rows = await repo.documentsByIds(db, access.case.id, unique);
  const reader = readerOf(access, organisationOfAccess(access), options.permissions ?? []);
  const seen = new Set(rows.filter((r) => visible(r, reader)).map((r) => r.id));
  const index = ids.findIndex((id) => !seen.has(id));
  if (index === -1) return;
  const path = options.path ?? 'documentIds';
  throw new Problem(422, `There is no document ${ids[index]} in this case that you can use.`, {
    type: `${PROBLEM_BASE}validation`,
    errors: [
      {
        path: `${path}.${index}`,
        message: `no document of this case has the id ${ids[index]}`,
        location: 'body',
      },
    ],
  });
}
