/** A point in the recording: seconds in the recording's own clock, or a marker by label or 1-based number. */
export type TimePoint = { readonly seconds: number } | { readonly marker: string };

export interface TimelineOptions {
  /** Playback speed multiplier (2 plays twice as fast). */
  readonly speed?: number;
  /** Longest pause kept, seconds, before speed applies. Undefined: the header's, else 5. 0 keeps every pause. */
  readonly idleTimeLimit?: number;
  /** Output events closer together than 1/fpsCap seconds share one frame. */
  readonly fpsCap?: number;
  /** How long the last frame is held, seconds of output time. */
  readonly lastFrameDuration?: number;
  /** Start of the animation (recording clock or marker). Earlier output still builds up the screen. */
  readonly from?: TimePoint;
  /** End of the animation (recording clock or marker): later events are not read. */
  readonly to?: TimePoint;
  /**
   * Key presses (input events) take their own place in the output clock, as output does, so an
   * overlay shows them when they were pressed (--keys). Off, they ride along with the output before them.
   */
  readonly inputShows?: boolean;
}

export const TIMELINE_DEFAULTS = {
  speed: 1,
  idleTimeLimit: 5,
  fpsCap: 30,
  lastFrameDuration: 3,
} as const;

/** Parses `12.5`, `marker:LABEL` or `marker:2` (the second marker). */
export function parseTimePoint(text: string): TimePoint {
  const trimmed = text.trim();
  if (trimmed.startsWith('marker:')) {
    const marker = trimmed.slice('marker:'.length);
    if (marker === '') throw new Error(`"${text}" names no marker (use marker:LABEL or marker:N)`);
    return { marker };
  }
  const seconds = Number(trimmed);
  if (trimmed === '' || !Number.isFinite(seconds) || seconds < 0) {
    throw new Error(`"${text}" is not a time in seconds or marker:LABEL`);
  }
  return { seconds };
}
