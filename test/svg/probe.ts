import type { ScreenSnapshot } from '../../src/term/cell.js';

/**
 * Runs in the page: pauses the SMIL timeline at `ms` and reads which rows the viewer sees: rows
 * inside the clipped cell grid rebuilt as text from the `<text>` elements drawn there, each
 * character at the column its x says. Rows that both the player and the resting layer draw are
 * reported.
 */
export const PROBE_SOURCE = `
window.__probe = (ms, cw, ch, baseline, rows) => {
  const root = document.documentElement;
  if (root.pauseAnimations) { root.pauseAnimations(); root.setCurrentTime(ms / 1000); }
  const clip = document.querySelector('#_c rect');
  const top = clip.y.baseVal.value;
  const grid = Array.from({ length: rows }, () => null);
  const clashes = [];
  const runLetter = (c) => c.length === 1 && c.charCodeAt(0) < 0x530 && !(c.charCodeAt(0) >= 0x300 && c.charCodeAt(0) < 0x370);
  // A <text>'s characters at their columns: a <tspan> with an x starts again at its column;
  // unpainted characters (kept for copying) and the line break ending a row are not seen.
  const readText = (t, line) => {
    let col = Math.round((t.x.baseVal.length ? t.x.baseVal[0].value : 0) / cw);
    const walk = (node) => {
      for (const child of node.childNodes) {
        if (child.nodeType === 3) {
          const text = child.data;
          if (getComputedStyle(child.parentNode).fill === 'none') { col += [...text].length; continue; }
          // Text of one-cell letters (Latin, Greek, Cyrillic, no combining marks) is a run, one
          // letter a cell; any other text is one cell's grapheme.
          const chars = [...text].every(runLetter) ? [...text] : [text];
          chars.forEach((chr) => {
            if (chr === '\\n') return;
            while (line.length < col) line.push(' ');
            // A run's blanks do not hide characters drawn on their own at those columns.
            if (chr !== ' ' || line[col] === undefined) line[col] = chr;
            col++;
          });
        } else if (child.tagName === 'tspan') {
          if (child.getAttribute('x') !== null) col = Math.round(child.x.baseVal[0].value / cw);
          walk(child);
        }
      }
    };
    walk(t);
  };
  // Everything drawn, followed down from the player (#_p, the frame of <defs> its href points at
  // now) and the resting layer (#_r, when visible): each <text> and background box goes to the row
  // its baseline falls on, in paint order, through <use>s (moved by their y), nested <svg>s (by
  // theirs) and texts' own y. A <use> clipped to a band (url(#_bK_M): M rows from row K of what it
  // draws, the clip applying after its y shift) hides the rest; bands met on the way down
  // intersect. The page shows the SVG at 1:1, so screen coordinates are the root's user ones.
  const ops = Array.from({ length: rows }, () => []);
  const sources = Array.from({ length: rows }, () => new Set());
  const rowAt = (y) => {
    const row = Math.round((y - baseline - top) / ch);
    return row >= 0 && row < rows && Math.abs(y - baseline - top - row * ch) <= 0.05 ? row : -1;
  };
  const ownY = (el) => (el.tagName === 'text' ? (el.y.baseVal.length ? el.y.baseVal[0].value : 0) : el.tagName === 'svg' ? el.y.baseVal.value : 0);
  const paint = (el, y, lo, hi, source) => {
    if (el.tagName === 'use') {
      const at = y + el.y.baseVal.value;
      const band = /url\\(#_b(\\d+)_(\\d+)\\)/.exec(el.getAttribute('clip-path') || '');
      if (band) {
        lo = Math.max(lo, at + Number(band[1]) * ch);
        hi = Math.min(hi, at + (Number(band[1]) + Number(band[2])) * ch);
      }
      const target = document.getElementById((el.href.animVal || '').slice(1));
      if (target) paint(target, at, lo, hi, source);
      return;
    }
    if (el.tagName === 'g' || el.tagName === 'svg') {
      const at = y + ownY(el);
      // The cursor's shapes (#_k…) and the character a block cursor draws again are not text.
      let cursor = false;
      for (const child of el.children) {
        if (child.tagName === 'use' && child.getAttribute('href').startsWith('#_k')) cursor = true;
        else if (!(cursor && child.tagName === 'text')) paint(child, at, lo, hi, source);
      }
      return;
    }
    if (el.tagName === 'text') {
      const at = y + ownY(el);
      const row = rowAt(at);
      // Blank rows of the resting layer are lines for copying only, wherever they stand.
      if (row < 0 || !(at >= lo - 0.01 && at < hi - 0.01) || el.textContent.trim() === '') return;
      ops[row].push(el);
      sources[row].add(source);
      return;
    }
    if (el.tagName === 'path') {
      const row = rowAt(y);
      if (row < 0 || !(y >= lo - 0.01 && y < hi - 0.01)) return;
      // Backgrounds drawn as lines a cell high through the cells' middle, and full-cell boxes.
      if (Math.abs(parseFloat(getComputedStyle(el).strokeWidth) - ch) < 0.01) {
        for (const m of (el.getAttribute('d') || '').matchAll(/M(-?[\\d.]+) (-?[\\d.]+)h([\\d.]+)/g)) {
          if (Math.abs(Number(m[2]) + baseline - ch / 2) < 0.01) ops[row].push({ clear: [Math.round(Number(m[1]) / cw), Math.round((Number(m[1]) + Number(m[3])) / cw)] });
        }
      }
      for (const m of (el.getAttribute('d') || '').matchAll(/M(-?[\\d.]+) (-?[\\d.]+)h([\\d.]+)v([\\d.]+)/g)) {
        if (Math.abs(Number(m[2]) + baseline) < 0.01 && Math.abs(Number(m[4]) - ch) < 0.01) {
          ops[row].push({ clear: [Math.round(Number(m[1]) / cw), Math.round((Number(m[1]) + Number(m[3])) / cw)] });
        }
      }
    }
  };
  const origin = document.getElementById('_s').getScreenCTM().f;
  const player = document.getElementById('_p');
  if (player && getComputedStyle(player).display !== 'none') paint(player, origin, -Infinity, Infinity, 'player');
  const rest = document.getElementById('_r');
  if (rest && getComputedStyle(rest).visibility !== 'hidden') paint(rest, origin, -Infinity, Infinity, 'rest');
  ops.forEach((list, row) => {
    // Rows the player and the resting layer both draw.
    if (sources[row].size > 1) clashes.push(row);
    if (list.length === 0) return;
    const line = [];
    for (const t of list) {
      if (t.clear) {
        for (let c = t.clear[0]; c < t.clear[1]; c++) { while (line.length < c) line.push(' '); line[c] = ' '; }
        continue;
      }
      readText(t, line);
    }
    grid[row] = line.map((c) => c ?? ' ').join('').trimEnd();
  });
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
