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

/** Matches a marker event against `marker:LABEL` or `marker:N` (N counts markers from 1). */
export class MarkerMatcher {
  private seen = 0;
  constructor(private readonly point: TimePoint | undefined) {}

  /** True when `event` is at or past the point (for a time point: strictly past it when `strict`). */
  reached(event: CastEvent, strict: boolean): boolean {
    const point = this.point;
    if (!point) return false;
    if ('seconds' in point) return strict ? event.time > point.seconds : event.time >= point.seconds;
    if (event.kind !== 'marker') return false;
    this.seen++;
    return event.label === point.marker || String(this.seen) === point.marker;
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
  const idleLimit = options.idleTimeLimit ?? header.idleTimeLimit ?? TIMELINE_DEFAULTS.idleTimeLimit;
  const maxGap = idleLimit > 0 ? idleLimit : Infinity;
  const minFrame = 1 / (options.fpsCap ?? TIMELINE_DEFAULTS.fpsCap);
  const from = new MarkerMatcher(options.from);
  const to = new MarkerMatcher(options.to);

  let started = options.from === undefined;
  let outputTime = 0;
  // The pause before the first output is kept (within the idle limit), as the recording had it.
  let lastVisible = 0;
  let group: { time: number; events: CastEvent[] } = { time: 0, events: [] };

  for await (const event of events) {
    if (to.reached(event, true)) break;
    if (!started) {
      if (!from.reached(event, false)) {
        group.events.push(event);
        continue;
      }
      started = true;
      lastVisible = options.from && 'seconds' in options.from ? options.from.seconds : event.time;
    }
    if (!changesScreen(event)) {
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
  yield group;
}

/** Whether `event` happens at or before the still-frame point `at` (recording clock or marker). */
export function isBefore(at: TimePoint): (event: CastEvent) => 'include' | 'stop' {
  const matcher = new MarkerMatcher(at);
  return (event) => {
    if ('seconds' in at) return event.time <= at.seconds ? 'include' : 'stop';
    return matcher.reached(event, false) ? 'stop' : 'include';
  };
}
