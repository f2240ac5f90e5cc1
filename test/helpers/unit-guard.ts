// Set up before every unit test file (vitest.config.ts): a unit test runs in this process alone.
// Starting a program or a worker thread fails the test, naming the suffix its file should have, so
// that a test which needs one cannot sit among the unit tests and make them slow or machine-bound.
import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';
import workerThreads from 'node:worker_threads';
import { afterEach } from 'vitest';

const started: string[] = [];

const refusal = (what: string): Error => new Error(`a unit test started ${what}: name its file *.process.test.ts (or *.browser.test.ts), see vitest.config.ts`);

function refuse(what: string): never {
  started.push(what);
  throw refusal(what);
}

for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const) {
  Object.assign(childProcess, { [name]: (command: unknown) => refuse(`a process (${name} ${String(command)})`) });
}
Object.assign(workerThreads, {
  Worker: class {
    constructor(entry: unknown) {
      refuse(`a worker thread (${String(entry)})`);
    }
  },
});
// `import { spawnSync } from 'node:child_process'` sees the replacements too.
syncBuiltinESMExports();

// The code under test may catch the error above; the test fails all the same.
afterEach(() => {
  if (started.length > 0) throw refusal([...new Set(started.splice(0))].join(', '));
});
