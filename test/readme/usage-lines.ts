/**
 * The command lines README.md shows a user: every line of a ```sh block, of a four-space indented
 * block and every inline code span that starts with `cast2gif ` or `cast2svg `. Lines that run
 * other programs (npm, the CI steps) are left to .ci/run.
 */
export function readmeUsageLines(readme: string): string[] {
  const lines: string[] = [];
  let fence: string | undefined;
  let previousBlank = true;
  for (const line of readme.split('\n')) {
    const opening = /^```(\w*)\s*$/.exec(line);
    if (fence === undefined && opening) {
      fence = opening[1] ?? '';
      continue;
    }
    if (fence !== undefined) {
      if (/^```\s*$/.test(line)) fence = undefined;
      else if (['sh', 'bash', 'shell', 'console'].includes(fence)) lines.push(line.trim());
      continue;
    }
    const indented = /^ {4}(\S.*)$/.exec(line);
    // An indented line after a blank one is a code block; after a list item's text it is its continuation.
    if (indented && previousBlank) lines.push(indented[1]!.trim());
    else for (const span of line.matchAll(/`([^`]+)`/g)) lines.push(span[1]!.trim());
    previousBlank = indented ? previousBlank : line.trim() === '';
  }
  return [...new Set(lines.filter((l) => /^cast2(gif|svg) \S/.test(l)))];
}
