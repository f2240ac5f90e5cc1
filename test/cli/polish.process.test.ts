import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { onTerminal, runBin } from '../helpers/bin.js';
import { filesIn, tempDir } from '../helpers/temp-dir.js';

const cast = '{"version": 2, "width": 20, "height": 24}\n[0.5, "o", "hello   \\r\\n"]\n[1, "o", "  world  "]\n';

describe('on a terminal', () => {
  it('a single render prints one line: output, size, frames, time; --quiet prints nothing', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.cast'), cast);
    const shown = onTerminal(['a.cast', 'a.gif'], dir);
    expect(shown.status).toBe(0);
    const bytes = readFileSync(join(dir, 'a.gif')).length;
    expect(shown.output).toMatch(new RegExp(`^cast2gif: wrote a\\.gif: ${(bytes / 1024).toFixed(1)} KB, 3 frames, \\d+\\.\\d\\d s\\n$`));
    expect(onTerminal(['a.cast', 'b.png'], dir).output).toMatch(/^cast2gif: wrote b\.png: [\d.]+ KB, 1 frame, \d+\.\d\d s\n$/);
    expect(onTerminal(['a.cast', 'c.gif', '--quiet'], dir)).toEqual({ status: 0, output: '' });
  });

  it('refuses to write GIF or PNG bytes to the terminal, as gzip does; text formats are fine', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.cast'), cast);
    for (const format of ['gif', 'png']) {
      const refused = onTerminal(['a.cast', '-', '--format', format], dir);
      expect(refused.status).toBe(2);
      expect(refused.output).toBe(`cast2gif: refusing to write ${format.toUpperCase()} data to a terminal: redirect stdout, or name an output file\n`);
    }
    expect(onTerminal(['a.cast', '-', '--format', 'txt'], dir)).toEqual({ status: 0, output: 'hello\n  world\n' });
    expect(filesIn(dir)).toEqual(['a.cast']);
  });
});

describe('when not on a terminal', () => {
  it('a single render prints nothing, and - writes the bytes to the pipe', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.cast'), cast);
    expect(runBin('cast2gif', ['a.cast', 'a.gif'], { cwd: dir })).toMatchObject({ status: 0, stderr: '' });
    const piped = runBin('cast2gif', ['a.cast', '-', '--format', 'gif'], { cwd: dir });
    expect(piped.status).toBe(0);
    expect(piped.stdout.equals(readFileSync(join(dir, 'a.gif')))).toBe(true);
  });
});

describe('text output', () => {
  it('has no trailing blank rows and no trailing spaces', () => {
    const result = runBin('cast2gif', ['-', '-', '--format', 'txt'], { input: cast });
    expect(result.stdout.toString()).toBe('hello\n  world\n');
    const blank = runBin('cast2gif', ['-', '-', '--format', 'txt'], { input: '{"version": 2, "width": 20, "height": 24}\n' });
    expect(blank.stdout.toString()).toBe('\n');
  });
});

describe('a format that contradicts the output name', () => {
  it('is a usage error; an ending that is no format is the user\'s choice', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.cast'), cast);
    const result = runBin('cast2gif', ['a.cast', 'out.gif', '-f', 'svg'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('cast2gif: --format svg does not match the output "out.gif": name it .svg, or leave out --format\n');
    expect(existsSync(join(dir, 'out.gif'))).toBe(false);
    expect(runBin('cast2gif', ['a.cast', 'out.GIF', '-f', 'gif'], { cwd: dir }).status).toBe(0);
    expect(runBin('cast2gif', ['a.cast', 'out.image', '-f', 'svg'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, 'out.image'), 'utf8')).toMatch(/^<svg /);
  });
});

describe('--help', () => {
  it('names the other formats, not the default one again', () => {
    const svg = runBin('cast2svg', ['--help']).stdout.toString().replace(/\s+/g, ' ');
    expect(svg).toContain('as an animated SVG (or GIF, PNG, WebP, APNG, MP4, WebM, text or asciicast, by the output');
    const gif = runBin('cast2gif', ['--help']).stdout.toString().replace(/\s+/g, ' ');
    expect(gif).toContain('as an animated GIF (or SVG, PNG, WebP, APNG, MP4, WebM, text or asciicast, by the output');
  });
});
