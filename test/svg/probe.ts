import type { ScreenSnapshot } from '../../src/term/cell.js';

/**
 * Runs in the page: pauses every animation at `ms` and reads which rows the viewer sees. Each
 * `<use>` is placed through its current transform (animation included); rows inside the clipped
 * cell grid are rebuilt as text from the `<text>` elements of the row they reference, each
 * character at the column its x says. Rows that two visible `<use>`s claim are reported.
 */
export const PROBE_SOURCE = `
window.__probe = (ms, cw, ch, baseline, rows) => {
  for (const a of document.getAnimations()) { a.pause(); a.currentTime = ms; }
  const clip = document.querySelector('#_c rect');
  const top = clip.y.baseVal.value;
  const grid = Array.from({ length: rows }, () => null);
  const clashes = [];
  for (const use of document.querySelectorAll('#_s use')) {
    const m = use.getCTM();
    const y = m.f + m.d * use.y.baseVal.value;
    const row = Math.round((y - baseline - top) / ch);
    if (row < 0 || row >= rows || Math.abs(y - baseline - top - row * ch) > 0.05) continue;
    if (grid[row] !== null) clashes.push(row);
    const def = document.getElementById(use.getAttribute('href').slice(1));
    const texts = def.tagName === 'text' ? [def] : [...def.querySelectorAll('text')];
    const line = [];
    for (const t of texts) {
      const col = Math.round(t.x.baseVal[0].value / cw);
      let i = 0;
      // A run (textLength, or one character) holds one character per cell; any other text is one cell's.
      const chars = t.hasAttribute('textLength') || t.textContent.length === 1 ? [...t.textContent] : [t.textContent];
      for (const chr of chars) {
        while (line.length < col + i) line.push(' ');
        // A run's blanks do not hide characters drawn on their own at those columns.
        if (chr !== ' ' || line[col + i] === undefined) line[col + i] = chr;
        i++;
      }
    }
    grid[row] = line.map((c) => c ?? ' ').join('').trimEnd();
  }
  return { rows: grid.map((r) => r ?? ''), clashes };
};
0`;

export interface Probe {
  rows: string[];
  clashes: number[];
}

/** What the probe should read for a screen: cells' text, wide characters' right halves skipped. */
export function expectedRows(screen: ScreenSnapshot, rows: number, cols: number, blank: (text: string) => boolean = () => false): string[] {
  const out: string[] = [];
  for (let y = 0; y < rows; y++) {
    const cells = screen.lines[y]?.cells ?? [];
    let line = '';
    for (let x = 0; x < Math.min(cols, cells.length); x++) {
      const cell = cells[x]!;
      if (cell.width === 0) continue;
      const text = cell.text === '' || blank(cell.text) || (cell.attrs & (1 << 8)) !== 0 ? ' ' : cell.text;
      line += text + (cell.width === 2 ? ' ' : '');
    }
    out.push(line.trimEnd());
  }
  return out;
}
