import { createRequire } from 'node:module';
import type { ParseError } from 'jsonc-parser';

/**
 * Each parser is loaded when a theme file of its format is read: the theme code is in every CLI
 * start, which most renders make with a built-in theme, and the CLI keeps the parsers outside its bundle.
 */
const loadPackage = createRequire(import.meta.url);

/** A table of a parsed theme document: keys to whatever the format allows. */
export type DocumentTable = Record<string, unknown>;

export const isTable = (value: unknown): value is DocumentTable => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The sub-table under `key`, when there is one. */
export const tableAt = (tree: unknown, key: string): DocumentTable | undefined => {
  const value = isTable(tree) ? tree[key] : undefined;
  return isTable(value) ? value : undefined;
};

/** A theme file that is not well-formed in its own syntax, as one line: `file:line: not TOML (problem)`. */
const syntaxError = (origin: string, line: number | undefined, syntax: string, problem: string): Error =>
  new Error(`${origin}${line === undefined ? '' : `:${line}`}: not ${syntax} (${problem})`);

export function readToml(text: string, origin: string): DocumentTable {
  const { parse: parseToml, TomlError } = loadPackage('smol-toml') as typeof import('smol-toml');
  try {
    return parseToml(text);
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    // The message holds a code excerpt after its first line; the line number says where instead.
    const problem = error.message.split('\n')[0]!.replace(/^Invalid TOML document: /, '');
    throw syntaxError(origin, error.line, 'TOML', problem);
  }
}

/**
 * JSON with the comments and trailing commas Windows Terminal accepts in settings.json, read as
 * VS Code reads its own settings. A syntax error is reported at its line, by its code's words
 * ("ColonExpected" -> "colon expected").
 */
export function readJsonc(text: string, origin: string): unknown {
  const { parse: parseJsonc, printParseErrorCode } = loadPackage('jsonc-parser') as typeof import('jsonc-parser');
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(text, errors, { allowTrailingComma: true });
  const first = errors[0];
  if (first === undefined) return value;
  const line = text.slice(0, first.offset).split('\n').length;
  const problem = printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  throw syntaxError(origin, line, 'JSON', problem);
}

/** YAML with every scalar kept as text, as theme files mean them: base16's 000000 is a colour, not 0. */
export function readYaml(text: string, origin: string): unknown {
  const { LineCounter, parseDocument } = loadPackage('yaml') as typeof import('yaml');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { schema: 'failsafe', lineCounter, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    // An error at the very end (an unclosed quote) is named on the last line that has text.
    const line = Math.min(lineCounter.linePos(error.pos[0]).line, lineCounter.linePos(text.trimEnd().length).line);
    throw syntaxError(origin, line, 'YAML', error.message.split('\n')[0]!);
  }
  try {
    return doc.toJS();
  } catch (e) {
    // An alias expanding past yaml's limit (a "billion laughs") is refused here.
    throw syntaxError(origin, undefined, 'YAML', (e as Error).message.split('\n')[0]!);
  }
}
