// Rewrites golden/keys/recorded.png: keys typed through tmux into `asciinema rec --stdin` (the
// keystrokes test/keys/recorded.browser.test.ts sends), drawn with --keys at the golden probe. Run after
// `npm run build`, and only after looking at the new picture.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GOLDEN_GROUP, probeTimes, recordKeys } from './record-keys.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'golden', 'keys', 'recorded.png');
const { cast, cleanup } = recordKeys();
try {
  const at = probeTimes(cast)[GOLDEN_GROUP];
  const png = execFileSync(process.execPath, [join(root, 'bin', 'cast2gif.js'), cast, '-', '--format', 'png', '--keys', '--at', String(at)]);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, png);
  console.log(`wrote ${out} (${png.length} bytes)`);
} finally {
  cleanup();
}
