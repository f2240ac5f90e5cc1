import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { OutputFormat } from '../formats/registry.js';
import { optionEntries, optionSpec, type OptionName, type OptionValues } from '../options/option-values.js';

/** Bumped when the meaning of a fingerprint changes, so old manifests stop matching. */
const FINGERPRINT_SCHEMA = 2;

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

/** Each path an output-shaping option names, with the digest of its contents (a folder: of each file in it; none for what is not a file). */
function referencedFiles(values: OptionValues): Array<[string, string | undefined]> {
  const files: Array<[string, string | undefined]> = [];
  for (const [name, spec] of optionEntries()) {
    const value = (values as Record<string, unknown>)[name];
    if (!spec.output || spec.names === undefined || value === undefined) continue;
    for (const path of (Array.isArray(value) ? value : [value]) as string[]) {
      if (spec.names === 'file') {
        files.push([path, fileDigest(path)]);
        continue;
      }
      let names: string[] = [];
      try {
        names = readdirSync(path).sort();
      } catch {
        names = [];
      }
      for (const entry of names) files.push([join(path, entry), fileDigest(join(path, entry))]);
    }
  }
  return files;
}

/**
 * What an output depends on: the input's bytes, its format, every option the schema says can
 * change an output's bytes, the contents of the files those options name, and the package
 * version (a new release may draw differently).
 */
export function fingerprint(inputBytes: Uint8Array, format: OutputFormat, values: OptionValues, version: string): string {
  // The output's own format stands for the list of formats (adding one to the list changes no other output).
  const shaping = Object.fromEntries(Object.entries(values).filter(([name]) => name !== 'format' && optionSpec(name as OptionName).output));
  return sha256(
    canonicalJson({
      schema: FINGERPRINT_SCHEMA,
      version,
      input: sha256(inputBytes),
      format,
      options: shaping,
      files: referencedFiles(values),
    }),
  );
}
