import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectFormat, readCast, readRecording, writeAsciicast, type Cast, type CastEvent } from '../../src/cast/index.js';
import { renderCast } from '../../src/render/render.js';
import type { OutputFormat } from '../../src/formats/registry.js';
import { collect, ownText, outputOf, xtermText } from './screen.js';
import { COLS, EXPECTED_OUTPUT, REFERENCE_CAST, ROWS, makeRecordings, type Recordings } from './record.js';

let rec: Recordings;
beforeAll(async () => {
  rec = await makeRecordings();
});

/** Absolute times a classic or advanced timing file gives its O entries: the running sum of all delays. */
function timingFileTimes(path: string): number[] {
  const times: number[] = [];
  let clock = 0;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 2 || fields[0] === 'H') continue;
    const delay = Number(fields[0] === 'O' || fields[0] === 'I' || fields[0] === 'S' ? fields[1] : fields[0]);
    clock += delay;
    if (fields[0] !== 'S' && fields[0] !== 'I') times.push(clock);
  }
  return times;
}

/** Records straight from the ttyrec headers: times relative to the first, and payloads. */
function ttyrecRecords(path: string): Array<{ time: number; payload: Buffer }> {
  const bytes = readFileSync(path);
  const records: Array<{ time: number; payload: Buffer }> = [];
  for (let at = 0; at + 12 <= bytes.length; at += 12 + bytes.readUInt32LE(at + 8)) {
    const time = bytes.readUInt32LE(at) + bytes.readUInt32LE(at + 4) / 1e6;
    records.push({ time, payload: bytes.subarray(at + 12, at + 12 + bytes.readUInt32LE(at + 8)) });
  }
  return records.map((r) => ({ ...r, time: r.time - records[0]!.time }));
}
const ttyrecTimes = (path: string) => ttyrecRecords(path).map((r) => r.time);

const outputTimes = (events: CastEvent[]) => events.filter((e) => e.kind === 'output').map((e) => e.time);

function expectSameTimes(actual: number[], expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  // To the microsecond the sources store, so certainly to the millisecond.
  actual.forEach((t, i) => expect(t).toBeCloseTo(expected[i]!, 6));
}

async function read(spec: string, timing?: string) {
  const warnings: string[] = [];
  const cast = await readRecording(spec, { timing, onWarning: (w) => warnings.push(w) });
  return { header: cast.header, events: await collect(cast), warnings };
}

describe('recordings made by the real tools', () => {
  it('ttyrec: every byte, UTF-8 joined across records, at the header times, 80x24 noted unless given', async () => {
    const bytes = readFileSync(rec.ttyrec);
    // The split character really is split between two records in the file.
    expect(ttyrecRecords(rec.ttyrec).some((r) => r.payload.subarray(-2).equals(Buffer.from([0xe6, 0x97])))).toBe(true);
    expect(detectFormat(bytes)).toBe('ttyrec');
    const { header, events, warnings } = await read(rec.ttyrec);
    expect([header.cols, header.rows]).toEqual([80, 24]);
    expect(warnings).toEqual([`${rec.ttyrec}: ttyrec does not record the terminal size; using 80x24 (give --cols and --rows for another)`]);
    expect(outputOf(events)).toBe(EXPECTED_OUTPUT);
    expect(events.some((e) => e.kind === 'output' && e.data.includes('日'))).toBe(true);
    expect(events.some((e) => e.kind === 'output' && e.data.includes('\uFFFD'))).toBe(false);
    // Records whose bytes only begin a character yield no event; all others keep their time.
    expectSameTimes(outputTimes(events), ttyrecTimes(rec.ttyrec));
    const sized = await readRecording(rec.ttyrec, { cols: COLS, rows: ROWS, onWarning: (w) => warnings.push(w) });
    expect([sized.header.cols, sized.header.rows]).toEqual([COLS, ROWS]);
    expect(warnings).toHaveLength(1);
  });

  for (const kind of ['classic', 'classicLogOut', 'advanced', 'logIo'] as const) {
    it(`script(1) ${kind}: the typescript without its header and trailer, sized and timed by the files`, async () => {
      const { typescript, timing } = rec[kind];
      expect(detectFormat(readFileSync(typescript))).toBe('script');
      const { header, events, warnings } = await read(typescript, timing);
      expect(warnings).toEqual([]);
      expect([header.cols, header.rows]).toEqual([COLS, ROWS]);
      expect(header.termType).toBe('xterm-256color');
      expect(header.command).toBe('bash program.sh');
      expect(outputOf(events)).toBe(EXPECTED_OUTPUT);
      expectSameTimes(outputTimes(events), timingFileTimes(timing));
      const timingText = readFileSync(timing, 'utf8');
      if (timingText.startsWith('H ')) {
        const duration = Number(/^H \S+ DURATION (\S+)$/m.exec(timingText)![1]);
        expect(events.at(-1)).toEqual({ time: expect.closeTo(duration, 6), kind: 'exit', status: 0 });
      }
    });
  }

  it('script(1) advanced: SIGWINCH entries become resizes at their times', async () => {
    const { typescript, timing } = rec.resize;
    const { header, events } = await read(typescript, timing);
    expect([header.cols, header.rows]).toEqual([COLS, ROWS]);
    // stty may set columns and rows in one ioctl or two, so one or two SIGWINCH entries.
    const expected: Array<{ time: number; cols: number; rows: number }> = [];
    let clock = 0;
    for (const line of readFileSync(timing, 'utf8').split('\n')) {
      const [kind, delay, signal, rows, cols] = line.split(' ');
      if (kind === 'O' || kind === 'I' || kind === 'S') clock += Number(delay);
      if (signal === 'SIGWINCH') expected.push({ time: clock, rows: Number(rows!.slice(5)), cols: Number(cols!.slice(5)) });
    }
    expect(expected.at(-1)).toMatchObject({ cols: 100, rows: 30 });
    const resizes = events.filter((e) => e.kind === 'resize');
    expect(resizes.map((e) => [e.cols, e.rows])).toEqual(expected.map((e) => [e.cols, e.rows]));
    resizes.forEach((e, i) => expect(e.time).toBeCloseTo(expected[i]!.time, 6));
    expect(outputOf(events)).toBe('before\r\nafter\r\n');
  });

  it('every format shows the screen the same output shows as an asciicast (@xterm/headless)', async () => {
    const reference = await xtermText(COLS, ROWS, await collect(await readCast([REFERENCE_CAST])));
    const rows = reference.split('\n');
    expect(rows.slice(0, 6)).toEqual(['red green bold', 'héllxywörld ✓ 日本', 'abc', '', `${' '.repeat(19)}256true`, 'end']);
    expect(rows[9]).toBe('blue bg');
    const ttyrec = (await read(rec.ttyrec)).events;
    expect(await xtermText(COLS, ROWS, ttyrec)).toBe(reference);
    for (const kind of ['classic', 'classicLogOut', 'advanced', 'logIo'] as const) {
      const { events } = await read(rec[kind].typescript, rec[kind].timing);
      expect(await xtermText(COLS, ROWS, events)).toBe(reference);
    }
  });

  it('every format shows the screen the same output shows as an asciicast (our Terminal), which xterm agrees with', async () => {
    const asciicast = await collect(await readCast([REFERENCE_CAST]));
    const reference = ownText(COLS, ROWS, asciicast);
    const trimmed = (text: string) => text.split('\n').map((l) => l.trimEnd()).join('\n');
    expect(trimmed(reference)).toBe(await xtermText(COLS, ROWS, asciicast));
    expect(ownText(COLS, ROWS, (await read(rec.ttyrec)).events)).toBe(reference);
    for (const kind of ['classic', 'classicLogOut', 'advanced', 'logIo'] as const) {
      expect(ownText(COLS, ROWS, (await read(rec[kind].typescript, rec[kind].timing)).events)).toBe(reference);
    }
    const resized = (await read(rec.resize.typescript, rec.resize.timing)).events;
    expect(trimmed(ownText(COLS, ROWS, resized))).toBe(await xtermText(COLS, ROWS, resized));
    expect(ownText(COLS, ROWS, resized).split('\n')).toHaveLength(30);
  });

  for (const version of [2, 3] as const) {
    it(`converts each to asciicast v${version}, which reads back as the same events and screen`, async () => {
      const inputs: Array<[string, string | undefined]> = [
        [rec.ttyrec, undefined],
        [rec.classic.typescript, rec.classic.timing],
        [rec.advanced.typescript, rec.advanced.timing],
        [rec.resize.typescript, rec.resize.timing],
      ];
      for (const [spec, timing] of inputs) {
        const original = await read(spec, timing);
        const out = new PassThrough();
        const chunks: Buffer[] = [];
        out.on('data', (c: Buffer) => chunks.push(c));
        await writeAsciicast(await readRecording(spec, { timing, cols: COLS, rows: ROWS }), out, { version });
        const text = Buffer.concat(chunks).toString('utf8');
        expect(JSON.parse(text.split('\n')[0]!).version).toBe(version);
        const back = await readCast([text]);
        expect([back.header.cols, back.header.rows]).toEqual([COLS, ROWS]);
        const events = await collect(back);
        const expected = original.events.filter((e) => version === 3 || e.kind !== 'exit');
        expect(events.map(({ time, ...rest }) => rest)).toEqual(expected.map(({ time, ...rest }) => rest));
        events.forEach((e, i) => expect(e.time).toBeCloseTo(expected[i]!.time, 6));
        expect(await xtermText(COLS, ROWS, events)).toBe(await xtermText(COLS, ROWS, expected));
        expect(ownText(COLS, ROWS, events)).toBe(ownText(COLS, ROWS, expected));
        expect(ownText(COLS, ROWS, events).split('\n').map((l) => l.trimEnd()).join('\n')).toBe(await xtermText(COLS, ROWS, events));
      }
    });
  }

  it('renders each to text like the same output as an asciicast, and to GIF and SVG byte-identical to its own v3 conversion', async () => {
    const render = async (cast: Cast, format: OutputFormat) => {
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (c: Buffer) => chunks.push(c));
      await renderCast(cast, { format, cols: COLS, rows: ROWS }, out);
      return Buffer.concat(chunks);
    };
    const converted = async (spec: string, timing: string | undefined) => {
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (c: Buffer) => chunks.push(c));
      await writeAsciicast(await readRecording(spec, { timing, cols: COLS, rows: ROWS }), out, { version: 3 });
      return readCast([Buffer.concat(chunks)]);
    };
    const reference = (await render(await readCast([REFERENCE_CAST]), 'txt')).toString('utf8');
    expect(reference.split('\n')[1]).toBe('héllxywörld ✓ 日本');
    const inputs: Array<[string, string | undefined]> = [
      [rec.ttyrec, undefined],
      [rec.classic.typescript, rec.classic.timing],
      [rec.advanced.typescript, rec.advanced.timing],
    ];
    for (const [spec, timing] of inputs) {
      const open = () => readRecording(spec, { timing, cols: COLS, rows: ROWS });
      expect((await render(await open(), 'txt')).toString('utf8')).toBe(reference);
      const gif = await render(await open(), 'gif');
      expect(gif.subarray(0, 6).toString('latin1')).toBe('GIF89a');
      expect(gif.equals(await render(await converted(spec, timing), 'gif'))).toBe(true);
      const svg = (await render(await open(), 'svg')).toString('utf8');
      expect(svg).toContain('<svg');
      expect(svg).toBe((await render(await converted(spec, timing), 'svg')).toString('utf8'));
    }
  });
});
