import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type opentypeModule from 'opentype.js';
import { renderPng } from '../../src/png/index.js';
import { renderSvgStill } from '../../src/svg/index.js';
import { Terminal } from '../../src/term/index.js';
import { getTheme } from '../../src/theme/index.js';
import { decodePng } from '../gif/decode.js';
import { Chromium } from './chromium.js';

const opentype = createRequire(import.meta.url)('opentype.js') as typeof opentypeModule;

/** A starship / powerlevel10k style prompt: Nerd Font icons between coloured segments. */
const ICONS = ['\uf015', '\ue725', '\uf418', '\ue718', '\uf017', '\u{f0001}'];
const PROMPT =
  `\x1b[34m${ICONS[0]} ~/src/app\x1b[0m on \x1b[35m${ICONS[1]} main ${ICONS[2]}\x1b[0m via \x1b[32m${ICONS[3]} v20\x1b[0m ` +
  `\x1b[33m${ICONS[4]} 12:00 ${ICONS[5]}\x1b[0m\r\n\x1b[1;32m❯\x1b[0m ls`;
const COLS = 60;
const info = { cols: COLS, rows: 2, title: '', loop: 0 };
const theme = getTheme('dracula');

function snapshot(text: string) {
  const term = new Terminal({ cols: COLS, rows: 2 });
  term.feed(text);
  return term.snapshot();
}

/** The fonts embedded as data URLs in an SVG, parsed, by family. */
function embeddedFonts(svg: string): Map<string, opentypeModule.Font[]> {
  const out = new Map<string, opentypeModule.Font[]>();
  for (const m of svg.matchAll(/@font-face\{font-family:([^;]+);[^}]*src:url\(data:font\/otf;base64,([A-Za-z0-9+/=]+)\)\}/g)) {
    const bytes = Buffer.from(m[2]!, 'base64');
    const list = out.get(m[1]!) ?? [];
    list.push(opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));
    out.set(m[1]!, list);
  }
  return out;
}
const codePoints = (font: opentypeModule.Font): number[] => {
  const out: number[] = [];
  for (let i = 0; i < font.glyphs.length; i++) {
    const u = font.glyphs.get(i).unicode;
    if (u !== undefined) out.push(u);
  }
  return out.sort((a, b) => a - b);
};

describe('SVG fallback glyphs', () => {
  test('Nerd Font icons are embedded as one subset holding only the icons used', () => {
    const svg = renderSvgStill(snapshot(PROMPT), info, { theme });
    const fonts = embeddedFonts(svg);
    expect([...fonts.keys()]).toEqual(['c2s-fallback']);
    expect(codePoints(fonts.get('c2s-fallback')![0]!)).toEqual(ICONS.map((c) => c.codePointAt(0)!).sort((a, b) => a - b));
    expect(svg).toContain("svg{font-family:c2s-fallback,'JetBrains Mono'");
  });

  test('a recording without such characters embeds nothing', () => {
    const svg = renderSvgStill(snapshot('plain text ❯ 中文 🚀 ✔'), info, { theme });
    expect(svg).not.toContain('@font-face');
    expect(svg).not.toContain('c2s-fallback');
  });

  test('--embed-font also embeds what the other bundled outline fonts draw (Hangul here)', () => {
    const svg = renderSvgStill(snapshot(`한글 ${ICONS[0]} ok`), info, { theme, embedFont: true });
    const fonts = embeddedFonts(svg);
    expect(codePoints(fonts.get('c2s-fallback')![0]!)).toEqual([0xae00, 0xd55c, 0xf015]);
    expect(codePoints(fonts.get('c2s-embedded')![0]!)).toEqual(expect.arrayContaining([0x6b, 0x6f]));
  });

  test('a flag is one text across its two cells', () => {
    const svg = renderSvgStill(snapshot('\u{1F1E9}\u{1F1EA}!'), info, { theme });
    // Both regional indicators together, at column 0; what follows starts at column 2 (16 px).
    expect(svg).toMatch(/<text[^>]*>\u{1F1E9}\u{1F1EA}<tspan x="16"[^>]*>!<\/tspan>/u);
  });

  test('characters no font has are reported once, with the fix', () => {
    const warnings: string[] = [];
    renderSvgStill(snapshot('\u{10fffd} \u{10fffd} \u{10fffc}'), info, { theme, onWarning: (w) => warnings.push(w) });
    expect(warnings).toEqual([
      '2 characters have no glyph in any font and are drawn as a box (U+10FFFC, U+10FFFD); add a font that has them with --font-file FILE',
    ]);
  });
});

describe('in Chromium, which has no Nerd Font', () => {
  let browser: Chromium;
  beforeAll(async () => {
    browser = await Chromium.launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Per icon: the pixels of its cell that differ clearly from the background. */
  async function iconInk(rgba: Uint8Array, width: number, origin: { x: number; y: number }, cw: number, ch: number): Promise<Set<number>[]> {
    const screen = snapshot(PROMPT);
    const bg = [theme.background >> 16, (theme.background >> 8) & 0xff, theme.background & 0xff];
    const cols = screen.lines[0]!.cells.flatMap((c, x) => (ICONS.includes(c.text) ? [x] : []));
    expect(cols).toHaveLength(ICONS.length);
    return cols.map((col) => {
      const ink = new Set<number>();
      for (let y = 0; y < ch; y++)
        for (let x = 0; x < cw; x++) {
          const i = ((origin.y + y) * width + origin.x + col * cw + x) * 4;
          if (Math.abs(rgba[i]! - bg[0]!) + Math.abs(rgba[i + 1]! - bg[1]!) + Math.abs(rgba[i + 2]! - bg[2]!) > 90) ink.add(y * cw + x);
        }
      return ink;
    });
  }

  test('the icons of an SVG shown as <img> are drawn, and drawn as the PNG draws them', async () => {
    const screen = snapshot(PROMPT);
    const svg = renderSvgStill(screen, info, { theme });
    const [, w, h] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)!;
    const png = await decodePng(renderPng(screen, info, { theme }));
    expect([png.width, png.height]).toEqual([Number(w), Number(h)]);
    // Cell geometry from the SVG itself: the grid's clip rectangle and its 60 columns, 2 rows.
    const [, cx, cy, cwidth, cheight] = /<clipPath id="_c"><rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(svg)!.map(Number);
    const origin = { x: cx!, y: cy! };
    const cw = cwidth! / COLS;
    const ch = cheight! / 2;

    await browser.open(svg, png.width, png.height, 'img');
    const shown = await decodePng(await browser.screenshot());
    const withoutFont = svg.replace(/@font-face\{[^}]*\}/g, '');
    await browser.open(withoutFont, png.width, png.height, 'img');
    const bare = await decodePng(await browser.screenshot());

    const ours = await iconInk(png.rgba, png.width, origin, cw, ch);
    const browserInk = await iconInk(shown.rgba, shown.width, origin, cw, ch);
    const bareInk = await iconInk(bare.rgba, bare.width, origin, cw, ch);
    for (let k = 0; k < ICONS.length; k++) {
      const a = ours[k]!;
      const b = browserInk[k]!;
      expect(b.size, `icon ${k} has ink`).toBeGreaterThan(10);
      const overlap = [...a].filter((p) => b.has(p)).length;
      // Where the PNG has ink the browser has it too: the same icon, in the same place.
      expect(overlap / Math.max(a.size, b.size), `icon ${k} overlaps the PNG's`).toBeGreaterThan(0.5);
      // Without the embedded font the browser draws something else (a box, or nothing).
      const same = [...bareInk[k]!].filter((p) => b.has(p)).length;
      expect(same / Math.max(b.size, bareInk[k]!.size), `icon ${k} comes from the embedded font`).toBeLessThan(0.8);
    }
  });
});
