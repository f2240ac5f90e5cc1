// The command-line tools run from one bundle of the compiled modules (dist/ → dist/bundle/): loading
// a handful of files instead of about a hundred cuts Node's ES-module resolution out of every start,
// which is most of a small cast's render time. The library entry (dist/index.js) stays unbundled.
// The bundle sits two folders below the package root like every compiled module, so the paths
// they build from import.meta.url (fonts/, themes/, package.json) hold unchanged; the batch pool
// finds the worker as ./worker.js beside itself, so it is an entry of its own with that name.
// @jsquash/webp stays outside: its WebAssembly file is found beside its own module.
// yaml stays outside: it is loaded only to read a Terminalizer recording or a YAML theme, and
// bundled it would sit in a chunk of its own anyway. So do smol-toml and jsonc-parser, loaded only
// to read a theme file of their format: bundled, they would be parsed at every start.
export default {
  input: { cli: 'dist/cli/main.js', worker: 'dist/batch/worker.js' },
  platform: 'node',
  external: ['@napi-rs/canvas', 'yaml', 'smol-toml', 'jsonc-parser', /^@jsquash\/webp/],
  logLevel: 'warn',
  output: {
    dir: 'dist/bundle',
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunk-[name].js',
    cleanDir: true,
  },
};
