/**
 * The part of YAML that colour themes use: nested block mappings of scalars, by indentation,
 * with plain, 'single' or "double" quoted values and # comments. Sequences, anchors and
 * multi-line scalars are skipped, not read. Enough for Alacritty's old themes and base16/24 schemes.
 */
export interface YamlMap {
  [key: string]: string | YamlMap;
}

export function parseYaml(text: string): YamlMap {
  const root: YamlMap = {};
  const stack: Array<{ indent: number; map: YamlMap }> = [{ indent: -1, map: root }];
  for (const raw of text.split(/\r?\n/)) {
    if (/^\s*(#|$)/.test(raw) || /^\s*(---|\.\.\.)\s*$/.test(raw)) continue;
    const m = /^(\s*)("[^"]*"|'[^']*'|[^\s:#'"-][^:#]*?)\s*:(?:\s+(.*?))?\s*$/.exec(raw);
    if (!m) continue;
    const indent = m[1]!.length;
    const key = unquote(m[2]!);
    while (stack.length > 1 && stack.at(-1)!.indent >= indent) stack.pop();
    const parent = stack.at(-1)!.map;
    const value = m[3] === undefined ? '' : stripComment(m[3]);
    if (value === '') {
      const child: YamlMap = {};
      parent[key] = child;
      stack.push({ indent, map: child });
    } else {
      parent[key] = unquote(value);
    }
  }
  return root;
}

function stripComment(value: string): string {
  if (value.startsWith('"') || value.startsWith("'")) {
    const end = value.indexOf(value[0]!, 1);
    return end > 0 ? value.slice(0, end + 1) : value;
  }
  return value.replace(/\s+#.*$/, '').trim();
}

const unquote = (s: string): string => s.replace(/^"(.*)"$|^'(.*)'$/, '$1$2');
