import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { render } from '../../src/index.js';
import { runBin } from '../helpers/bin.js';
import { writeCast } from '../helpers/casts.js';
import { tempDir } from '../helpers/temp-dir.js';
import { TYPING, steppedCast } from './casts.js';

const dir = tempDir();
const cast = writeCast(dir, 'typing.cast', steppedCast(TYPING));
const input = readFileSync(cast);

// The renders below get a temporary folder of their own (TMPDIR, which os.tmpdir() reads), so what
// another test file leaves in the shared one at the same time cannot look like their spool.
const spoolDir = tempDir('spool');

describe('the library renders each new format', () => {
  test.each([
    ['webp', (b: Buffer) => b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 16) === 'WEBPVP8X'],
    ['apng', (b: Buffer) => b.toString('latin1', 1, 4) === 'PNG' && b.toString('latin1', 37, 41) === 'acTL'],
    ['mp4', (b: Buffer) => b.toString('latin1', 4, 8) === 'ftyp'],
    ['webm', (b: Buffer) => b.readUInt32BE(0) === 0x1a45dfa3],
  ] as const)('%s: its container, and the same bytes twice', async (format, isIt) => {
    const first = Buffer.from(await render(input, { format }));
    const second = Buffer.from(await render(input, { format }));
    expect(isIt(first)).toBe(true);
    expect(second.equals(first)).toBe(true);
  }, 60_000);

  test('a WebP still (--at) is a plain lossless WebP, no animation chunk', async () => {
    const still = Buffer.from(await render(input, { format: 'webp', at: { seconds: 1 } }));
    expect(still.toString('latin1', 8, 16)).toBe('WEBPVP8L');
  });

  test('lossy WebP (quality) has VP8 frames with alpha chunks, no lossless ones', async () => {
    const lossy = Buffer.from(await render(input, { format: 'webp', quality: 50 }));
    expect(lossy.includes(Buffer.from('ALPH'))).toBe(true);
    expect(lossy.includes(Buffer.from('VP8 '))).toBe(true);
    expect(lossy.includes(Buffer.from('VP8L'))).toBe(false);
  }, 60_000);
});

describe('limits and failures', () => {
  test.each(['webp', 'apng', 'mp4'])('%s: the frame limit stops the render in one line, leaving no output and no spool', (format) => {
    const out = join(dir, `limited.${format}`);
    const result = runBin('cast2gif', [cast, out, '--limit', 'frames=3'], { env: { TMPDIR: spoolDir } });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('cast2gif: the animation has more than 3 frames (raise it with --limit frames=N)\n');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(spoolDir)).toEqual([]);
  }, 60_000);

  test('the size limit is checked before any frame is drawn', () => {
    const result = runBin('cast2gif', [cast, join(dir, 'wide.webp'), '--scale', '40']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^cast2gif: the output would be \d+ px wide, beyond the 8192 px limit \(raise it with --limit width=N\)\n$/);
  });

  test('--quality out of range is a usage error', () => {
    const result = runBin('cast2gif', [cast, join(dir, 'q.webp'), '--quality', '101']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("cast2gif: option '--quality <n>' argument '101' is invalid. expected a number from 0 to 100\n");
  });
});

test('a config file can choose the new formats and their quality', () => {
  const project = tempDir();
  writeFileSync(join(project, 'a.cast'), input);
  writeFileSync(join(project, 'cast2gif.config.json'), JSON.stringify({ format: ['webp', 'apng'], quality: 40 }));
  const result = runBin('cast2gif', ['a.cast', '--out-dir', 'img'], { cwd: project });
  expect(result.status, result.stderr).toBe(0);
  const webp = readFileSync(join(project, 'img', 'a.webp'));
  // quality 40: lossy frames (VP8 with an alpha chunk), not lossless VP8L.
  expect(webp.includes(Buffer.from('VP8 '))).toBe(true);
  expect(webp.includes(Buffer.from('VP8L'))).toBe(false);
  expect(readFileSync(join(project, 'img', 'a.apng')).toString('latin1', 1, 4)).toBe('PNG');
}, 120_000);
