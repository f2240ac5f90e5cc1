import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseSync } from 'rolldown/utils';

/**
 * The import graph of a source tree, read with the bundler's own parser so that every kind of
 * import counts: `import`, `import type`, `export ... from`, `export type ... from`, side-effect
 * imports and `import('...')` with a literal path. Only relative imports are edges; packages are
 * outside the tree.
 */
export interface ImportGraph {
  /** Files by path from the tree's root ('render/render.ts'), each with the files it imports. */
  readonly edges: ReadonlyMap<string, ReadonlySet<string>>;
  /** Imports that name no file of the tree, as 'file: specifier'. */
  readonly unresolved: readonly string[];
}

export function importGraph(root: string): ImportGraph {
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).sort();
  const edges = new Map<string, Set<string>>();
  const unresolved: string[] = [];
  for (const file of files) {
    const targets = new Set<string>();
    edges.set(file, targets);
    for (const specifier of specifiers(join(root, file))) {
      if (!specifier.startsWith('.')) continue;
      const target = resolveSource(root, file, specifier);
      if (target === undefined) unresolved.push(`${file}: ${specifier}`);
      else targets.add(target);
    }
  }
  return { edges, unresolved };
}

function specifiers(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const { module, errors } = parseSync(path, text);
  if (errors.length > 0) throw new Error(`${path}: ${errors[0]!.message}`);
  const found = [
    ...module.staticImports.map((i) => i.moduleRequest.value),
    ...module.staticExports.flatMap((e) => e.entries.flatMap((entry) => (entry.moduleRequest ? [entry.moduleRequest.value] : []))),
  ];
  for (const dynamic of module.dynamicImports) {
    const argument = text.slice(dynamic.moduleRequest.start, dynamic.moduleRequest.end);
    const literal = /^(['"])(.*)\1$/.exec(argument);
    if (literal) found.push(literal[2]!);
  }
  return found;
}

/** './x.js' names x.ts (NodeNext resolution), a folder its index.ts. */
function resolveSource(root: string, from: string, specifier: string): string | undefined {
  const base = resolve(root, dirname(from), specifier);
  const candidates = [base.replace(/\.js$/, '.ts'), base, join(base, 'index.ts')];
  const hit = candidates.find((c) => c.endsWith('.ts') && existsSync(c) && statSync(c).isFile());
  return hit === undefined ? undefined : relative(root, hit).split('\\').join('/');
}

/** The top-level folder of a file ('render/render.ts' → 'render'); files at the root have none. */
export const folderOf = (file: string): string | undefined => (file.includes('/') ? file.slice(0, file.indexOf('/')) : undefined);

/** Which folder imports which, each edge with one import that makes it ('render/dark-twin.ts → svg/xml.ts'). */
export function folderGraph(graph: ImportGraph): Map<string, Map<string, string>> {
  const folders = new Map<string, Map<string, string>>();
  for (const [file, targets] of graph.edges) {
    const from = folderOf(file);
    if (from === undefined) continue;
    if (!folders.has(from)) folders.set(from, new Map());
    for (const target of targets) {
      const to = folderOf(target);
      if (to === undefined || to === from) continue;
      const edge = folders.get(from)!;
      if (!edge.has(to)) edge.set(to, `${file} → ${target}`);
    }
  }
  return folders;
}

/**
 * The cycles of a graph: each strongly connected component of more than one node (or a node
 * importing itself), as its sorted members and one closed path through them.
 */
export function cycles(edges: ReadonlyMap<string, Iterable<string>>): { members: string[]; path: string[] }[] {
  const next = (node: string): string[] => [...(edges.get(node) ?? [])];
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  // Tarjan's algorithm, iterative: a long import chain must not overflow the call stack.
  for (const start of [...edges.keys()].sort()) {
    if (index.has(start)) continue;
    const work: { node: string; children: string[] }[] = [];
    const enter = (node: string): void => {
      index.set(node, index.size);
      low.set(node, index.get(node)!);
      stack.push(node);
      onStack.add(node);
      work.push({ node, children: next(node) });
    };
    enter(start);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const child = top.children.shift();
      if (child !== undefined) {
        if (!index.has(child)) enter(child);
        else if (onStack.has(child)) low.set(top.node, Math.min(low.get(top.node)!, index.get(child)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(top.node)!));
      if (low.get(top.node) !== index.get(top.node)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== top.node);
      if (component.length > 1 || next(top.node).includes(top.node)) components.push(component.sort());
    }
  }
  return components.map((members) => ({ members, path: shortestCycle(members, next) }));
}

/** The shortest closed path from the first member back to itself, inside the component. */
function shortestCycle(members: readonly string[], next: (node: string) => string[]): string[] {
  const inside = new Set(members);
  const start = members[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const child of next(node)) {
      if (!inside.has(child)) continue;
      if (child === start) {
        const path: string[] = [];
        for (let at = node; at !== start; at = cameFrom.get(at)!) path.unshift(at);
        return [start, ...path, start];
      }
      if (!cameFrom.has(child)) {
        cameFrom.set(child, node);
        queue.push(child);
      }
    }
  }
  return [...members];
}
