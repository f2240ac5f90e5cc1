import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BatchSetupError } from './errors.js';
import { glob } from './glob.js';
import { checkOption, isOptionName, mergeOptions, negatedOption, type OptionName, type OptionValues } from '../options/option-values.js';

export const CONFIG_FILE = 'cast2gif.config.json';

export interface Override {
  /** Globs as written, matched against input paths relative to the config's folder (or, without `/`, their names). */
  readonly files: readonly string[];
  readonly options: OptionValues;
}

export interface BatchConfig {
  /** Where it came from, for messages: `cast2gif.config.json` or `package.json#cast2gif`. */
  readonly source: string;
  readonly options: OptionValues;
  readonly outDir?: string;
  readonly jobs?: number;
  readonly overrides: readonly Override[];
}

/** Keys only meaningful for the batch as a whole, so not allowed inside an override. */
const TOP_LEVEL_ONLY = ['outDir', 'jobs', 'overrides'] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(source: string, where: string, problem: string): never {
  throw new BatchSetupError(`${source}: ${where}: ${problem}`);
}

function readOptions(source: string, where: string, raw: Record<string, unknown>, allowed: readonly string[]): OptionValues {
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const path = where ? `${where}.${key}` : key;
    if (allowed.includes(key)) continue;
    try {
      const negated = negatedOption(key, value);
      if (negated !== undefined) {
        const [name, set] = negated;
        if (Object.hasOwn(raw, name)) fail(source, path, `conflicts with "${name}": give one of them`);
        if (set !== undefined) values[name] = set;
        continue;
      }
      if (!isOptionName(key)) fail(source, path, 'unknown option');
      values[key] = checkOption(key as OptionName, value);
    } catch (error) {
      if (error instanceof BatchSetupError) throw error;
      fail(source, path, (error as Error).message);
    }
  }
  return values as OptionValues;
}

function readOverride(source: string, index: number, raw: unknown): Override {
  const where = `overrides[${index}]`;
  if (!isObject(raw)) fail(source, where, 'expected an object { "files": "glob", "options": { ... } }');
  for (const key of Object.keys(raw)) {
    if (key !== 'files' && key !== 'options') fail(source, `${where}.${key}`, 'unknown key (expected "files" and "options")');
  }
  const files = typeof raw.files === 'string' ? [raw.files] : raw.files;
  if (!Array.isArray(files) || files.length === 0 || !files.every((f) => typeof f === 'string' && f !== '')) {
    fail(source, `${where}.files`, 'expected a glob or a list of globs');
  }
  if (!isObject(raw.options)) fail(source, `${where}.options`, 'expected an object of options');
  return { files: files as string[], options: readOptions(source, `${where}.options`, raw.options, []) };
}

/** Validates a config object (from either file); every unknown key is an error naming it. */
export function parseConfig(raw: unknown, source: string): BatchConfig {
  if (!isObject(raw)) fail(source, 'top level', 'expected an object of options');
  const options = readOptions(source, '', raw, TOP_LEVEL_ONLY);
  const { outDir, overrides = [] } = raw;
  if (outDir !== undefined && (typeof outDir !== 'string' || outDir === '')) fail(source, 'outDir', 'expected a folder path');
  const jobs = raw.jobs === undefined ? undefined : typeof raw.jobs === 'string' && raw.jobs.trim() !== '' ? Number(raw.jobs) : raw.jobs;
  if (jobs !== undefined && !(typeof jobs === 'number' && Number.isInteger(jobs) && jobs > 0)) {
    fail(source, 'jobs', 'expected a whole number above 0');
  }
  if (!Array.isArray(overrides)) fail(source, 'overrides', 'expected a list of { "files": ..., "options": ... }');
  return {
    source,
    options,
    outDir: outDir as string | undefined,
    jobs: jobs as number | undefined,
    overrides: overrides.map((o, i) => readOverride(source, i, o)),
  };
}

function readJson(path: string, source: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new BatchSetupError(`${source}: cannot be read as JSON (${(error as Error).message})`);
  }
}

/**
 * The configuration in `cwd`: cast2gif.config.json, else a "cast2gif" key in package.json, else
 * none. Both at once is refused, since one would silently be ignored.
 */
export function loadConfig(cwd: string): BatchConfig | undefined {
  const file = join(cwd, CONFIG_FILE);
  const pkgFile = join(cwd, 'package.json');
  const pkg = existsSync(pkgFile) ? readJson(pkgFile, 'package.json') : undefined;
  const inPackage = isObject(pkg) && Object.hasOwn(pkg, 'cast2gif') ? pkg.cast2gif : undefined;
  if (existsSync(file)) {
    if (inPackage !== undefined) {
      throw new BatchSetupError(`both ${CONFIG_FILE} and package.json's "cast2gif" key configure cast2gif: keep one`);
    }
    return parseConfig(readJson(file, CONFIG_FILE), CONFIG_FILE);
  }
  return inPackage === undefined ? undefined : parseConfig(inPackage, 'package.json#cast2gif');
}

/** As in .gitignore and prettier's overrides, a glob without `/` matches the file's name in any folder. */
const overrideMatches = (pattern: string, inputPath: string): boolean => glob(pattern.replace(/^\.\//, ''), { matchBase: true }).match(inputPath);

/**
 * One input's options: built-in defaults, then the config's, then each matching override in
 * order, then what the command line set explicitly.
 */
export function optionsFor(
  inputPath: string,
  layers: { defaults?: OptionValues; config?: BatchConfig; explicit?: OptionValues },
): OptionValues {
  const matching = (layers.config?.overrides ?? [])
    .filter((o) => o.files.some((pattern) => overrideMatches(pattern, inputPath)))
    .map((o) => o.options);
  return mergeOptions(layers.defaults, layers.config?.options, ...matching, layers.explicit);
}
