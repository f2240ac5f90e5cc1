import { describe, expect, it } from 'vitest';
import { Attr, charWidth, rgbColor, Terminal, UnderlineStyle, underlineStyle } from '../../src/term/index.js';

const term = (cols: number, rows: number, ...input: string[]): Terminal => {
  const t = new Terminal({ cols, rows });
  for (const s of input) t.feed(s);
  return t;
};
const cell = (t: Terminal, x: number, y: number) => t.snapshot().lines[y].cells[x];

describe('Unicode 15 widths', () => {
  it.each([
    [0x61, 1, 'ASCII'],
    [0x4e2d, 2, 'CJK ideograph'],
    [0x0301, 0, 'combining acute'],
    [0x1f44d, 2, 'emoji presentation'],
    [0x1fae8, 2, 'shaking face, new in 15.0'],
    [0x1f6dc, 2, 'wireless, new in 15.0'],
    [0x31350, 2, 'CJK Extension H, new in 15.0'],
    [0x11f00, 0, 'Kawi sign, new in 15.0'],
    [0xff71, 1, 'halfwidth katakana'],
    [0xff01, 2, 'fullwidth exclamation'],
    [0x200b, 0, 'zero width space'],
    [0x200d, 0, 'zero width joiner'],
    [0x00ad, 1, 'soft hyphen'],
    [0x1160, 0, 'Hangul medial vowel'],
    [0xac00, 2, 'Hangul syllable'],
    [0x2764, 1, 'heavy heart (text presentation by default)'],
    [0x231a, 2, 'watch'],
    [0xfe0f, 0, 'VS16'],
    [0xe0100, 0, 'VS17'],
    [0x1f1e6, 1, 'regional indicator'],
    [0x2500, 1, 'box drawing'],
  ])('U+%s is %i wide (%s)', (cp, width) => {
    expect(charWidth(cp)).toBe(width);
  });
});

describe('text()', () => {
  it('writes a wide character once and trims trailing spaces', () => {
    expect(term(10, 2, '中文 a  \r\n  b   ').text()).toBe('中文 a\n  b');
  });

  it('wraps a wide character early at the last column, leaving it blank', () => {
    const t = term(5, 2, 'abcd中');
    expect(t.text()).toBe('abcd\n中');
    expect(cell(t, 4, 0).text).toBe(' ');
    expect(cell(t, 0, 1)).toMatchObject({ text: '中', width: 2 });
    expect(cell(t, 1, 1)).toMatchObject({ text: '', width: 0 });
  });
});

describe('grapheme clusters', () => {
  it('joins combining marks, variation selectors, skin tones and ZWJ sequences into one cell', () => {
    const t = term(20, 1, 'e\u0301|\u2764\ufe0f|\u{1f44d}\u{1f3fd}|\u{1f468}\u200d\u{1f469}\u200d\u{1f467}|');
    const cells = t.snapshot().lines[0].cells;
    expect(cells[0]).toMatchObject({ text: 'e\u0301', width: 1 });
    expect(cells[2]).toMatchObject({ text: '\u2764\ufe0f', width: 1 });
    expect(cells[4]).toMatchObject({ text: '\u{1f44d}\u{1f3fd}', width: 2 });
    expect(cells[7]).toMatchObject({ text: '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}', width: 2 });
    expect(cells[9].text).toBe('|');
    expect(t.cursor.x).toBe(10);
  });

  it('joins a mark that arrives in a later feed, and a surrogate pair split between feeds', () => {
    const t = term(10, 1, 'e', '\u0301', '\ud83d', '\udc4d', 'x');
    expect(t.text()).toBe('e\u0301\u{1f44d}x');
  });

  it('joins a mark to a character in the last column without wrapping first', () => {
    const t = term(3, 2, 'abe', '\u0301');
    expect(t.text()).toBe('abe\u0301\n');
    expect(t.cursor).toMatchObject({ x: 2, y: 0 });
  });
});

describe('snapshots', () => {
  it('keeps unchanged rows as the same objects and rebuilds changed ones', () => {
    const t = term(10, 4, 'one\r\ntwo\r\nthree');
    const a = t.snapshot();
    t.feed('\x1b[2;1Hxx');
    const b = t.snapshot();
    expect(b.lines[0]).toBe(a.lines[0]);
    expect(b.lines[1]).not.toBe(a.lines[1]);
    expect(b.lines[2]).toBe(a.lines[2]);
    expect(b.lines[1].cells[0].text).toBe('x');
    expect(a.lines[1].cells[0].text).toBe('t');
    const c = t.snapshot();
    expect(c.lines).toEqual(b.lines);
    expect(c.lines.every((row, i) => row === b.lines[i])).toBe(true);
    expect(c.cursor).toBe(b.cursor);
    expect(c.palette).toBe(b.palette);
  });

  it('moves row objects with the lines when the screen scrolls', () => {
    const t = term(10, 3, 'a\r\nb\r\nc');
    const a = t.snapshot();
    t.feed('\r\nd');
    const b = t.snapshot();
    expect(b.lines[0]).toBe(a.lines[1]);
    expect(b.lines[1]).toBe(a.lines[2]);
    expect(t.text()).toBe('b\nc\nd');
  });
});

describe('robustness', () => {
  it('clamps huge cursor positions', () => {
    const t = term(80, 24, '\x1b[99999999999;99999999999H');
    expect(t.cursor).toMatchObject({ x: 79, y: 23 });
  });

  it('clamps a huge REP and ends where the full repetition would', () => {
    // 10^9 = 80 * 12500000, so the last repeat lands in the last column of the last row.
    const t = term(80, 24, 'x\x1b[999999999b');
    const rows = t.text().split('\n');
    expect(rows.every((r) => r === 'x'.repeat(80))).toBe(true);
    expect(t.cursor).toMatchObject({ x: 79, y: 23 });
  });

  it('ignores unknown and malformed sequences without printing them', () => {
    const t = term(20, 2, 'a\x1b[?999;1z\x1b[1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16;17;18;19;20;21;22;23;24;25;26;27;28;29;30;31;32;33;34;35m', 'b\x1bP1$qm\x1b\\c\x1b_apc\x1b\\d\x1b^pm\x07\x1b\\e\x9b1mf');
    expect(t.text()).toBe('abcdef\n');
  });

  it('gives the same screen however the input is split', () => {
    const input = 'ab\x1b[1;38;2;10;20;30mc\u{1f44d}\x1b]0;t\x07e\u0301\x1b]4;1;rgb:ff/00/00\x1b\\\x1b[4:3m中\x1b[0m\r\n\x1b(0lqk\x1b(B\x1b[2;5Hz';
    const whole = term(12, 3, input);
    for (let cut = 1; cut < input.length; cut++) {
      const t = term(12, 3, input.slice(0, cut), input.slice(cut));
      expect(t.text()).toBe(whole.text());
      expect(t.snapshot().lines).toEqual(whole.snapshot().lines);
      expect(t.title).toBe('t');
    }
  });
});

describe('pens', () => {
  it('reads SGR colours in all their forms', () => {
    const t = term(10, 1, '\x1b[31;42ma\x1b[38;5;200;48;5;17mb\x1b[38;2;1;2;3mc\x1b[38:2::4:5:6md\x1b[38:5:99me\x1b[0;95;104mf\x1b[39;49mg');
    const c = t.snapshot().lines[0].cells;
    expect([c[0].fg, c[0].bg]).toEqual([1, 2]);
    expect([c[1].fg, c[1].bg]).toEqual([200, 17]);
    expect(c[2].fg).toBe(rgbColor(1, 2, 3));
    expect(c[3].fg).toBe(rgbColor(4, 5, 6));
    expect(c[4].fg).toBe(99);
    expect([c[5].fg, c[5].bg]).toEqual([13, 12]);
    expect([c[6].fg, c[6].bg]).toEqual([-1, -1]);
  });

  it('reads attributes, underline styles and underline colour', () => {
    const t = term(10, 1, '\x1b[1;3;4:3;58;2;255;0;0ma\x1b[22;23;24;21;9;53mb\x1b[0;2;5;7;8mc\x1b[0;4md\x1b[59;4:0me');
    const c = t.snapshot().lines[0].cells;
    expect(c[0].attrs & (Attr.BOLD | Attr.ITALIC)).toBe(Attr.BOLD | Attr.ITALIC);
    expect(underlineStyle(c[0].attrs)).toBe(UnderlineStyle.Curly);
    expect(c[0].ulColor).toBe(rgbColor(255, 0, 0));
    expect(c[1].attrs & (Attr.BOLD | Attr.ITALIC)).toBe(0);
    expect(underlineStyle(c[1].attrs)).toBe(UnderlineStyle.Double);
    expect(c[1].attrs & (Attr.STRIKE | Attr.OVERLINE)).toBe(Attr.STRIKE | Attr.OVERLINE);
    expect(c[2].attrs).toBe(Attr.FAINT | Attr.BLINK | Attr.INVERSE | Attr.INVISIBLE);
    expect(c[3]).toMatchObject({ attrs: 1 << Attr.UNDERLINE_SHIFT, ulColor: -1 });
    expect(c[4].attrs).toBe(0);
  });

  it('keeps OSC 8 hyperlinks on the cells written while they are open', () => {
    const t = term(10, 1, 'a\x1b]8;id=1;https://example.com/a;b\x1b\\bc\x1b]8;;\x1b\\d');
    const c = t.snapshot().lines[0].cells;
    expect(c.slice(0, 4).map((x) => x.link)).toEqual(['', 'https://example.com/a;b', 'https://example.com/a;b', '']);
  });

  it('erases with the current background only (BCE)', () => {
    const t = term(4, 1, '\x1b[1;31;44mab\x1b[K');
    expect(cell(t, 3, 0)).toMatchObject({ text: ' ', fg: -1, bg: 4, attrs: 0 });
  });
});

describe('titles and palette', () => {
  it('takes the title from OSC 0 and 2, and keeps a title stack', () => {
    const t = term(10, 1, '\x1b]0;first\x07');
    expect(t.title).toBe('first');
    t.feed('\x1b[22;0t\x1b]2;second\x1b\\');
    expect(t.title).toBe('second');
    t.feed('\x1b]1;icon only\x07\x1b[23;0t');
    expect(t.title).toBe('first');
  });

  it('records palette changes and their resets', () => {
    const t = term(10, 1, '\x1b]4;1;rgb:ff/80/00;2;#00ff00\x07\x1b]10;rgb:ffff/ffff/ffff\x07\x1b]11;#102030\x07\x1b]12;rgb:f/0/0\x07');
    let p = t.snapshot().palette;
    expect([...p.indexed]).toEqual([
      [1, 0xff8000],
      [2, 0x00ff00],
    ]);
    expect([p.foreground, p.background, p.cursor]).toEqual([0xffffff, 0x102030, 0xff0000]);
    t.feed('\x1b]4;3;?\x07');
    expect(t.snapshot().palette).toBe(p);
    t.feed('\x1b]104;1\x07\x1b]110\x07\x1b]111\x07');
    p = t.snapshot().palette;
    expect([...p.indexed]).toEqual([[2, 0x00ff00]]);
    expect([p.foreground, p.background, p.cursor]).toEqual([undefined, undefined, 0xff0000]);
    t.feed('\x1b]104\x07\x1b]112\x07');
    p = t.snapshot().palette;
    expect(p.indexed.size).toBe(0);
    expect(p.cursor).toBeUndefined();
  });
});

describe('screen behaviour', () => {
  it('switches to the alternate screen and back (1049), restoring the cursor', () => {
    const t = term(10, 3, 'main\x1b[2;3H');
    t.feed('\x1b[?1049h');
    expect(t.text()).toBe('\n\n');
    t.feed('alt');
    expect(t.text()).toBe('\n  alt\n');
    t.feed('\x1b[?1049l');
    expect(t.text()).toBe('main\n\n');
    expect(t.cursor).toMatchObject({ x: 2, y: 1 });
  });

  it('draws DEC special graphics through G0 and G1', () => {
    expect(term(10, 1, '\x1b(0lqk\x1b(Bx').text()).toBe('┌─┐x');
    expect(term(10, 1, '\x1b)0a\x0eaq\x0fq').text()).toBe('a▒─q');
  });

  it('sets cursor shape and visibility', () => {
    const t = term(10, 1, '\x1b[5 q\x1b[?25l');
    expect(t.cursor).toMatchObject({ shape: 'bar', blink: true, visible: false });
    t.feed('\x1b[2 q\x1b[?25h');
    expect(t.cursor).toMatchObject({ shape: 'block', blink: false, visible: true });
    t.feed('\x1b[4 q');
    expect(t.cursor).toMatchObject({ shape: 'underline', blink: false });
  });

  it('scrolls only inside the top/bottom margins', () => {
    const t = term(5, 4, '1\r\n2\r\n3\r\n4\x1b[2;3r\x1b[3;1H\n\nx');
    expect(t.text()).toBe('1\n\nx\n4');
  });

  it('scrolls only inside the left/right margins (DECSLRM)', () => {
    const t = term(5, 2, 'abcde\r\nfghij\x1b[?69h\x1b[2;4s\x1b[2;2H\n');
    expect(t.text()).toBe('aghie\nf   j');
  });

  it('inserts in insert mode and edits characters and lines', () => {
    expect(term(6, 1, 'abc\r\x1b[4hxy').text()).toBe('xyabc');
    expect(term(6, 1, 'abcdef\x1b[1;2H\x1b[2P').text()).toBe('adef');
    expect(term(6, 1, 'abcdef\x1b[1;2H\x1b[2@').text()).toBe('a  bcd');
    expect(term(6, 1, 'abcdef\x1b[1;2H\x1b[3X').text()).toBe('a   ef');
    expect(term(3, 3, 'a\r\nb\r\nc\x1b[2;1H\x1b[L').text()).toBe('a\n\nb');
    expect(term(3, 3, 'a\r\nb\r\nc\x1b[1;1H\x1b[M').text()).toBe('b\nc\n');
  });

  it('moves between tab stops it sets and clears', () => {
    expect(term(20, 1, '\ta\x1b[3g\x1b[1;3H\x1bH\r\tb').text()).toBe('  b     a');
    expect(term(20, 1, 'x\x1b[2Iy\x1b[2Zz').text()).toBe('x       z       y');
  });
});

describe('more modes and controls', () => {
  it('erases only unprotected cells with DECSED/DECSEL, everything with ED/EL', () => {
    expect(term(6, 1, '\x1b[1"qAB\x1b[0"qCD\x1b[?2K').text()).toBe('AB');
    expect(term(6, 1, '\x1b[1"qAB\x1b[0"qCD\x1b[2K').text()).toBe('');
    expect(term(6, 2, '\x1b[1"qAB\x1b[0"qCD\r\nEF\x1b[?2J').text()).toBe('AB\n');
  });

  it('erases a wide character whole when DECSEL/DECSED cut it, as EL/ED do (crashers/term-selective-erase-*.json)', () => {
    // The cursor rests on the spacer after 三 (the pending wrap), so erasing from it cuts the character.
    for (const input of ['三\x1b[?K', '三\x1b[?J', '三\x1b[K']) {
      const t = term(2, 2, input);
      expect(cell(t, 0, 0), JSON.stringify(input)).toMatchObject({ text: ' ', width: 1 });
      expect(cell(t, 1, 0), JSON.stringify(input)).toMatchObject({ text: ' ', width: 1 });
    }
    // Erasing up to the first half (mode 1) takes the second half too.
    const left = term(4, 1, 'a三\x1b[1;2H\x1b[?1K');
    expect(left.text()).toBe('');
    expect(cell(left, 3, 0)).toMatchObject({ text: ' ', width: 1 });
    // A protected wide character survives whole.
    const kept = term(2, 2, '\x1b[1"q三\x1b[0"q\x1b[?K');
    expect(cell(kept, 0, 0)).toMatchObject({ text: '三', width: 2 });
    expect(cell(kept, 1, 0)).toMatchObject({ width: 0 });
  });

  it('makes LF also return the carriage in LNM', () => {
    expect(term(6, 2, '\x1b[20hab\ncd').text()).toBe('ab\ncd');
    expect(term(6, 2, 'ab\ncd').text()).toBe('ab\n  cd');
  });

  it('addresses the cursor inside the margins in origin mode', () => {
    expect(term(4, 4, '\x1b[2;3r\x1b[?6h\x1b[1;1Hx\x1b[9;1Hy').text()).toBe('\nx\ny\n');
  });

  it('soft-resets modes and pen with DECSTR, everything but the title with RIS', () => {
    const t = term(6, 1, '\x1b[4h\x1b[1mab\x1b[!p\rx');
    expect(t.text()).toBe('xb');
    expect(cell(t, 0, 0).attrs).toBe(0);
    const r = term(6, 1, '\x1b]0;t\x07\x1b[?25l\x1b[5 qabc\x1bc');
    expect(r.text()).toBe('');
    expect(r.cursor).toMatchObject({ x: 0, y: 0, visible: true, shape: 'block' });
    expect(r.title).toBe('t');
  });

  it('keeps the alternate screen for 47 and clears it when leaving 1047', () => {
    expect(term(4, 1, 'M\x1b[?47hA\x1b[?47l\x1b[?47h').text()).toBe(' A');
    expect(term(4, 1, 'M\x1b[?1047hA\x1b[?1047l').text()).toBe('M');
    expect(term(4, 1, 'M\x1b[?1047hA\x1b[?1047l\x1b[?1047h').text()).toBe('');
  });

  it('shows the whole screen in reverse video with DECSCNM', () => {
    const t = term(4, 1, 'a\x1b[7mb');
    const before = t.snapshot();
    t.feed('\x1b[?5h');
    const reversed = t.snapshot();
    expect(reversed.lines[0]).not.toBe(before.lines[0]);
    expect(reversed.lines[0].cells.map((c) => c.attrs & Attr.INVERSE)).toEqual([Attr.INVERSE, 0, Attr.INVERSE, Attr.INVERSE]);
    t.feed('\x1b[?5l');
    expect(t.snapshot().lines[0].cells.map((c) => c.attrs & Attr.INVERSE)).toEqual([0, Attr.INVERSE, 0, 0]);
  });

  it('takes C1 controls as controls', () => {
    expect(term(6, 1, '\x9b2Cx').text()).toBe('  x');
    expect(term(6, 2, 'a\x85b').text()).toBe('a\nb');
  });

  it('moves by lines and to absolute rows and columns', () => {
    expect(term(4, 3, 'a\x1b[2Eb\x1b[Fc').text()).toBe('a\nc\nb');
    expect(term(6, 3, '\x1b[3dz\x1b[5`w').text()).toBe('\n\nz   w');
  });
});

describe('resize', () => {
  it('scrolls lines off the top when the cursor would fall off, and brings them back', () => {
    const t = term(10, 4, '1\r\n2\r\n3\r\n4');
    t.resize(10, 2);
    expect(t.text()).toBe('3\n4');
    expect(t.cursor).toMatchObject({ x: 1, y: 1 });
    t.resize(10, 4);
    expect(t.text()).toBe('1\n2\n3\n4');
    expect(t.cursor).toMatchObject({ y: 3 });
  });

  it('drops blank lines below the cursor first, and truncates columns without reflow', () => {
    const t = term(10, 4, 'hello wor');
    t.resize(5, 2);
    expect(t.text()).toBe('hello\n');
    expect([t.cols, t.rows]).toEqual([5, 2]);
    t.resize(8, 2);
    expect(t.text()).toBe('hello\n');
  });
});
