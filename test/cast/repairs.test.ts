import { describe, expect, it } from 'vitest';
import { readAll } from './helpers.js';

const header = '{"version": 2, "width": 10, "height": 2}';

describe('the repairs the README lists are each warned about once, in one line', () => {
  it('CRLF line ends', async () => {
    const { events, warnings } = await readAll(`${header}\r\n[0.5, "o", "a"]\r\n[1, "o", "b"]\r\n`);
    expect(events.map((e) => e.time)).toEqual([0.5, 1]);
    expect(warnings).toEqual(['test.cast:2: CRLF line ends are read as LF']);
  });

  it('blank lines', async () => {
    const { events, warnings } = await readAll(`${header}\n\n[0.5, "o", "a"]\n   \n[1, "o", "b"]\n`);
    expect(events).toHaveLength(2);
    expect(warnings).toEqual(['test.cast:2: blank lines are skipped']);
  });

  it('null or missing event data', async () => {
    const { events, warnings } = await readAll(`${header}\n[0.5, "o", null]\n[1, "o"]\n[1.5, "o", "c"]\n`);
    expect(events.map((e) => (e.kind === 'output' ? e.data : e.kind))).toEqual(['', '', 'c']);
    expect(warnings).toEqual(['test.cast:2: events with null or missing data are read as empty text']);
  });

  it('unknown event types', async () => {
    const { events, warnings } = await readAll(`${header}\n[0.5, "z", "a"]\n[1, "q", "b"]\n[1.5, "o", "c"]\n`);
    expect(events).toHaveLength(1);
    expect(warnings).toEqual(['test.cast:2: events of unknown type "z" are skipped']);
  });

  it('all of them in one file: one line each, in the order met', async () => {
    const { warnings } = await readAll(`${header}\r\n\r\n[0.5, "x1", 1]\r\n[0.6, "o", null]\r\n\r\n[0.7, "o", null]\r\n`);
    expect(warnings).toEqual([
      'test.cast:2: CRLF line ends are read as LF',
      'test.cast:2: blank lines are skipped',
      'test.cast:3: events of unknown type "x1" are skipped',
      'test.cast:4: events with null or missing data are read as empty text',
    ]);
  });

  it('a clean file and v3 comment lines warn about nothing', async () => {
    expect((await readAll(`${header}\n[0.5, "o", "a"]\n`)).warnings).toEqual([]);
    const v3 = '{"version": 3, "term": {"cols": 10, "rows": 2}}\n# a comment\n[0.5, "o", "a"]\n';
    expect((await readAll(v3)).warnings).toEqual([]);
  });
});
