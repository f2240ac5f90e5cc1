import type { AnimationInfo, Frame } from '../frames/frame.js';
import type { ScreenSnapshot } from '../term/cell.js';
import type { ScreenPainter } from '../raster/screen-painter.js';
import { ChangeSequencer } from './change-sequencer.js';
import type { AnimationEncoder, Sink, Ticks } from './contract.js';

/** Writes and waits until the stream has taken it, so a slow destination holds the renderer back. */
export function writeTo(out: NodeJS.WritableStream): Sink {
  return (bytes) =>
    new Promise((resolve, reject) => {
      out.write(bytes, (error) => (error ? reject(error) : resolve()));
    });
}

const blankScreen = (info: AnimationInfo): ScreenSnapshot => ({
  cols: info.cols,
  rows: info.rows,
  lines: [],
  cursor: { x: 0, y: 0, visible: false, shape: 'block', blink: false },
  title: '',
  palette: { indexed: new Map() },
});

/**
 * Plays the frames through the shared change sequencer into one format's encoder, frame by frame
 * as they come. A recording without frames gives one blank frame.
 */
export async function animate<T>(
  frames: AsyncIterable<Frame>,
  info: AnimationInfo,
  painter: ScreenPainter,
  encoder: AnimationEncoder<T>,
  ticks: Ticks,
): Promise<void> {
  const sequencer = new ChangeSequencer(painter, encoder, ticks);
  let any = false;
  for await (const frame of frames) {
    await sequencer.add(frame);
    any = true;
  }
  if (!any) {
    const screen = blankScreen(info);
    await sequencer.add({ index: 0, screen, changedRows: new Set(), cursorChanged: true, paletteChanged: true, time: 0, duration: 0 });
  }
  await sequencer.finish();
}
