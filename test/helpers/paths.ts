import { join, resolve } from 'node:path';

/** The checkout: the folder holding package.json, bin/, examples/ and test/. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** The shared recordings, one folder per source (test/corpus/MANIFEST.md lists them). */
export const CORPUS = join(ROOT, 'test/corpus/casts');
