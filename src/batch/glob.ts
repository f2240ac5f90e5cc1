import { Minimatch } from 'minimatch';

/**
 * Globs are minimatch's, the matcher of npm and node-glob: `*`, `**`, `?`, `[...]` / `[!...]`,
 * `{a,b}` (nested) and `{1..3}`, and `\` to escape. Wildcards never cross `/`, `**` spans any
 * number of folders (including none), and a wildcard does not match a leading dot (hidden files
 * need an explicit `.`). Left out, so that names holding their characters match themselves: a
 * leading `!` (negation) or `#` (comment), and extglobs such as `+(a|b)`.
 * Patterns are written with `/`; on Windows `\` would be ambiguous with escapes, so callers convert first.
 */
export const glob = (pattern: string, options: { matchBase?: boolean } = {}): Minimatch =>
  new Minimatch(pattern, { nonegate: true, nocomment: true, noext: true, magicalBraces: true, ...options });

/**
 * True when the pattern has a wildcard to expand. Not for `docs/\*.cast`, `x[y` or `demo[1].cast`
 * (a class of one character): such an argument is the file of that name, as written.
 */
export const isGlob = (pattern: string): boolean => glob(pattern).hasMagic();

/**
 * The folders every match lies under before the first wildcard: where a walk must start, and the
 * folder that relative output paths are kept under. `docs/casts/**\/*.cast` -> `docs/casts`;
 * `*.cast` -> `.`; `{docs,site}/*.cast` -> `.`.
 */
export function globBase(pattern: string): string {
  // One list of parts per brace alternative: literal parts are strings, wildcards are not.
  const leads = glob(pattern).set.map((parts) => {
    const folders = parts.slice(0, -1);
    const firstMagic = folders.findIndex((part) => typeof part !== 'string');
    return (firstMagic < 0 ? folders : folders.slice(0, firstMagic)) as string[];
  });
  const base = leads.reduce(commonLead, leads[0] ?? []);
  if (base.length === 0) return '.';
  if (base.length === 1 && base[0] === '') return '/';
  return base.join('/');
}

/** The parts two paths share from their start. */
export function commonLead(a: readonly string[], b: readonly string[]): string[] {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return a.slice(0, n);
}
