import { describe, expect, it } from 'vitest';
import { BUILTIN_SECRETS, maskString, parseRedactPattern, PatternError } from '../../src/edit/redact/patterns.js';

/** Every kind --redact-secrets knows, on a line as a program would print it, and what must be masked of it. */
const SAMPLES: [kind: string, line: string, secret: string][] = [
  ['a GitHub token', 'token: ghp_Q3v8LmT2xK9pR4sW7yZ1aB6cD0eF5gH2jN8k', 'ghp_Q3v8LmT2xK9pR4sW7yZ1aB6cD0eF5gH2jN8k'],
  ['a GitHub token', 'gho_abcdefghijklmnopqrstuvwxyz0123456789 (oauth)', 'gho_abcdefghijklmnopqrstuvwxyz0123456789'],
  ['a GitHub token', 'GH=github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456', 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456'],
  ['an AWS access key id', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'AKIAIOSFODNN7EXAMPLE'],
  ['an AWS secret access key', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
  ['a Slack token', 'SLACK=xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx', 'xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx'],
  ['a Stripe secret key', 'using sk_live_4eC39HqLyjWDarjtT1zdp7dc now', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'],
  ['a Google API key', 'key=AIzaSyA-1234567890abcdefghijklmnopqrstu&q=x', 'AIzaSyA-1234567890abcdefghijklmnopqrstu'],
  ['an npm token', '//registry.npmjs.org/:_authToken=npm_abcdefghijklmnopqrstuvwxyz0123456789', 'npm_abcdefghijklmnopqrstuvwxyz0123456789'],
  ['a JSON Web Token', 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'],
  ['a password or token assignment', 'DB_PASSWORD="correct-horse" psql', 'correct-horse'],
  ['a password or token assignment', 'curl https://x.test/?token=abc123def456', 'abc123def456'],
];

const matchesOf = (kind: string, text: string): string[] =>
  BUILTIN_SECRETS.filter((p) => p.kind === kind).flatMap((p) => [...text.matchAll(p.regex)].map((m) => m[0]));

describe('the built-in credential patterns', () => {
  it.each(SAMPLES)('%s: finds exactly the secret in %j', (kind, line, secret) => {
    expect(matchesOf(kind, line)).toContain(secret);
    expect(maskString(line, BUILTIN_SECRETS)).not.toContain(secret.slice(4, 12));
  });

  it('leave ordinary text alone', () => {
    const ordinary = [
      '$ git push origin main',
      'password for root:',
      'Enter passphrase (empty for no passphrase):',
      'ghp_tooShort',
      'AKIA lowercase akiaiosfodnn7example',
      'See https://example.com/docs?page=2',
      'token: (none)',
    ];
    for (const line of ordinary) expect(maskString(line, BUILTIN_SECRETS), line).toBe(line);
  });

  it('mask a private key from its BEGIN line to its END line, across rows', () => {
    const screen = '$ cat key.pem\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\nQyNTUxOQAAACDfakefake==\n-----END OPENSSH PRIVATE KEY-----\n$ ls';
    const [pattern] = BUILTIN_SECRETS.filter((p) => p.kind === 'a private key');
    const [match] = [...screen.matchAll(pattern!.regex)];
    expect(match?.[0]).toBe(screen.slice(screen.indexOf('-----BEGIN'), screen.indexOf('\n$ ls')));
  });
});

describe('--redact patterns', () => {
  it('take /…/flags and are always global', () => {
    const { regex } = parseRedactPattern('/acme-\\d+/i');
    expect(regex.flags).toBe('gi');
    expect('ACME-12 acme-3'.replace(regex, '#')).toBe('# #');
    expect(parseRedactPattern('acme-\\d+').regex.flags).toBe('g');
  });

  it.each([
    ['(', /is not a valid regular expression/],
    ['x*', /matches the empty string/],
    ['a|', /matches the empty string/],
    ['\\b', /matches the empty string/],
    ['/x/y', /sticky/],
    ['', /is empty/],
  ])('refuse %j', (text, message) => {
    expect(() => parseRedactPattern(text)).toThrow(PatternError);
    expect(() => parseRedactPattern(text)).toThrow(message);
  });
});
