import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/render/render.js';
import type { OutputFormat } from '../../src/formats/registry.js';
import type { RenderOptions } from '../../src/render/options.js';
import { castText } from '../helpers/casts.js';
import { expectRedactedPixels, pieces, RECORDINGS, same, SPLIT, text, TOKEN } from './secrets.js';

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

  // MP4 and WebM, which need ffmpeg: test/privacy/redact.process.test.ts.
  it.each<[OutputFormat, Partial<RenderOptions>]>([
    ['gif', {}],
    ['png', { at: { seconds: 0.65 } }],
    ['png', {}],
    ['webp', {}],
    ['apng', {}],
  ])('in %s pixels: the same bytes as the redacted .cast rendered without the flag, and not those of the original (%j)', async (format, extra) => {
    await expectRedactedPixels(format, extra);
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
