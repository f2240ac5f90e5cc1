// Rewrites golden/svg/*.svg from golden/svg/cases.json with the built renderer (dist/).
// Run it only after looking at what changed: `npm run build && node scripts/update-golden-svg.js`.
// Each case: cast (under test/corpus/casts), optional options (SvgOptions, theme by name),
// loop, and at (seconds: a still instead of an animation).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { openSource, readCast } from '../dist/cast/index.js';
import { animationInfo, castFrames, terminalAt } from '../dist/frames/index.js';
import { getTheme } from '../dist/theme/index.js';
import { renderSvg, renderSvgStill } from '../dist/svg/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const goldenDir = join(root, 'golden', 'svg');
const corpus = join(root, 'test', 'corpus', 'casts');
const cases = JSON.parse(readFileSync(join(goldenDir, 'cases.json'), 'utf8'));

for (const c of cases) {
  const source = await openSource(join(corpus, c.cast));
  const cast = await readCast(source.bytes, { name: c.cast });
  const options = { ...c.options, ...(c.options?.theme ? { theme: getTheme(c.options.theme) } : {}) };
  const info = animationInfo(cast, { loop: c.loop ?? 0 });
  let svg;
  if (c.at !== undefined) {
    svg = renderSvgStill((await terminalAt(cast, { seconds: c.at })).snapshot(), info, options);
  } else {
    const chunks = [];
    const out = { write: (data, callback) => (chunks.push(data), callback?.(), true) };
    await renderSvg(castFrames(cast), info, options, out);
    svg = chunks.join('');
  }
  writeFileSync(join(goldenDir, `${c.name}.svg`), svg);
  console.log(`${c.name}.svg ${svg.length} bytes`);
}
