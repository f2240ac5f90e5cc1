import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { binPath, requireBuild } from '../helpers/bin.js';
import { filesIn, tempDir } from '../helpers/temp-dir.js';
import { oneCleanLine } from './helpers.js';

/** What the issue allows any cast under 1 KB: the run is killed past the time, and its peak RSS checked. */
const MAX_MS = 20_000;
const MAX_RSS_MB = 600;

let preload = '';
beforeAll(() => {
  requireBuild();
  // Loaded into the child with --require: reports its own peak RSS on descriptor 3 as it exits.
  preload = join(tempDir('hostile-preload'), 'report-rss.cjs');
  writeFileSync(preload, "process.on('exit', () => require('fs').writeSync(3, String(process.resourceUsage().maxRSS)));\n");
});

interface Bounded {
  readonly status: number | null;
  readonly stderr: string;
  readonly rssMB: number;
}

function runBounded(cast: string, args: string[]): Bounded & { dir: string } {
  expect(Buffer.byteLength(cast)).toBeLessThan(1024);
  const dir = tempDir('hostile');
  writeFileSync(join(dir, 'in.cast'), cast);
  const r = spawnSync(process.execPath, ['--require', preload, binPath('cast2gif'), 'in.cast', ...args], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    timeout: MAX_MS,
    killSignal: 'SIGKILL',
  });
  const stderr = r.stderr.toString('utf8');
  if (r.signal === 'SIGKILL') throw new Error(`killed after ${MAX_MS / 1000} s: cast2gif in.cast ${args.join(' ')}`);
  const rssMB = Number(r.output[3]?.toString() ?? 'NaN') / 1024;
  expect(rssMB, `peak RSS of cast2gif in.cast ${args.join(' ')}`).toBeLessThan(MAX_RSS_MB);
  return { status: r.status, stderr, rssMB, dir };
}

const header = (extra = '') => `{"version": 2, "width": 20, "height": 3${extra}}\n`;
const SMALL = `${header()}[0.1, "o", "hello"]\n[0.5, "o", " world"]\n`;

describe('numbers inside a small cast, or in its options, cannot explode the work', () => {
  const refused: Array<[string, string, string[], RegExp]> = [
    ['an idle limit of 1e15 and an event at 1e12', `${header(', "idle_time_limit": 1e15')}[0.1, "o", "a"]\n[1e12, "o", "b"]\n`, [], /duration=N/],
    ['an event at 1e308 with every pause kept', `${header(', "idle_time_limit": 0')}[0.1, "o", "a"]\n[1e308, "o", "b"]\n`, [], /duration=N/],
    ['a pause that overflows the clock', `${header(', "idle_time_limit": 0')}[0.1, "o", "a"]\n[1e308, "o", "b"]\n`, ['--speed', '0.5'], /longer than a clock can count/],
    ['--speed 1e-9', SMALL, ['--speed', '1e-9'], /at least \d+ s, beyond the 1000000 s limit \(raise it with --limit duration=N\)/],
    ['--speed 1e-300', SMALL, ['--speed', '1e-300'], /duration=N/],
    ['--last-frame-duration 1e300', SMALL, ['--last-frame-duration', '1e300'], /duration=N/],
    ['--last-frame-duration 1e9 on a still', SMALL, ['--at', '0.5', '--last-frame-duration', '1e9'], /duration=N/],
    ['a marker at 1e12 with --snapshots', `${header(', "idle_time_limit": 0')}[0.1, "o", "a"]\n[1e12, "m", "late"]\n[1e12, "o", "b"]\n`, ['--snapshots', 'shots'], /duration=N/],
  ];
  for (const [what, cast, args, message] of refused) {
    for (const format of ['gif', 'svg']) {
      // An SVG still is one static picture: it has no duration to exceed.
      if (format === 'svg' && (args.includes('--snapshots') || args.includes('--at'))) continue;
      it(`${what} (${format}): one line naming the limit and its flag, exit 1, no output`, () => {
        const run = runBounded(cast, [`out.${format}`, ...args]);
        expect(run.status).toBe(1);
        expect(oneCleanLine(run.stderr)).toMatch(message);
        expect(filesIn(run.dir).filter((f) => f.startsWith('out') || f.endsWith('.tmp'))).toEqual([]);
      });
    }
  }

  it('a pause of 10^12 s with the duration limit raised is refused by the frame limit in a GIF (1.5 billion 655 s frames), one frame in an SVG', () => {
    const cast = `${header(', "idle_time_limit": 0')}[0.1, "o", "a"]\n[1e12, "o", "b"]\n`;
    const gif = runBounded(cast, ['out.gif', '--limit', 'duration=2000000000000']);
    expect(gif.status).toBe(1);
    expect(oneCleanLine(gif.stderr)).toMatch(/more than 200000 frames \(a GIF frame lasts at most 655\.35 s, so a long pause takes several\) \(raise it with --limit frames=N\)/);
    const svg = runBounded(cast, ['out.svg', '--limit', 'duration=2000000000000']);
    expect(svg.status, svg.stderr).toBe(0);
    expect(filesIn(svg.dir)).toEqual(['in.cast', 'out.svg']);
  });

  it('a long pause within the limits is one GIF frame chain, not a frame per tick', () => {
    const cast = `${header(', "idle_time_limit": 0')}[0.1, "o", "a"]\n[100000, "o", "b"]\n`;
    const run = runBounded(cast, ['out.gif']);
    expect(run.status, run.stderr).toBe(0);
  });

  const harmless: Array<[string, string, string[]]> = [
    ['--fps-cap 1e300', SMALL, ['--fps-cap', '1e300']],
    ['--fps-cap 1e-300', SMALL, ['--fps-cap', '1e-300']],
    ['--loop 1e300', SMALL, ['--loop', '1e300']],
    ['a repeat count of 999999999 and huge insert counts', `${header()}[0.1, "o", "a\\u001b[999999999b\\u001b[99999999@\\u001b[999999999L\\u001b[999999999M"]\n`, []],
    ['resizes to the largest terminal and back', `${header()}[0.1, "o", "a"]\n[0.2, "r", "1000x500"]\n[0.3, "o", "\\u001b[999999999b"]\n[0.4, "r", "99999999999x99999999999"]\n[0.5, "r", "10x2"]\n`, []],
    ['a time of 1e300 before the idle limit', `${header()}[0.1, "o", "a"]\n[1e300, "o", "b"]\n`, []],
    ['an idle limit of 1e999 (Infinity once parsed, so not a number: the default applies)', `${header(', "idle_time_limit": 1e999')}[0.1, "o", "a"]\n[1e300, "o", "b"]\n`, []],
  ];
  for (const [what, cast, args] of harmless) {
    for (const format of ['gif', 'svg']) {
      it(`${what} (${format}): renders within the bounds`, () => {
        const run = runBounded(cast, [`out.${format}`, ...args]);
        expect(run.status, run.stderr).toBe(0);
      });
    }
  }

  it('the largest picture the default limits allow fits the memory bound (PNG of 340x85 cells, every cell painted)', () => {
    const cast = `{"version": 2, "width": 340, "height": 85}\n[0.1, "o", "\\u001b[41;33m#\\u001b[99999b"]\n`;
    const run = runBounded(cast, ['out.png']);
    expect(run.status, run.stderr).toBe(0);
    // And a size up is refused before any pixel is allocated.
    const over = runBounded(cast.replace('"width": 340', '"width": 600').replace('"height": 85', '"height": 150'), ['out.png']);
    expect(over.status).toBe(1);
    expect(oneCleanLine(over.stderr)).toMatch(/pixel limit \(raise it with --limit pixels=N\)$/);
    expect(over.rssMB).toBeLessThan(200);
  });

  it('--snapshots at every marker of the largest picture: unchanged screens cost nothing, changing ones stop at the snapshot limit', () => {
    let same = `{"version": 2, "width": 340, "height": 85}\n[0.1, "o", "\\u001b[41;33m#\\u001b[99999b"]\n`;
    for (let i = 1; Buffer.byteLength(same) < 990; i++) same += `[${i},"m",""]\n`;
    const unchanged = runBounded(same.slice(0, same.lastIndexOf('[')), ['out.gif', '--snapshots', 'shots']);
    expect(unchanged.status, unchanged.stderr).toBe(0);
    expect(filesIn(join(unchanged.dir, 'shots')).length).toBeGreaterThan(60);
    let flashing = `{"version": 2, "width": 340, "height": 85}\n[0.1, "o", "\\u001b[41;33m#\\u001b[99999b"]\n`;
    for (let i = 1; Buffer.byteLength(flashing) < 960; i++) flashing += `[${i},"o","\\u001b[?5${i % 2 ? 'h' : 'l'}"]\n[${i},"m",""]\n`;
    const changing = runBounded(flashing, ['out.gif', '--snapshots', 'shots']);
    expect(changing.status).toBe(1);
    expect(oneCleanLine(changing.stderr)).toBe(
      'cast2gif: the marker snapshots would take more than 50000000 pixels (raise it with --limit snapshotPixels=N)',
    );
    expect(filesIn(changing.dir).filter((f) => f.startsWith('out'))).toEqual([]);
  });
});
