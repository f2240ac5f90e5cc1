import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/render/render.js';
import type { OutputFormat } from '../../src/formats/registry.js';
import type { RenderOptions } from '../../src/render/options.js';
import { runBin } from '../helpers/bin.js';
import { castText } from '../helpers/casts.js';
import { tempDir } from '../helpers/temp-dir.js';

const TOKEN = 'ghp_Q3v8LmT2xK9pR4sW7yZ1aB6cD0eF5gH2jN8k';
const RECORDINGS = join(__dirname, 'recordings');

/**
 * A token as a deploy log prints it: split over three output events, recoloured in the middle, and
 * wrapped at the right edge of a 30-column terminal; in the header's title and env as well.
 */
const SPLIT = castText({ width: 30, height: 6, title: `deploy with ${TOKEN}`, env: { GH_TOKEN: TOKEN, TERM: 'xterm-256color' } }, [
  [0.1, 'o', '$ gh auth token\r\n'],
  [0.5, 'o', TOKEN.slice(0, 14)],
  [0.6, 'o', `${TOKEN.slice(14, 19)}\x1b[1;31m${TOKEN.slice(19, 25)}\x1b[0m`],
  [0.7, 'o', `${TOKEN.slice(25)}\r\n$ `],
  [1.0, 'o', 'echo done\r\ndone\r\n$ '],
]);

/** Pieces of the token long enough to mean something, none of which may be published. */
const pieces = (token: string): RegExp => new RegExp(Array.from({ length: token.length - 5 }, (_, i) => token.slice(i, i + 6).replace(/[^\w]/g, '\\$&')).join('|'));

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe('--redact-secrets masks a token split over events, recoloured and wrapped', () => {
  it('in the text and the converted recording, header included', async () => {
    const txt = text(await render(SPLIT, { format: 'txt', redactSecrets: true }));
    expect(txt).toBe(`$ gh auth token\n${'*'.repeat(30)}\n${'*'.repeat(10)}\n$ echo done\ndone\n$\n`);
    const cast = text(await render(SPLIT, { format: 'cast', redactSecrets: true }));
    expect(cast).not.toMatch(pieces(TOKEN));
    const header = JSON.parse(cast.split('\n')[0]!) as { title: string; env: Record<string, string> };
    expect(header.title).toBe(`deploy with ${'*'.repeat(TOKEN.length)}`);
    expect(header.env.GH_TOKEN).toBe('*'.repeat(TOKEN.length));
    // The colour change stays: masked cells keep their colours.
    expect(cast).toContain('\\u001b[1;31m******\\u001b[0m');
  });

  it('in the SVG: text, title, description and copy layer', async () => {
    const svg = text(await render(SPLIT, { format: 'svg', redactSecrets: true }));
    expect(svg).not.toMatch(pieces(TOKEN));
    expect(svg).toContain('******');
    const plain = text(await render(SPLIT, { format: 'svg' }));
    expect(plain).toMatch(pieces(TOKEN));
  });

  it.each<[OutputFormat, Partial<RenderOptions>]>([
    ['gif', {}],
    ['png', { at: { seconds: 0.65 } }],
    ['png', {}],
    ['webp', {}],
    ['apng', {}],
    ['mp4', {}],
    ['webm', {}],
  ])('in %s pixels: the same bytes as the redacted .cast rendered without the flag, and not those of the original (%j)', async (format, extra) => {
    const redactedCast = text(await render(SPLIT, { format: 'cast', redactSecrets: true }));
    const direct = await render(SPLIT, { format, redactSecrets: true, ...extra });
    const replayed = await render(redactedCast, { format, ...extra });
    expect(same(direct, replayed)).toBe(true);
    expect(same(direct, await render(SPLIT, { format, ...extra }))).toBe(false);
  });

  it('the redacted .cast re-renders to byte-identical stills at every moment, a partly printed token included', async () => {
    const redactedCast = text(await render(SPLIT, { format: 'cast', redactSecrets: true }));
    for (const seconds of [0.3, 0.55, 0.65, 0.75, 2]) {
      const direct = await render(SPLIT, { format: 'png', redactSecrets: true, at: { seconds } });
      expect(same(direct, await render(redactedCast, { format: 'png', at: { seconds } })), `at ${seconds} s`).toBe(true);
    }
    // Before the token is whole its first part is already masked: what drew it was found later.
    const partial = text(await render(SPLIT, { format: 'txt', redactSecrets: true, at: { seconds: 0.55 } }));
    expect(partial).toBe(`$ gh auth token\n${'*'.repeat(14)}\n`);
  });
});

describe('--redact PATTERN', () => {
  it('masks every match, with flags, across a wrap, keeping the width of wide characters', async () => {
    const cast = castText({ width: 12, height: 6 }, [
      [0.1, 'o', 'id: Customer-4711\r\n'],
      [0.2, 'o', '名前: 山田太郎 ok\r\n'],
    ]);
    const txt = text(await render(cast, { format: 'txt', redact: ['/customer-\\d+/i', '山田太郎'] }));
    // 名前: 山田太|郎 ok: the name wraps after its third character and is masked on both rows.
    expect(txt).toBe('id: ********\n*****\n名前: ＊＊＊\n＊ ok\n');
  });

  it('masks what the keys bar shows when the typed text is masked on screen', async () => {
    const bytes = readFileSync(join(RECORDINGS, 'secrets.cast'));
    const svg = text(await render(bytes, { format: 'svg', keys: true, redactSecrets: true }));
    expect(svg).not.toMatch(pieces(TOKEN));
    expect(svg).not.toMatch(pieces('AKIAQ7XKZ3M5N2P8R4TB'));
    expect(svg).toContain('GITHUB_TOKEN=');
  });

  it('masks a private key block over many rows, wrapped lines included, and nothing after it', async () => {
    const bytes = readFileSync(join(RECORDINGS, 'secrets.cast'));
    const plain = text(await render(bytes, { format: 'txt' }));
    const lines = plain.split('\n');
    const body = lines.slice(lines.findIndex((l) => l.includes('BEGIN PRIVATE KEY')) + 1, lines.findIndex((l) => l.includes('END PRIVATE KEY')));
    expect(body.length).toBeGreaterThanOrEqual(2);
    const txt = text(await render(bytes, { format: 'txt', redactSecrets: true }));
    for (const line of body) expect(txt).not.toContain(line);
    expect(txt).not.toContain('PRIVATE KEY');
    expect(txt).toContain('$ echo done\ndone\n');
  });

  it('masks window titles and hyperlink targets in the converted recording', async () => {
    const cast = castText({ width: 30, height: 3 }, [[0.1, 'o', `\x1b]2;deploy ${TOKEN}\x07\x1b]8;;https://x.test/?t=${TOKEN}\x1b\\link\x1b]8;;\x1b\\`]]);
    const out = text(await render(cast, { format: 'cast', redactSecrets: true }));
    expect(out).not.toMatch(pieces(TOKEN));
    expect(out).toContain('deploy ****');
    expect(out).toContain('https://x.test/?t=****');
    const svg = text(await render(cast, { format: 'svg', redactSecrets: true }));
    expect(svg).not.toMatch(pieces(TOKEN));
  });
});

describe('the warning about secrets on screen', () => {
  it('names each kind once, with the first time it shows, never the secret', () => {
    const dir = tempDir('warn');
    const input = join(dir, 'secrets.cast');
    writeFileSync(input, readFileSync(join(RECORDINGS, 'secrets.cast')));
    const run = runBin('cast2svg', [input, join(dir, 'out.svg')]);
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/^cast2svg: warning: what looks like a GitHub token is on screen at \d+(\.\d)? s; --redact-secrets masks it$/));
    expect(lines).toContainEqual(expect.stringMatching(/what looks like an AWS access key id is on screen at/));
    expect(lines).toContainEqual(expect.stringMatching(/what looks like a private key is on screen at/));
    expect(new Set(lines).size).toBe(lines.length);
    expect(run.stderr).not.toMatch(pieces(TOKEN));
    const masked = runBin('cast2svg', [input, join(dir, 'masked.svg'), '--redact-secrets']);
    expect(masked.status).toBe(0);
    expect(masked.stderr).toBe('');
  });
});

describe('bad patterns', () => {
  it.each([
    ['(unclosed', /--redact.*"\(unclosed".*not a valid regular expression|argument '\(unclosed' is invalid/],
    ['a*', /matches the empty string/],
    ['/x/y', /sticky/],
  ])('%s is a usage error (exit 2) naming the pattern, and nothing is written', (pattern, message) => {
    const dir = tempDir('badpattern');
    const input = join(dir, 'in.cast');
    writeFileSync(input, SPLIT);
    const run = runBin('cast2gif', [input, join(dir, 'out.gif'), '--redact', pattern]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain(pattern);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(() => readFileSync(join(dir, 'out.gif'))).toThrow();
  });

  it('in a config file too, naming the key', () => {
    const dir = tempDir('badpattern-config');
    const input = join(dir, 'in.cast');
    writeFileSync(input, SPLIT);
    writeFileSync(join(dir, 'cast2gif.config.json'), JSON.stringify({ redact: ['ok', 'a|'] }));
    const run = runBin('cast2gif', [input, join(dir, 'out.gif')], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/redact/);
    expect(run.stderr).toMatch(/a\|/);
  });
});
