// Reads a generated 500 MB asciicast v2 file through readCast and reports events/s and peak RSS.
// The file is generated once into the OS temp folder and reused. Usage: node bench/read.js [MB]
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { openSource, readCast } from '../dist/cast/index.js';

const megabytes = Number(process.argv[2] ?? 500);
const path = join(tmpdir(), `cast2gif-bench-${megabytes}mb.cast`);

async function generate() {
  const out = createWriteStream(path);
  out.write(JSON.stringify({ version: 2, width: 120, height: 40, title: 'bench' }) + '\n');
  const line = (t, i) =>
    JSON.stringify([Number(t.toFixed(6)), 'o', `\u001b[3${i % 8}mline ${i} \u001b[1mbold\u001b[0m some plain text to fill the row ${'x'.repeat(i % 40)}\r\n`]) + '\n';
  let written = 0;
  let i = 0;
  while (written < megabytes * 1024 * 1024) {
    const chunk = [];
    for (let k = 0; k < 1000; k++, i++) chunk.push(line(i * 0.01, i));
    const text = chunk.join('');
    written += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

if (!existsSync(path) || statSync(path).size < megabytes * 1024 * 1024) await generate();
const bytes = statSync(path).size;
const start = process.hrtime.bigint();
const source = await openSource(path);
const cast = await readCast(source.bytes, { name: path });
let events = 0;
for await (const _ of cast.events) events++;
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const rssMb = process.resourceUsage().maxRSS / 1024;
console.log(
  `read: ${(bytes / 1048576).toFixed(0)} MB, ${events} events in ${seconds.toFixed(1)} s: ` +
    `${Math.round(events / seconds).toLocaleString('en')} events/s, ${(bytes / 1048576 / seconds).toFixed(0)} MB/s, ` +
    `peak RSS ${rssMb.toFixed(0)} MB (target < 150 MB) ${rssMb < 150 ? 'OK' : 'OVER'}`,
);
