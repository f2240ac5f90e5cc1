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
  const runLetter = (c) => c.length === 1 && c.charCodeAt(0) < 0x530 && !(c.charCodeAt(0) >= 0x300 && c.charCodeAt(0) < 0x370);
  const place = (def, y) => {
    const row = Math.round((y - baseline - top) / ch);
    if (row < 0 || row >= rows || Math.abs(y - baseline - top - row * ch) > 0.05) return;
    if (grid[row] !== null) clashes.push(row);
    // A row may be drawn as an earlier row (a <use> of it) plus the cells it added, over a box in
    // the background colour hiding the cells that changed: texts and full-cell boxes in paint order.
    const ops = [];
    const collect = (el) => {
      if (el.tagName === 'text') ops.push(el);
      else if (el.tagName === 'path') {
        // Backgrounds drawn as lines a cell high through the cells' middle.
        if (Math.abs(parseFloat(getComputedStyle(el).strokeWidth) - ch) < 0.01) {
          for (const m of (el.getAttribute('d') || '').matchAll(/M(-?[\\d.]+) (-?[\\d.]+)h([\\d.]+)/g)) {
            if (Math.abs(Number(m[2]) + baseline - ch / 2) < 0.01) {
              ops.push({ clear: [Math.round(Number(m[1]) / cw), Math.round((Number(m[1]) + Number(m[3])) / cw)] });
            }
          }
        }
        for (const m of (el.getAttribute('d') || '').matchAll(/M(-?[\\d.]+) (-?[\\d.]+)h([\\d.]+)v([\\d.]+)/g)) {
          if (Math.abs(Number(m[2]) + baseline) < 0.01 && Math.abs(Number(m[4]) - ch) < 0.01) {
            ops.push({ clear: [Math.round(Number(m[1]) / cw), Math.round((Number(m[1]) + Number(m[3])) / cw)] });
          }
        }
      } else if (el.tagName === 'use') collect(document.getElementById(el.getAttribute('href').slice(1)));
      else for (const child of el.children) if (child.tagName === 'text' || child.tagName === 'use' || child.tagName === 'path') collect(child);
    };
    collect(def);
    const line = [];
    for (const t of ops) {
      if (t.clear) {
        for (let c = t.clear[0]; c < t.clear[1]; c++) { while (line.length < c) line.push(' '); line[c] = ' '; }
        continue;
      }
      const col = Math.round((t.x.baseVal.length ? t.x.baseVal[0].value : 0) / cw);
      // Text of one-cell letters (Latin, Greek, Cyrillic, no combining marks) is a run, one
      // letter a cell; any other text is one cell's grapheme.
      const chars = [...t.textContent].every(runLetter) ? [...t.textContent] : [t.textContent];
      chars.forEach((chr, i) => {
        while (line.length < col + i) line.push(' ');
        // A run's blanks do not hide characters drawn on their own at those columns.
        if (chr !== ' ' || line[col + i] === undefined) line[col + i] = chr;
      });
    }
    grid[row] = line.map((c) => c ?? ' ').join('').trimEnd();
  };
  // A frame is a nested <svg> in the strip (the first lies in the strip itself); its <use>s point
  // at rows, or at chunks of rows (groups of <use>s). The page shows the SVG at 1:1, so screen
  // coordinates are the root's user coordinates (getCTM would stop at the nested <svg>).
  // A <use> may point at a group of <use>s: a chunk of rows, or an earlier frame's rows (moved up
  // when the output scrolled): follow those down to the rows.
  // A <use> clipped to a band (url(#_bK_M): M rows from row K of what it draws, the clip applying
  // after its y shift) hides the rest; bands met on the way down intersect.
  const visit = (use, originY, lo, hi) => {
    const y = originY + use.y.baseVal.value;
    const band = /url\\(#_b(\\d+)_(\\d+)\\)/.exec(use.getAttribute('clip-path') || '');
    if (band) {
      lo = Math.max(lo, y + Number(band[1]) * ch);
      hi = Math.min(hi, y + (Number(band[1]) + Number(band[2])) * ch);
    }
    const def = document.getElementById(use.getAttribute('href').slice(1));
    if (def.tagName === 'g' && [...def.children].every((c) => c.tagName === 'use')) {
      for (const inner of def.children) visit(inner, y, lo, hi);
    } else if (y >= lo - 0.01 && y < hi - 0.01) place(def, y);
  };
  for (const use of document.querySelectorAll('#_s > use, #_s > svg > use, #_s > svg > g > use, #_s > g > use')) {
    // The cursor's shapes (#_k…) are not rows.
    if (use.getAttribute('href').startsWith('#_k')) continue;
    visit(use, use.getScreenCTM().f, -Infinity, Infinity);
  }
  return { rows: grid.map((r) => r ?? ''), clashes };
};
0`;

export interface Probe {
  rows: string[];
  clashes: number[];
}

/** Controls, bidi marks and U+FFFE/FFFF never reach the SVG: what is left of a cell's text once they are gone. */
export const withoutControls = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g, '');

/**
 * What the probe should read for a screen: cells' text (as `visible` leaves it; '' is blank),
 * wide characters' right halves skipped.
 */
export function expectedRows(screen: ScreenSnapshot, rows: number, cols: number, visible: (text: string) => string = (t) => t): string[] {
  const out: string[] = [];
  for (let y = 0; y < rows; y++) {
    const cells = screen.lines[y]?.cells ?? [];
    let line = '';
    for (let x = 0; x < Math.min(cols, cells.length); x++) {
      const cell = cells[x]!;
      if (cell.width === 0) continue;
      const shown = (cell.attrs & (1 << 8)) !== 0 ? '' : visible(cell.text);
      const text = shown === '' ? ' ' : shown;
      line += text + (cell.width === 2 ? ' ' : '');
    }
    out.push(line.trimEnd());
  }
  return out;
}
