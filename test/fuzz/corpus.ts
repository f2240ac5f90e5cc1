import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, ROOT } from '../helpers/paths.js';

export const CRASHERS = join(ROOT, 'test/fuzz/crashers');

/** Every recording in the shared corpus (licence files aside), smallest first. */
export function corpusFiles(): { name: string; bytes: Buffer }[] {
  const files: { name: string; bytes: Buffer }[] = [];
  for (const dir of readdirSync(CORPUS).sort()) {
    for (const file of readdirSync(join(CORPUS, dir)).sort()) {
      if (file === 'LICENSE') continue;
      files.push({ name: `${dir}/${file}`, bytes: readFileSync(join(CORPUS, dir, file)) });
    }
  }
  return files.sort((a, b) => a.bytes.length - b.bytes.length || a.name.localeCompare(b.name));
}

/** FUZZ_SEED=N reruns one failing seed alone (checks about the whole run's spread are then left out). */
export const replaying = process.env.FUZZ_SEED !== undefined;

/** Seeds for a short CI run, or the one seed being replayed. */
export function seeds(count: number): number[] {
  const first = Number(process.env.FUZZ_SEED ?? 1);
  const n = process.env.FUZZ_SEED ? 1 : count;
  return Array.from({ length: n }, (_, i) => first + i);
}
