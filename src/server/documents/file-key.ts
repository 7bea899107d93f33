import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.ts';
import { KEY_BYTES } from './file-crypto.ts';

/**
 * The key that encrypts stored documents. It comes from HOMEWARD_FILE_KEY when that is set. Otherwise
 * it is kept in the file `file-key` in the data directory (base64, mode 0600), generated at the first
 * need so that a new installation works out of the box, and read from there on later starts.
 *
 * Each document records the id of the key it was encrypted with (the first 8 hex characters of the
 * key's SHA-256), so that key rotation can be added later and a missing key is told apart from
 * damage. docs/operations.md says where the key lives and how to back it up.
 */

export const FILE_KEY_FILENAME = 'file-key';

export interface FileKey {
  id: string;
  key: Buffer;
  /** Where it came from: the environment, the key file, or generated now into the key file. */
  source: 'environment' | 'file' | 'generated';
  /** The key file (absent when the key comes from the environment). */
  file?: string;
}

export class FileKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileKeyError';
  }
}

export function fileKeyId(key: Uint8Array): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

function decode(text: string, where: string): Buffer {
  const v = text.trim();
  const key = Buffer.from(v, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(v) || key.length !== KEY_BYTES) {
    throw new FileKeyError(`${where} must hold the base64 of exactly ${KEY_BYTES} bytes.`);
  }
  return key;
}

export interface LoadFileKeyOptions {
  /**
   * The key ids documents in the database were encrypted with. When the key file is missing and
   * documents exist, no new key is generated: that would hide a lost key (or a second server with
   * its own data directory) until someone tries to open an older document.
   */
  keyIdsInUse?: () => Promise<string[]>;
}

export async function loadFileKey(
  config: Pick<Config, 'HOMEWARD_FILE_KEY' | 'dataDir'>,
  options: LoadFileKeyOptions = {},
): Promise<FileKey> {
  if (config.HOMEWARD_FILE_KEY !== undefined) {
    const key = decode(config.HOMEWARD_FILE_KEY, 'HOMEWARD_FILE_KEY');
    return { id: fileKeyId(key), key, source: 'environment' };
  }
  const file = path.join(config.dataDir, FILE_KEY_FILENAME);
  const existing = readKeyFile(file);
  if (existing) return { id: fileKeyId(existing), key: existing, source: 'file', file };

  const inUse = (await options.keyIdsInUse?.()) ?? [];
  if (inUse.length > 0) {
    throw new FileKeyError(
      `Stored documents are encrypted with the file key ${inUse.join(', ')}, but there is no key: ` +
        `${file} is missing and HOMEWARD_FILE_KEY is not set. Restore the key file from its backup ` +
        `or set HOMEWARD_FILE_KEY; a new key is not generated while such documents exist.`,
    );
  }
  const { key, created } = createKeyFile(file);
  return { id: fileKeyId(key), key, source: created ? 'generated' : 'file', file };
}

function readKeyFile(file: string): Buffer | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new FileKeyError(`Cannot read the file key ${file}: ${(e as Error).message}`);
  }
  return decode(text, `The file key ${file}`);
}

/**
 * Writes a new random key to a temporary file (mode 0600, flushed) and links it into place, which
 * fails if the key file appeared meanwhile: two processes starting together end up with one key.
 */
function createKeyFile(file: string): { key: Buffer; created: boolean } {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(KEY_BYTES);
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const fd = openSync(tmp, 'wx', 0o600);
    try {
      writeSync(fd, `${key.toString('base64')}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(tmp, file);
      return { key, created: true };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const theirs = readKeyFile(file);
      if (!theirs) throw new FileKeyError(`The file key ${file} vanished while it was being created.`);
      return { key: theirs, created: false };
    }
  } catch (e) {
    if (e instanceof FileKeyError) throw e;
    throw new FileKeyError(`Cannot create the file key ${file}: ${(e as Error).message}`);
  } finally {
    rmSync(tmp, { force: true });
  }
}
