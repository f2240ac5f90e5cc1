import type { ScreenSnapshot } from '../../src/term/cell.js';

/** The terminal's own ceilings (src/term): a snapshot never exceeds them whatever is fed. */
const MAX_COLS = 2000;
const MAX_ROWS = 1000;
const MAX_TITLE = 65536;

const validColour = (c: number) => c === -1 || (c >= 0 && c <= 255) || (c >= 0x1000000 && c <= 0x1ffffff);

/** The first broken promise of a snapshot, or '' (plain checks: expect() per cell would dominate the run). */
export function snapshotProblem(s: ScreenSnapshot): string {
  if (!(s.cols >= 1 && s.cols <= MAX_COLS && s.rows >= 1 && s.rows <= MAX_ROWS)) return `size ${s.cols}x${s.rows}`;
  if (s.lines.length !== s.rows) return `${s.lines.length} lines for ${s.rows} rows`;
  for (let y = 0; y < s.lines.length; y++) {
    const cells = s.lines[y]!.cells;
    if (cells.length !== s.cols) return `row ${y} has ${cells.length} cells`;
    for (let x = 0; x < cells.length; x++) {
      const cell = cells[x]!;
      // A wide character is followed by its spacer, and a spacer always follows a wide character.
      if (cell.width === 2 && cells[x + 1]?.width !== 0) return `wide cell at ${x},${y} without its spacer`;
      if (cell.width === 0 && cells[x - 1]?.width !== 2) return `spacer at ${x},${y} after no wide cell`;
      if (!validColour(cell.fg) || !validColour(cell.bg) || !validColour(cell.ulColor)) return `bad colour at ${x},${y}`;
    }
  }
  if (!(s.cursor.x >= 0 && s.cursor.x < s.cols && s.cursor.y >= 0 && s.cursor.y < s.rows)) return `cursor at ${s.cursor.x},${s.cursor.y}`;
  if (s.title.length > MAX_TITLE) return `title of ${s.title.length}`;
  return '';
}

