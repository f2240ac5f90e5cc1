import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { renderSvg, renderSvgStill, type SvgOptions } from '../../src/svg/index.js';
import type { AnimationInfo, Frame } from '../../src/frames/frame.js';
import type { ScreenSnapshot } from '../../src/term/cell.js';
import { Chromium } from './chromium.js';
import { Firefox } from './firefox.js';
import { terminalAt } from '../../src/frames/index.js';
import { Attr } from '../../src/term/cell.js';
import { join } from 'node:path';
import { CORPUS } from '../helpers/paths.js';
import { PROBE_SOURCE, expectedRows, withoutControls, type Probe } from './probe.js';
import { cell, framesOf, info, rowOf, screen } from './screens.js';
import { corpusCasts, loadFrames, replay } from './corpus-frames.js';
import { isDrawnGlyph } from '../../src/fonts/drawn-glyphs.js';
import { readCast } from '../../src/cast/index.js';
import { animationInfo, castFrames } from '../../src/frames/index.js';
import { hostileCast } from './hostile.js';

// 14 px font, 1.4 line height: cells round(8.4) x 20 = 8 x 20 output px, as the GIF's; the
// baseline on a whole pixel, round(15.04) = 15 px below the cell top.
const CW = 8;
const CH = 20;
const BASELINE = 15;

const BROWSERS = [
  ['Chromium', () => Chromium.launch()],
  ['Firefox', () => Firefox.launch()],
] as const;

describe.each(BROWSERS)('in %s', (name, launch) => {
let browser: Chromium | Firefox;
beforeAll(async () => {
  browser = await launch();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

async function collect(frames: AsyncIterable<Frame>, animation: AnimationInfo, options: SvgOptions): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await renderSvg(frames, animation, options, out);
  return Buffer.concat(chunks).toString('utf8');
}


async function openSvg(svg: string): Promise<void> {
  const [, w, h] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)!;
  await browser.open(svg, Number(w), Number(h));
  await browser.evaluate(PROBE_SOURCE);
}

const probe = (ms: number, rows: number): Promise<Probe> =>
  browser.evaluate<Probe>(`window.__probe(${ms}, ${CW}, ${CH}, ${BASELINE}, ${rows})`);

describe('animated SVG', () => {
  const A = screen(['first frame', '  indented'], 20, 3);
  const B = screen(['second frame', '  indented', 'third row'], 20, 3);
  const C = screen(['last frame', '', '$ done'], 20, 3);
  const sequence = [
    { screen: A, duration: 1 },
    { screen: B, duration: 0.5 },
    { screen: A, duration: 0.25 },
    { screen: C, duration: 2 },
  ];
  const rowsOf = (s: ScreenSnapshot) => expectedRows(s, 3, 20);

  it('shows each frame for exactly its duration, the last one included, and loops forever', async () => {
    await openSvg(await collect(framesOf(sequence), info(20, 3, 0), {}));
    const checks: [number, ScreenSnapshot][] = [
      [0, A], [998, A], [1002, B], [1498, B], [1502, A], [1748, A], [1752, C], [3000, C], [3748, C],
      // 3.75 s is the end: the loop starts again at the first frame.
      [3752, A], [3750 + 1002, B],
    ];
    for (const [ms, expected] of checks) {
      const seen = await probe(ms, 3);
      expect(seen.clashes, `at ${ms} ms`).toEqual([]);
      expect(seen.rows, `at ${ms} ms`).toEqual(rowsOf(expected));
    }
  });

  it('plays N times and then holds the last frame; once means once', async () => {
    await openSvg(await collect(framesOf(sequence), info(20, 3, 2), {}));
    for (const [ms, expected] of [[3752, A], [3750 + 1752, C], [7502, C], [60_000, C]] as const) {
      expect((await probe(ms, 3)).rows, `loop 2 at ${ms} ms`).toEqual(rowsOf(expected));
    }
    await openSvg(await collect(framesOf(sequence), info(20, 3, 1), {}));
    for (const [ms, expected] of [[1002, B], [3748, C], [3752, C], [60_000, C]] as const) {
      expect((await probe(ms, 3)).rows, `loop 1 at ${ms} ms`).toEqual(rowsOf(expected));
    }
  });

  it('shows the last frame still when the viewer prefers reduced motion', async () => {
    await browser.reducedMotion(true);
    try {
      await openSvg(await collect(framesOf(sequence), info(20, 3, 0), {}));
      for (const ms of [0, 1002, 3000]) expect((await probe(ms, 3)).rows, `at ${ms} ms`).toEqual(rowsOf(C));
    } finally {
      await browser.reducedMotion(false);
    }
  });

  it('merges frames that look alike and reuses a screen that comes back', async () => {
    const svg = await collect(framesOf(sequence), info(20, 3, 0), {});
    // A, B, A again, then C drawn by the resting layer: the player steps through A, B, A and an
    // empty group, with A's element named twice.
    const values = /attributeName="href" values="([^"]*)"/.exec(svg)![1]!.split(';');
    expect(values).toHaveLength(4);
    expect(values[0]).toBe(values[2]);
    expect(new Set(values).size).toBe(3);
    const same = await collect(framesOf([{ screen: A, duration: 1 }, { screen: screen(['first frame', '  indented'], 20, 3), duration: 2 }]), info(20, 3, 0), {});
    expect(same).not.toContain('<animate');
  });
});

describe('scrolling output', () => {
  it('shows every frame right when frames reuse the one before moved up', async () => {
    // Lines arrive one or two at a time above a prompt and scroll the screen.
    const rows = 16;
    const log: string[] = [];
    const items: { screen: ScreenSnapshot; duration: number }[] = [];
    for (let i = 0; i < 30; i++) {
      log.push(`line ${i} ${'x'.repeat(i % 7)}`);
      if (i % 4 === 3) log.push(`  detail ${i}`);
      items.push({ screen: screen([...log.slice(-(rows - 1)), `$ ${'make'.slice(0, i % 5)}`], 20, rows), duration: 0.1 });
    }
    const svg = await collect(framesOf(items), info(20, rows, 1), {});
    // Once the screen is full, most frames are the one before moved up a row or two (clipped to
    // the rows that still hold), plus the new rows.
    expect((svg.match(/<use href="#\w+" y="-(20|40)" clip-path="url\(#_b\d+_\d+\)"\/>/g) ?? []).length).toBeGreaterThan(8);
    await openSvg(svg);
    for (let i = 0; i < items.length; i++) {
      const seen = await probe(i * 100 + 50, rows);
      expect(seen.clashes, `frame ${i}`).toEqual([]);
      expect(seen.rows, `frame ${i}`).toEqual(expectedRows(items[i]!.screen, rows, 20));
    }
  });
});

describe('text placement', () => {
  it('keeps every character on its column with a fallback font of another advance', async () => {
    // DejaVu Sans Mono advances 0.602 em against the bundled font's 0.6: without pinning, a long
    // run would drift by a pixel and more.
    const cols = 60;
    const lines = [
      'the quick brown fox jumps over the lazy dog 0123456789 ABCDEFG',
      rowOf([cell('a'), cell('字', { width: 2 }), cell('', { width: 0 }), cell('b'), cell('e\u0301'), cell('c'), cell('→'), ...[...'after the wide ones'].map((c) => cell(c))], cols),
      'tabs    and    spaces    kept    here',
    ];
    const svg = renderSvgStill(screen(lines, cols, 3), info(cols, 3), { fontFamily: "'DejaVu Sans Mono'" });
    await openSvg(svg);
    // Each one-cell letter's drawn position against its column: a <tspan> with an x starts a
    // stretch at its column, whose characters it addresses (in UTF-16 units) from 0.
    // [offset, characters before it in its <tspan> stretch (0 in the <text>'s own)]
    const offsets = await browser.evaluate<[number, number][]>(`(() => {
      const out = [];
      const simple = (c) => c.length === 1 && c > ' ' && c.charCodeAt(0) < 0x530 && !(c.charCodeAt(0) >= 0x300 && c.charCodeAt(0) < 0x370);
      const walk = (node, owner, at) => {
        for (const child of node.childNodes) {
          if (child.nodeType !== 3) {
            if (child.getAttribute('x') !== null) walk(child, child, { index: 0, col: Math.round(child.x.baseVal[0].value / ${CW}) });
            else walk(child, owner, at);
            continue;
          }
          const chars = [...child.data];
          chars.forEach((c, i) => {
            // A letter followed by a combining mark is a cluster, drawn at its own x.
            if (simple(c) && !(i + 1 < chars.length && chars[i + 1] >= '\\u0300' && chars[i + 1] < '\\u0370')) {
              out.push([owner.getStartPositionOfChar(at.index).x - at.col * ${CW}, owner.tagName === "text" ? 0 : at.index]);
            }
            if (c < '\\u0300' || c >= '\\u0370') at.col++;
            at.index += c.length;
          });
        }
      };
      for (const t of document.querySelectorAll('#_r text')) walk(t, t, { index: 0, col: Math.round((t.x.baseVal.length ? t.x.baseVal[0].value : 0) / ${CW}) });
      return out;
    })()`);
    // Firefox does not apply textLength to a <tspan>: a stretch after a character drawn at its own
    // column (an icon, a wide or box-drawing character) starts on its column but keeps the
    // fallback font's advance, 0.028 px a cell more here.
    for (const [offset, before] of offsets) expect(Math.abs(offset)).toBeLessThan(name === 'Firefox' ? 0.2 + 0.03 * before : 0.2);
    expect(offsets.filter(([, before]) => before === 0).length).toBeGreaterThan(60);
    // Spaces inside runs survive: the probe reads the rows back as they were.
    expect((await probe(0, 3)).rows).toEqual(expectedRows(screen(lines, cols, 3), 3, cols));
  });
});


describe('corpus casts', () => {
  // Text the probe cannot see: drawn glyphs are shapes; controls and bidi marks are dropped.
  const visible = (text: string) => (text.length === 1 && isDrawnGlyph(text.charCodeAt(0)) ? '' : withoutControls(text));

  it.each(corpusCasts())('%s shows the right frame at five times, the last frame included', async (file) => {
    const { frames, info: animation } = await loadFrames(file);
    const svg = await collect(replay(frames), animation, {});
    await openSvg(svg);
    expect(await browser.evaluate('document.documentElement.namespaceURI + " " + document.getElementsByTagName("parsererror").length')).toBe(
      'http://www.w3.org/2000/svg 0',
    );
    const rows = animation.rows;
    const starts: number[] = [];
    let total = 0;
    for (const f of frames) {
      starts.push(total);
      total += f.duration;
    }
    // Frames at the start, a quarter, half, three quarters and the end, probed in their middle;
    // frames shorter than 20 ms are passed over for a neighbour (keyframes are exact to 0.5 ms).
    const picks = new Set<number>();
    for (const fraction of [0, 0.25, 0.5, 0.75, 1]) {
      let i = Math.round(fraction * (frames.length - 1));
      while (i > 0 && frames[i]!.duration < 0.02) i--;
      if (frames.length > 0) picks.add(i);
    }
    if (frames.length > 0) picks.add(frames.length - 1);
    for (const i of picks) {
      const ms = (starts[i]! + frames[i]!.duration / 2) * 1000;
      const seen = await probe(ms, rows);
      expect(seen.clashes, `${file} frame ${i} at ${ms} ms`).toEqual([]);
      expect(seen.rows, `${file} frame ${i} of ${frames.length} at ${ms} ms`).toEqual(expectedRows(frames[i]!.screen, rows, animation.cols, visible));
    }
  });
});

describe('hostile cast', () => {
  it('parses, runs nothing, links nowhere, and shows the markup as text', async () => {
    const cast = await readCast([hostileCast()], { name: 'hostile.cast' });
    const frames: Frame[] = [];
    for await (const f of castFrames(cast)) frames.push(f);
    const svg = await collect(replay(frames), animationInfo(cast), {});
    await openSvg(svg);
    const report = await browser.evaluate<Record<string, unknown>>(`({
      root: document.documentElement.namespaceURI,
      errors: document.getElementsByTagName('parsererror').length,
      active: document.querySelectorAll('script, a, foreignObject, iframe, image').length,
      handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => /^on/i.test(n)),
      title: [...document.querySelectorAll('svg > text')].map((t) => t.textContent).join('|'),
    })`);
    expect(report).toEqual({ root: 'http://www.w3.org/2000/svg', errors: 0, active: 0, handlers: [], title: expect.stringContaining('</text><script>') });
    const seenRows: string[] = [];
    let start = 0;
    for (const frame of frames) {
      const seen = await probe((start + frame.duration / 2) * 1000, 8);
      expect(seen.rows).toEqual(expectedRows(frame.screen, 8, 60, withoutControls));
      seenRows.push(...seen.rows);
      start += frame.duration;
    }
    expect(seenRows).toContain('</text><script>alert(4)</script>');
    expect(seenRows).toContain(']]><![CDATA[ & &amp; <svg onload="alert(5)">');
    expect(seenRows).toContain('bidi evil iso end');
  });
});

describe('what a viewer copies and how each character is styled', () => {
  // Select all, as a reader does in an inline or <object> SVG (here the SVG is the document).
  const copied = () => browser.evaluate<string>(`(() => { const s = getSelection(); s.selectAllChildren(document.documentElement); return s.toString(); })()`);
  /**
   * The copy as rows. Chromium ends every <text> with a line break but never makes an empty line
   * of SVG text, so a blank row copies as one space there: read back as the blank row it is.
   */
  const copiedRows = (text: string) => withoutTrailingBlanks(text.split('\n').map((l) => (l === ' ' ? '' : l)));
  /** `--format txt` for the same moment, without the blank rows after the last written one. */
  const txtRows = (text: string) => withoutTrailingBlanks(text.split('\n'));
  const withoutTrailingBlanks = (rows: string[]) => {
    while (rows.length > 0 && rows[rows.length - 1] === '') rows.pop();
    return rows;
  };

  const castAt = async (file: string) => {
    const { openSource, readCast } = await import('../../src/cast/index.js');
    const source = await openSource(join(CORPUS, file));
    return readCast(source.bytes, { name: file });
  };

  it.each(corpusCasts())('%s: a still at the middle and the animation at rest copy as --format txt', async (file) => {
    const { frames, info: animation } = await loadFrames(file, 1);
    const total = frames.reduce((sum, f) => sum + f.duration, 0);
    const middle = await terminalAt(await castAt(file), { seconds: total / 2 });
    await openSvg(renderSvgStill(middle.snapshot(), animation, {}));
    expect(copiedRows(await copied()), 'still').toEqual(txtRows(middle.text()));
    // Played once, it rests on its last frame.
    const end = await terminalAt(await castAt(file), undefined);
    await openSvg(await collect(replay(frames), animation, {}));
    await probe(total * 1000 + 600_000, animation.rows);
    expect(copiedRows(await copied()), 'at rest').toEqual(txtRows(end.text()));
  });

  it('copies nothing of the frames not on screen, and drawn characters as themselves', async () => {
    const A = screen(['first ─┼─ frame', 'x'], 20, 2);
    const B = screen(['second', '╭─╮ ⣿ █'], 20, 2);
    // The window's title is not copied either.
    await openSvg(await collect(framesOf([{ screen: A, duration: 1 }, { screen: B, duration: 1 }]), info(20, 2, 1, 'a title'), {}));
    await probe(5000, 2);
    expect(copiedRows(await copied())).toEqual(['second', '╭─╮ ⣿ █']);
  });

  it.each(corpusCasts())('%s: every character drawn has its cell\'s weight and slant', async (file) => {
    const animation = animationInfo(await castAt(file));
    const snapshot = (await terminalAt(await castAt(file), undefined)).snapshot();
    await openSvg(renderSvgStill(snapshot, animation, {}));
    // Each painted character of the resting layer: its row, column and computed style.
    const seen = await browser.evaluate<[number, number, string, string, string][]>(`(() => {
      const out = [];
      for (const t of document.querySelectorAll('#_r > text, #_r > svg > text')) {
        const holder = t.parentNode.tagName === 'svg' ? t.parentNode : t;
        const row = Math.round((holder.tagName === 'svg' ? holder.y.baseVal.value : (t.y.baseVal.length ? t.y.baseVal[0].value : 0)) / ${CH});
        let col = Math.round((t.x.baseVal.length ? t.x.baseVal[0].value : 0) / ${CW});
        const walk = (node) => {
          for (const child of node.childNodes) {
            if (child.nodeType === 3) {
              const style = getComputedStyle(child.parentNode);
              for (const c of child.data) {
                if (c === '\\n') continue;
                if (c !== ' ' && style.fill !== 'none') out.push([row, col, c, style.fontWeight, style.fontStyle]);
                col++;
              }
            } else if (child.tagName === 'tspan') {
              if (child.getAttribute('x') !== null) col = Math.round(child.x.baseVal[0].value / ${CW});
              walk(child);
            }
          }
        };
        walk(t);
      }
      return out;
    })()`);
    let checked = 0;
    for (const [row, col, c, weight, slant] of seen) {
      const cell = snapshot.lines[row]!.cells[col]!;
      // Only one-cell letters are counted by column here (a wide or combined one ends a stretch).
      if (cell.text !== c) continue;
      checked++;
      expect(Number(weight) >= 600, `${file} row ${row} col ${col} '${c}' bold`).toBe((cell.attrs & Attr.BOLD) !== 0);
      expect(slant === 'italic', `${file} row ${row} col ${col} '${c}' italic`).toBe((cell.attrs & Attr.ITALIC) !== 0);
    }
    // Most characters are checked: only those after a wide or combined one in a stretch are not.
    expect(checked).toBeGreaterThanOrEqual(seen.length * 0.5);
  });
});
});

// What fonts a page drew with only Chromium's DevTools protocol tells.
describe('embedded font in Chromium', () => {
  let browser: Chromium;
  beforeAll(async () => {
    browser = await Chromium.launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  const openSvg = async (svg: string): Promise<void> => {
    const [, w, h] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)!;
    await browser.open(svg, Number(w), Number(h));
  };

  it('loads the subset (the browser accepts the font data) and draws the letters with it', async () => {
    const svg = renderSvgStill(screen(['embedded font', 'BOLD'], 20, 2), info(20, 2), { embedFont: true });
    await openSvg(svg);
    const faces = await browser.evaluate<string[]>(
      `document.fonts.ready.then(() => [...document.fonts].map((f) => f.family + ' ' + f.weight + ' ' + f.status))`,
    );
    expect(faces).toContain('c2s-embedded normal loaded');
    const chromium = browser;
    await chromium.send('DOM.enable');
    await chromium.send('CSS.enable');
    const { root } = await chromium.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await chromium.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#_r text' });
    const { fonts } = await chromium.send('CSS.getPlatformFontsForNode', { nodeId });
    // Chromium takes the space from the next family in the stack (a monospace one by default);
    // the twelve letters come from the subset.
    expect(fonts).toContainEqual(expect.objectContaining({ familyName: 'c2s-embedded', isCustomFont: true, glyphCount: 12 }));
    const offsets = await browser.evaluate<number[]>(
      `(() => { const t = document.querySelector('#_r text'); return [...t.textContent.replace(/\\n$/, '')].map((_, i) => t.getStartPositionOfChar(i).x - i * ${CW}); })()`,
    );
    for (const offset of offsets) expect(Math.abs(offset)).toBeLessThan(0.2);
  });
});
