import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/bin.js';
import { filesIn, tempDir } from '../helpers/temp-dir.js';

const goodHeader = '{"version": 2, "width": 20, "height": 3}\n';

describe('bad input', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['not a recording at all', 'this is not a cast\n', /^cast2gif: in\.cast: not a recording this reads \(asciicast, ttyrec/],
    ['JSON that is not a cast', '{"hello": "world"}\n', /^cast2gif: in\.cast:1: unknown asciicast version null/],
    ['an event that is not an array', goodHeader + '{"t": 1}\n', /in\.cast:2: an event must be an array/],
    ['an unknown version', '{"version": 9, "width": 20, "height": 3}\n', /in\.cast:1: unknown asciicast version 9/],
    ['a missing size', '{"version": 2}\n', /in\.cast:1: the header has no terminal width/],
    ['a zero size', '{"version": 2, "width": 0, "height": 3}\n', /in\.cast:1: terminal width 0 is not a positive whole number/],
    ['an absurd size', '{"version": 2, "width": 20, "height": 9000}\n', /in\.cast:1: terminal size 20x9000 is beyond/],
    ['a time that is not a number', goodHeader + '[1, "o", "a"]\n["x", "o", "b"]\n', /in\.cast:3: event time "x" is not a number/],
    ['a broken line mid-file', goodHeader + '[1, "o", "a"]\n[2, "o" "b"]\n[3, "o", "c"]\n', /in\.cast:3: not JSON/],
  ];
  for (const [what, text, message] of cases) {
    for (const format of ['txt', 'gif', 'svg']) {
      it(`${what} (${format}): one line on stderr, exit 1, no output file`, () => {
        const dir = tempDir();
        writeFileSync(join(dir, 'in.cast'), text);
        const result = runBin('cast2gif', ['in.cast', `out.${format}`], { cwd: dir });
        expect(result.status).toBe(1);
        expect(result.stderr).toMatch(message);
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
        expect(result.stderr).not.toMatch(/\n\s+at /);
        expect(filesIn(dir)).toEqual(['in.cast']);
      });
    }
  }

  it('a missing input file', () => {
    const dir = tempDir();
    const result = runBin('cast2gif', ['nope.cast', 'out.gif'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('cast2gif: nope.cast: no such file\n');
    expect(filesIn(dir)).toEqual([]);
  });

  it('an output folder that does not exist', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'in.cast'), goodHeader + '[1, "o", "hi"]\n');
    const result = runBin('cast2gif', ['in.cast', 'missing/out.txt'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('cast2gif: missing/out.txt: cannot be written (its folder does not exist)\n');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('shows the stack trace only with --verbose', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'in.cast'), goodHeader + '[1, "o", "hi"]\n');
    const quiet = runBin('cast2gif', ['in.cast', 'missing/out.txt'], { cwd: dir });
    const verbose = runBin('cast2gif', ['in.cast', 'missing/out.txt', '--verbose'], { cwd: dir });
    expect(quiet.stderr).not.toMatch(/\n\s+at /);
    expect(verbose.stderr).toMatch(/\n\s+at /);
    expect(verbose.status).toBe(1);
  });
});

describe('bad usage exits 2', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'in.cast'), goodHeader + '[1, "o", "hi"]\n');
  const cases: Array<[string, string[], RegExp]> = [
    ['no input', [], /missing the input file/],
    ['an unknown option', ['in.cast', '--wat'], /unknown option '--wat'/],
    ['an unknown output extension', ['in.cast', 'out.bmp'], /cannot tell the format from "out\.bmp"/],
    ['an unknown format', ['in.cast', '--format', 'bmp'], /bmp/],
    ['a bad number', ['in.cast', '--speed', 'fast'], /--speed.*expected a number above 0/],
    ['a bad time point', ['in.cast', '--at', 'soon'], /'--at <t>' argument 'soon' is invalid. "soon" is not a time/],
    ['stdin without an output', ['-'], /reading stdin: give an output file/],
  ];
  for (const [what, args, message] of cases) {
    it(what, () => {
      const result = runBin('cast2gif', args, { cwd: dir });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(filesIn(dir)).toEqual(['in.cast']);
    });
  }
});

describe('limits', () => {
  const many = goodHeader + Array.from({ length: 6 }, (_, i) => `[${i + 1}, "o", "line ${i}\\r\\n"]`).join('\n') + '\n';

  it('refuses an output beyond the pixel limit before drawing, and --limit raises it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'in.cast'), goodHeader + '[1, "o", "hi"]\n');
    const huge = runBin('cast2gif', ['in.cast', 'out.gif', '--font-size', '1e9'], { cwd: dir });
    expect(huge.status).toBe(1);
    expect(huge.stderr).toMatch(/^cast2gif: the output would be \d+ px (wide|high), beyond the 8192 px limit \(raise it with --limit (width|height)=N\)\n$/);
    expect(filesIn(dir)).toEqual(['in.cast']);
  });

  it('stops at the frame limit with a clear error and no output; raising it renders', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'in.cast'), many);
    const capped = runBin('cast2gif', ['in.cast', 'out.gif', '--limit', 'frames=2'], { cwd: dir });
    expect(capped.status).toBe(1);
    expect(capped.stderr).toMatch(/frames/);
    expect(capped.stderr.trim().split('\n')).toHaveLength(1);
    expect(filesIn(dir)).toEqual(['in.cast']);
    const raised = runBin('cast2gif', ['in.cast', 'out.gif', '--limit', 'frames=100'], { cwd: dir });
    expect(raised.status).toBe(0);
    expect(filesIn(dir)).toEqual(['in.cast', 'out.gif']);
  });

  it('a letter spacing that is not a number is a usage error', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'in.cast'), goodHeader);
    const result = runBin('cast2gif', ['in.cast', 'out.gif', '--letter-spacing', 'abc'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--letter-spacing.*expected a number/);
  });

  it('a file where the output folder should be is named in words', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'in.cast'), goodHeader + '[1, "o", "hi"]\n');
    writeFileSync(join(dir, 'notadir'), '');
    const result = runBin('cast2gif', ['in.cast', 'notadir/out.gif'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('cast2gif: notadir/out.gif: cannot be written (a part of its path is not a folder)\n');
  });
});
