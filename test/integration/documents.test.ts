import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCaseAccess } from '../../src/server/sharing/access.ts';
import { requireDocuments } from '../../src/server/documents/documents.service.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createUser, login, orgWithUser, type Session } from '../helpers/factories.ts';

/** Small enough to test the limit without megabytes of test data. */
const MAX_UPLOAD = 64 * 1024;

let t: TestApp;
let dataDir: string;
let owner: Awaited<ReturnType<typeof orgWithUser>>;
let partner: Awaited<ReturnType<typeof orgWithUser>>;
let stranger: Awaited<ReturnType<typeof orgWithUser>>;
/** An API token of the owner without special-category access (tokens never have it). */
let ownerToken: Record<string, string>;

interface DocumentView {
  id: string;
  caseId: string;
  kind: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedByOrganisationId: string;
  createdAt: string;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A file that looks like a PDF, with a marker that must never appear in the database. */
function pdf(marker = randomBytes(8).toString('hex')): Buffer {
  return Buffer.from(`%PDF-1.7\n1 0 obj << /Title (PLAINTEXT-MARKER-${marker}) >> endobj\n%%EOF\n`, 'latin1');
}
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0', 'latin1'),
]);

async function newCase(): Promise<{ caseId: string; principalId: string }> {
  const res = await t.app.inject({
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
  expect(res.statusCode, res.body).toBe(201);
  const body = res.json<{ id: string; persons: { id: string }[] }>();
  return { caseId: body.id, principalId: body.persons[0]!.id };
}

/**
 * Shares a case with the partner as the referral API will: the principal's consent (through the API)
 * and an accepted referral (written directly: that API is being built elsewhere).
 */
async function shareWithPartner(caseId: string, principalId: string, dataCategories: string[]) {
  const consent = await t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/consents`,
    headers: owner.session.write,
    payload: {
      personId: principalId,
      purpose: 'referral_to_partner',
      recipientOrganisationId: partner.org.id,
      dataCategories,
      method: 'signed_sheet',
      givenAt: new Date(Date.now() - 60_000).toISOString(),
    },
  });
  expect(consent.statusCode, consent.body).toBe(201);
  await t.ctx.db
    .insertInto('referrals')
    .values({
      case_id: caseId,
      kind: 'partner',
      sender_organisation_id: owner.org.id,
      recipient_organisation_id: partner.org.id,
      status: 'accepted',
      respond_by: new Date(Date.now() + 5 * 86_400_000),
    })
    .execute();
  return consent.json<{ id: string }>().id;
}

function upload(
  headers: Record<string, string>,
  caseId: string,
  kind: string,
  filename: string,
  body: Buffer | string,
  contentType = 'application/octet-stream',
) {
  const q = new URLSearchParams({ kind, filename });
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/documents?${q.toString()}`,
    headers: { ...headers, 'content-type': contentType },
    payload: body,
  });
}

async function uploaded(s: Session, caseId: string, kind: string, filename: string, body: Buffer) {
  const res = await upload(s.write, caseId, kind, filename, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<DocumentView>();
}

const get = (headers: Record<string, string>, url: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });

async function storedRow(id: string) {
  return t.ctx.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function documentCount(caseId: string): Promise<number> {
  const r = await t.ctx.db
    .selectFrom('documents')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function auditOf(documentId: string) {
  return t.ctx.db
    .selectFrom('audit_log')
    .select(['action', 'outcome', 'actor_user_id', 'organisation_id', 'details'])
    .where('target_type', '=', 'document')
    .where('target_id', '=', documentId)
    .orderBy('seq')
    .execute();
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'homeward-documents-'));
  t = await createTestApp({ HOMEWARD_DATA_DIR: dataDir, HOMEWARD_MAX_UPLOAD_BYTES: String(MAX_UPLOAD) });
  owner = await orgWithUser(t.app, t.ctx.db, ['counsellor']);
  partner = await orgWithUser(t.app, t.ctx.db, ['case_worker'], 'reintegration_partner');
  stranger = await orgWithUser(t.app, t.ctx.db, ['counsellor']);
  const admin = await login(t.app, (await createUser(t.ctx.db, owner.org.id, ['org_admin'])).email);
  const token = await t.app.inject({
    method: 'POST',
    url: '/api/v1/tokens',
    headers: admin.write,
    payload: { name: 'records system', permissions: ['cases:read', 'cases:write'] },
  });
  expect(token.statusCode, token.body).toBe(201);
  ownerToken = { authorization: `Bearer ${token.json<{ token: string }>().token}` };
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('an uploaded document', () => {
  it('is stored encrypted and downloads as exactly the original bytes, with its checksum', async () => {
    const { caseId } = await newCase();
    const file = pdf();
    const res = await upload(owner.session.write, caseId, 'ticket', 'Flugticket März.pdf', file);
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json<DocumentView>();
    expect(doc).toEqual({
      id: expect.any(String) as string,
      caseId,
      kind: 'ticket',
      filename: 'Flugticket März.pdf',
      mediaType: 'application/pdf',
      sizeBytes: file.length,
      sha256: sha256(file),
      uploadedByOrganisationId: owner.org.id,
      createdAt: expect.any(String) as string,
    });

    const row = await storedRow(doc.id);
    const ciphertext = Buffer.from(row.ciphertext);
    expect(ciphertext.includes(file)).toBe(false);
    expect(ciphertext.includes(Buffer.from('PLAINTEXT-MARKER'))).toBe(false);
    expect(ciphertext.includes(Buffer.from('%PDF'))).toBe(false);
    expect(row.iv).toHaveLength(12);
    expect(row.auth_tag).toHaveLength(16);
    expect(row.sha256).toBe(sha256(file));
    expect(row.key_id).toMatch(/^[0-9a-f]{8}$/);
    // No key was configured: one was generated into the data directory, readable by its owner only.
    const keyFile = path.join(dataDir, 'file-key');
    expect(existsSync(keyFile)).toBe(true);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);

    const content = await get(owner.session.read, `/cases/${caseId}/documents/${doc.id}/content`);
    expect(content.statusCode, content.body).toBe(200);
    expect(content.rawPayload.equals(file)).toBe(true);
    expect(sha256(content.rawPayload)).toBe(doc.sha256);
    expect(content.headers['content-type']).toBe('application/pdf');
    expect(content.headers['x-content-sha256']).toBe(doc.sha256);
    expect(content.headers['x-content-type-options']).toBe('nosniff');
    expect(content.headers['cache-control']).toBe('no-store');
    expect(content.headers['content-disposition']).toBe(
      `attachment; filename="Flugticket Marz.pdf"; filename*=UTF-8''Flugticket%20M%C3%A4rz.pdf`,
    );

    expect((await get(owner.session.read, `/cases/${caseId}/documents/${doc.id}`)).json()).toEqual(doc);
    expect(
      (await get(owner.session.read, `/cases/${caseId}/documents`)).json<{ items: DocumentView[] }>(),
    ).toEqual({ items: [doc] });
    const timeline = await get(owner.session.read, `/cases/${caseId}/timeline`);
    expect(timeline.json<{ items: { type: string }[] }>().items.map((e) => e.type)).toContain(
      'document.added',
    );
    expect((await auditOf(doc.id)).map((a) => a.action)).toEqual(['document.upload', 'document.download']);
  });

  it('offers a copy under the extension of its real type, whatever its name said', async () => {
    const { caseId } = await newCase();
    const doc = await uploaded(owner.session, caseId, 'invoice', 'invoice.exe', pdf());
    expect(doc.filename).toBe('invoice.exe');
    const content = await get(owner.session.read, `/cases/${caseId}/documents/${doc.id}/content`);
    expect(content.headers['content-disposition']).toContain(`filename*=UTF-8''invoice.exe.pdf`);
  });

  it('keeps a safe version of the name given', async () => {
    const { caseId } = await newCase();
    const doc = await uploaded(owner.session, caseId, 'other', '../../x/scan\u202Egnp.exe', PNG);
    expect(doc).toMatchObject({ filename: 'scangnp.exe', mediaType: 'image/png' });
  });
});

describe('tampering', () => {
  it('with the stored ciphertext makes the download refuse (409), serve no bytes, and be audited', async () => {
    const { caseId } = await newCase();
    const file = pdf();
    const doc = await uploaded(owner.session, caseId, 'proof_of_payment', 'receipt.pdf', file);
    await sql`UPDATE documents SET ciphertext = set_byte(ciphertext, 5, get_byte(ciphertext, 5) # 1)
              WHERE id = ${doc.id}`.execute(t.ctx.db);
    const res = await get(owner.session.read, `/cases/${caseId}/documents/${doc.id}/content`);
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({
      type: 'https://homeward.example/problems/document-integrity',
      status: 409,
      reason: 'authentication',
    });
    expect(res.json<{ detail: string }>().detail).toMatch(/integrity check/);
    expect(res.rawPayload.includes(Buffer.from('PLAINTEXT-MARKER'))).toBe(false);
    expect(res.headers['x-content-sha256']).toBeUndefined();
    const audit = await auditOf(doc.id);
    expect(audit.map((a) => [a.action, a.outcome])).toEqual([
      ['document.upload', 'success'],
      ['document.integrity_failure', 'failure'],
    ]);
    expect(audit[1]!.details).toMatchObject({ reason: 'authentication', caseId });
  });

  it('with the stored checksum makes the download refuse (409) as well', async () => {
    const { caseId } = await newCase();
    const doc = await uploaded(owner.session, caseId, 'proof_of_payment', 'receipt.pdf', pdf());
    await t.ctx.db
      .updateTable('documents')
      .set({ sha256: sha256(Buffer.from('another file')) })
      .where('id', '=', doc.id)
      .execute();
    const res = await get(owner.session.read, `/cases/${caseId}/documents/${doc.id}/content`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      type: 'https://homeward.example/problems/document-integrity',
      reason: 'checksum',
    });
    expect(res.rawPayload.includes(Buffer.from('PLAINTEXT-MARKER'))).toBe(false);
    expect((await auditOf(doc.id)).map((a) => a.action)).toEqual([
      'document.upload',
      'document.integrity_failure',
    ]);
  });

  it('by moving a ciphertext onto another document is detected too', async () => {
    const { caseId } = await newCase();
    const a = await uploaded(owner.session, caseId, 'invoice', 'a.pdf', pdf());
    const b = await uploaded(owner.session, caseId, 'invoice', 'b.pdf', pdf());
    const src = await storedRow(a.id);
    await t.ctx.db
      .updateTable('documents')
      .set({ iv: src.iv, auth_tag: src.auth_tag, ciphertext: src.ciphertext, sha256: src.sha256 })
      .where('id', '=', b.id)
      .execute();
    const res = await get(owner.session.read, `/cases/${caseId}/documents/${b.id}/content`);
    expect(res.statusCode).toBe(409);
  });
});

describe('forged and unusable uploads', () => {
  it('are refused by content (415), whatever their name, and nothing is stored', async () => {
    const { caseId } = await newCase();
    const executable = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), randomBytes(64)]);
    const html = Buffer.from('<!doctype html><html><script>fetch("/api/v1/me")</script></html>');
    const forged: [string, string, Buffer][] = [
      ['proof_of_payment', 'receipt.pdf', executable],
      ['proof_of_payment', 'receipt.pdf', html],
      ['ticket', 'ticket.png', randomBytes(256)],
    ];
    for (const [kind, filename, body] of forged) {
      const res = await upload(owner.session.write, caseId, kind, filename, body);
      expect(res.statusCode, res.body).toBe(415);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json<{ detail: string }>().detail).toMatch(/PDF, PNG, JPEG, WebP or TIFF/);
      expect(res.json<{ acceptedMediaTypes: string[] }>().acceptedMediaTypes).toContain('image/png');
    }
    expect(await documentCount(caseId)).toBe(0);
  });

  it('must be the raw file: JSON, a form or a claimed type is refused (415)', async () => {
    const { caseId } = await newCase();
    for (const type of ['application/json', 'multipart/form-data; boundary=x', 'application/pdf']) {
      const res = await upload(owner.session.write, caseId, 'invoice', 'a.pdf', pdf(), type);
      expect(res.statusCode, `${type}: ${res.body}`).toBe(415);
      expect(res.json<{ detail: string }>().detail).toMatch(/application\/octet-stream/);
    }
    expect(await documentCount(caseId)).toBe(0);
  });

  it('larger than HOMEWARD_MAX_UPLOAD_BYTES are refused (413) stating the limit; at the limit they pass', async () => {
    const { caseId } = await newCase();
    const big = Buffer.concat([pdf(), Buffer.alloc(MAX_UPLOAD)]).subarray(0, MAX_UPLOAD + 1);
    const res = await upload(owner.session.write, caseId, 'plan_annex', 'annex.pdf', big);
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 413, maxBytes: MAX_UPLOAD });
    expect(res.json<{ detail: string }>().detail).toContain('64 KiB (65536 bytes)');
    expect(await documentCount(caseId)).toBe(0);
    const atLimit = await upload(
      owner.session.write,
      caseId,
      'plan_annex',
      'annex.pdf',
      big.subarray(0, MAX_UPLOAD),
    );
    expect(atLimit.statusCode, atLimit.body).toBe(201);
    expect(atLimit.json<DocumentView>().sizeBytes).toBe(MAX_UPLOAD);
  });

  it('empty (422 on body), of an unknown kind (400 on kind), or with a name too long (400)', async () => {
    const { caseId } = await newCase();
    const empty = await upload(owner.session.write, caseId, 'invoice', 'a.pdf', Buffer.alloc(0));
    expect(empty.statusCode, empty.body).toBe(422);
    expect(empty.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('body');
    const kind = await upload(owner.session.write, caseId, 'selfie', 'a.pdf', pdf());
    expect(kind.statusCode).toBe(400);
    expect(kind.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('kind');
    const long = await upload(owner.session.write, caseId, 'invoice', `${'a'.repeat(201)}.pdf`, pdf());
    expect(long.statusCode).toBe(400);
    expect(long.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('filename');
    const unusable = await upload(owner.session.write, caseId, 'invoice', '../..', pdf());
    expect(unusable.statusCode).toBe(422);
    expect(unusable.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('filename');
    expect(await documentCount(caseId)).toBe(0);
  });
});

describe('who sees documents', () => {
  it('an organisation the case is not shared with gets 404 on list, view, content and upload', async () => {
    const { caseId } = await newCase();
    const doc = await uploaded(owner.session, caseId, 'proof_of_payment', 'receipt.pdf', pdf());
    const s = stranger.session;
    for (const url of [
      `/cases/${caseId}/documents`,
      `/cases/${caseId}/documents/${doc.id}`,
      `/cases/${caseId}/documents/${doc.id}/content`,
    ]) {
      const res = await get(s.read, url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('receipt');
    }
    expect((await upload(s.write, caseId, 'proof_of_payment', 'x.pdf', pdf())).statusCode).toBe(404);
    expect(await documentCount(caseId)).toBe(1);
    expect((await auditOf(doc.id)).map((a) => a.action)).toEqual(['document.upload']);
  });

  it('a partner sees the categories its consent names and the base data, not identity documents', async () => {
    const { caseId, principalId } = await newCase();
    await shareWithPartner(caseId, principalId, ['contact', 'travel']);
    const identity = await uploaded(owner.session, caseId, 'identity_document', 'passport.pdf', pdf());
    const payment = await uploaded(owner.session, caseId, 'proof_of_payment', 'receipt.pdf', pdf());
    const ticket = await uploaded(owner.session, caseId, 'ticket', 'ticket.pdf', pdf());

    const p = partner.session;
    const list = await get(p.read, `/cases/${caseId}/documents`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json<{ items: DocumentView[] }>().items.map((d) => d.id)).toEqual([payment.id, ticket.id]);
    expect((await get(p.read, `/cases/${caseId}/documents/${identity.id}`)).statusCode).toBe(404);
    expect((await get(p.read, `/cases/${caseId}/documents/${identity.id}/content`)).statusCode).toBe(404);
    const content = await get(p.read, `/cases/${caseId}/documents/${payment.id}/content`);
    expect(content.statusCode).toBe(200);
    expect(content.headers['x-content-sha256']).toBe(payment.sha256);

    // It adds documents of its own work, never of categories it does not receive.
    const refused = await upload(p.write, caseId, 'identity_document', 'id.pdf', pdf());
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json<{ detail: string }>().detail).toMatch(/identity/);
    expect((await upload(p.write, caseId, 'medical_certificate', 'm.pdf', pdf())).statusCode).toBe(403);
    const delivery = await uploaded(p, caseId, 'proof_of_delivery', 'delivery.jpg', pdf());
    expect(delivery.uploadedByOrganisationId).toBe(partner.org.id);
    const ownerList = await get(owner.session.read, `/cases/${caseId}/documents`);
    expect(ownerList.json<{ items: DocumentView[] }>().items.map((d) => d.id)).toContain(delivery.id);
    const timeline = await get(owner.session.read, `/cases/${caseId}/timeline`);
    expect(
      timeline.json<{ items: { type: string }[] }>().items.filter((e) => e.type === 'document.added'),
    ).toHaveLength(4);

    // The check other modules use (deliveries with proofs) applies the same visibility.
    const access = await findCaseAccess(t.ctx.db, partner.org.id, caseId);
    await expect(requireDocuments(t.ctx.db, access!, [payment.id, delivery.id])).resolves.toBeUndefined();
    await expect(requireDocuments(t.ctx.db, access!, [payment.id, identity.id])).rejects.toMatchObject({
      status: 422,
      errors: [{ path: 'documentIds.1', message: expect.stringContaining(identity.id) as string }],
    });
    const other = await newCase();
    const elsewhere = await uploaded(owner.session, other.caseId, 'invoice', 'i.pdf', pdf());
    await expect(requireDocuments(t.ctx.db, access!, [elsewhere.id])).rejects.toMatchObject({ status: 422 });
  });

  it('a partner gets 404 at once when the principal withdraws the consent', async () => {
    const { caseId, principalId } = await newCase();
    const consentId = await shareWithPartner(caseId, principalId, ['identity', 'travel']);
    const doc = await uploaded(owner.session, caseId, 'identity_document', 'passport.pdf', pdf());
    const p = partner.session;
    expect((await get(p.read, `/cases/${caseId}/documents/${doc.id}/content`)).statusCode).toBe(200);

    const withdrawn = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/consents/${consentId}/withdraw`,
      headers: owner.session.write,
      payload: { effect: 'Sharing with the partner stops.' },
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    for (const url of [
      `/cases/${caseId}/documents`,
      `/cases/${caseId}/documents/${doc.id}`,
      `/cases/${caseId}/documents/${doc.id}/content`,
    ]) {
      expect((await get(p.read, url)).statusCode, url).toBe(404);
    }
    expect((await upload(p.write, caseId, 'proof_of_delivery', 'd.pdf', pdf())).statusCode).toBe(404);
  });

  it('medical documents need special-category access, and their reads are audited as such', async () => {
    const { caseId } = await newCase();
    const medical = await uploaded(owner.session, caseId, 'medical_certificate', 'medical.pdf', pdf());
    const invoice = await uploaded(owner.session, caseId, 'invoice', 'invoice.pdf', pdf());

    // An owner's API token reads cases but never special-category data.
    const tokenList = await get(ownerToken, `/cases/${caseId}/documents`);
    expect(tokenList.statusCode, tokenList.body).toBe(200);
    expect(tokenList.json<{ items: DocumentView[] }>().items.map((d) => d.id)).toEqual([invoice.id]);
    expect((await get(ownerToken, `/cases/${caseId}/documents/${medical.id}/content`)).statusCode).toBe(404);
    expect((await upload(ownerToken, caseId, 'medical_certificate', 'm.pdf', pdf())).statusCode).toBe(403);

    const list = await get(owner.session.read, `/cases/${caseId}/documents`);
    expect(list.json<{ items: DocumentView[] }>().items.map((d) => d.id)).toEqual([medical.id, invoice.id]);
    const listAudit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('target_id', '=', caseId)
      .where('action', '=', 'documents.special_category.read')
      .execute();
    expect(listAudit).toHaveLength(1);
    expect(
      (await get(owner.session.read, `/cases/${caseId}/documents/${medical.id}/content`)).statusCode,
    ).toBe(200);
    const download = (await auditOf(medical.id)).find((a) => a.action === 'document.download');
    expect(download?.details).toMatchObject({ specialCategory: true, kind: 'medical_certificate' });
  });
});

describe('the audit of downloads', () => {
  it('has one entry per download, naming who downloaded which document', async () => {
    const { caseId, principalId } = await newCase();
    await shareWithPartner(caseId, principalId, ['travel']);
    const doc = await uploaded(owner.session, caseId, 'ticket', 'ticket.pdf', pdf());
    const url = `/cases/${caseId}/documents/${doc.id}/content`;
    for (const s of [owner.session, owner.session, partner.session]) {
      expect((await get(s.read, url)).statusCode).toBe(200);
    }
    expect((await get(ownerToken, url)).statusCode).toBe(200);
    const downloads = (await auditOf(doc.id)).filter((a) => a.action === 'document.download');
    expect(downloads.map((d) => d.organisation_id)).toEqual([
      owner.org.id,
      owner.org.id,
      partner.org.id,
      owner.org.id,
    ]);
    expect(downloads.map((d) => d.actor_user_id)).toEqual([
      owner.user.id,
      owner.user.id,
      partner.user.id,
      null,
    ]);
    expect(downloads.every((d) => d.outcome === 'success')).toBe(true);
  });
});
