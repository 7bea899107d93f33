import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const STAMP = path.join(ROOT, 'dist/web/.build-stamp');
const SOURCES = ['src/web', 'src/domain', 'vite.config.ts', 'postcss.config.cjs', 'package-lock.json'];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** The web build is stale when it is missing or older than any of its sources. */
export function webBuildIsStale(): boolean {
  if (!existsSync(STAMP) || !existsSync(path.join(ROOT, 'dist/web/index.html'))) return true;
  const built = statSync(STAMP).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(ROOT, s)) > built);
}

export async function buildWeb(): Promise<void> {
  const { build } = await import('vite');
  await build({ root: ROOT, configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  writeFileSync(STAMP, new Date().toISOString());
}

export async function buildWebIfStale(log: (msg: string) => void): Promise<void> {
  if (!webBuildIsStale()) return;
  log('Building the web app (first start, or its sources changed)…');
  const t = Date.now();
  await buildWeb();
  log(`Web app built in ${((Date.now() - t) / 1000).toFixed(1)} s.`);
}
