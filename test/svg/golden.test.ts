import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSource, readCast } from '../../src/cast/index.js';
import { animationInfo, castFrames, terminalAt } from '../../src/frames/index.js';
import { getTheme } from '../../src/theme/index.js';
import { renderSvg, renderSvgStill, type SvgOptions } from '../../src/svg/index.js';
import { CORPUS } from '../helpers/paths.js';

interface GoldenCase {
  name: string;
  cast: string;
  options?: Omit<SvgOptions, 'theme'> & { theme?: string };
  loop?: number;
  at?: number;
}

const cases: GoldenCase[] = JSON.parse(readFileSync('golden/svg/cases.json', 'utf8'));

/** Renders a case exactly as scripts/update-golden-svg.js does. */
export async function renderCase(c: GoldenCase): Promise<string> {
  const source = await openSource(join(CORPUS, c.cast));
  const cast = await readCast(source.bytes, { name: c.cast });
  const options: SvgOptions = { ...c.options, ...(c.options?.theme ? { theme: getTheme(c.options.theme) } : {}) } as SvgOptions;
  const info = animationInfo(cast, { loop: c.loop ?? 0 });
  if (c.at !== undefined) return renderSvgStill((await terminalAt(cast, { seconds: c.at })).snapshot(), info, options);
  const chunks: string[] = [];
  const out = { write: (data: string, callback?: () => void) => (chunks.push(data), callback?.(), true) } as unknown as NodeJS.WritableStream;
  await renderSvg(castFrames(cast), info, options, out);
  return chunks.join('');
}

describe('golden SVGs (update with: npm run build && node scripts/update-golden-svg.js)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const expected = readFileSync(`golden/svg/${name}.svg`, 'utf8');
    expect(await renderCase(c)).toBe(expected);
  });

  it('renders the same bytes twice (deterministic output)', async () => {
    const c = cases.find((x) => x.name === 'svg-term-vim')!;
    expect(await renderCase(c)).toBe(await renderCase(c));
  });
});
