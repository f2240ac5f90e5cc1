import { spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tempDir as sharedTempDir } from '../helpers/temp-dir.js';

export const ROOT = resolve(__dirname, '../..');
export const CORPUS = resolve(ROOT, 'test/corpus/casts');

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

/** Runs the bin with stdin, stdout and stderr on a pseudo-terminal (util-linux script), as a user at a terminal does. */
export function onTerminal(args: string[], cwd: string, bin: 'cast2gif' | 'cast2svg' = 'cast2gif'): { status: number | null; output: string } {
  const command = [process.execPath, join(ROOT, 'bin', `${bin}.js`), ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '' } });
  return { status: result.status, output: result.stdout.replace(/\r\n/g, '\n') };
}

/**
 * cli() without blocking this process: for tests whose other end (a local HTTP server, a FIFO
 * reader) runs here. The child is killed after two minutes.
 */
export function cliAsync(bin: 'cast2gif' | 'cast2svg', args: string[], options: { cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', `${bin}.js`), ...args], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    const stdout: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout: Buffer.concat(stdout), stderr });
    });
  });
}

/** A new folder cast2gif-cli-* in os.tmpdir(), removed when the test file is done. */
export const tempDir = (): string => sharedTempDir('cli');

export const filesIn = (dir: string): string[] => readdirSync(dir).sort();
