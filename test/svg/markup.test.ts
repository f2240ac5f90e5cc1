import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { renderSvg, renderSvgStill } from '../../src/svg/index.js';
import { Attr, TRUECOLOR } from '../../src/term/cell.js';
import { getTheme } from '../../src/theme/index.js';
import { cell, framesOf, info, rowOf, screen, textRow } from './screens.js';

const theme = getTheme('asciinema');
const plain = { window: 'none', padding: [0, 0], border: false, cursor: false } as const;

/** The resting layer of an SVG: a still's rows, as a viewer copies them. */
const restOf = (svg: string): string => /<g id="_r">(.*?)(<animate[^>]*>)?<\/g><\/g><\/g><\/g>/s.exec(svg)?.[1] ?? '';

/** The animated SVG of `screens`, each shown for `duration` seconds. */
async function animation(screens: ReturnType<typeof screen>[], options: object = {}, duration = 1): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const { cols, rows } = screens[0]!;
  await renderSvg(framesOf(screens.map((s) => ({ screen: s, duration }))), info(cols, rows), { ...plain, theme, ...options }, out);
  return Buffer.concat(chunks).toString('utf8');
}

/** An animation of `first` followed by a blank screen: `first` is then a frame the player shows. */
const shown = (first: ReturnType<typeof screen>, options: object = {}): Promise<string> =>
  animation([first, screen([], first.cols, first.rows)], options);

describe('row markup', () => {
  it('places a run at its column, keeping inner spaces; long runs are pinned to their cells', async () => {
    // Column 3 at 8 px a cell (round(14 * 0.6), the GIF's cell).
    expect(await shown(screen(['   ab  cd'], 10, 1))).toContain('<text id="a" x="24">ab  cd</text>');
    // 8 cells from "a" to "h".
    expect(await shown(screen([' abcdefgh'], 10, 1))).toContain('<text id="a" x="8" textLength="64">abcdefgh</text>');
    // A copyable row starts at column 0 with its leading blanks, and ends in a line break.
    expect(restOf(renderSvgStill(screen(['   ab  cd'], 10, 1), info(10, 1), { ...plain, theme }))).toBe('<text textLength="72">   ab  cd<tspan>\n</tspan></text>');
  });

  it('starts a new text after a long gap, and gives wide and combining characters their own', async () => {
    const cols = 30;
    const row = rowOf([cell('a'), ...Array.from({ length: 8 }, () => cell(' ')), cell('b'), cell('字', { width: 2 }), cell('', { width: 0 }), cell('e\u0301'), cell('c')], cols);
    const svg = await shown(screen([row], cols, 1));
    expect(svg).toContain('<text>a</text>');
    expect(svg).toContain('<text x="80">字</text>');
    expect(svg).toContain('<text x="96">e\u0301</text>');
    expect(svg).toContain('<text x="72">b</text>');
    expect(svg).toContain('<text x="104">c</text>');
    // Copyable: one <text> for the row, every blank kept, each character that may not advance one
    // cell at its own column, and what follows it too.
    expect(restOf(renderSvgStill(screen([row], cols, 1), info(cols, 1), { ...plain, theme }))).toBe(
      '<text><tspan textLength="80">a        b</tspan><tspan x="80">字</tspan><tspan x="96">e\u0301</tspan><tspan x="104">c</tspan><tspan>\n</tspan></text>',
    );
  });

  it('merges backgrounds of neighbouring cells and leaves the default background out', () => {
    const red = TRUECOLOR | 0xff0000;
    const row = rowOf([cell('a', { bg: red }), cell('b', { bg: red }), cell(' ', { bg: red }), cell('c'), cell('d', { bg: red })], 10);
    const svg = renderSvgStill(screen([row], 10, 1), info(10, 1), { ...plain, theme });
    const paths = restOf(svg).match(/<path[^>]*>/g) ?? [];
    expect(paths).toHaveLength(1);
    // Lines a cell (20 px) high through the cells' middle, 5 px above the baseline.
    expect(paths[0]).toContain('d="M0 -5h24M32 -5h8"');
    expect(svg2css(svg)).toContain('{stroke:#f00;stroke-width:20}');
  });

  it('switches style inside a run with <tspan>; an element in another style says so', () => {
    const red = { fg: 1 };
    const row = rowOf([cell('a'), cell('b', red), cell('c', red), cell('d'), cell(' '), cell('e', red)], 10);
    const svg = renderSvgStill(screen([row], 10, 1), info(10, 1), { ...plain, theme });
    const redClass = new RegExp(`\\.(\\w+)\\{fill:${hex(theme.palette[1]!)}\\}`).exec(svg2css(svg))![1];
    expect(restOf(svg)).toBe(`<text>a<tspan class="${redClass}">bc</tspan>d <tspan class="${redClass}">e</tspan><tspan>\n</tspan></text>`);
    // A run starting in a colour needs a class for the default colour to return to it.
    const row2 = rowOf([cell('b', red), cell('a')], 10);
    const svg2 = renderSvgStill(screen([row2], 10, 1), info(10, 1), { ...plain, theme });
    const [, cls, back] = /<text class="(\w+)">b<tspan class="(\w+)">a<\/tspan>/.exec(restOf(svg2))!;
    expect(svg2css(svg2)).toContain(`.${cls}{fill:${hex(theme.palette[1]!)}}`);
    expect(svg2css(svg2)).toContain(`.${back}{fill:${hex(theme.foreground)}}`);
  });

  it('gives a character in a bold or italic element its own weight and slant', () => {
    const row = rowOf([cell('B', { attrs: Attr.BOLD }), cell('n'), cell('I', { attrs: Attr.ITALIC }), cell('b', { attrs: Attr.BOLD })], 10);
    const svg = renderSvgStill(screen([row], 10, 1), info(10, 1), { ...plain, theme });
    // The last "b" is in the <text>'s own class.
    const [, bold, normal, italic] = /<text class="(\w+)">B<tspan class="(\w+)">n<\/tspan><tspan class="(\w+)">I<\/tspan>b<tspan>/.exec(restOf(svg))!;
    const css = svg2css(svg);
    expect(css).toContain(`.${bold}{fill:${hex(theme.foreground)};font-weight:bold}`);
    // Inside the bold <text>: "n" and "I" state their normal weight, which they would inherit.
    expect(css).toContain(`.${normal}{fill:${hex(theme.foreground)};font-weight:400}`);
    expect(css).toContain(`.${italic}{fill:${hex(theme.foreground)};font-weight:400;font-style:italic}`);
    // A class no bold element holds states no weight.
    const plainRow = renderSvgStill(screen([rowOf([cell('n'), cell('I', { attrs: Attr.ITALIC })], 10)], 10, 1), info(10, 1), { ...plain, theme });
    expect(svg2css(plainRow)).not.toContain('font-weight');
  });

  it('renders bold, italic, faint, inverse, invisible and 256/true colours through classes', () => {
    const row = rowOf(
      [
        cell('B', { attrs: Attr.BOLD, fg: 1 }),
        cell('I', { attrs: Attr.ITALIC }),
        cell('F', { attrs: Attr.FAINT }),
        cell('V', { attrs: Attr.INVERSE }),
        cell('H', { attrs: Attr.INVISIBLE }),
        cell('X', { fg: 196 }),
        cell('T', { fg: TRUECOLOR | 0x123456 }),
      ],
      10,
    );
    const svg = renderSvgStill(screen([row], 10, 1), info(10, 1), { ...plain, theme, boldIsBright: true });
    const css = svg2css(svg);
    // Bold red is bright red with bold-is-bright; 196 is xterm's ff0000.
    expect(css).toMatch(new RegExp(`\\{fill:${hex(theme.palette[9]!)};font-weight:bold\\}`));
    expect(css).toContain('font-style:italic');
    expect(css).toContain('{fill:#f00');
    expect(css).toContain('{fill:#123456');
    // Invisible text is there to copy, unpainted.
    const [, unpainted] = /<tspan x="32" class="(\w+)">H<\/tspan>/.exec(restOf(svg))!;
    expect(css).toContain(`.${unpainted}{fill:none}`);
    // Inverse: a foreground-coloured box behind the letter drawn in the background colour.
    expect(css).toContain(`{fill:${hex(theme.background)}`);
  });

  it('draws underline styles, strikethrough and overline as shapes in their colours', () => {
    const u = (style: number, ulColor = -1) => cell('u', { attrs: style << Attr.UNDERLINE_SHIFT, ulColor });
    const row = rowOf([u(1), u(2), u(3, 2), u(4), u(5), cell('s', { attrs: Attr.STRIKE }), cell('o', { attrs: Attr.OVERLINE })], 10);
    const svg = renderSvgStill(screen([row], 10, 1), info(10, 1), { ...plain, theme });
    const rows = restOf(svg);
    const css = svg2css(svg);
    expect(rows).toMatch(/<path class="\w+" d="M16 [\d.]+q/); // curly, stroked
    expect(css).toContain(`stroke:${hex(theme.palette[2]!)}`);
    expect(css).toContain('stroke-dasharray:1}');
    // Dashed: one dash per 8 px cell over its middle 70 %.
    expect(css).toContain('stroke-dasharray:5.6 2.4;stroke-dashoffset:-1.2}');
    // Single at column 0, double (two bars) at 1, strike at 5, overline at 6 on the cell's top.
    expect(rows).toContain('M0 1.67h8v1h-8z');
    expect(rows).toContain('M8 .67h8v1h-8zM8 2.67h8v1h-8z');
    expect(rows).toContain('M40 -4.98h8v1h-8z');
    expect(rows).toContain('M48 -15h8v1h-8z');
  });

  it('draws box drawing, blocks and Braille as paths; a copyable row keeps them as unpainted text', async () => {
    expect(await shown(screen(['─│█⠿'], 4, 1))).not.toMatch(/<text[^>]*>[─│█⠿]/);
    const svg = renderSvgStill(screen(['─│█⠿'], 4, 1), info(4, 1), { ...plain, theme });
    // A full block is the whole cell.
    expect(restOf(svg)).toContain('M16 -15h8v20h-8z');
    const [, unpainted] = /<text class="(\w+)">─│█⠿<tspan>/.exec(restOf(svg))!;
    expect(svg2css(svg)).toContain(`.${unpainted}{fill:none}`);
  });

  it('places a row a shown frame drew as shapes alone again in the resting layer, under its copyable text', async () => {
    const blocks = textRow('█▀▄ █', 10);
    // Shown by the player first, unchanged (the same row) in the last screen.
    const svg = await animation([screen([blocks, 'one'], 10, 2), screen([blocks, 'two'], 10, 2)]);
    const [, id, d] = /<path id="(\w+)" d="([^"]+)"\/>/.exec(svg)!;
    expect(svg.split(d!).length - 1).toBe(1);
    expect(restOf(svg)).toMatch(new RegExp(`^<use href="#${id}"/><text class="\\w+">█▀▄ █<tspan>\n</tspan></text><text y="20">two<tspan>\n</tspan></text>$`));
    // First seen in the last screen: no frame defines it, the resting layer draws it.
    const last = await animation([screen(['one'], 10, 2), screen([blocks, 'two'], 10, 2)]);
    expect(restOf(last)).toContain(`d="${d}"`);
    expect(restOf(last)).not.toContain('<use');
  });

  it('writes the fixed rules a document needs: bidi override with right-to-left text, overflow with nested rows', async () => {
    const still = (lines: string[]) => svg2css(renderSvgStill(screen(lines, 10, 2), info(10, 2), { ...plain, theme }));
    expect(still(['plain', 'text'])).not.toMatch(/unicode-bidi|#_s svg/);
    expect(still(['שלום ab', ''])).toContain('text{white-space:pre;direction:ltr;unicode-bidi:bidi-override}');
    // A row of text and a background is placed by a nested <svg>, which must not clip.
    const nested = renderSvgStill(screen(['x', rowOf([cell('y', { bg: TRUECOLOR | 0x123456 })], 10)], 10, 2), info(10, 2), { ...plain, theme });
    expect(nested).toContain('<svg y="20">');
    expect(svg2css(nested)).toContain('#_s svg{overflow:visible}');
  });

  it('reuses one definition for identical rows, and writes every row of a copyable screen', async () => {
    const rows = screen(['same', 'same', 'other', 'same'], 10, 4);
    const svg = await shown(rows);
    // The first frame: its first row defined where it shows it, the others placed by <use>.
    expect(svg).toContain('<text id="a">same</text><use href="#a" y="20"/><use href="#b" y="40"/><use href="#a" y="60"/>');
    expect(svg).toContain('<text id="b">other</text>');
    // The grid: y = 0 on the first baseline (15 px down), rows 20 px apart; letter-spacing
    // brings the font's 8.4 px advance to the 8 px cell.
    expect(svg).toContain('<g transform="translate(0 15)"><g id="_s" letter-spacing="-.4"><defs>');
    expect(restOf(renderSvgStill(rows, info(10, 4), { ...plain, theme }))).toBe(
      '<text>same<tspan>\n</tspan></text><text y="20">same<tspan>\n</tspan></text><text y="40">other<tspan>\n</tspan></text><text y="60">same<tspan>\n</tspan></text>',
    );
  });

  it('defines a chunk of rows when it comes back, and places it with one <use>', async () => {
    const svg = await animation([screen(['same', 'same', 'one'], 10, 4), screen(['same', 'same', 'two'], 10, 4), screen(['end'], 10, 4)]);
    // Chunks are cut after a row whose id hashes to a multiple of 2 (the square root of 4 rows):
    // here after the second "same". The second frame finds that chunk again and defines it.
    const [, chunk] = /<g id="(\w+)"><use href="#a"\/><use href="#a" y="20"\/><\/g>/.exec(svg)!;
    expect(svg).toMatch(new RegExp(`<g id="\\w+"><use href="#${chunk}"/><text id="\\w+" y="40">two</text></g>|<g id="\\w+"><use href="#${chunk}"/><use href="#\\w+" y="40"/></g>`));
  });

  it('draws the cursor: block inverts its cell, bar and underline are thin', () => {
    const s = (shape: 'block' | 'bar' | 'underline') =>
      renderSvgStill(screen(['abc'], 5, 2, { cursor: { x: 1, y: 1, visible: true, shape } }), info(5, 2), { ...plain, theme, cursor: true });
    // Shapes defined once in row coordinates (y = 0 on the baseline, 15 px below the top),
    // placed at the cursor's cell.
    expect(s('block')).toContain('<path id="_k" d="M0 -15h8v20h-8z"/>');
    expect(s('block')).toContain('<use href="#_k" x="8" y="20"/>');
    // Bar and underline are round(14 / 8) = 2 px thick, as in the GIF.
    expect(s('bar')).toContain('<path id="_kr" d="M0 -15h2v20h-2z"/>');
    expect(s('bar')).toContain('<use href="#_kr" x="8" y="20"/>');
    expect(s('underline')).toContain('<path id="_ku1" d="M0 3h8v2h-8z"/>');
    const onLetter = renderSvgStill(screen(['abc'], 5, 2, { cursor: { x: 1, y: 0, visible: true } }), info(5, 2), { ...plain, theme, cursor: true });
    // The letter a block cursor draws again is not copied a second time.
    expect(onLetter).toMatch(/<g class="(\w+)"><use href="#_k" x="8"\/><text x="8" class="(\w+)">b<\/text><\/g>.*\.\2\{fill:#121314\}.*\.\1\{user-select:none\}/);
    expect(renderSvgStill(screen(['abc'], 5, 2, { cursor: { x: 1, y: 0, visible: false } }), info(5, 2), { ...plain, theme, cursor: true })).not.toContain('_k');
    expect(renderSvgStill(screen(['abc'], 5, 2, { cursor: { x: 1, y: 0, visible: true } }), info(5, 2), { ...plain, theme, cursor: false })).not.toContain('_k');
  });
});

function svg2css(svg: string): string {
  const styles = svg.match(/<style>(.*?)<\/style>/g) ?? [];
  return styles.join('');
}

function hex(rgb: number): string {
  const h = rgb.toString(16).padStart(6, '0');
  return h[0] === h[1] && h[2] === h[3] && h[4] === h[5] ? `#${h[0]}${h[2]}${h[4]}` : `#${h}`;
}

describe('rows that grow', () => {
  const prompt = [...'user@host:~/src/cast2gif$ '].map((c, i) => cell(c, { fg: 1 + (i % 6), attrs: i % 2 ? Attr.BOLD : 0 }));
  const typed = (text: string) => screen([rowOf([...prompt, ...[...text].map((c) => cell(c))], 60)], 60, 1);

  // A last, different screen: every typed one is then a frame the player shows.
  const render = (texts: string[]): Promise<string> => animation([...texts.map(typed), screen(['done'], 60, 1)], {}, 0.1);

  it('are drawn as the row before plus the cells they added, when that is shorter', async () => {
    const svg = await render(['g', 'gi', 'git']);
    // 26 prompt cells of 8 px: "i" is at column 27, "t" at 28.
    const [, gi] = /<g id="(\w+)"><use href="#a"\/><text x="216">i<\/text><\/g>/.exec(svg)!;
    expect(svg).toMatch(new RegExp(`<g id="\\w+"><use href="#${gi}"/><text x="224">t</text></g>`));
  });

  it('draw changed cells over a box in the background colour, on the row before', async () => {
    const svg = await render(['git status', 'gXt status']);
    // "X" at column 27 (26 prompt cells, then "g"), 8 px cells, the box a whole cell high.
    const found = /<g id="b"><use href="#a"\/><path class="(\w+)" d="M216 -5h8"\/><text x="216">X<\/text><\/g>/.exec(svg);
    expect(found).not.toBeNull();
    expect(svg2css(svg)).toContain(`.${found![1]}{stroke:${hex(theme.background)};stroke-width:20}`);
    // A row that only grew needs no box ("s" at column 30).
    expect(await render(['git', 'git s'])).toMatch(/<g id="b"><use href="#a"\/><text x="240">s<\/text><\/g>/);
  });

  it('are drawn whole again after twelve steps, so chains stay short', async () => {
    const steps = Array.from({ length: 15 }, (_, i) => 'abcdefghijklmnop'.slice(0, i + 1));
    const svg = await render(steps);
    const grown = svg.match(/<g id="\w+"><use href="#\w+"\/><text/g) ?? [];
    // Steps 2..13 build on the one before; step 14 is whole; step 15 builds on it.
    expect(grown).toHaveLength(13);
  });
});
