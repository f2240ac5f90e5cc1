/**
 * What redaction looks for: the user's --redact patterns, and the well-known credential formats
 * that --redact-secrets masks (and that every render warns about). The formats are the vendors'
 * published token shapes; a pattern masks only the secret itself, never the name before it.
 */
export interface SecretPattern {
  /** What the warning calls it: "what looks like a GitHub token". */
  readonly kind: string;
  /** Global; matched against the screen's text as a person reads it. */
  readonly regex: RegExp;
  /** Text that every match holds, looked for first: most lines hold none, and are passed over at that cost. */
  readonly hint?: RegExp;
  /**
   * Matched against the whole screen (rows joined by newlines) rather than line by line: only when
   * a changed row holds `trigger`, or while a match lacking `closer` (still growing) is on screen.
   */
  readonly multiline?: { readonly trigger: string; readonly closer?: string };
}

const ALNUM = 'A-Za-z0-9';

export const BUILTIN_SECRETS: readonly SecretPattern[] = [
  // Classic tokens: a prefix for the kind (personal, OAuth, user-to-server, server-to-server, refresh) and 36 characters.
  { kind: 'a GitHub token', regex: new RegExp(`\\bgh[pousr]_[${ALNUM}]{36,251}\\b`, 'g'), hint: /gh[pousr]_/ },
  { kind: 'a GitHub token', regex: new RegExp(`\\bgithub_pat_[${ALNUM}_]{22,255}\\b`, 'g'), hint: /github_pat_/ },
  { kind: 'an AWS access key id', regex: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g, hint: /AKIA|ASIA|ABIA|ACCA/ },
  // The secret key is 40 characters of base64 with nothing to tell it apart: only after its usual names.
  {
    kind: 'an AWS secret access key',
    regex: /(?<=\baws_?secret_?access_?key["']?\s*[:=]\s*["']?)[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])/gi,
    hint: /access_?key/i,
  },
  { kind: 'a Slack token', regex: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, hint: /xox/ },
  { kind: 'a Slack token', regex: /\bxapp-\d-[A-Za-z0-9-]{10,}/g, hint: /xapp-/ },
  { kind: 'a Stripe secret key', regex: new RegExp(`\\b[rs]k_live_[${ALNUM}]{20,}`, 'g'), hint: /k_live_/ },
  { kind: 'a Google API key', regex: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g, hint: /AIza/ },
  { kind: 'an npm token', regex: new RegExp(`\\bnpm_[${ALNUM}]{36}\\b`, 'g'), hint: /npm_/ },
  { kind: 'a JSON Web Token', regex: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, hint: /eyJ/ },
  // The BEGIN line, the base64 lines under it and the END line. Until the END line is on screen the
  // block is open: it grows with each base64 line printed under it.
  {
    kind: 'a private key',
    regex: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----(?: *\n[A-Za-z0-9+/=]+)*(?: *\n-----END [A-Z0-9 ]*PRIVATE KEY-----)?/g,
    multiline: { trigger: 'PRIVATE KEY-----', closer: '-----END' },
  },
  // A key whose BEGIN line has scrolled off: its base64 lines at the screen's top, then the END line.
  {
    kind: 'a private key',
    regex: /^(?:[A-Za-z0-9+/=]+ *\n)+-----END [A-Z0-9 ]*PRIVATE KEY-----/g,
    multiline: { trigger: 'PRIVATE KEY-----' },
  },
  // name=value assignments: the value, up to white space, a quote, a bracket or the end of the line
  // (a bracketed value is a placeholder: "token: (none)", "password=<secret>").
  {
    kind: 'a password or token assignment',
    regex: /(?<=\b[A-Za-z0-9_.-]*(?:password|passwd|secret|token|api_?key)["']?\s*[=:]\s*["']?)[^\s"'()<>[\]{},;]{4,}/gi,
    hint: /pass|secret|token|api_?key/i,
  },
];

/** A pattern the user gave that cannot be used: a usage error naming it. */
export class PatternError extends Error {
  constructor(pattern: string, problem: string) {
    super(`${JSON.stringify(pattern)} ${problem}`);
    this.name = 'PatternError';
  }
}

/** Texts on which a usable pattern finds no empty match (an empty match would mask nothing, forever). */
const EMPTY_PROBES = ['', ' ', 'a', 'A1 b-2_c.3', '\u4e2d'];

/**
 * A --redact pattern: a JavaScript regular expression, written plain (`ghp_\w+`) or with flags as
 * `/…/flags` (`/secret-\d+/i`). Always global; `y` (sticky) would stop at the first miss, so it is refused.
 */
export function parseRedactPattern(text: string): SecretPattern {
  const slashed = /^\/([\s\S]+)\/([a-z]*)$/.exec(text);
  const source = slashed ? slashed[1]! : text;
  const flags = slashed ? slashed[2]! : '';
  if (source === '') throw new PatternError(text, 'is empty');
  if (flags.includes('y')) throw new PatternError(text, 'has the y (sticky) flag, which would stop at the first miss');
  let regex: RegExp;
  try {
    regex = new RegExp(source, flags.includes('g') ? flags : `${flags}g`);
  } catch (error) {
    throw new PatternError(text, `is not a valid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '')}`);
  }
  for (const probe of EMPTY_PROBES) {
    regex.lastIndex = 0;
    for (let match = regex.exec(probe); match !== null; match = regex.exec(probe)) {
      if (match[0] === '') throw new PatternError(text, 'matches the empty string, which would mask nothing');
      if (regex.lastIndex >= probe.length) break;
    }
  }
  regex.lastIndex = 0;
  return { kind: `a match of --redact ${text}`, regex };
}

/** Masks every match in a string of metadata (a title, a command): each matched character becomes `*`. */
export function maskString(text: string, patterns: readonly SecretPattern[]): string {
  let out = text;
  for (const { regex } of patterns) {
    regex.lastIndex = 0;
    out = out.replace(regex, (match) => '*'.repeat([...match].length));
  }
  return out;
}
