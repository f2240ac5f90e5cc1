import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tempDir } from '../helpers/temp-dir.js';

/** A small cast that renders in well under a second. */
export const SMALL_CAST = [
  '{"version": 2, "width": 20, "height": 4, "title": "small"}',
  '[0.1, "o", "hello \\u001b[32mgreen\\u001b[0m"]',
  '[0.5, "o", "\\r\\nworld"]',
  '',
].join('\n');

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
