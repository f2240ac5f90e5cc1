import { beforeAll, describe, expect, it } from 'vitest';
import { readCast, readRecording } from '../../src/cast/index.js';
import { collect, outputOf, ownText, xtermText } from './screen.js';
import { COLS, EXPECTED_OUTPUT, REFERENCE_CAST, ROWS, recordWithAsciinema } from './record.js';

let recording: { dir: string; cast: string };
beforeAll(async () => {
  recording = await recordWithAsciinema();
});

describe('the program recorded by asciinema', () => {
  it('holds the bytes the other recorders hold, and shows the reference screen', async () => {
    const cast = await readRecording(recording.cast);
    expect([cast.header.cols, cast.header.rows]).toEqual([COLS, ROWS]);
    const events = await collect(cast);
    expect(outputOf(events)).toBe(EXPECTED_OUTPUT);
    const reference = await collect(await readCast([REFERENCE_CAST]));
    expect(ownText(COLS, ROWS, events)).toBe(ownText(COLS, ROWS, reference));
    expect(await xtermText(COLS, ROWS, events)).toBe(await xtermText(COLS, ROWS, reference));
  });
});
