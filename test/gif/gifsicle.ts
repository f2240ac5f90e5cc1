import { spawnSync } from 'node:child_process';

/** What `gifsicle --info` says of a GIF given on its stdin: a reader other than ours. */
export function gifsicleInfo(gif: Uint8Array): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('gifsicle', ['--info'], { input: gif, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
