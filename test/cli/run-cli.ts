import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const CORPUS = resolve(ROOT, '../shared/corpus/casts');

export interface CliResult {
  readonly status: number | null;
  readonly stdout: Buffer;
  readonly stderr: string;
}

/** Runs the built bin (npm test builds dist/ first), as a user would. */
export function cli(bin: 'cast2gif' | 'cast2svg', args: string[], options: { cwd?: string; input?: string | Buffer } = {}): CliResult {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', `${bin}.js`), ...args], {
    cwd: options.cwd,
    input: options.input,
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'cast2gif-cli-'));

export const filesIn = (dir: string): string[] => readdirSync(dir).sort();
