// The library API on casts held in memory: no files, no processes.
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';

const cast = '{"version": 2, "width": 16, "height": 3}\n[0.1, "o", "hello"]\n[0.5, "o", "\\r\\n\\u001b[31mworld\\u001b[0m"]\n';

describe('library API', () => {
  it('exports the pipeline and its parts from the package entry', () => {
    for (const name of ['render', 'renderCast', 'readCast', 'Terminal', 'renderGif', 'renderSvg', 'runBatch'] as const) {
      expect(typeof (api as Record<string, unknown>)[name]).toBe('function');
    }
  });

  it('render() turns cast text or bytes into the output bytes', async () => {
    const text = await api.render(cast, { format: 'txt' });
    expect(new TextDecoder().decode(text).split('\n').map((l) => l.trimEnd()).filter(Boolean)).toEqual(['hello', 'world']);
    const fromBytes = await api.render(new TextEncoder().encode(cast), { format: 'txt' });
    expect(Buffer.from(fromBytes).equals(Buffer.from(text))).toBe(true);
    const narrow = await api.render(cast, { format: 'txt', cols: 3, rows: 4 });
    expect(new TextDecoder().decode(narrow).split('\n').map((l) => l.trimEnd()).filter(Boolean)).toEqual(['hel', 'lo', 'wor', 'ld']);
  });

  it('render() makes GIF and SVG, the same bytes every time', async () => {
    const gif = await api.render(cast, { format: 'gif' });
    expect(Buffer.from(gif.subarray(0, 6)).toString('latin1')).toBe('GIF89a');
    expect(Buffer.from(await api.render(cast, { format: 'gif' })).equals(Buffer.from(gif))).toBe(true);
    const svg = new TextDecoder().decode(await api.render(cast, { format: 'svg' }));
    expect(svg).toMatch(/<svg[\s\S]*hello[\s\S]*world[\s\S]*<\/svg>\s*$/);
  });

  it('the lower-level pieces compose: readCast, then a Terminal fed by hand', async () => {
    const read = await api.readCast([cast], { name: 'memory.cast' });
    expect(read.header.cols).toBe(16);
    const term = new api.Terminal({ cols: read.header.cols, rows: read.header.rows });
    for await (const event of read.events) if (event.kind === 'output') term.feed(event.data);
    expect(term.text().split('\n').map((l: string) => l.trimEnd())).toEqual(['hello', 'world', '']);
  });
});
