import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from './paths.js';

export type BinName = 'cast2gif' | 'cast2svg';

/** bin/cast2gif.js or bin/cast2svg.js of this checkout. */
export const binPath = (name: BinName): string => join(ROOT, 'bin', `${name}.js`);

/** The bins import dist/: `npm test` builds it first; a missing build is said plainly. */
export function requireBuild(): void {
  if (!existsSync(join(ROOT, 'dist', 'bundle', 'cli.js'))) throw new Error('dist/ is missing: run `npm run build` first');
}

export interface BinRun {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: Buffer;
  readonly stderr: string;
}

export interface BinOptions {
  readonly cwd?: string;
  readonly input?: string | Buffer;
  /** Added to this process's environment (NO_COLOR=1 is always set). */
  readonly env?: NodeJS.ProcessEnv;
}

const environment = (env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ ...process.env, NO_COLOR: '1', ...env });

/** Runs a built bin as a user would, and waits for it; killed after two minutes. */
export function runBin(name: BinName, args: readonly string[], options: BinOptions = {}): BinRun {
  requireBuild();
  const result = spawnSync(process.execPath, [binPath(name), ...args], { cwd: options.cwd, input: options.input, env: environment(options.env), timeout: 120_000 });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

/** Runs cast2gif, which must succeed without a word on stderr. */
export function renderCleanly(args: readonly string[]): void {
  const result = runBin('cast2gif', args);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
}

/**
 * runBin() without blocking this process: for tests whose other end (a local HTTP server, a FIFO
 * reader) runs here. The child is killed after two minutes.
 */
export function runBinAsync(name: BinName, args: readonly string[], options: Omit<BinOptions, 'input'> = {}): Promise<BinRun> {
  requireBuild();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath(name), ...args], { cwd: options.cwd, env: environment(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    const stdout: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout: Buffer.concat(stdout), stderr });
    });
  });
}

/** Runs a bin with stdin, stdout and stderr on a pseudo-terminal (util-linux script), as a user at a terminal does. */
export function onTerminal(args: readonly string[], cwd: string, name: BinName = 'cast2gif'): { status: number | null; output: string } {
  requireBuild();
  const command = [process.execPath, binPath(name), ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd, encoding: 'utf8', env: environment({ CI: '' }) });
  return { status: result.status, output: result.stdout.replace(/\r\n/g, '\n') };
}
