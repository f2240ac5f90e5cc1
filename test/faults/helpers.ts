import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tempDir } from '../helpers/temp-dir.js';

export const ROOT = resolve(__dirname, '../..');
export const bin = (name: 'cast2gif' | 'cast2svg'): string => join(ROOT, 'bin', `${name}.js`);

/** The bins import dist/: `npm test` builds it first; a missing build is said plainly. */
export function requireBuild(): void {
  if (!existsSync(join(ROOT, 'dist', 'bundle', 'cli.js'))) throw new Error('dist/ is missing: run `npm run build` first');
}

/** Folders in os.tmpdir() named cast2gif-<tag>-*, removed (a tmpfs on them unmounted first) when the test file is done. */
export { tempDir };

export const filesIn = (dir: string): string[] => readdirSync(dir).sort();

export interface Run {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: Buffer;
  readonly stderr: string;
}

export function runBin(name: 'cast2gif' | 'cast2svg', args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const r = spawnSync(process.execPath, [bin(name), ...args], { env: { ...process.env, ...env }, timeout: 120_000 });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

/**
 * A cast whose GIF takes many seconds to render and is several MB: every frame redraws the whole
 * screen in new colours. Deterministic, so a failure replays.
 */
export function longCast(frames: number): string {
  let seed = 1;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff);
  const lines = [JSON.stringify({ version: 2, width: 80, height: 24 })];
  for (let i = 0; i < frames; i++) {
    let screen = '\x1b[H';
    for (let y = 0; y < 24; y++) {
      screen += `\x1b[${31 + (next() % 7)}m`;
      for (let x = 0; x < 79; x++) screen += String.fromCharCode(33 + (next() % 90));
      screen += '\r\n';
    }
    lines.push(JSON.stringify([i * 0.05, 'o', screen]));
  }
  return `${lines.join('\n')}\n`;
}

/** A small cast that renders in well under a second. */
export const SMALL_CAST = [
  '{"version": 2, "width": 20, "height": 4, "title": "small"}',
  '[0.1, "o", "hello \\u001b[32mgreen\\u001b[0m"]',
  '[0.5, "o", "\\r\\nworld"]',
  '',
].join('\n');

export function writeCast(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/**
 * Whether this process may mount a tmpfs (root with CAP_SYS_ADMIN): read-only and full file
 * systems are then real ones, not simulations.
 */
export function canMount(): boolean {
  const probe = tempDir('mount-probe');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Mounts a fresh tmpfs at a new folder; returns the folder and its unmount. */
export function mountTmpfs(options: string): { dir: string; unmount(): void } {
  const dir = tempDir('tmpfs');
  mkdirSync(dir, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
  return { dir, unmount: () => execFileSync('umount', [dir]) };
}

/** What every failed run promises: one line naming the tool, no stack trace. */
export function oneCleanLine(stderr: string, name = 'cast2gif'): string {
  const lines = stderr.split('\n').filter((l) => l !== '');
  if (lines.length !== 1) throw new Error(`expected one line on stderr, got ${lines.length}: ${stderr.slice(0, 500)}`);
  if (!lines[0]!.startsWith(`${name}: `)) throw new Error(`stderr does not start with "${name}: ": ${lines[0]}`);
  if (/\bat .*:\d+:\d+|\.(ts|js):\d+/.test(lines[0]!)) throw new Error(`stderr holds a stack trace: ${lines[0]}`);
  return lines[0]!;
}
