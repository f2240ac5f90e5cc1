/**
 * The part of TOML that colour themes use: [tables] and [dotted.tables], key = "string" |
 * 'string' | number | boolean, inline tables { k = v }, and comments. Arrays of tables
 * ([[colors.indexed_colors]]) and arrays are skipped: a theme's 16 colours never live there.
 * Not a general TOML reader (no multi-line strings or dates).
 */
export type TomlValue = string | number | boolean | TomlTable;
export interface TomlTable {
  [key: string]: TomlValue;
}

export function parseToml(text: string): TomlTable {
  const root: TomlTable = {};
  let current = root;
  text.split(/\r?\n/).forEach((raw, lineIndex) => {
    const line = stripComment(raw).trim();
    if (line === '') return;
    if (/^\[\[.*\]\]$/.test(line)) {
      current = {};
      return;
    }
    const header = /^\[\s*([^\][]+?)\s*\]$/.exec(line);
    if (header) {
      current = tableAt(root, splitKey(header[1]!), lineIndex);
      return;
    }
    const eq = line.indexOf('=');
    if (eq < 0) throw new Error(`TOML line ${lineIndex + 1}: expected "key = value"`);
    const path = splitKey(line.slice(0, eq));
    const table = tableAt(current, path.slice(0, -1), lineIndex);
    table[path.at(-1)!] = parseValue(line.slice(eq + 1).trim(), lineIndex);
  });
  return root;
}

function stripComment(line: string): string {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') return line.slice(0, i);
  }
  return line;
}

const splitKey = (key: string): string[] => key.split('.').map((k) => k.trim().replace(/^(["'])(.*)\1$/, '$2'));

function tableAt(root: TomlTable, path: string[], lineIndex: number): TomlTable {
  let t = root;
  for (const k of path) {
    const next = t[k];
    if (next === undefined) t = t[k] = {};
    else if (typeof next === 'object') t = next;
    else throw new Error(`TOML line ${lineIndex + 1}: "${k}" is not a table`);
  }
  return t;
}

function parseValue(text: string, lineIndex: number): TomlValue {
  const quoted = /^"((?:[^"\\]|\\.)*)"$|^'([^']*)'$/.exec(text);
  if (quoted) return quoted[2] ?? quoted[1]!.replace(/\\(.)/g, '$1');
  if (text === 'true' || text === 'false') return text === 'true';
  if (text.startsWith('[') && text.endsWith(']')) return {};
  if (text.startsWith('{') && text.endsWith('}')) {
    const table: TomlTable = {};
    for (const part of splitInline(text.slice(1, -1))) {
      const eq = part.indexOf('=');
      if (eq < 0) throw new Error(`TOML line ${lineIndex + 1}: bad inline table`);
      const path = splitKey(part.slice(0, eq));
      tableAt(table, path.slice(0, -1), lineIndex)[path.at(-1)!] = parseValue(part.slice(eq + 1).trim(), lineIndex);
    }
    return table;
  }
  const n = Number(text.replace(/_/g, ''));
  if (text !== '' && Number.isFinite(n)) return n;
  throw new Error(`TOML line ${lineIndex + 1}: cannot read value ${text}`);
}

/** Splits "a = 1, b = { c = 2 }" at top-level commas. */
function splitInline(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}
