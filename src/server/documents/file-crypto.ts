import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Encryption of stored files: AES-256-GCM with a fresh random 12-byte IV per file, and the SHA-256 of
 * the plaintext kept beside it. Decryption checks both the GCM tag (the ciphertext, IV and associated
 * data are as written) and the SHA-256 of what comes out (the row's recorded checksum matches the
 * file), and throws FileIntegrityError when either fails: a damaged or altered file is never served.
 *
 * The associated data binds a ciphertext to the row it was written for (the document and case ids),
 * so a ciphertext copied onto another row does not decrypt there.
 */

const ALGORITHM = 'aes-256-gcm';
export const KEY_BYTES = 32;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;

export interface EncryptedFile {
  iv: Buffer;
  authTag: Buffer;
  ciphertext: Buffer;
  /** Lower-case hex SHA-256 of the plaintext. */
  sha256: string;
}

export type IntegrityFailure = 'authentication' | 'checksum';

export class FileIntegrityError extends Error {
  readonly reason: IntegrityFailure;
  constructor(reason: IntegrityFailure) {
    super(
      reason === 'authentication'
        ? 'The stored file does not authenticate: its ciphertext, IV or tag was altered or damaged.'
        : 'The decrypted file does not match its recorded SHA-256 checksum.',
    );
    this.name = 'FileIntegrityError';
    this.reason = reason;
  }
}

export function sha256Hex(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

function checkKey(key: Uint8Array): void {
  if (key.length !== KEY_BYTES) throw new RangeError(`A file key has ${KEY_BYTES} bytes, not ${key.length}.`);
}

export function encryptFile(key: Uint8Array, plaintext: Uint8Array, associatedData?: string): EncryptedFile {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  if (associatedData !== undefined) cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, authTag: cipher.getAuthTag(), ciphertext, sha256: sha256Hex(plaintext) };
}

export function decryptFile(key: Uint8Array, file: EncryptedFile, associatedData?: string): Buffer {
  checkKey(key);
  let plaintext: Buffer;
  try {
    if (file.iv.length !== IV_BYTES || file.authTag.length !== TAG_BYTES) {
      throw new Error('bad IV or tag length');
    }
    const decipher = createDecipheriv(ALGORITHM, key, file.iv, { authTagLength: TAG_BYTES });
    if (associatedData !== undefined) decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(file.authTag);
    plaintext = Buffer.concat([decipher.update(file.ciphertext), decipher.final()]);
  } catch {
    throw new FileIntegrityError('authentication');
  }
  const expected = Buffer.from(file.sha256, 'hex');
  const actual = createHash('sha256').update(plaintext).digest();
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    throw new FileIntegrityError('checksum');
  }
  return plaintext;
}
