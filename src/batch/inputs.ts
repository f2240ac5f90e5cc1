import { readdirSync, statSync, type Dirent } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { commonLead, glob, globBase, isGlob } from './glob.js';
import { BatchSetupError } from './errors.js';

/** One input file, with the folder its output path is kept relative to. */
export interface BatchInput {
  /** As shown in logs and used as the manifest's and config's key: relative to cwd, with `/`. */
  readonly path: string;
  readonly absolute: string;
  /** Absolute folder the output keeps its relative path under (the glob's base, or the literals' common folder). */
  readonly base: string;
}

const toPosix = (p: string): string => (sep === '/' ? p : p.split(sep).join('/'));

/** `path` for display: relative to cwd when inside it, else absolute. */
export function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? toPosix(absolute) : toPosix(rel);
}

function commonFolder(paths: readonly string[]): string {
  return paths.map((p) => dirname(p).split(sep)).reduce(commonLead).join(sep) || sep;
}

/**
 * Files under `root` (absolute) whose path relative to `cwd` matches. A folder is entered only
 * when something below it could match (so hidden folders only when the pattern names them);
 * folder symlinks are not followed, so cycles cannot occur.
 */
function walk(root: string, cwd: string, pattern: string): string[] {
  const matcher = glob(pattern);
  const absolutePattern = isAbsolute(pattern);
  const found: string[] = [];
  const visit = (dir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = resolve(dir, entry.name);
      const key = absolutePattern ? toPosix(full) : toPosix(relative(cwd, full));
      if (entry.isDirectory()) {
        if (matcher.match(key, true)) visit(full);
      } else if (matcher.match(key)) {
        if (entry.isFile() || (entry.isSymbolicLink() && isFile(full))) found.push(full);
      }
    }
  };
  visit(root);
  return found;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

const isUrl = (arg: string): boolean => /^https?:\/\//i.test(arg);

/**
 * Whether an argument is a pattern to expand. A URL (`?raw=true`) or a file that exists under
 * exactly that name (`demo[1].cast`) is what it names, however many wildcard characters it holds.
 */
export function expandsAsGlob(arg: string, cwd: string): boolean {
  if (arg === '-' || isUrl(arg) || !isGlob(normalisePattern(arg))) return false;
  try {
    statSync(resolve(cwd, arg));
    return false;
  } catch {
    return true;
  }
}

/** `./a/b` -> `a/b`; patterns are matched against paths relative to cwd without a `./` prefix. */
function normalisePattern(pattern: string): string {
  let p = sep === '/' ? pattern : pattern.split(sep).join('/');
  while (p.startsWith('./')) p = p.slice(2);
  return p;
}

/**
 * Expands globs (quoted so the shell left them alone) and keeps literal paths as they are, even
 * missing ones (and existing files whose names look like globs): a missing file is that input's own failure, reported beside the others' results.
 * The result is deduplicated and sorted by path, so it is the same on every machine and run.
 */
export function expandInputs(patterns: readonly string[], cwd: string): BatchInput[] {
  const byPath = new Map<string, BatchInput>();
  const literals: string[] = [];
  for (const raw of patterns) {
    if (raw === '-' || isUrl(raw)) {
      throw new BatchSetupError(`${raw}: stdin and URLs can only be rendered one at a time, not in a batch`);
    }
    if (!expandsAsGlob(raw, cwd)) {
      literals.push(resolve(cwd, raw));
      continue;
    }
    const pattern = normalisePattern(raw);
    const base = resolve(cwd, globBase(pattern));
    const matches = walk(base, cwd, pattern);
    if (matches.length === 0) throw new BatchSetupError(`no files match "${raw}"`);
    for (const absolute of matches) {
      if (!byPath.has(absolute)) byPath.set(absolute, { path: displayPath(absolute, cwd), absolute, base });
    }
  }
  if (literals.length > 0) {
    const base = commonFolder(literals);
    for (const absolute of literals) {
      if (!byPath.has(absolute)) byPath.set(absolute, { path: displayPath(absolute, cwd), absolute, base });
    }
  }
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
