import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { INPUT_FORMATS, detectFormat, readRecording } from '../../src/cast/index.js';
import { collect } from './screen.js';

const dir = tempDir('detect');
const file = (name: string, bytes: string | Buffer) => {
  writeFileSync(join(dir, name), bytes);
  return join(dir, name);
};

function ttyrecRecord(sec: number, usec: number, text: string): Buffer {
  const body = Buffer.from(text, 'utf8');
  const head = Buffer.alloc(12);
  head.writeUInt32LE(sec, 0);
  head.writeUInt32LE(usec, 4);
  head.writeUInt32LE(body.length, 8);
  return Buffer.concat([head, body]);
}

const encode = (text: string) => new TextEncoder().encode(text);

describe('format detection', () => {
  it('tells the formats apart by their first bytes', () => {
    expect(INPUT_FORMATS).toEqual(['asciicast', 'ttyrec', 'script', 'terminalizer']);
    expect(detectFormat(encode('{"version": 2, "width": 80, "height": 24}\n'))).toBe('asciicast');
    expect(detectFormat(encode('\uFEFF\n  {\n  "version": 1,'))).toBe('asciicast');
    expect(detectFormat(encode('[{"version": 2}, [0.1, "o", "x"]]'))).toBe('asciicast');
    expect(detectFormat(encode('Script started on 2026-11-24 14:04:05+00:00 [TERM="xterm"]\nhello'))).toBe('script');
    expect(detectFormat(encode('# comment\nconfig:\n  cols: 80\nrecords:\n  - delay: 1\n'))).toBe('terminalizer');
    expect(detectFormat(encode('records:\n  - delay: 1\n    content: x\n'))).toBe('terminalizer');
    expect(detectFormat(ttyrecRecord(1_700_000_000, 0, 'x'))).toBe('ttyrec');
    expect(detectFormat(encode('0.018210 96\n0.327948 8\n'))).toBeUndefined();
    expect(detectFormat(encode('hello world, this is plain text\n'))).toBeUndefined();
  });

  it('reads gzip-compressed files and stdin whatever their format', async () => {
    const gz = file('rec.ttyrec.gz', gzipSync(Buffer.concat([ttyrecRecord(5, 0, 'a'), ttyrecRecord(6, 500_000, 'b')])));
    const cast = await readRecording(gz, { cols: 20, rows: 5 });
    expect(await collect(cast)).toEqual([
      { time: 0, kind: 'output', data: 'a' },
      { time: 1.5, kind: 'output', data: 'b' },
    ]);
    const stdin = Readable.from([Buffer.from('config:\n  cols: 30\n  rows: 4\nrecords:\n  - delay: 250\n    content: "\\e[1mhi"\n')]);
    const yaml = await readRecording('-', { stdin });
    expect([yaml.header.cols, yaml.header.rows]).toEqual([30, 4]);
    expect(await collect(yaml)).toEqual([{ time: 0.25, kind: 'output', data: '\u001b[1mhi' }]);
  });

  it('reads a gzip-compressed timing file', async () => {
    const ts = file('g.log', 'Script started on 2026-11-24 14:04:05+00:00 [COLUMNS="40" LINES="10"]\nhello');
    const tm = file('g.tm.gz', gzipSync('0.5 5\n'));
    const cast = await readRecording(ts, { timing: tm });
    expect([cast.header.cols, cast.header.rows]).toEqual([40, 10]);
    expect(await collect(cast)).toEqual([{ time: 0.5, kind: 'output', data: 'hello' }]);
  });

  it('lets --input-format override detection, with the chosen reader saying what is wrong', async () => {
    const yaml = file('y.yml', 'config:\n  cols: 30\n  rows: 4\nrecords: []\n');
    await expect(readRecording(yaml, { inputFormat: 'asciicast' })).rejects.toThrow(
      `${yaml}:1: not an asciicast: the first line is not JSON`,
    );
    await expect(readRecording(file('empty', ''))).rejects.toThrow('empty: the file is empty');
  });
});
