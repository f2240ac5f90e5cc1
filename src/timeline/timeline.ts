import type { CastEvent, CastHeader } from '../cast/events.js';
import { TIMELINE_DEFAULTS, type TimelineOptions, type TimePoint } from './options.js';

/**
 * Events that become one frame: the frame starts at `time` (output clock, seconds from the
 * animation's start) and shows the screen after all of `events` are applied, in order.
 */
export interface FrameGroup {
  readonly time: number;
  readonly events: readonly CastEvent[];
}

const changesScreen = (e: CastEvent) => e.kind === 'output' || e.kind === 'resize';
const shows = (inputShows: boolean) => (e: CastEvent) => changesScreen(e) || (inputShows && e.kind === 'input');

const pointText = (point: TimePoint): string => ('seconds' in point ? String(point.seconds) : `marker:${point.marker}`);
const seconds = (t: number): string => `${Math.round(t * 1000) / 1000} s`;

/** A --from, --to or --at point that matches nothing in the recording: a mistake in the call, not in the recording. */
export class TimePointError extends Error {
  constructor(
    readonly option: 'from' | 'to' | 'at',
    readonly point: TimePoint,
    problem: string,
  ) {
    super(`--${option} ${pointText(point)}${problem}`);
    this.name = 'TimePointError';
  }
}

/** Refuses a range that ends where or before it starts, before any event is read. */
export function checkRange(from: TimePoint | undefined, to: TimePoint | undefined): void {
  if (from && to && 'seconds' in from && 'seconds' in to && to.seconds <= from.seconds) {
    throw new TimePointError('to', to, ` is not after --from ${from.seconds}`);
  }
}

/** Names shown when a marker is not found; a recording may hold thousands. */
const LABELS_SHOWN = 5;

/** Matches a marker event against `marker:LABEL` or `marker:N` (N counts markers from 1). */
export class MarkerMatcher {
  private seen = 0;
  private readonly labels: string[] = [];
  private last: number | undefined;
  constructor(private readonly point: TimePoint | undefined) {}

  /** True when `event` is at or past the point (for a time point: strictly past it when `strict`). */
  reached(event: CastEvent, strict: boolean): boolean {
    this.last = event.time;
    const point = this.point;
    if (!point) return false;
    if ('seconds' in point) return strict ? event.time > point.seconds : event.time >= point.seconds;
    if (event.kind !== 'marker') return false;
    this.seen++;
    if (this.labels.length < LABELS_SHOWN) this.labels.push(event.label);
    return event.label === point.marker || String(this.seen) === point.marker;
  }

  /** The error for a point never reached, once every event has been offered to reached(). */
  missed(option: 'from' | 'to' | 'at'): TimePointError {
    const point = this.point!;
    if ('seconds' in point) return new TimePointError(option, point, `: the recording ends at ${seconds(this.last ?? 0)}`);
    if (this.seen === 0) return new TimePointError(option, point, ': the recording has no markers');
    if (/^\d+$/.test(point.marker)) {
      return new TimePointError(option, point, `: the recording has ${this.seen === 1 ? '1 marker' : `${this.seen} markers`}`);
    }
    const shown = this.labels.map((label) => JSON.stringify(label)).join(', ');
    const more = this.seen > this.labels.length ? `, and ${this.seen - this.labels.length} more` : '';
    return new TimePointError(option, point, `: no marker is labelled ${JSON.stringify(point.marker)} (the markers: ${shown}${more})`);
  }
}

/**
 * Turns recording-clock events into frame groups in the output clock: trimming, idle-time limit,
 * speed and the frame-rate cap, in that order. Streams: one group is held at a time.
 */
export async function* frameGroups(
  events: AsyncIterable<CastEvent>,
  header: CastHeader,
  options: TimelineOptions = {},
): AsyncGenerator<FrameGroup> {
  const speed = options.speed ?? TIMELINE_DEFAULTS.speed;
  const idleLimit = options.idleTimeLimit ?? header.idleLimit ?? TIMELINE_DEFAULTS.idleTimeLimit;
  const maxGap = idleLimit > 0 ? idleLimit : Infinity;
  const minFrame = 1 / (options.fpsCap ?? TIMELINE_DEFAULTS.fpsCap);
  const visible = shows(options.inputShows ?? false);
  checkRange(options.from, options.to);
  const from = new MarkerMatcher(options.from);
  const to = new MarkerMatcher(options.to);
  let ended = false;

  // Time 0 is the start of any recording, even one with no events.
  let started = options.from === undefined || ('seconds' in options.from && options.from.seconds === 0);
  let outputTime = 0;
  // The pause before the first output is kept (within the idle limit), as the recording had it.
  let lastVisible = 0;
  let group: { time: number; events: CastEvent[] } = { time: 0, events: [] };

  for await (const event of events) {
    if (to.reached(event, true)) {
      if (!started) throw new TimePointError('to', options.to!, ` comes before --from ${pointText(options.from!)}`);
      ended = true;
      break;
    }
    if (!started) {
      if (!from.reached(event, false)) {
        group.events.push(event);
        continue;
      }
      started = true;
      lastVisible = options.from && 'seconds' in options.from ? options.from.seconds : event.time;
    }
    if (!visible(event)) {
      group.events.push(event);
      continue;
    }
    outputTime += Math.min(Math.max(0, event.time - lastVisible), maxGap) / speed;
    lastVisible = event.time;
    if (outputTime - group.time >= minFrame) {
      yield group;
      group = { time: outputTime, events: [] };
    }
    group.events.push(event);
  }
  if (!started) throw from.missed('from');
  // A time past the end only bounds the animation; a marker that is not there is a mistake.
  if (!ended && options.to && 'marker' in options.to) throw to.missed('to');
  yield group;
}

/**
 * Whether `event` happens at or before the still-frame point `at` (recording clock or marker).
 * Called with undefined after the last event: a marker never reached then throws a TimePointError.
 * A time past the end is no mistake: the screen then is the last one, as the README promises.
 */
export function isBefore(at: TimePoint): (event: CastEvent | undefined) => 'include' | 'stop' {
  const matcher = new MarkerMatcher(at);
  return (event) => {
    if (event !== undefined) return matcher.reached(event, 'seconds' in at) ? 'stop' : 'include';
    if ('seconds' in at) return 'stop';
    throw matcher.missed('at');
  };
}
