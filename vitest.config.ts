import { defineConfig } from 'vitest/config';

// Which project a test file belongs to follows from its name, that is from what it needs:
// - *.browser.test.ts launches Chromium or Firefox (and may run programs too);
// - *.process.test.ts runs programs: the built bins (after `npm run build`), the batch's worker
//   threads (compiled in dist/), ffmpeg, gifsicle, rsvg-convert, script(1), fontconfig, npm;
// - any other *.test.ts is a unit test: it runs in the test process alone, from src/, with no build.
//   `npm run test:unit` runs these alone; test/helpers/unit-guard.ts fails a unit test that starts a
//   process or a worker thread, so a new test that needs one is told to take the name that says so.
// `npm test` (vitest run) runs all three.
const BROWSER = 'test/**/*.browser.test.ts';
const PROCESS = 'test/**/*.process.test.ts';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [BROWSER, PROCESS], setupFiles: ['test/helpers/unit-guard.ts'] } },
      { extends: true, test: { name: 'process', include: [PROCESS] } },
      { extends: true, test: { name: 'browser', include: [BROWSER] } },
    ],
  },
});
