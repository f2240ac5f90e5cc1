import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openSource, readCast } from '../../src/cast/index.js';
import { animationInfo, castFrames, type AnimationInfo, type Frame } from '../../src/frames/index.js';
import { CORPUS } from '../helpers/paths.js';

/** Every corpus cast the reader accepts: it refuses the pre-v1 "v0" frame format by design. */
export const corpusCasts = (): string[] =>
  (readdirSync(CORPUS, { recursive: true }) as string[]).filter((f) => /\.(cast|json)$/.test(f) && !f.endsWith('/v0.json')).sort();

/** All frames of a corpus cast, held in memory (tests only), with the animation info. */
export async function loadFrames(file: string, loop = 0): Promise<{ frames: Frame[]; info: AnimationInfo }> {
  const source = await openSource(join(CORPUS, file));
  const cast = await readCast(source.bytes, { name: file });
  const frames: Frame[] = [];
  for await (const frame of castFrames(cast)) frames.push(frame);
  return { frames, info: animationInfo(cast, { loop }) };
}

export async function* replay(frames: readonly Frame[]): AsyncGenerator<Frame> {
  yield* frames;
}
