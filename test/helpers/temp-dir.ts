import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, expect } from 'vitest';

/**
 * Temporary folders for tests. Every folder made by tempDir is removed once the test file is
 * done, whether its tests passed or failed: importing this module (directly or through another
 * helper) installs an afterAll hook in the importing test file. Vitest runs each test file with
 * its own module graph, so every file gets its own hook and its own list.
 */
const made = new Set<string>();

/** The test file's name without its suffixes: write-through for test/cli/write-through.process.test.ts. */
const testFileName = (): string => basename(expect.getState().testPath ?? 'test').replace(/(\.\w+)*\.test\.ts$/, '');

/**
 * A new empty folder `<os.tmpdir()>/cast2gif-<tag>-XXXXXX`, removed when the test file is done.
 * The tag defaults to the test file's name, so a folder left behind says who made it.
 */
export function tempDir(tag: string = testFileName()): string {
  const dir = mkdtempSync(join(tmpdir(), `cast2gif-${tag}-`));
  made.add(dir);
  return dir;
}

/**
 * Removes a folder made by tempDir now rather than at the end of the file. A tmpfs still mounted
 * on it is unmounted first; folders left without write permission get it back.
 */
export function removeTempDir(dir: string): void {
  made.delete(dir);
  if (!existsSync(dir)) return;
  if (statSync(dir).dev !== statSync(dirname(dir)).dev) execFileSync('umount', [dir], { stdio: 'ignore' });
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM') throw error;
    makeWritable(dir);
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}

/** Removes every folder tempDir has made and not yet removed; says which could not be. */
export function removeTempDirs(): void {
  const failures: string[] = [];
  for (const dir of [...made]) {
    try {
      removeTempDir(dir);
    } catch (error) {
      failures.push(`${dir}: ${(error as Error).message}`);
    }
  }
  if (failures.length > 0) throw new Error(`temporary folders left behind:\n${failures.join('\n')}`);
}

/** The names in a folder, sorted. */
export const filesIn = (dir: string): string[] => readdirSync(dir).sort();

function makeWritable(dir: string): void {
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (lstatSync(path).isDirectory()) makeWritable(path);
  }
}

afterAll(removeTempDirs);
