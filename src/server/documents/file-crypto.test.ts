import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptFile, encryptFile, FileIntegrityError, IV_BYTES, sha256Hex } from './file-crypto.ts';

const key = randomBytes(32);
const plaintext = Buffer.from('%PDF-1.7 a ticket to Tbilisi, seat 14C');

function failure(f: () => unknown): FileIntegrityError {
  try {
    f();
  } catch (e) {
    if (e instanceof FileIntegrityError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

describe('file encryption', () => {
  it('round-trips, with the SHA-256 of the plaintext', () => {
    const sealed = encryptFile(key, plaintext, 'doc-1');
    expect(sealed.iv).toHaveLength(IV_BYTES);
    expect(sealed.authTag).toHaveLength(16);
    expect(sealed.sha256).toBe(sha256Hex(plaintext));
    expect(sealed.ciphertext.includes(plaintext)).toBe(false);
    expect(decryptFile(key, sealed, 'doc-1')).toEqual(plaintext);
  });

  it('uses a fresh IV for every file: the same file encrypts differently', () => {
    const a = encryptFile(key, plaintext);
    const b = encryptFile(key, plaintext);
    expect(a.iv.equals(b.iv)).toBe(false);
    expect(a.ciphertext.equals(b.ciphertext)).toBe(false);
  });

  it('refuses a flipped ciphertext byte, a changed IV or tag, another key or other associated data', () => {
    const sealed = encryptFile(key, plaintext, 'doc-1');
    const flipped = Buffer.from(sealed.ciphertext);
    flipped[3]! ^= 0x01;
    expect(failure(() => decryptFile(key, { ...sealed, ciphertext: flipped }, 'doc-1')).reason).toBe(
      'authentication',
    );
    const iv = Buffer.from(sealed.iv);
    iv[0]! ^= 0x80;
    expect(failure(() => decryptFile(key, { ...sealed, iv }, 'doc-1')).reason).toBe('authentication');
    expect(
      failure(() => decryptFile(key, { ...sealed, authTag: sealed.authTag.subarray(0, 12) }, 'doc-1')).reason,
    ).toBe('authentication');
    expect(failure(() => decryptFile(randomBytes(32), sealed, 'doc-1')).reason).toBe('authentication');
    expect(failure(() => decryptFile(key, sealed, 'doc-2')).reason).toBe('authentication');
  });

  it('refuses a file whose recorded checksum does not match, even when the tag does', () => {
    const sealed = encryptFile(key, plaintext);
    const other = sha256Hex(Buffer.from('something else'));
    const e = failure(() => decryptFile(key, { ...sealed, sha256: other }));
    expect(e.reason).toBe('checksum');
    expect(failure(() => decryptFile(key, { ...sealed, sha256: 'not hex' })).reason).toBe('checksum');
  });

  it('needs a 32-byte key', () => {
    expect(() => encryptFile(randomBytes(16), plaintext)).toThrow(RangeError);
  });
});
