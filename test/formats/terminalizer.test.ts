import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { detectFormat, readCast, readRecordingFrom, readTerminalizer } from '../../src/cast/index.js';
import { renderCast } from '../../src/render/render.js';
import type { OutputFormat } from '../../src/formats/registry.js';
import { collect, ownText, outputOf, xtermText } from './screen.js';

/** A recording as Terminalizer writes it: its comments, its whole default config, records of delay and content. */
const RECORDING = String.raw`# The configurations that used for the recording, feel free to edit them
config:

  # Specify a command to be executed
  command: bash -l
  cwd: /home/demo
  env:
    recording: true
  cols: 60
  rows: 8
  repeat: 0
  quality: 100
  frameDelay: auto
  maxIdleTime: 2000
  frameBox:
    type: floating
    title: Terminalizer
    style:
      border: 0px black solid
  watermark:
    imagePath: null
    style:
      position: absolute
      right: 15px
  cursorStyle: block
  fontFamily: "Monaco, Lucida Console, Ubuntu Mono, Monospace"
  fontSize: 12
  lineHeight: 1
  letterSpacing: 0
  theme:
    background: "transparent"
    foreground: "#afafaf"
    cursor: "#c7c7c7"
    black: "#232628"
    red: "#fc4384"

# Records, feel free to edit them
records:
  - delay: 1155
    content: "\e[1m\e[7m%\e[27m\e[1m\e[0m                    \r \r"
  - delay: 6
    content: "\r\e[0m\e[27m\e[24m\e[J\e[01;32m➜  \e[36m~\e[00m \e[K"
  - delay: 250
    content: l
  - delay: 120
    content: 's'
  - delay: 333
    content: "\r\n\e[31mred\e[0m  caf\u00e9  \U0001F600\r\n"
  - delay: 17
    content: |-
      plain line
  - delay: 1000
    content: "\e[3;20Hmoved\e[8;1Hlast row"
`;

/** The same output as an asciicast v2, written out by hand. */
const SAME_AS_CAST = [
  '{"version": 2, "width": 60, "height": 8}',
  '[1.155, "o", "\\u001b[1m\\u001b[7m%\\u001b[27m\\u001b[1m\\u001b[0m                    \\r \\r"]',
  '[1.161, "o", "\\r\\u001b[0m\\u001b[27m\\u001b[24m\\u001b[J\\u001b[01;32m➜  \\u001b[36m~\\u001b[00m \\u001b[K"]',
  '[1.411, "o", "l"]',
  '[1.531, "o", "s"]',
  '[1.864, "o", "\\r\\n\\u001b[31mred\\u001b[0m  café  😀\\r\\n"]',
  '[1.881, "o", "plain line"]',
  '[2.881, "o", "\\u001b[3;20Hmoved\\u001b[8;1Hlast row"]',
].join('\n');

async function read(text: string, options = {}) {
  const warnings: string[] = [];
  const cast = await readTerminalizer([text], { name: 't.yml', onWarning: (w) => warnings.push(w), ...options });
  return { header: cast.header, events: await collect(cast), warnings };
}

async function failure(text: string): Promise<string> {
  try {
    await read(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the recording to be refused');
}

describe('Terminalizer', () => {
  it('reads size, idle limit, command, and records at the summed delays to the millisecond', async () => {
    const { header, events, warnings } = await read(RECORDING);
    expect(warnings).toEqual([]);
    expect(header).toEqual({ version: 2, cols: 60, rows: 8, command: 'bash -l', idleLimit: 2 });
    expect(events.map((e) => e.time)).toEqual([1.155, 1.161, 1.411, 1.531, 1.864, 1.881, 2.881]);
    const cast = await collect(await readCast([SAME_AS_CAST]));
    expect(outputOf(events)).toBe(outputOf(cast));
  });

  it('shows the screen the same output shows through an asciicast (@xterm/headless)', async () => {
    const { events } = await read(RECORDING);
    const viaCast = await xtermText(60, 8, await collect(await readCast([SAME_AS_CAST])));
    const screen = await xtermText(60, 8, events);
    expect(screen).toBe(viaCast);
    const own = ownText(60, 8, events);
    expect(own).toBe(ownText(60, 8, await collect(await readCast([SAME_AS_CAST]))));
    expect(own.split('\n').map((l) => l.trimEnd()).join('\n')).toBe(screen);
    expect(screen.split('\n')).toEqual(['➜  ~ ls', 'red  café  😀', 'plain line         moved', '', '', '', '', 'last row']);
  });

  it('is detected by content and read through readRecordingFrom', async () => {
    const bytes = new TextEncoder().encode(RECORDING);
    expect(detectFormat(bytes)).toBe('terminalizer');
    expect((await collect(await readRecordingFrom([bytes], { name: 't.yml' }))).length).toBe(7);
  });

  it('applies a fixed frameDelay, as Terminalizer does, and then has no idle limit', async () => {
    const { header, events } = await read(RECORDING.replace('frameDelay: auto', 'frameDelay: 100'));
    expect(header.idleLimit).toBeUndefined();
    expect(events.map((e) => e.time)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
  });

  it('keeps a complete hex theme as the header theme', async () => {
    const names = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];
    const colours = [...names, ...names.map((n) => `bright${n[0]!.toUpperCase()}${n.slice(1)}`)];
    const theme = colours.map((n, i) => `    ${n}: "#${(i * 0x111111).toString(16).padStart(6, '0')}"`).join('\n');
    const text = `config:\n  cols: 10\n  rows: 2\n  theme:\n    background: "#000000"\n    foreground: "#FFFFFF"\n${theme}\nrecords:\n  - delay: 0\n    content: x\n`;
    const { header } = await read(text);
    expect(header.theme?.fg).toBe('#ffffff');
    expect(header.theme?.bg).toBe('#000000');
    expect(header.theme?.palette?.split(':')).toHaveLength(16);
    expect(header.theme?.palette?.split(':')[15]).toBe('#ffffff');
    expect((await read(RECORDING)).header.theme).toBeUndefined();
  });

  it('takes cols/rows: auto from the options, else 80x24 with a notice', async () => {
    const auto = RECORDING.replace('cols: 60', 'cols: auto').replace('rows: 8', 'rows: auto');
    expect((await read(auto, { cols: 100, rows: 30 })).header).toMatchObject({ cols: 100, rows: 30 });
    const { header, warnings } = await read(auto);
    expect([header.cols, header.rows]).toEqual([80, 24]);
    expect(warnings).toEqual(['t.yml: the recording has no fixed cols and rows; using 80x24 (give --cols and --rows for another)']);
  });

  it('refuses broken recordings naming the line', async () => {
    expect(await failure('')).toBe('t.yml: the file is empty');
    expect(await failure('config:\n  cols: 10\n')).toBe('t.yml: not a Terminalizer recording: it has no "records" list');
    expect(await failure('config:\n  cols: 10\nrecords:\n  - delay: 5\n    content: "x\n')).toMatch(/^t\.yml:5: not YAML \(/);
    expect(await failure('config:\n  cols: 10\n  rows: 2\nrecords:\n  - delay: 5\n    content: a\n  - delay: soon\n    content: b\n')).toBe(
      't.yml:7: record 2 has delay "soon", not a number of milliseconds',
    );
    expect(await failure('config:\n  cols: 10\n  rows: 2\nrecords:\n  - just text\n')).toBe(
      't.yml:5: record 1 is not a mapping with delay and content',
    );
    expect(await failure('config:\n  cols: -3\n  rows: 2\nrecords: []\n')).toBe('t.yml:2: config cols -3 is not a positive whole number');
  });

  it('refuses an alias to no anchor and an alias bomb as YAML errors (crashers/terminalizer-*.yml)', async () => {
    expect(await failure('config:\n  cols: 10\n  rows: 2\nrecords:\n  - delay: *nope\n    content: x\n')).toMatch(/^t\.yml: not YAML \([^\n]*nope[^\n]*\)$/);
    const levels = 'abcdefg'.split('');
    const bomb = levels.map((name, i) => `${name}: &${name} [${Array(9).fill(i === 0 ? '"lol"' : `*${levels[i - 1]}`).join(',')}]`).join('\n');
    expect(await failure(`config:\n  cols: 10\n  rows: 2\n${bomb}\nrecords:\n  - delay: 5\n    content: *g\n`)).toMatch(/^t\.yml: not YAML \([^\n]*alias[^\n]*\)$/i);
  });

  it('renders to the same text, GIF and SVG as the same output in an asciicast', async () => {
    const render = async (text: string, format: OutputFormat) => {
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (c: Buffer) => chunks.push(c));
      const cast = text === RECORDING ? await readTerminalizer([text]) : await readCast([text]);
      await renderCast(cast, { format }, out);
      return Buffer.concat(chunks);
    };
    for (const format of ['txt', 'gif', 'svg'] as const) {
      const fromYaml = await render(RECORDING, format);
      if (format === 'txt') expect(fromYaml.toString('utf8')).toContain('red  café  😀');
      expect(fromYaml.equals(await render(SAME_AS_CAST, format))).toBe(true);
    }
  });
});
