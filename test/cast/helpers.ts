import { readCast, type ReadCastOptions } from '../../src/cast/index.js';
import type { CastEvent } from '../../src/cast/events.js';

export async function readAll(text: string | Uint8Array, options: ReadCastOptions = {}) {
  const warnings: string[] = [];
  const cast = await readCast([text], { name: 'test.cast', onWarning: (w) => warnings.push(w), ...options });
  const events: CastEvent[] = [];
  for await (const e of cast.events) events.push(e);
  return { header: cast.header, events, warnings };
}

export async function readError(text: string, options: ReadCastOptions = {}): Promise<string> {
  try {
    await readAll(text, options);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the cast to be refused');
}
