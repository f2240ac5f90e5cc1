import type { RenderAnimation } from '../encode/contract.js';
import type { AnimationInfo } from '../frames/frame.js';
import type { ScreenSnapshot } from '../term/cell.js';
import type { KeyItem } from '../keys/index.js';
import { SlotTimeline } from './animation.js';
import { KeysTrack, NO_OVERLAY } from './keys-markup.js';
import { missingGlyphsWarning } from '../fonts/font-files.js';
import { SvgDocument } from './document.js';
import type { FrameMarkup } from './frame-markup.js';
import { resolveGeometry, type SvgOptions } from './options.js';

/** How many distinct frames are remembered for reuse (a screen that comes back shows its old slot). */
const FRAME_MEMORY = 1024;
/** Output is handed to the stream in chunks of about this many characters. */
const CHUNK = 1 << 16;

/**
 * Collects frames and the definitions they need, and writes them in chunks: each chunk's
 * definitions go out first in one <defs>, so a chunk costs one <defs> however many frames it holds.
 */
class ChunkedWriter {
  private defs = '';
  private body = '';
  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly doc: SvgDocument,
  ) {}

  async write(defs: string, body: string): Promise<void> {
    this.doc.noteWritten(defs);
    this.doc.noteWritten(body);
    this.defs += defs;
    this.body += body;
    if (this.defs.length + this.body.length >= CHUNK) await this.flush();
  }

  async flush(): Promise<void> {
    const data = (this.defs === '' ? '' : `<defs>${this.defs}</defs>`) + this.body;
    this.defs = '';
    this.body = '';
    if (data === '') return;
    await new Promise<void>((resolve, reject) => {
      this.out.write(data, (error?: Error | null) => (error ? reject(error) : resolve()));
    });
  }
}

/**
 * Writes an animated SVG to `out` as the frames arrive: frames go out in chunks of about 64 KB
 * (a frame waits at most until the next one is composed), and only small per-frame numbers are
 * kept for the player written at the end. Frames that look the same as the one before only
 * lengthen it; a screen seen before reuses its slot. Leaves ending `out` to the caller.
 */
export const renderSvg: RenderAnimation<SvgOptions> = async (frames, info, options, out) => {
  const doc = new SvgDocument(resolveGeometry(info, options));
  const writer = new ChunkedWriter(out, doc);
  const timeline = new SlotTimeline();
  const keys = new KeysTrack();
  const slots = new Map<string, number>();
  /** The element that draws each slot, once written. */
  const ids: string[] = [];
  let nextSlot = 0;
  let lastScreen: ScreenSnapshot | undefined;
  await writer.write('', doc.head());
  await writer.flush();
  // A new slot's markup waits one frame: the next frame may scroll it and need an id on its rows.
  let pending: { markup: FrameMarkup; slot: number } | undefined;
  const writePending = async (groupId: string | undefined): Promise<void> => {
    if (!pending) return;
    const { markup, slot } = pending;
    const frame =
      groupId !== undefined && markup.cursor === ''
        ? doc.frameElement(markup.rows, groupId)
        : doc.frameElement((groupId === undefined ? markup.rows : `<g id="${groupId}">${markup.rows}</g>`) + markup.cursor);
    ids[slot] = frame.id;
    await writer.write(markup.defs + markup.cursorDefs + frame.markup, markup.clips);
    pending = undefined;
  };
  for await (const frame of frames) {
    const markup = doc.compose(frame.screen);
    await writePending(markup.previousId);
    let slot = slots.get(markup.key);
    if (slot === undefined) {
      slot = nextSlot++;
      if (slots.size >= FRAME_MEMORY) slots.delete(slots.keys().next().value!);
      slots.set(markup.key, slot);
      pending = { markup, slot };
    } else {
      doc.composer.markReused();
      await writer.write(markup.defs + markup.cursorDefs, markup.clips);
    }
    timeline.push(slot, Math.max(0, frame.duration));
    keys.push(frame.keys, Math.max(0, frame.duration));
    lastScreen = frame.screen;
  }
  // The last frame is the resting layer's: a slot first seen there is never shown by the player
  // (but a cursor shape it defined is placed by the resting layer too).
  let unwritten: ReadonlySet<string> | undefined;
  if (pending && timeline.shownBeforeEnd(pending.slot)) await writePending(undefined);
  else if (pending) {
    await writer.write(pending.markup.cursorDefs, '');
    unwritten = new Set(pending.markup.newRows);
  }
  const animation = timeline.player(info.loop, (slot) => ids[slot]!);
  if (lastScreen) {
    const rest = doc.restLayer(lastScreen, animation?.rest, unwritten);
    await writer.write(rest.defs, (animation?.player ?? '') + rest.markup);
  }
  await writer.flush();
  // Before the tail: the overlay's text adds glyphs the tail's fonts must hold.
  const overlay = doc.g.layout.keys ? keys.markup((items) => doc.keysRow(items), info.loop) : NO_OVERLAY;
  await writer.write('', doc.tail(animation !== undefined, lastScreen, overlay));
  await writer.flush();
  reportGlyphs(doc, options);
};

/** The missing-glyph warning, and with --verbose what the embedded fonts cost. */
function reportGlyphs(doc: SvgDocument, options: SvgOptions): void {
  const warning = missingGlyphsWarning(doc.glyphs.fallbacks.missing);
  if (warning !== undefined) options.onWarning?.(warning);
  const embedded = doc.embedded;
  if (embedded && embedded.glyphs > 0) {
    options.onDetail?.(`embedded fonts: ${embedded.glyphs} glyphs, ${(embedded.bytes / 1024).toFixed(1)} KB (${((embedded.bytes * 4) / 3 / 1024).toFixed(1)} KB as base64)`);
  }
}

/** One screen as a still SVG (for `--at`): the animation's resting layer alone, and the keys shown then. */
export function renderSvgStill(screen: ScreenSnapshot, info: AnimationInfo, options: SvgOptions, keys?: readonly KeyItem[]): string {
  const doc = new SvgDocument(resolveGeometry(info, options));
  const head = doc.head();
  const rest = doc.restLayer(screen);
  const overlay = keys && keys.length > 0 ? { body: `<g id="_k">${doc.keysRow(keys)}</g>`, css: '' } : NO_OVERLAY;
  const body = head + (rest.defs === '' ? '' : `<defs>${rest.defs}</defs>`) + rest.markup;
  doc.noteWritten(body);
  const svg = body + doc.tail(false, screen, overlay);
  reportGlyphs(doc, options);
  return svg;
}
