// The pipeline points one way: no file imports itself through others, and no folder of src/ does
// either, whether the import is for values or for types only.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';
import { cycles, folderGraph, importGraph } from './import-graph.js';

const SRC = join(ROOT, 'src');

const graph = importGraph(SRC);

describe('imports between the files of src/', () => {
  it('every relative import names a file of src/', () => {
    expect(graph.unresolved).toEqual([]);
  });

  it('form no cycle', () => {
    const shown = (c: { members: string[]; path: string[] }): string =>
      c.path.join(' → ') + (c.members.length > c.path.length - 1 ? ` (the cycle holds ${c.members.join(', ')})` : '');
    expect(cycles(graph.edges).map(shown)).toEqual([]);
  });
});

describe('imports between the folders of src/', () => {
  const folders = folderGraph(graph);
  const edges = new Map([...folders].map(([from, to]) => [from, [...to.keys()]]));

  it('form no cycle', () => {
    const why = (path: string[]): string => path.slice(1).map((to, i) => `${path[i]} → ${to} (${folders.get(path[i]!)!.get(to)})`).join(', ');
    expect(cycles(edges).map((c) => why(c.path))).toEqual([]);
  });
});

describe('the layers docs/ARCHITECTURE.md draws', () => {
  // The first code block: a layer a line, its folders first, then what it does.
  const doc = readFileSync(join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8');
  const block = /```\n([\s\S]*?)```/.exec(doc)![1]!;
  const known = new Set(readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name));
  const layerOf = new Map<string, number>();
  block
    .trim()
    .split('\n')
    .forEach((line, depth) => {
      for (const word of line.split(/\s+/)) {
        if (!known.has(word)) break;
        layerOf.set(word, depth);
      }
    });

  it('name every folder of src/', () => {
    expect([...known].filter((folder) => !layerOf.has(folder))).toEqual([]);
  });

  it('hold: each folder imports only from the layers below its own', () => {
    const upward = [...folderGraph(graph)].flatMap(([from, to]) =>
      [...to.keys()].filter((target) => (layerOf.get(target) ?? -1) <= (layerOf.get(from) ?? -1)).map((target) => `${from} → ${target}`),
    );
    expect(upward).toEqual([]);
  });
});

describe('the cycle finder', () => {
  it('finds a cycle through type-only imports, dynamic imports and re-exports', () => {
    const fixture = resolve(__dirname, 'fixtures/import-cycle');
    const found = cycles(importGraph(fixture).edges);
    expect(found.map((c) => c.path)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });

  it('finds a node importing itself and leaves a chain without a cycle alone', () => {
    const edges = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['c']],
    ]);
    expect(cycles(edges)).toEqual([{ members: ['c'], path: ['c', 'c'] }]);
  });
});
