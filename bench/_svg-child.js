// Child process of bench/svg.js: renders one cast to an animated SVG with our renderer, so that
// its time and peak RSS are measured like the peers' command-line tools. Usage: node _svg-child.js IN OUT
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { openSource, readCast } from '../dist/cast/index.js';
import { animationInfo, castFrames } from '../dist/frames/index.js';
import { renderSvg } from '../dist/svg/index.js';

const [input, output] = process.argv.slice(2);
const source = await openSource(input);
const cast = await readCast(source.bytes, { name: source.name });
const out = createWriteStream(output);
await renderSvg(castFrames(cast), animationInfo(cast), {}, out);
out.end();
await once(out, 'finish');
