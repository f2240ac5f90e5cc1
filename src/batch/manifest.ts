import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const MANIFEST_FILE = '.cast2gif-manifest.json';

/** Output path (relative to the manifest's folder, with `/`) -> fingerprint of what produced it. */
export type Manifest = Map<string, string>;

/**
 * A missing or unreadable manifest means "nothing known": everything renders, which is always safe.
 * The reason is returned so a verbose log can say why.
 */
export function readManifest(dir: string): { manifest: Manifest; problem?: string } {
  let text: string;
  try {
    text = readFileSync(join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    return { manifest: new Map() };
  }
  try {
    const parsed = JSON.parse(text) as { outputs?: unknown };
    const outputs = parsed.outputs;
    if (!outputs || typeof outputs !== 'object' || Array.isArray(outputs)) throw new Error('no "outputs" object');
    const manifest: Manifest = new Map();
    for (const [path, hash] of Object.entries(outputs)) if (typeof hash === 'string') manifest.set(path, hash);
    return { manifest };
  } catch (error) {
    return { manifest: new Map(), problem: `${MANIFEST_FILE} ignored: ${(error as Error).message}` };
  }
}

/** Sorted keys and a trailing newline, so the file itself is stable in git; written atomically. */
export function writeManifest(dir: string, manifest: Manifest): void {
  const outputs = Object.fromEntries([...manifest].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const target = join(dir, MANIFEST_FILE);
  const temp = join(dir, `.${MANIFEST_FILE}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, `${JSON.stringify({ version: 1, outputs }, null, 2)}\n`);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
