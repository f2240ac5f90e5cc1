import { lstatSync, readlinkSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Where an output's bytes really go. A user may point us at a symlink, a FIFO, a device or one of
 * our own file descriptors; all of those are written through, never replaced by a new file.
 */
export type OutputTarget =
  /** A regular file (or none yet) at `path`, the end of any symlink chain: written beside it and renamed onto it. */
  | { readonly kind: 'file'; readonly path: string }
  /** A FIFO, device or other non-file: opened and written in place. */
  | { readonly kind: 'direct'; readonly path: string }
  /** One of this process's file descriptors (/dev/stdout, /dev/fd/N): written to that descriptor. */
  | { readonly kind: 'fd'; readonly fd: number };

/** Names that stand for a file descriptor rather than a file. */
const FD_NAME = /^\/(?:dev\/(stdout|stderr)|dev\/fd\/(\d+)|proc\/(self|thread-self|\d+)\/fd\/(\d+))$/;

function ownDescriptor(path: string): number | undefined {
  const match = FD_NAME.exec(path);
  if (!match) return undefined;
  if (match[1]) return match[1] === 'stdout' ? 1 : 2;
  if (match[2]) return Number(match[2]);
  if (match[3] === 'self' || match[3] === 'thread-self' || Number(match[3]) === process.pid) return Number(match[4]);
  return undefined;
}

/** An error like the one the system would give, so cannotWrite words it. */
const systemError = (code: string, syscall: string): NodeJS.ErrnoException =>
  Object.assign(new Error(code), { code, syscall });

/** Follows `path` to what it names. Throws EISDIR for a folder and ELOOP for an endless link chain. */
export function outputTarget(path: string): OutputTarget {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    const fd = ownDescriptor(current);
    if (fd !== undefined) return { kind: 'fd', fd };
    let stats;
    try {
      stats = lstatSync(current);
    } catch (error) {
      // Not there yet (a dangling link's target included): a new file; a missing folder is reported when it is opened.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'file', path: current };
      throw error;
    }
    if (stats.isSymbolicLink()) {
      current = resolve(dirname(current), readlinkSync(current));
      continue;
    }
    if (stats.isDirectory()) throw systemError('EISDIR', 'open');
    return stats.isFile() ? { kind: 'file', path: current } : { kind: 'direct', path: current };
  }
  throw systemError('ELOOP', 'open');
}

/** Names the file `path` leads to (links followed), the same for every link to it; undefined when there is none. */
export function fileId(path: string): string | undefined {
  try {
    const stats = statSync(path);
    return stats.isFile() ? `${stats.dev}:${stats.ino}` : undefined;
  } catch {
    return undefined;
  }
}

/** Whether writing `output` would write over `input`: the same path, or through a link (symbolic or hard) the same file. */
export function isSameFile(output: string, input: string): boolean {
  if (resolve(output) === resolve(input)) return true;
  const id = fileId(output);
  return id !== undefined && id === fileId(input);
}
