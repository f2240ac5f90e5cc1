import type { Cell } from './cell.js';

const isRegionalIndicator = (cell: Cell | undefined): boolean => {
  const cp = cell !== undefined && cell.text.length === 2 ? cell.text.codePointAt(0)! : 0;
  return cp >= 0x1f1e6 && cp <= 0x1f1ff;
};

/**
 * A regional-indicator pair is one flag across its two cells. The terminal keeps each indicator
 * in its own cell (as xterm does), so renderers pair them, left to right within a run: the flag
 * starting at column `c` as one two-cell cell, or undefined.
 */
export function flagAt(cells: readonly Cell[], c: number): Cell | undefined {
  if (!isRegionalIndicator(cells[c]) || !isRegionalIndicator(cells[c + 1])) return undefined;
  let before = 0;
  while (c - before > 0 && isRegionalIndicator(cells[c - before - 1])) before++;
  return before % 2 === 0 ? { ...cells[c]!, text: cells[c]!.text + cells[c + 1]!.text, width: 2 } : undefined;
}
