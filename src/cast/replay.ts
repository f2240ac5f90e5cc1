import type { Cast, CastEvent } from './events.js';

/**
 * A cast whose events can be iterated more than once (a dark twin, a --max-size retry): the first
 * pass reads the source and keeps each event; later passes replay what was kept, and go on reading
 * where an unfinished first pass stopped. Costs the events' memory, about the recording's size.
 */
export function replayable(cast: Cast): Cast {
  const kept: CastEvent[] = [];
  const source = cast.events[Symbol.asyncIterator]();
  let done = false;
  let reading: Promise<IteratorResult<CastEvent>> | undefined;
  const pull = async (): Promise<boolean> => {
    reading ??= source.next();
    const next = await reading;
    reading = undefined;
    if (next.done) done = true;
    else kept.push(next.value);
    return !next.done;
  };
  return {
    header: cast.header,
    events: {
      async *[Symbol.asyncIterator]() {
        for (let i = 0; ; i++) {
          if (i < kept.length) yield kept[i]!;
          else if (done || !(await pull())) return;
          else yield kept[i]!;
        }
      },
    },
  };
}
