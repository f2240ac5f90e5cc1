import { Writable as NodeWritable } from 'node:stream';
import type { Cast } from '../cast/events.js';
import { readCast } from '../cast/read-cast.js';
import { animationInfo, castFrames, terminalAt, type Frame } from '../frames/index.js';
import { lookFor } from './look.js';
import type { RenderOptions } from './options.js';

type Writable = NodeJS.WritableStream;

/** Writes and waits for the stream to take it, so large outputs respect backpressure. */
function write(out: Writable, data: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    out.write(data, (error) => (error ? reject(error) : resolve()));
  });
}

async function* stillFrame(cast: Cast, options: RenderOptions): AsyncGenerator<Frame> {
  const term = await terminalAt(cast, options.at);
  const screen = term.snapshot();
  const all = new Set(screen.lines.map((_, y) => y));
  yield { index: 0, screen, changedRows: all, cursorChanged: true, paletteChanged: true, time: 0, duration: options.lastFrameDuration ?? 3 };
}

/**
 * The whole pipeline for one cast: timeline, terminal, frames, then the format's renderer.
 * Writes to `out` and leaves ending it to the caller.
 */
export async function renderCast(cast: Cast, options: RenderOptions, out: Writable): Promise<void> {
  const info = animationInfo(cast, { title: options.title, loop: options.loop });
  switch (options.format) {
    case 'txt': {
      const term = await terminalAt(cast, options.at);
      return write(out, `${term.text()}\n`);
    }
    case 'png': {
      const { renderPng } = await import('../gif/index.js');
      const term = await terminalAt(cast, options.at);
      return write(out, renderPng(term.snapshot(), info, lookFor(cast, options)));
    }
    case 'svg': {
      const { renderSvg, renderSvgStill } = await import('../svg/index.js');
      if (options.at !== undefined) {
        const term = await terminalAt(cast, options.at);
        return write(out, renderSvgStill(term.snapshot(), info, lookFor(cast, options)));
      }
      return renderSvg(castFrames(cast, options), info, lookFor(cast, options), out);
    }
    case 'gif': {
      const { renderGif } = await import('../gif/index.js');
      const frames = options.at !== undefined ? stillFrame(cast, options) : castFrames(cast, options);
      return renderGif(frames, info, lookFor(cast, options), out);
    }
  }
}

/** Library entry point: a cast's text or bytes in, the encoded output's bytes out. */
export async function render(input: string | Uint8Array, options: RenderOptions): Promise<Uint8Array> {
  const cast = await readCast([typeof input === 'string' ? new TextEncoder().encode(input) : input], {
    cols: options.cols,
    rows: options.rows,
    onWarning: options.onWarning,
  });
  const chunks: Buffer[] = [];
  const sink = new NodeWritable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  await renderCast(cast, options, sink);
  return Buffer.concat(chunks);
}
