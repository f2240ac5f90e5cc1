import { createWriteStream, openSync, renameSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';

/**
 * An output file that appears only when complete: bytes go to a hidden temporary file beside the
 * target and are renamed into place by commit(). Open outputs are removed on abort(), and also
 * when the process is interrupted (see removeAllPending).
 */
export interface AtomicOutput {
  readonly stream: WriteStream;
  commit(): Promise<void>;
  abort(): void;
}

const FS_REASONS: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'a part of its path is not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EEXIST: 'a file of that name appeared while writing',
};

/** A file-system failure as one line naming the file and the reason in words. */
export function cannotWrite(path: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return new Error(`${path}: cannot be written (${FS_REASONS[code] ?? ((error as Error).message || code)})`);
}

/** Whether an error came from the operating system (it has an errno code), not from our own checks. */
export const isSystemError = (error: unknown): boolean =>
  error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string';

const pending = new Set<string>();
let counter = 0;

export function openAtomicOutput(path: string): AtomicOutput {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${counter++}.tmp`);
  let fd: number;
  try {
    // Opened synchronously so that abort() can never run before the file exists and leave it behind.
    fd = openSync(temp, 'wx');
  } catch (error) {
    throw cannotWrite(path, error);
  }
  const stream = createWriteStream(temp, { fd });
  pending.add(temp);
  // Errors (missing folder, disk full) surface through commit(); keep them from crashing the process first.
  let failure: Error | undefined;
  stream.on('error', (error) => {
    failure ??= error;
  });
  return {
    stream,
    async commit() {
      stream.end();
      await finished(stream).catch((error: Error) => {
        failure ??= error;
      });
      if (failure) {
        this.abort();
        throw cannotWrite(path, failure);
      }
      await rename(temp, path).catch((error: unknown) => {
        this.abort();
        throw cannotWrite(path, error);
      });
      pending.delete(temp);
    },
    abort() {
      stream.destroy();
      rmSync(temp, { force: true });
      pending.delete(temp);
    },
  };
}

/** For signal handlers: synchronous, so it finishes before the process exits. */
export function removeAllPending(): void {
  for (const temp of pending) rmSync(temp, { force: true });
  pending.clear();
}

/** A small file written whole, for per-marker snapshots: temp file, then rename. */
export function writeFileAtomicSync(path: string, data: Uint8Array): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${counter++}.tmp`);
  pending.add(temp);
  try {
    writeFileSync(temp, data, { flag: 'wx' });
    renameSync(temp, path);
  } catch (error) {
    throw cannotWrite(path, error);
  } finally {
    rmSync(temp, { force: true });
    pending.delete(temp);
  }
}
