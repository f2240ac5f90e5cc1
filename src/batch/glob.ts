/**
 * A small glob dialect: `*`, `**`, `?`, `[...]` / `[!...]`, `{a,b}` (nested), and `\` to escape.
 * Written here rather than taken from a dependency because Node 20 has no stable fs.glob and the
 * dialect needed is small; the semantics follow the common shell/fast-glob conventions:
 * wildcards never cross `/`, `**` spans any number of folders (including none), and a wildcard at
 * the start of a name does not match a leading dot (hidden files need an explicit `.`).
 */

const MAGIC = /[*?[{]/;

/** True when the pattern contains an unescaped wildcard, class or brace. */
export function isGlob(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') i++;
    else if (MAGIC.test(c)) return true;
  }
  return false;
}

/** Patterns are written with `/`; on Windows `\` would be ambiguous with escapes, so callers convert first. */
function segments(pattern: string): string[] {
  return pattern.split('/');
}

/**
 * The pattern's non-magic leading folders: where a walk must start, and the folder that relative
 * output paths are kept under. `docs/casts/**\/*.cast` -> `docs/casts`; `*.cast` -> `.`.
 */
export function globBase(pattern: string): string {
  const parts = segments(pattern);
  const base: string[] = [];
  for (let i = 0; i < parts.length - 1; i++) {
    if (isGlob(parts[i]!)) break;
    base.push(unescape(parts[i]!));
  }
  if (base.length === 0) return '.';
  if (base.length === 1 && base[0] === '') return '/';
  return base.join('/');
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

const REGEX_SPECIAL = /[.+^$()|\\/{}[\]*?]/;
const escapeChar = (c: string): string => (REGEX_SPECIAL.test(c) ? `\\${c}` : c);

/** Splits brace contents at top-level commas. */
function braceAlternatives(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ',' && depth === 0) {
      out.push(body.slice(start, i));
      start = i + 1;
    }
  }
  out.push(body.slice(start));
  return out;
}

/** Index of the `}` closing the brace opened at `open`, or -1. */
function closingBrace(pattern: string, open: number): number {
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Index of the `]` closing a class opened at `open`, or -1 (then `[` is literal). */
function closingBracket(pattern: string, open: number): number {
  let i = open + 1;
  if (pattern[i] === '!' || pattern[i] === '^') i++;
  if (pattern[i] === ']') i++;
  for (; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === ']') return i;
    else if (pattern[i] === '/') return -1;
  }
  return -1;
}

function classSource(body: string): string {
  let negate = false;
  if (body[0] === '!' || body[0] === '^') {
    negate = true;
    body = body.slice(1);
  }
  let out = '';
  for (let i = 0; i < body.length; i++) {
    let c = body[i]!;
    if (c === '\\' && i + 1 < body.length) c = body[++i]!;
    out += c === '-' && i > 0 && i < body.length - 1 ? '-' : c.replace(/[\]\\^-]/, '\\$&');
  }
  // A class never matches the separator, negated or not.
  return negate ? `[^/${out}]` : `(?!/)[${out}]`;
}

/** The regular-expression source for one stretch of pattern (braces recurse through this). */
function source(pattern: string): string {
  let out = '';
  let atNameStart = true;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    const startOfName = atNameStart;
    atNameStart = false;
    if (c === '\\' && i + 1 < pattern.length) {
      out += escapeChar(pattern[++i]!);
    } else if (c === '/') {
      out += '\\/';
      atNameStart = true;
    } else if (c === '*' && pattern[i + 1] === '*' && startOfName && (i + 2 === pattern.length || pattern[i + 2] === '/')) {
      // `**` as a whole name: any number of non-hidden folders (and, at the end, files).
      const last = i + 2 === pattern.length;
      out += last ? '(?:(?!\\.)[^/]*(?:\\/(?!\\.)[^/]*)*)?' : '(?:(?!\\.)[^/]*\\/)*';
      i += last ? 1 : 2;
      atNameStart = true;
    } else if (c === '*') {
      while (pattern[i + 1] === '*') i++;
      out += `${startOfName ? '(?!\\.)' : ''}[^/]*`;
    } else if (c === '?') {
      out += `${startOfName ? '(?!\\.)' : ''}[^/]`;
    } else if (c === '[') {
      const close = closingBracket(pattern, i);
      if (close < 0) {
        out += '\\[';
      } else {
        out += `${startOfName ? '(?!\\.)' : ''}${classSource(pattern.slice(i + 1, close))}`;
        i = close;
      }
    } else if (c === '{') {
      const close = closingBrace(pattern, i);
      const alternatives = close < 0 ? [] : braceAlternatives(pattern.slice(i + 1, close));
      if (alternatives.length < 2) {
        out += '\\{';
      } else {
        const lead = startOfName ? '(?!\\.)' : '';
        out += `(?:${alternatives.map((a) => (a.startsWith('.') ? '' : lead) + source(a)).join('|')})`;
        i = close;
      }
    } else {
      out += escapeChar(c);
    }
  }
  return out;
}

/** A matcher for paths written with `/`, relative in the same way as the pattern. */
export function globToRegExp(pattern: string): RegExp {
  return new RegExp(`^${source(pattern.replace(/^\.\//, ''))}$`);
}

/** True when some segment may match a dot-name explicitly (then hidden folders are walked too). */
export function mentionsHidden(pattern: string): boolean {
  return segments(pattern).some((s) => s.startsWith('.') && s !== '.' && s !== '..') || /[/{,]\./.test(pattern);
}

/** How deep below the base a match can be; Infinity when `**` appears. */
export function maxDepth(pattern: string): number {
  const parts = segments(pattern);
  // Braces may hold `/`, so their depth is not simply countable.
  if (/\*\*|\{/.test(pattern)) return Infinity;
  const base = globBase(pattern);
  const baseParts = base === '.' ? 0 : base === '/' ? 1 : base.split('/').length;
  return parts.length - baseParts;
}
