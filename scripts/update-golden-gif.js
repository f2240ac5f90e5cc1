// Rewrites golden/gif/: for each example cast, the GIF's SHA-256 and every frame as the viewer
// shows it (decoded with omggif, composed, saved as PNG). Run after `npm run build`, and only
// after looking at the new frames: test/gif/golden.test.ts compares against these files.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createCanvas } from '@napi-rs/canvas';
import omggif from 'omggif';
import { readCast } from '../dist/cast/index.js';
import { animationInfo, castFrames } from '../dist/frames/index.js';
import { renderGif } from '../dist/gif/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const GOLDEN = join(root, 'golden', 'gif');
const CASTS = JSON.parse(readFileSync(join(GOLDEN, 'casts.json'), 'utf8'));

async function gifOf(file) {
  const cast = await readCast([readFileSync(join(root, file))]);
  const chunks = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  await renderGif(castFrames(cast), animationInfo(cast), {}, sink);
  return Buffer.concat(chunks);
}

function framePngs(gif) {
  const reader = new omggif.GifReader(gif);
  const { width, height } = reader;
  const rgba = new Uint8Array(width * height * 4);
  const pngs = [];
  let previous;
  for (let i = 0; i < reader.numFrames(); i++) {
    const info = reader.frameInfo(i);
    if (previous?.disposal === 2) {
      for (let y = previous.y; y < previous.y + previous.height; y++) rgba.fill(0, (y * width + previous.x) * 4, (y * width + previous.x + previous.width) * 4);
    }
    reader.decodeAndBlitFrameRGBA(i, rgba);
    const canvas = createCanvas(width, height);
    const ctx = canvas.getContext('2d');
    const image = ctx.createImageData(width, height);
    image.data.set(rgba);
    ctx.putImageData(image, 0, 0);
    pngs.push(canvas.toBuffer('image/png'));
    previous = info;
  }
  return pngs;
}

const hashes = {};
for (const [name, file] of Object.entries(CASTS)) {
  const gif = await gifOf(file);
  hashes[name] = createHash('sha256').update(gif).digest('hex');
  const dir = join(GOLDEN, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const pngs = framePngs(gif);
  pngs.forEach((png, i) => writeFileSync(join(dir, `${String(i).padStart(3, '0')}.png`), png));
  console.log(`${name}: ${pngs.length} frames, ${gif.length} bytes, sha256 ${hashes[name]}`);
}
writeFileSync(join(GOLDEN, 'hashes.json'), `${JSON.stringify(hashes, null, 2)}\n`);
