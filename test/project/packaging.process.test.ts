// What a bare clone and the npm tarball need: the project's own test data, no build on install,
// a build on pack, and a README whose pictures load on the npm page.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  repository?: { url?: string };
};

/** Files under these folders, with paths from the root (the copied corpus itself aside). */
function sources(...dirs: string[]): string[] {
  return dirs.flatMap((dir) =>
    (readdirSync(join(ROOT, dir), { recursive: true }) as string[])
      .map((f) => join(dir, f))
      .filter((f) => !f.startsWith('test/corpus/') && /\.(ts|js|json|sh)$|^\.ci\/run$/.test(f)),
  );
}

describe('a bare clone holds everything its tests use', () => {
  it('no test, bench, script or CI step reads from ../shared', () => {
    const offenders = [...sources('test', 'bench', 'scripts'), '.ci/run'].filter((f) => f !== 'test/project/packaging.process.test.ts' && /\.\.\/shared[/'"]|'shared', 'corpus'/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the corpus is in test/corpus with a licence beside every recording and its manifest', () => {
    const manifest = readFileSync(join(ROOT, 'test/corpus/MANIFEST.md'), 'utf8');
    for (const group of ['casts', 'vt']) {
      for (const source of readdirSync(join(ROOT, 'test/corpus', group))) {
        expect(existsSync(join(ROOT, 'test/corpus', group, source, 'LICENSE')), `${group}/${source}/LICENSE`).toBe(true);
        expect(manifest).toContain(`${group}/${source}`);
      }
    }
  });
});

describe('npm', () => {
  it('builds on pack, never on install', () => {
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) expect(pkg.scripts[hook], hook).toBeUndefined();
    expect(pkg.scripts.prepack).toBe('node scripts/prepack.js');
    expect(readFileSync(join(ROOT, 'scripts/prepack.js'), 'utf8')).toMatch(/npm\(\['run', 'build'\]\)/);
  });

  it('names its repository', () => {
    expect(pkg.repository?.url).toMatch(/^git\+https:\/\/github\.com\/[\w-]+\/[\w-]+\.git$/);
  });

  it('packs the bins, their bundle, fonts, themes and README, and no tests', () => {
    const listing = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--ignore-scripts', '--json'], { cwd: ROOT, encoding: 'utf8' })) as Array<{
      files: Array<{ path: string }>;
    }>;
    const files = listing[0]!.files.map((f) => f.path);
    for (const file of ['bin/cast2gif.js', 'dist/bundle/cli.js', 'dist/bundle/worker.js', 'dist/index.js', 'fonts/JetBrainsMono-Regular.ttf', 'themes/dracula.json', 'README.md']) {
      expect(files).toContain(file);
    }
    expect(files.filter((f) => f.startsWith('test/') || f.startsWith('src/'))).toEqual([]);
  });
});

describe('the README on the npm page', () => {
  it('shows its pictures by absolute URLs into the repository, each naming a file that exists', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const repo = pkg.repository!.url!.replace(/^git\+https:\/\/github\.com\//, '').replace(/\.git$/, '');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(images.length).toBeGreaterThanOrEqual(4);
    for (const url of images) {
      const prefix = `https://raw.githubusercontent.com/${repo}/main/`;
      expect(url.startsWith(prefix), url).toBe(true);
      expect(existsSync(join(ROOT, url.slice(prefix.length))), url).toBe(true);
    }
  });
});
