import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';
import { FILE_KEY_FILENAME, fileKeyId, FileKeyError, loadFileKey } from './file-key.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'homeward-file-key-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the file key', () => {
  it('comes from HOMEWARD_FILE_KEY when it is set, and then no file is written', async () => {
    const key = randomBytes(32);
    const config = loadConfig({ HOMEWARD_FILE_KEY: key.toString('base64'), HOMEWARD_DATA_DIR: root });
    const loaded = await loadFileKey(config);
    expect(loaded.key.equals(key)).toBe(true);
    expect(loaded.source).toBe('environment');
    expect(loaded.id).toBe(fileKeyId(key));
    expect(loaded.id).toMatch(/^[0-9a-f]{8}$/);
    expect(() => statSync(path.join(root, FILE_KEY_FILENAME))).toThrow();
  });

  it('is refused at start-up with a readable message when it is not 32 bytes of base64', () => {
    for (const bad of [
      randomBytes(16).toString('base64'),
      'not base64 at all!',
      randomBytes(32).toString('hex'),
    ]) {
      expect(() => loadConfig({ HOMEWARD_FILE_KEY: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ HOMEWARD_FILE_KEY: bad })).toThrow(
        /HOMEWARD_FILE_KEY: must be the base64 of exactly 32/,
      );
    }
  });

  it('is generated once into the data directory (created, mode 0600) and read back on later starts', async () => {
    const dataDir = path.join(root, 'nested', 'data');
    const config = loadConfig({ HOMEWARD_DATA_DIR: dataDir });
    const first = await loadFileKey(config);
    expect(first.source).toBe('generated');
    const file = path.join(dataDir, FILE_KEY_FILENAME);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64').equals(first.key)).toBe(true);
    const again = await loadFileKey(config);
    expect(again.source).toBe('file');
    expect(again.key.equals(first.key)).toBe(true);
    expect(again.id).toBe(first.id);
  });

  it('ends with one key when several loads race', async () => {
    const config = loadConfig({ HOMEWARD_DATA_DIR: root });
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadFileKey(config)));
    expect(new Set(keys.map((k) => k.id)).size).toBe(1);
  });

  it('is not generated anew while documents encrypted with another key exist', async () => {
    const config = loadConfig({ HOMEWARD_DATA_DIR: root });
    await expect(loadFileKey(config, { keyIdsInUse: () => Promise.resolve(['1a2b3c4d']) })).rejects.toThrow(
      /encrypted with the file key 1a2b3c4d, but there is no key/,
    );
    expect(() => statSync(path.join(root, FILE_KEY_FILENAME))).toThrow();
  });

  it('refuses a damaged key file rather than replacing it', async () => {
    writeFileSync(path.join(root, FILE_KEY_FILENAME), 'short\n');
    await expect(loadFileKey(loadConfig({ HOMEWARD_DATA_DIR: root }))).rejects.toThrow(FileKeyError);
    expect(readFileSync(path.join(root, FILE_KEY_FILENAME), 'utf8')).toBe('short\n');
  });
});

describe('HOMEWARD_MAX_UPLOAD_BYTES', () => {
  it('defaults to 10 MiB and is at least 1024', () => {
    expect(loadConfig({}).HOMEWARD_MAX_UPLOAD_BYTES).toBe(10 * 1024 * 1024);
    expect(loadConfig({ HOMEWARD_MAX_UPLOAD_BYTES: '2048' }).HOMEWARD_MAX_UPLOAD_BYTES).toBe(2048);
    expect(() => loadConfig({ HOMEWARD_MAX_UPLOAD_BYTES: '10' })).toThrow(/HOMEWARD_MAX_UPLOAD_BYTES/);
  });
});
