import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { castText } from '../helpers/casts.js';
import { ROOT } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp-dir.js';
import { openSource, readCast } from '../../src/cast/index.js';
import { readAll, readError } from './helpers.js';

const v2 = (header: Record<string, unknown>, ...events: unknown[]) => castText(header, events);

describe('asciicast v2', () => {
  it('reads header fields and absolute event times', async () => {
    const { header, events } = await readAll(
      v2(
        { title: 'Demo', command: 'bash', idle_time_limit: 2, env: { TERM: 'xterm' }, theme: { fg: '#ffffff', bg: '#000000', palette: '#000000:#111111:#222222:#333333:#444444:#555555:#666666:#777777' } },
        [0.5, 'o', 'hello'],
        [1.25, 'i', 'x'],
        [1.5, 'm', 'chapter'],
        [2, 'r', '100x30'],
        [3, 'x', '0'],
      ),
    );
    expect(header).toMatchObject({ version: 2, cols: 80, rows: 24, title: 'Demo', command: 'bash', idleLimit: 2 });
    expect(header.env).toEqual({ TERM: 'xterm' });
    expect(header.theme?.fg).toBe('#ffffff');
    expect(events).toEqual([
      { time: 0.5, kind: 'output', data: 'hello' },
      { time: 1.25, kind: 'input', data: 'x' },
      { time: 1.5, kind: 'marker', label: 'chapter' },
      { time: 2, kind: 'resize', cols: 100, rows: 30 },
      { time: 3, kind: 'exit', status: 0 },
    ]);
  });

  it('tolerates blank lines, CRLF line ends and null fields (warning about the event repairs; null header fields are asciinema\'s own)', async () => {
    const text = '{"version":2,"width":10,"height":5,"title":null,"env":{"TERM":null}}\r\n\r\n[1,"o","a"]\r\n\n[2,"o",null]\r\n';
    const { header, events, warnings } = await readAll(text);
    expect(header.title).toBeUndefined();
    expect(header.env).toEqual({});
    expect(events.map((e) => e.time)).toEqual([1, 2]);
    expect(events[1]).toEqual({ time: 2, kind: 'output', data: '' });
    expect(warnings).toEqual([
      'test.cast:2: CRLF line ends are read as LF',
      'test.cast:2: blank lines are skipped',
      'test.cast:5: events with null or missing data are read as empty text',
    ]);
  });

  it('uses what is complete when the last line is cut off, with a warning', async () => {
    const text = v2({}, [1, 'o', 'a'], [2, 'o', 'b']) + '[3, "o", "unfini';
    const { events, warnings } = await readAll(text);
    expect(events).toHaveLength(2);
    expect(warnings).toEqual(['test.cast:4: the last line is cut off; using the events before it']);
  });

  it('clamps times going backwards and warns once', async () => {
    const { events, warnings } = await readAll(v2({}, [2, 'o', 'a'], [1, 'o', 'b'], [0.5, 'o', 'c'], [3, 'o', 'd']));
    expect(events.map((e) => e.time)).toEqual([2, 2, 2, 3]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^test\.cast:3: .*backwards/);
  });

  it('skips unknown event codes and warns once', async () => {
    const { events, warnings } = await readAll(v2({}, [1, 'z', 'a'], [2, 'o', 'b'], [3, 'q', 'c']));
    expect(events).toEqual([{ time: 2, kind: 'output', data: 'b' }]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/unknown type "z"/);
  });

  it('reads v2 written as one pretty-printed JSON array', async () => {
    const text = JSON.stringify([{ version: 2, width: 80, height: 24 }, [1, 'o', 'foo'], [2, 'i', 'x'], [3, 'o', 'bar']], null, 2);
    const { header, events } = await readAll(text);
    expect(header.cols).toBe(80);
    expect(events.filter((e) => e.kind === 'output').map((e) => e.time)).toEqual([1, 3]);
  });

  it('streams events: the header resolves before later lines exist', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    async function* source() {
      yield '{"version":2,"width":8,"height":2}\n[1,"o","a"]\n';
      await gate;
      yield '[2,"o","b"]\n';
    }
    const cast = await readCast(source(), { name: 's' });
    expect(cast.header.cols).toBe(8);
    const it = cast.events[Symbol.asyncIterator]();
    expect((await it.next()).value).toEqual({ time: 1, kind: 'output', data: 'a' });
    release();
    expect((await it.next()).value).toEqual({ time: 2, kind: 'output', data: 'b' });
    expect((await it.next()).done).toBe(true);
  });

  it('joins UTF-8 characters split across chunks', async () => {
    const bytes = new TextEncoder().encode('{"version":2,"width":8,"height":2}\n[1,"o","żółć 漢字"]\n');
    const chunks = Array.from(bytes, (b) => new Uint8Array([b]));
    const cast = await readCast(chunks, { name: 's' });
    const events = [];
    for await (const e of cast.events) events.push(e);
    expect(events).toEqual([{ time: 1, kind: 'output', data: 'żółć 漢字' }]);
  });
});

describe('asciicast v3', () => {
  it('reads term size and theme, relative intervals and comments', async () => {
    const text = [
      JSON.stringify({ version: 3, term: { cols: 100, rows: 50, type: 'xterm-256color', theme: { fg: '#000000', bg: '#ffffff' } }, idle_time_limit: 1.5 }),
      '# a comment',
      '[0.5, "o", "a"]',
      '[0.25, "o", "b"]',
      '  # indented comment',
      '[1, "r", "80x40"]',
    ].join('\n');
    const { header, events } = await readAll(text);
    expect(header).toMatchObject({ version: 3, cols: 100, rows: 50, termType: 'xterm-256color', idleLimit: 1.5 });
    expect(header.theme).toEqual({ fg: '#000000', bg: '#ffffff', palette: undefined });
    expect(events.map((e) => e.time)).toEqual([0.5, 0.75, 1.75]);
    expect(events[2]).toEqual({ time: 1.75, kind: 'resize', cols: 80, rows: 40 });
  });
});

describe('asciicast v1', () => {
  it('reads stdout delays as relative times', async () => {
    const text = JSON.stringify({ version: 1, width: 80, height: 24, title: 't', stdout: [[0.5, 'a'], [0.25, 'b']] }, null, 2);
    const { header, events } = await readAll(text);
    expect(header).toMatchObject({ version: 1, cols: 80, rows: 24, title: 't' });
    expect(events).toEqual([
      { time: 0.5, kind: 'output', data: 'a' },
      { time: 0.75, kind: 'output', data: 'b' },
    ]);
  });

  it('names the line of a bad stdout entry', async () => {
    const text = '{\n  "version": 1,\n  "width": 80,\n  "height": 24,\n  "stdout": [\n    [0.5, "a"],\n    ["soon", "b"]\n  ]\n}\n';
    expect(await readError(text)).toBe('test.cast:7: event time "soon" is not a number');
  });
});

describe('bad input', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['an empty file', '', /^test\.cast: the file is empty$/],
    ['text that is not JSON', 'hello world\n', /^test\.cast:1: not an asciicast: the first line is not JSON$/],
    ['a broken event line in the middle', v2({}, [1, 'o', 'a']) + '[2, "o", oops]\n[3, "o", "c"]\n', /^test\.cast:3: not JSON/],
    ['an event that is not an array', v2({}, { t: 1 }), /^test\.cast:2: an event must be an array \[time, code, data\]$/],
    ['an unknown version', '{"version": 7, "width": 80, "height": 24}\n', /^test\.cast:1: unknown asciicast version 7/],
    ['a missing size', '{"version": 2}\n', /^test\.cast:1: the header has no terminal width/],
    ['a zero size', '{"version": 2, "width": 0, "height": 24}\n', /^test\.cast:1: terminal width 0 is not a positive whole number$/],
    ['an absurd size', '{"version": 2, "width": 5000, "height": 24}\n', /^test\.cast:1: terminal size 5000x24 is beyond 1000x500/],
    ['a time that is not a number', v2({}, [1, 'o', 'a'], ['1.5', 'o', 'b']), /^test\.cast:3: event time "1\.5" is not a number$/],
    ['the pre-v1 format', '[[1,{"lines":{}}]]', /^test\.cast:1: this is the pre-v1 asciinema frame format/],
    ['a v2 header spread over lines', '{\n"version": 2, "width": 80, "height": 24}\n[1,"o","a"]\n', /^test\.cast:3: not JSON/],
  ];
  for (const [what, text, expected] of cases) {
    it(`refuses ${what} with a one-line message naming file and line`, async () => {
      const message = await readError(text);
      expect(message).toMatch(expected);
      expect(message).not.toContain('\n');
    });
  }

  it('lets --cols/--rows stand in for a missing or absurd size', async () => {
    const { header } = await readAll('{"version": 2, "width": 5000}\n', { cols: 120, rows: 40 });
    expect([header.cols, header.rows]).toEqual([120, 40]);
  });
});

describe('sources', () => {
  it('reads gzip-compressed casts by their magic bytes', async () => {
    const { writeFileSync } = await import('node:fs');
    const dir = tempDir('read-cast');
    const path = join(dir, 'x.cast.anything');
    writeFileSync(path, gzipSync(v2({}, [1, 'o', 'zipped'])));
    const source = await openSource(path);
    const cast = await readCast(source.bytes, { name: source.name });
    const events = [];
    for await (const e of cast.events) events.push(e);
    expect(events).toEqual([{ time: 1, kind: 'output', data: 'zipped' }]);
  });

  it('names a missing file', async () => {
    await expect(openSource('/nonexistent/x.cast')).rejects.toThrow('/nonexistent/x.cast: no such file');
  });
});

describe('the corpus', () => {
  const corpus = join(ROOT, 'test/corpus');
  // The MANIFEST was written independently of this reader: size, duration and event count per file.
  const rows = readFileSync(join(corpus, 'MANIFEST.md'), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('| casts/'))
    .map((l) => l.split('|').map((c) => c.trim()))
    .map((c) => ({ file: c[1]!, size: c[4]!, duration: Number(c[5]), events: Number(c[6]) }));
  it('lists the corpus casts', () => expect(rows.length).toBeGreaterThan(40));
  for (const row of rows) {
    it(`reads ${row.file} as the manifest describes it`, async () => {
      const source = await openSource(join(corpus, row.file));
      if (row.file.endsWith('v0.json')) {
        await expect(readCast(source.bytes, { name: row.file })).rejects.toThrow(/pre-v1/);
        return;
      }
      const cast = await readCast(source.bytes, { name: row.file });
      let last = 0;
      let count = 0;
      for await (const e of cast.events) {
        expect(e.time).toBeGreaterThanOrEqual(last);
        last = e.time;
        count++;
      }
      expect(`${cast.header.cols}x${cast.header.rows}`).toBe(row.size);
      expect(count).toBe(row.events);
      expect(last).toBeCloseTo(row.duration, 1);
    });
  }
});
