import { createWriteStream, openSync, renameSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import { outputTarget, type OutputTarget } from './output-target.js';

/**
 * An output file that appears only when complete: bytes go to a hidden temporary file beside the
 * target and are renamed into place by commit(); abort() removes it (and the caller's TempFiles,
 * if the process is interrupted). Outputs that are not files (a FIFO, /dev/stdout) are written in place.
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
  ELOOP: 'its symbolic links form a loop',
};

/** A file-system failure as one line naming the file and the reason in words. */
export function cannotWrite(path: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return new Error(`${path}: cannot be written (${FS_REASONS[code] ?? ((error as Error).message || code)})`);
}

/** Whether an error came from the operating system (it has an errno code), not from our own checks. */
export const isSystemError = (error: unknown): boolean =>
  error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string';

let counter = 0;

/** The hidden file a render writes before it is renamed onto `target`. */
export const tempBeside = (target: string, id: string | number = counter++): string =>
  join(dirname(target), `.${basename(target)}.${process.pid}.${id}.tmp`);

/**
 * Writes `target`: through `temp`, renamed onto it by commit(), when a temp is given; else in place
 * (a FIFO, device or descriptor), where there is nothing to rename and nothing to remove on abort().
 * `shown` names the output in messages.
 */
export function openOutputStream(target: OutputTarget, temp: string | undefined, shown: string): AtomicOutput {
  let stream: WriteStream;
  try {
    // Files are opened synchronously so that abort() can never run before the file exists and leave it behind.
    // A FIFO is opened asynchronously: the open waits for a reader and must not block the process.
    stream =
      target.kind === 'fd'
        ? createWriteStream('', { fd: target.fd, autoClose: false })
        : temp === undefined
          ? createWriteStream(target.path, { flags: 'w' })
          : createWriteStream(temp, { fd: openSync(temp, 'wx') });
  } catch (error) {
    throw cannotWrite(shown, error);
  }
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
        throw cannotWrite(shown, failure);
      }
      if (temp === undefined || target.kind === 'fd') return;
      await rename(temp, target.path).catch((error: unknown) => {
        this.abort();
        throw cannotWrite(shown, error);
      });
    },
    abort() {
      stream.destroy();
      if (temp !== undefined) rmSync(temp, { force: true });
    },
  };
}

/** The target of `path`, with a failure (a folder, a link loop) worded as one line naming `shown`. */
export function targetOf(path: string, shown = path): OutputTarget {
  try {
    return outputTarget(path);
  } catch (error) {
    throw cannotWrite(shown, error);
  }
}

/** A small file written whole, for per-marker snapshots: temp file, then rename (or in place, see outputTarget). */
export function writeFileAtomicSync(path: string, data: Uint8Array): void {
  const target = targetOf(path);
  if (target.kind !== 'file') {
    try {
      writeFileSync(target.kind === 'fd' ? target.fd : target.path, data);
    } catch (error) {
      throw cannotWrite(path, error);
    }
    return;
  }
  // Written in one synchronous call, which no signal handler can interrupt: nothing to register for clean-up.
  const temp = tempBeside(target.path);
  try {
    writeFileSync(temp, data, { flag: 'wx' });
    renameSync(temp, target.path);
  } catch (error) {
    throw cannotWrite(path, error);
  } finally {
    rmSync(temp, { force: true });
  }
}
