import { beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { binPath, requireBuild, runBin } from '../helpers/bin.js';
import { noiseCast, writeCast } from '../helpers/casts.js';
import { filesIn, tempDir } from '../helpers/temp-dir.js';
import { canMount, mountTmpfs, oneCleanLine, SMALL_CAST } from './helpers.js';

const work = tempDir();
let small: string;
let long: string;
const mountable = canMount();
const isRoot = process.getuid?.() === 0;

beforeAll(() => {
  requireBuild();
  small = writeCast(work, 'small.cast', SMALL_CAST);
  // Seconds to render and megabytes of output: a signal or a full disk lands mid-render.
  long = writeCast(work, 'long.cast', noiseCast({ width: 80, height: 24, frames: 600, step: 0.05 }));
  if (!mountable) {
    // Said on every run where it applies, so a CI without the capability is noticed.
    console.warn('test/faults: mounting a tmpfs is not permitted here; the disk-full test is skipped' + (isRoot ? ' and read-only uses no mount' : ''));
  }
});

describe('an output that cannot be written', () => {
  it('in a folder that does not exist: exit 1, a clear line, nothing created', () => {
    const dir = tempDir('missing');
    const run = runBin('cast2gif', [small, join(dir, 'no', 'such', 'out.gif')]);
    expect(run.status).toBe(1);
    expect(oneCleanLine(run.stderr)).toMatch(/out\.gif: cannot be written \(its folder does not exist\)$/);
    expect(filesIn(dir)).toEqual([]);
    rmSync(dir, { recursive: true });
  });

  it('where a file stands in for the folder: exit 1, a clear line, the file untouched', () => {
    const dir = tempDir('notdir');
    writeFileSync(join(dir, 'plain'), 'x');
    const run = runBin('cast2svg', [small, join(dir, 'plain', 'out.svg')]);
    expect(run.status).toBe(1);
    expect(oneCleanLine(run.stderr, 'cast2svg')).toMatch(/plain\/out\.svg: cannot be written/);
    expect(filesIn(dir)).toEqual(['plain']);
    expect(statSync(join(dir, 'plain')).size).toBe(1);
    rmSync(dir, { recursive: true });
  });

  // Root ignores permission bits, so as root the folder is a real read-only file system (a tmpfs
  // mounted ro); as another user, a folder without write permission is just as real.
  it.skipIf(isRoot && !mountable)('in a read-only folder: exit 1, the reason in words, nothing created', () => {
    const ro = mountable ? mountTmpfs('ro,size=64k') : { dir: tempDir('ro'), unmount: () => {} };
    if (!mountable) chmodSync(ro.dir, 0o555);
    try {
      for (const [name, file] of [['cast2gif', 'out.gif'], ['cast2svg', 'out.svg']] as const) {
        const run = runBin(name, [small, join(ro.dir, file)]);
        expect(run.status).toBe(1);
        const reason = mountable ? 'the file system is read-only' : 'permission denied';
        expect(oneCleanLine(run.stderr, name)).toMatch(new RegExp(`${file.replace('.', '\\.')}: cannot be written \\(${reason}\\)$`));
        expect(filesIn(ro.dir)).toEqual([]);
      }
    } finally {
      ro.unmount();
    }
  });

  it.skipIf(!mountable)('on a full disk: exit 1, "no space left", no partial file, the space given back', () => {
    const full = mountTmpfs('size=64k');
    try {
      for (const [name, file] of [['cast2gif', 'out.gif'], ['cast2svg', 'out.svg'], ['cast2gif', 'out.png']] as const) {
        const run = runBin(name, [long, join(full.dir, file), ...(file.endsWith('.png') ? ['--scale', '3'] : [])]);
        expect(run.status, run.stderr).toBe(1);
        expect(oneCleanLine(run.stderr, name)).toMatch(/no space left on device/i);
        expect(filesIn(full.dir)).toEqual([]);
      }
      const df = spawnSync('df', ['--output=used', full.dir], { encoding: 'utf8' }).stdout;
      expect(Number(df.trim().split('\n')[1])).toBe(0);
    } finally {
      full.unmount();
    }
  });
});

describe('stdout closed early', () => {
  it('cast2gif x.cast - | head -c 100: exit 1 and a clear line, however far the render got', () => {
    for (const [name, format] of [['cast2gif', 'gif'], ['cast2svg', 'svg']] as const) {
      const script = `"${process.execPath}" "${binPath(name)}" "${long}" - --format ${format} 2>"${work}/err" | head -c 100 >/dev/null; echo \${PIPESTATUS[0]}`;
      const shell = spawnSync('bash', ['-c', script], { encoding: 'utf8', timeout: 120_000 });
      expect(shell.stdout.trim()).toBe('1');
      const stderr = spawnSync('cat', [`${work}/err`], { encoding: 'utf8' }).stdout;
      expect(oneCleanLine(stderr, name)).toBe(`${name}: stdout was closed before the output was complete`);
    }
  });
});

/** Starts a render, waits until its temporary output has bytes (so it is mid-render), then signals it. */
async function interrupt(name: 'cast2gif' | 'cast2svg', signal: NodeJS.Signals, file: string): Promise<{ status: number | null; stderr: string; dir: string; sawTemp: boolean }> {
  const dir = tempDir('signal');
  const child = spawn(process.execPath, [binPath(name), long, join(dir, file)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let sawTemp = false;
  while (!sawTemp && child.exitCode === null && child.signalCode === null) {
    await new Promise((r) => setTimeout(r, 50));
    sawTemp = readdirSync(dir).some((f) => f.endsWith('.tmp') && statSync(join(dir, f)).size > 0);
  }
  child.kill(signal);
  const status = await exited;
  return { status, stderr, dir, sawTemp };
}

describe('interrupted mid-render', () => {
  it.each([
    ['cast2gif', 'SIGINT', 'out.gif', 130],
    ['cast2gif', 'SIGTERM', 'out.gif', 143],
    ['cast2svg', 'SIGINT', 'out.svg', 130],
    ['cast2svg', 'SIGTERM', 'out.svg', 143],
  ] as const)('%s by %s writing %s: exit %i, a clear line, no output and no temp file left', async (name, signal, file, status) => {
    const run = await interrupt(name, signal, file);
    expect(run.sawTemp).toBe(true);
    expect(run.status).toBe(status);
    expect(oneCleanLine(run.stderr, name)).toBe(`${name}: interrupted by ${signal}; no output written`);
    expect(filesIn(run.dir)).toEqual([]);
    rmSync(run.dir, { recursive: true });
  });
});
