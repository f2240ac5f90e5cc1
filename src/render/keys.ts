import type { Cast, CastEvent } from '../cast/events.js';

/**
 * Whether the recording has key presses to show, decided before anything is drawn (the overlay
 * changes the picture's size). Events are read ahead only up to the first input event (usually
 * the first keystroke); the cast handed back replays them, then reads on.
 */
export async function withKeys(cast: Cast): Promise<{ cast: Cast; hasInput: boolean }> {
  const iterator = cast.events[Symbol.asyncIterator]();
  const ahead: CastEvent[] = [];
  let done = false;
  for (;;) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    ahead.push(next.value);
    if (next.value.kind === 'input') break;
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
  // Reading stopped early only at an input event.
  return { cast: { header: cast.header, events: replay() }, hasInput: !done };
}

export const NO_KEYS_WARNING = '--keys: the recording has no input events, so there are no keys to show (record with asciinema rec --stdin, or --capture-input in asciinema 3)';
