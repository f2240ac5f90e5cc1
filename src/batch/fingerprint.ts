import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadRecordingOptions } from '../cast/detect.js';
import type { RenderOptions } from '../render/options.js';

/** Bumped when the meaning of a fingerprint changes, so old manifests stop matching. */
const FINGERPRINT_SCHEMA = 1;

export const packageVersion = (): string =>
  (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** JSON with object keys sorted at every level: equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

function fileDigest(path: string): string | undefined {
  try {
    return statSync(path).isFile() ? sha256(readFileSync(path)) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Files an option names whose content shapes the picture (a theme file, font files, a font
 * folder): a changed font must re-render even though the option's text is the same.
 */
function referencedFiles(options: RenderOptions, read: ReadOptions): Array<[string, string | undefined]> {
  const files: Array<[string, string | undefined]> = [];
  if (read.timing !== undefined) files.push([read.timing, fileDigest(read.timing)]);
  if (options.theme !== undefined) {
    const digest = fileDigest(options.theme);
    if (digest !== undefined) files.push([options.theme, digest]);
  }
  for (const font of options.fontFiles ?? []) files.push([font, fileDigest(font)]);
  if (options.fontDir !== undefined) {
    let names: string[] = [];
    try {
      names = readdirSync(options.fontDir).sort();
    } catch {
      names = [];
    }
    for (const name of names) files.push([join(options.fontDir, name), fileDigest(join(options.fontDir, name))]);
  }
  return files;
}

type ReadOptions = Pick<ReadRecordingOptions, 'inputFormat' | 'timing' | 'maxCols' | 'maxRows'>;

/**
 * What an output depends on: the input's bytes, how it is read, every option that reaches the
 * renderer, the files those options name, and the package version (a new release may draw differently).
 */
export function fingerprint(inputBytes: Uint8Array, options: RenderOptions, version: string, read: ReadOptions = {}): string {
  const { onWarning: _ignored, ...rest } = options;
  return sha256(
    canonicalJson({
      schema: FINGERPRINT_SCHEMA,
      version,
      input: sha256(inputBytes),
      read,
      options: rest,
      files: referencedFiles(options, read),
    }),
  );
}
