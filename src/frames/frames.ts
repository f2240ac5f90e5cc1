import type { Cast, CastEvent } from '../cast/events.js';
import { KeyCaption, sameItems, type KeyItem } from '../keys/index.js';
import { Terminal } from '../term/index.js';
import type { ScreenSnapshot } from '../term/cell.js';
import { frameGroups, isBefore, TIMELINE_DEFAULTS, type TimelineOptions, type TimePoint } from '../timeline/index.js';
import type { AnimationInfo, Frame } from './frame.js';
import { diffScreens, isUnchanged } from './screen-diff.js';

export interface FramesOptions extends TimelineOptions {
  /** Called at each marker with the screen as it is there (for --snapshots), and with --keys the keys shown then. */
  readonly onMarker?: (label: string, screen: ScreenSnapshot, index: number, keys?: readonly KeyItem[]) => void;
  /** Called with each frame as it is handed on (progress displays count them). */
  readonly onFrame?: (frame: Frame) => void;
  /** Frames carry the keys pressed shortly before (the --keys overlay); a key disappearing starts a frame. */
  readonly keys?: boolean;
}

/** The overlay has room for the grid's width less a cell's margin either side. */
export const keysRoom = (cols: number): number => Math.max(1, cols - 2);

const NO_ROWS: ReadonlySet<number> = new Set();

export interface PlaybackOptions {
  readonly title?: string;
  /** 0 loops forever, 1 plays once, N plays N times. */
  readonly loop?: number;
}

export function animationInfo(cast: Cast, options: PlaybackOptions = {}): AnimationInfo {
  return {
    cols: cast.header.cols,
    rows: cast.header.rows,
    title: options.title ?? cast.header.title ?? '',
    loop: options.loop ?? 0,
  };
}

function apply(term: Terminal, event: CastEvent): void {
  if (event.kind === 'output') term.feed(event.data);
  else if (event.kind === 'resize') term.resize(event.cols, event.rows);
}

/**
 * The pipeline's middle: timeline groups are played through the terminal, and a frame is handed on
 * once the next visible change tells how long it lasts. Groups that change nothing visible only
 * lengthen the frame before them.
 */
export async function* castFrames(cast: Cast, options: FramesOptions = {}): AsyncGenerator<Frame> {
  const term = new Terminal({ cols: cast.header.cols, rows: cast.header.rows });
  const lastFrameDuration = options.lastFrameDuration ?? TIMELINE_DEFAULTS.lastFrameDuration;
  const caption = options.keys ? new KeyCaption() : undefined;
  const room = keysRoom(cast.header.cols);
  let shown: ScreenSnapshot | undefined;
  let pending: Omit<Frame, 'duration'> | undefined;
  let index = 0;
  let markers = 0;
  for await (const group of frameGroups(cast.events, cast.header, { ...options, inputShows: caption !== undefined })) {
    yield* expireKeys(group.time);
    for (const event of group.events) {
      apply(term, event);
      if (event.kind === 'input' && caption) caption.press(event.data, group.time);
      if (event.kind === 'marker' && options.onMarker) options.onMarker(event.label, term.snapshot(), ++markers, caption?.at(group.time, room));
    }
    const screen = term.snapshot();
    const change = diffScreens(shown, screen);
    const keys = caption?.at(group.time, room);
    if (pending && isUnchanged(change) && sameItems(pending.keys, keys)) continue;
    if (pending) yield handOn({ ...pending, duration: group.time - pending.time });
    pending = { index: index++, screen, ...change, time: group.time, ...(keys ? { keys } : {}) };
    shown = screen;
  }
  if (pending) {
    const end = pending.time + lastFrameDuration;
    yield* expireKeys(end);
    yield handOn({ ...pending, duration: end - pending.time });
  }

  /** Hands on the pending frame up to each key disappearing before `until`, the same screen after it. */
  function* expireKeys(until: number): Generator<Frame> {
    if (!caption) return;
    for (let at = pending && caption.nextExpiry(pending.time); pending && at !== undefined && at < until; at = caption.nextExpiry(at)) {
      const keys = caption.at(at, room);
      if (sameItems(pending.keys, keys)) continue;
      yield handOn({ ...pending, duration: at - pending.time });
      pending = { index: index++, screen: pending.screen, changedRows: NO_ROWS, cursorChanged: false, paletteChanged: false, time: at, keys };
    }
  }

  function handOn(frame: Frame): Frame {
    options.onFrame?.(frame);
    return frame;
  }
}

/**
 * The terminal as it is at one point of the recording (recording clock or marker; the end when
 * `at` is undefined), for stills and text output.
 */
export async function terminalAt(cast: Cast, at: TimePoint | undefined): Promise<Terminal> {
  return (await stillAt(cast, at, false)).term;
}

/** The screen at `options.at` as a one-frame animation, held for the last-frame duration. */
export async function* stillFrame(cast: Cast, options: FramesOptions & { readonly at?: TimePoint }): AsyncGenerator<Frame> {
  const { term, keys } = await stillAt(cast, options.at, options.keys === true);
  const screen = term.snapshot();
  const all = new Set(screen.lines.map((_, y) => y));
  const duration = options.lastFrameDuration ?? TIMELINE_DEFAULTS.lastFrameDuration;
  yield { index: 0, screen, changedRows: all, cursorChanged: true, paletteChanged: true, time: 0, duration, ...(keys ? { keys } : {}) };
}

/**
 * terminalAt, and with `keys` the overlay's keys at that point: those pressed within the hold
 * before it, in the recording's clock (a still has no output clock).
 */
export async function stillAt(cast: Cast, at: TimePoint | undefined, keys: boolean): Promise<{ term: Terminal; keys?: KeyItem[] }> {
  const term = new Terminal({ cols: cast.header.cols, rows: cast.header.rows });
  const caption = keys ? new KeyCaption() : undefined;
  let now = 0;
  const position = at === undefined ? () => 'include' as const : isBefore(at);
  let stopped = false;
  for await (const event of cast.events) {
    if (position(event) === 'stop') {
      now = event.time;
      stopped = true;
      break;
    }
    now = event.time;
    apply(term, event);
    if (event.kind === 'input') caption?.press(event.data, event.time);
  }
  if (!stopped && at !== undefined) position(undefined);
  if (at !== undefined && 'seconds' in at) now = at.seconds;
  return { term, ...(caption ? { keys: caption.at(now, keysRoom(cast.header.cols)) } : {}) };
}
