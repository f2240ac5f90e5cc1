// Redaction where a program takes part: the video formats (ffmpeg) and the bins' own messages.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/bin.js';
import { tempDir } from '../helpers/temp-dir.js';
import { expectRedactedPixels, pieces, RECORDINGS, SPLIT, TOKEN } from './secrets.js';

describe('--redact-secrets masks a token split over events, recoloured and wrapped', () => {
  it.each(['mp4', 'webm'] as const)('in %s pixels: the same bytes as the redacted .cast rendered without the flag, and not those of the original', async (format) => {
    await expectRedactedPixels(format, {});
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
