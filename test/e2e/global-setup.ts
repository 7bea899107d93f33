/**
 * Vitest globalSetup for the e2e project: builds the web app into dist/web when it is missing or
 * older than its sources (the same check `npm start` makes), so the server under test serves the
 * current UI.
 */
import { buildWebIfStale } from '../../src/cli/web-build.ts';

export default async function setup(): Promise<void> {
  await buildWebIfStale((msg) => process.stdout.write(`${msg}\n`));
}
