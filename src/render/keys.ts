import type { Cast, CastEvent } from '../cast/events.js';

/**
 * How many events are read ahead looking for the first input event: recordings with keys have
 * one within their first few, and a long one without any is not held in memory whole.
 */
export const KEYS_READ_AHEAD = 100_000;

/**
 * Whether the recording has key presses to show, decided before anything is drawn (the overlay
 * changes the picture's size). Events are read ahead only up to the first input event (usually
 * the first keystroke), or KEYS_READ_AHEAD of them; the cast handed back replays them, then reads on.
 */
export async function withKeys(cast: Cast): Promise<{ cast: Cast; hasInput: boolean; warning?: string }> {
  const iterator = cast.events[Symbol.asyncIterator]();
  const ahead: CastEvent[] = [];
  let done = false;
  let hasInput = false;
  while (ahead.length < KEYS_READ_AHEAD) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    ahead.push(next.value);
    if (next.value.kind === 'input') {
      hasInput = true;
      break;
    }
  }
  async function* replay(): AsyncGenerator<CastEvent> {
    yield* ahead;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  const where = done ? 'the recording has no input events' : `the recording's first ${KEYS_READ_AHEAD} events have no input event`;
  return {
    cast: { header: cast.header, events: replay() },
    hasInput,
    ...(hasInput ? {} : { warning: `--keys: ${where}, so there are no keys to show (record with asciinema rec --stdin, or --capture-input in asciinema 3)` }),
  };
}
