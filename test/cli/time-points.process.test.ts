import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/bin.js';
import { filesIn, tempDir } from '../helpers/temp-dir.js';

const CAST = [
  '{"version": 2, "width": 20, "height": 3}',
  '[0.1, "o", "a"]',
  '[1, "m", "intro"]',
  '[2, "o", "b"]',
  '[3, "m", "end"]',
  '[4.5, "o", "c"]',
  '',
].join('\n');

describe('time points that match nothing are usage errors', () => {
  const cases: Array<[string[], string]> = [
    [['--from', 'marker:nothere'], '--from marker:nothere: no marker is labelled "nothere" (the markers: "intro", "end")'],
    [['--at', 'marker:99'], '--at marker:99: the recording has 2 markers'],
    [['--from', '8', '--to', '5'], '--to 5 is not after --from 8'],
    [['--from', '100'], '--from 100: the recording ends at 4.5 s'],
    [['--to', 'marker:outro'], '--to marker:outro: no marker is labelled "outro" (the markers: "intro", "end")'],
    [['--from', 'marker:end', '--to', 'marker:intro'], '--to marker:intro comes before --from marker:end'],
  ];
  for (const [args, message] of cases) {
    for (const output of ['out.gif', 'out.svg', 'out.txt', 'out.png']) {
      // A still (txt, png) reads only --at.
      if (!output.endsWith('.gif') && !output.endsWith('.svg') && !args.includes('--at')) continue;
      it(`${args.join(' ')} -> ${output}: exit 2, one line, no output`, () => {
        const dir = tempDir();
        writeFileSync(join(dir, 'in.cast'), CAST);
        const result = runBin('cast2gif', ['in.cast', output, ...args], { cwd: dir });
        expect(result.stderr).toBe(`cast2gif: ${message}\n`);
        expect(result.status).toBe(2);
        expect(filesIn(dir)).toEqual(['in.cast']);
      });
    }
  }

  it('points that match render as before: --to and --at past the end, markers by label and number', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'in.cast'), CAST);
    for (const args of [['--to', '100'], ['--at', '100'], ['--from', 'marker:intro', '--to', 'marker:2'], ['--from', '0']]) {
      const result = runBin('cast2gif', ['in.cast', 'out.gif', ...args], { cwd: dir });
      expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(0);
    }
    expect(runBin('cast2gif', ['in.cast', '-', '-f', 'txt', '--at', 'marker:end'], { cwd: dir }).stdout.toString().trim()).toBe('ab');
    // The README: --at T shows the screen after every event up to T, so past the end it is the last screen.
    expect(runBin('cast2gif', ['in.cast', '-', '-f', 'txt', '--at', '100'], { cwd: dir }).stdout.toString().trim()).toBe('abc');
  });
});
