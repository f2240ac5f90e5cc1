import type { KeyItem } from '../keys/index.js';
import type { ScreenSnapshot } from '../term/cell.js';

/** One frame handed to a renderer. */
export interface Frame {
  readonly index: number;
  readonly screen: ScreenSnapshot;
  /** Rows whose cells differ from the previous frame's (every row for the first frame). */
  readonly changedRows: ReadonlySet<number>;
  /** Whether the cursor (position, shape or visibility) differs from the previous frame's. */
  readonly cursorChanged: boolean;
  /** Whether the palette overrides (OSC 4/10/11) differ from the previous frame's: repaint everything. */
  readonly paletteChanged: boolean;
  /** Start of the frame in output time, seconds (after speed, idle limit and trimming). */
  readonly time: number;
  /** How long the frame is shown, seconds. The last frame carries the last-frame duration. */
  readonly duration: number;
  /** With --keys: the keys the overlay shows during the frame (absent without --keys). */
  readonly keys?: readonly KeyItem[];
}

/** What a renderer needs to know before the first frame. */
export interface AnimationInfo {
  /** The output's size in cells: the header's size (or --cols/--rows). Later resizes are clipped or padded to it. */
  readonly cols: number;
  readonly rows: number;
  /** The recording's title (header title), '' when none. */
  readonly title: string;
  /** Number of plays: 0 loops forever, 1 plays once and holds the last frame, N plays N times. */
  readonly loop: number;
}
