import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const INDEX = path.join(ROOT, 'dist/web/index.html');
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
  if (!existsSync(INDEX)) return true;
  const built = statSync(INDEX).mtimeMs; // every build writes index.html anew
  return SOURCES.some((s) => newestMtime(path.join(ROOT, s)) > built);
}

export async function buildWeb(): Promise<void> {
  const { build } = await import('vite');
  // Under a test runner NODE_ENV=test would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: path.join(ROOT, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

export async function buildWebIfStale(log: (msg: string) => void): Promise<void> {
  if (!webBuildIsStale()) return;
  log('Building the web app (first start, or its sources changed)…');
  const t = Date.now();
  await buildWeb();
  log(`Web app built in ${((Date.now() - t) / 1000).toFixed(1)} s.`);
}
