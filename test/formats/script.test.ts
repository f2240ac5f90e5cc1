import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { readRecording, readScript } from '../../src/cast/index.js';
import { collect } from './screen.js';

const HEADER = 'Script started on 2026-11-24 14:04:11+00:00 [COMMAND="demo" TERM="xterm" TTY="/dev/pts/3" COLUMNS="70" LINES="12"]\n';
const TRAILER = '\nScript done on 2026-11-24 14:04:13+00:00 [COMMAND_EXIT_CODE="0"]\n';

async function read(typescript: string | Buffer, timing: string, options = {}) {
  const warnings: string[] = [];
  const cast = await readScript([typescript], [timing], {
    name: 'ts',
    timingName: 'tm',
    onWarning: (w) => warnings.push(w),
    ...options,
  });
  return { header: cast.header, events: await collect(cast), warnings };
}

async function failure(typescript: string, timing: string): Promise<string> {
  try {
    await read(typescript, timing);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the typescript to be refused');
}

describe('script(1) classic timing', () => {
  it('slices bytes (not characters) and decodes UTF-8 across the slices', async () => {
    // "é€" is 5 bytes: the timing cuts inside both characters.
    const { header, events } = await read(`${HEADER}aé€b${TRAILER}`, '0.5 2\n0.25 3\n1.000001 2\n');
    expect(header).toMatchObject({ version: 2, cols: 70, rows: 12, termType: 'xterm', command: 'demo', timestamp: 1795529051 });
    expect(events).toEqual([
      { time: 0.5, kind: 'output', data: 'a' },
      { time: 0.75, kind: 'output', data: 'é' },
      { time: 1.750001, kind: 'output', data: '€b' },
    ]);
  });

  it('takes the size from options first, and says when it has none at all', async () => {
    expect((await read(`${HEADER}ab`, '0.1 2\n', { cols: 20 })).header).toMatchObject({ cols: 20, rows: 12 });
    const old = await read('Script started on Tue Nov 24 14:04:11 2026\nab', '0.1 2\n');
    expect([old.header.cols, old.header.rows]).toEqual([80, 24]);
    expect(old.warnings).toEqual(['ts: the typescript does not give the terminal size; using 80x24 (give --cols and --rows for another)']);
  });

  it('skips a first line in another language, as scriptreplay does, and says so', async () => {
    const { events, warnings } = await read('Skript gestartet am 2026-11-24\nhi', '0.2 2\n', { cols: 80, rows: 24 });
    expect(events).toEqual([{ time: 0.2, kind: 'output', data: 'hi' }]);
    expect(warnings).toEqual(['ts:1: the first line is not "Script started ..."; it is taken as script(1)\'s header line and not shown']);
  });

  it('uses what there is of a typescript shorter than its timing, with a warning', async () => {
    const { events, warnings } = await read(`${HEADER}abc`, '0.1 2\n0.1 5\n0.1 7\n');
    expect(events).toEqual([
      { time: 0.1, kind: 'output', data: 'ab' },
      { time: 0.2, kind: 'output', data: 'c' },
    ]);
    expect(warnings).toEqual(['ts: the typescript ends 4 bytes short of what tm:2 says; the rest of the timing is ignored']);
  });

  it('forgives only a cut-off last timing line', async () => {
    const cut = await read(`${HEADER}abcd`, '0.1 2\n0.1 2\n0.3');
    expect(cut.events.map((e) => e.time)).toEqual([0.1, 0.2]);
    expect(cut.warnings).toEqual(['tm:3: the last line is cut off; using the entries before it']);
    expect(await failure(`${HEADER}abcd`, '0.1 2\nnonsense\n0.1 2\n')).toBe('tm:2: not a script(1) timing entry: "nonsense"');
    expect(await failure(`${HEADER}abcd`, 'O 0.1 two\n')).toBe('tm:1: a O entry needs a byte count, not "two"');
  });

  it('refuses files that cannot be read as a typescript and timing', async () => {
    expect(await failure('', '0.1 2\n')).toBe('ts: the file is empty');
    expect(await failure('no newline at all', '0.1 2\n')).toBe('ts: not a script(1) typescript: it has no "Script started" header line');
    expect(await failure(`${HEADER}ab`, '')).toBe('tm: the timing file is empty');
    expect(await failure(`${HEADER}ab`, 'H 0.000000 START_TIME 2026-11-24 14:04:11+00:00\n')).toBe('tm: the timing file has no output entries');
  });
});

describe('script(1) advanced timing', () => {
  const info = (extra: string) =>
    `H 0.000000 START_TIME 2026-11-24 14:04:11+00:00\nH 0.000000 TERM xterm-256color\nH 0.000000 COLUMNS 100\nH 0.000000 LINES 40\n${extra}`;

  it('reads input from the same file when --log-io wrote both, and ends with the exit', async () => {
    const timing = info('H 0.000000 OUTPUT_LOG io.log\nH 0.000000 INPUT_LOG io.log\nO 0.5 2\nI 0.25 1\nO 0.000100 2\nS 1 SIGINT\nO 0.1 1\nH 0.000000 DURATION 3.000000\nH 0.000000 EXIT_CODE 130\n');
    const { header, events } = await read(`${HEADER}$ ls\nx${TRAILER}`, timing);
    expect(header).toMatchObject({ cols: 100, rows: 40, termType: 'xterm-256color', timestamp: 1795529051 });
    expect(events).toEqual([
      { time: 0.5, kind: 'output', data: '$ ' },
      { time: 0.75, kind: 'input', data: 'l' },
      { time: 0.7501, kind: 'output', data: 's\n' },
      { time: 1.8501, kind: 'output', data: 'x' },
      { time: 3, kind: 'exit', status: 130 },
    ]);
  });

  it('skips input entries whose bytes are in another file, and reads window changes', async () => {
    const timing = info('H 0.000000 OUTPUT_LOG out.log\nH 0.000000 INPUT_LOG in.log\nO 0.5 2\nI 0.25 7\nS 0.25 SIGWINCH ROWS=50 COLS=132\nO 0.5 2\n');
    const { events } = await read(`${HEADER}abcd`, timing);
    expect(events).toEqual([
      { time: 0.5, kind: 'output', data: 'ab' },
      { time: 1, kind: 'resize', cols: 132, rows: 50 },
      { time: 1.5, kind: 'output', data: 'cd' },
    ]);
  });
});

describe('script(1) through readRecording', () => {
  const dir = tempDir('script');
  const path = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it('needs --timing, and says which file is the timing file when given the wrong one', async () => {
    const ts = path('s.log', `${HEADER}ab`);
    const tm = path('s.tm', '0.1 2\n');
    await expect(readRecording(ts)).rejects.toThrow(`${ts}: a script(1) typescript needs its timing file: give --timing FILE`);
    await expect(readRecording(tm)).rejects.toThrow(
      `${tm}: this is a script(1) timing file: give the typescript as the input and this file with --timing`,
    );
    const cast = await readRecording(ts, { timing: tm });
    expect(await collect(cast)).toEqual([{ time: 0.1, kind: 'output', data: 'ab' }]);
    await expect(readRecording(path('c.cast', '{"version":2,"width":8,"height":2}\n'), { timing: tm })).rejects.toThrow(
      'c.cast: --timing is for script(1) typescripts, but this is an asciicast',
    );
    await expect(readRecording(ts, { timing: join(dir, 'missing.tm') })).rejects.toThrow('missing.tm: no such file');
  });

  it('takes an unrecognised text with a timing file as a typescript; --input-format forces a reader', async () => {
    const ts = path('l.log', 'Skript gestartet\nhi');
    const tm = path('l.tm', '0.2 2\n');
    expect(await collect(await readRecording(ts, { timing: tm, cols: 80, rows: 24 }))).toEqual([{ time: 0.2, kind: 'output', data: 'hi' }]);
    await expect(readRecording(ts, { inputFormat: 'ttyrec' })).rejects.toThrow('not a ttyrec');
    await expect(readRecording(ts)).rejects.toThrow(
      `${ts}: not a recording this reads (asciicast, ttyrec, script(1) typescript or Terminalizer YAML); --input-format chooses one`,
    );
  });
});
