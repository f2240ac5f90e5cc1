// The casts the GIF and output-format benchmarks share: the agg demo from the corpus in test/corpus, and
// generated ones for the typical shapes of change (one line, full redraws, scrolling).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

const ESC = '\u001b';

function castFile(work, name, header, events) {
  const path = join(work, `${name}.cast`);
  const lines = [JSON.stringify({ version: 2, ...header }), ...events.map((e) => JSON.stringify(e))];
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa'];
const text = (seed, length) => {
  let s = '';
  for (let i = 0; s.length < length; i++) s += `${words[(seed * 7 + i * 3) % words.length]} `;
  return s.slice(0, length);
};

/** The benchmark casts by name, each a function writing its cast into `work` and giving its path. */
export const benchCasts = (work) => ({
  'agg-demo': () => join(here, '../test/corpus/casts/asciinema__agg/demo.cast'),
  // A 100x30 screen full of text; each event rewrites one line, as a progress display or a log tail does.
  'one-line': () => {
    const events = [];
    for (let r = 0; r < 30; r++) events.push([0, 'o', `${ESC}[${r + 1};1H${ESC}[3${r % 8}m${text(r, 99)}${ESC}[0m`]);
    for (let i = 0; i < 2000; i++) {
      const r = (i * 7) % 30;
      events.push([0.1 + i * 0.05, 'o', `${ESC}[${r + 1};1H${ESC}[2K${ESC}[3${i % 8}m${text(i, 40 + (i % 59))}${ESC}[0m`]);
    }
    return castFile(work, 'one-line', { width: 100, height: 30 }, events);
  },
  // Full-screen redraws in colour, as a TUI (htop, vim scrolling) does.
  'full-redraw': () => {
    const events = [];
    for (let i = 0; i < 300; i++) {
      let frame = `${ESC}[H`;
      for (let r = 0; r < 30; r++) frame += `${ESC}[${r + 1};1H${ESC}[4${(r + i) % 8};3${(r + i + 3) % 8}m${text(i + r, 100)}`;
      events.push([i * 0.1, 'o', `${frame}${ESC}[0m`]);
    }
    return castFile(work, 'full-redraw', { width: 100, height: 30 }, events);
  },
  // 10,000 events of `ls -l`-style output scrolling the screen.
  'ls-scroll': () => {
    const events = [];
    for (let i = 0; i < 10000; i++) {
      const name = `${ESC}[1;3${4 + (i % 3)}m${text(i, 12 + (i % 20)).trim()}${ESC}[0m`;
      events.push([i * 0.01, 'o', `-rw-r--r--  1 user staff ${String((i * 7919) % 100000).padStart(6)} Nov 24 14:${String(i % 60).padStart(2, '0')} ${name}\r\n`]);
    }
    return castFile(work, 'ls-scroll', { width: 100, height: 30 }, events);
  },
});
