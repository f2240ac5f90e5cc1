// `npm pack` and `npm publish` build dist/ here; installing the package never builds (a user's
// `npm install` must not need the compiler). On a fresh clone the build tools are not installed
// yet, so they are installed first, without running any package's install scripts.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Run npm the way npm ran us, so the same npm installs and builds.
const npm = (args) =>
  process.env.npm_execpath
    ? execFileSync(process.execPath, [process.env.npm_execpath, ...args], { cwd: root, stdio: 'inherit' })
    : execFileSync('npm', args, { cwd: root, stdio: 'inherit' });

const tools = ['tsc', 'rolldown'].map((bin) => join(root, 'node_modules', '.bin', bin));
if (!tools.every((bin) => existsSync(bin))) npm(['ci', '--ignore-scripts', '--no-audit', '--no-fund']);
npm(['run', 'build']);
