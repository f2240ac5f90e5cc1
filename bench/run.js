// `npm run bench`: runs every benchmark in this folder, each in its own process so that its
// peak RSS is its own. A benchmark prints its own figures, with ratios against the peer it
// measured in the same run. Pass names to run only some: npm run bench -- term gif
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.js') && f !== 'run.js' && !f.startsWith('_'))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.js$/, '')))
  .sort();

let failed = 0;
for (const file of benches) {
  console.log(`\n== ${file.replace(/\.js$/, '')} ==`);
  const result = spawnSync(process.execPath, ['--expose-gc', `${here}${file}`], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed++;
    console.log(`${file} failed with status ${result.status}`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
