import type { Frame } from './frame.js';

/**
 * Frames shown for less than `minDuration` seconds are left out: the frame before stays on screen
 * for their time, and what they changed is counted as changed by the next frame kept (a frame is
 * a whole screen, so nothing is lost but the moment). The first and the last frame always stay.
 * `kept` is told how many frames went through.
 */
export async function* dropShortFrames(frames: AsyncIterable<Frame>, minDuration: number, kept?: (count: number) => void): AsyncGenerator<Frame> {
  let held: Frame | undefined;
  let next: Frame | undefined;
  let carried: { rows: Set<number>; cursor: boolean; palette: boolean } | undefined;
  let index = 0;
  const out = (frame: Frame): Frame => ({ ...frame, index: index++ });
  for await (const frame of frames) {
    if (held === undefined) {
      held = frame;
      continue;
    }
    if (next !== undefined) {
      if (next.duration < minDuration) {
        // Not the last (`frame` follows it): dropped into the frame before and the one after.
        held = { ...held, duration: held.duration + next.duration };
        carried ??= { rows: new Set(), cursor: false, palette: false };
        for (const row of next.changedRows) carried.rows.add(row);
        carried.cursor ||= next.cursorChanged;
        carried.palette ||= next.paletteChanged;
      } else {
        yield out(held);
        held = next;
      }
    }
    next = withCarried(frame, carried);
    carried = undefined;
  }
  if (held !== undefined) yield out(held);
  if (next !== undefined) yield out(next);
  kept?.(index);
}

function withCarried(frame: Frame, carried: { rows: Set<number>; cursor: boolean; palette: boolean } | undefined): Frame {
  if (!carried) return frame;
  for (const row of frame.changedRows) carried.rows.add(row);
  return {
    ...frame,
    changedRows: carried.rows,
    cursorChanged: frame.cursorChanged || carried.cursor,
    paletteChanged: frame.paletteChanged || carried.palette,
  };
}
