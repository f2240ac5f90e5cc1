import type { Cast, CastEvent } from '../cast/events.js';
import { Terminal } from '../term/index.js';
import type { ScreenSnapshot } from '../term/cell.js';
import { frameGroups, isBefore, TIMELINE_DEFAULTS, type TimelineOptions, type TimePoint } from '../timeline/index.js';
import type { AnimationInfo, Frame } from './frame.js';
import { diffScreens, isUnchanged } from './screen-diff.js';

export interface FramesOptions extends TimelineOptions {
  /** Called at each marker with the screen as it is there (for --snapshots). */
  readonly onMarker?: (label: string, screen: ScreenSnapshot, index: number) => void;
  /** Called with each frame as it is handed on (progress displays count them). */
  readonly onFrame?: (frame: Frame) => void;
}

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
  let shown: ScreenSnapshot | undefined;
  let pending: Omit<Frame, 'duration'> | undefined;
  let index = 0;
  let markers = 0;
  for await (const group of frameGroups(cast.events, cast.header, options)) {
    for (const event of group.events) {
      apply(term, event);
      if (event.kind === 'marker' && options.onMarker) options.onMarker(event.label, term.snapshot(), ++markers);
    }
    const screen = term.snapshot();
    const change = diffScreens(shown, screen);
    if (pending && isUnchanged(change)) continue;
    if (pending) yield handOn({ ...pending, duration: group.time - pending.time });
    pending = { index: index++, screen, ...change, time: group.time };
    shown = screen;
  }
  if (pending) yield handOn({ ...pending, duration: lastFrameDuration });

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
  const term = new Terminal({ cols: cast.header.cols, rows: cast.header.rows });
  if (at === undefined) {
    for await (const event of cast.events) apply(term, event);
    return term;
  }
  const position = isBefore(at);
  for await (const event of cast.events) {
    if (position(event) === 'stop') return term;
    apply(term, event);
  }
  position(undefined);
  return term;
}
