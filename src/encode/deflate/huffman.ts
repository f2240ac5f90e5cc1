/**
 * Optimal prefix code lengths under a length limit, and their canonical codes: Huffman's lengths
 * where they keep within the limit (nearly always), else package-merge's.
 * Every code is made complete: with fewer than two symbols in use, a second symbol gets a code
 * too, since inflaters refuse most incomplete codes.
 */
export function codeLengths(freqs: ArrayLike<number>, limit: number): Uint8Array {
  const n = freqs.length;
  const lengths = new Uint8Array(n);
  const used: number[] = [];
  for (let s = 0; s < n; s++) if (freqs[s]! > 0) used.push(s);
  if (used.length < 2) {
    const first = used[0] ?? 0;
    lengths[first] = 1;
    lengths[first === 0 ? 1 : 0] = 1;
    return lengths;
  }
  // Ties broken by symbol, so the same counts give the same code on any machine.
  used.sort((a, b) => freqs[a]! - freqs[b]! || a - b);
  const leaves = used.map((s) => freqs[s]!);
  const unlimited = huffmanDepths(leaves);
  if (unlimited.every((d) => d <= limit)) {
    used.forEach((s, i) => (lengths[s] = unlimited[i]!));
    return lengths;
  }
  // Each level's list holds items in weight order: a leaf (its index in `used`) or a package of two
  // items of the level below. The cheapest 2n - 2 items of the last level say how deep each leaf is.
  type Item = { weight: number; leaf: number; left: number };
  let level: Item[] = leaves.map((weight, leaf) => ({ weight, leaf, left: -1 }));
  const levels: Item[][] = [level];
  for (let depth = 1; depth < limit; depth++) {
    const merged: Item[] = [];
    let li = 0;
    let pi = 0;
    const packages = level.length >> 1;
    while (li < leaves.length || pi < packages) {
      const pw = pi < packages ? level[2 * pi]!.weight + level[2 * pi + 1]!.weight : Infinity;
      if (li < leaves.length && leaves[li]! <= pw) merged.push({ weight: leaves[li]!, leaf: li++, left: -1 });
      else merged.push({ weight: pw, leaf: -1, left: 2 * pi++ });
    }
    level = merged;
    levels.push(level);
  }
  const depthOf = new Uint8Array(used.length);
  let take = 2 * used.length - 2;
  for (let d = levels.length - 1; d >= 0 && take > 0; d--) {
    let packages = 0;
    const items = levels[d]!;
    for (let i = 0; i < take; i++) {
      const item = items[i]!;
      if (item.leaf >= 0) depthOf[item.leaf]!++;
      else packages++;
    }
    take = packages * 2;
  }
  used.forEach((s, i) => (lengths[s] = depthOf[i]!));
  return lengths;
}

/** Huffman's code lengths of weights in rising order (two queues: leaves, then the merged nodes). */
function huffmanDepths(leaves: number[]): Uint8Array {
  const n = leaves.length;
  const weight = new Float64Array(2 * n - 1);
  const parent = new Int32Array(2 * n - 1);
  weight.set(leaves);
  let leaf = 0;
  let merged = n;
  let next = n;
  // A leaf wins a tie, so equal weights give the same tree on any machine.
  const take = (): number => (leaf < n && (merged >= next || weight[leaf]! <= weight[merged]!) ? leaf++ : merged++);
  for (; next < 2 * n - 1; next++) {
    const a = take();
    const b = take();
    weight[next] = weight[a]! + weight[b]!;
    parent[a] = next;
    parent[b] = next;
  }
  const depth = new Uint8Array(2 * n - 1);
  for (let i = 2 * n - 3; i >= 0; i--) depth[i] = depth[parent[i]!]! + 1;
  return depth.subarray(0, n);
}

/** Canonical codes (RFC 1951, 3.2.2), bit-reversed for a least-significant-first writer. */
export function canonicalCodes(lengths: Uint8Array): Uint16Array {
  const counts = new Uint16Array(16);
  for (const l of lengths) counts[l]!++;
  counts[0] = 0;
  const next = new Uint16Array(16);
  for (let bits = 1, code = 0; bits < 16; bits++) {
    code = (code + counts[bits - 1]!) << 1;
    next[bits] = code;
  }
  const codes = new Uint16Array(lengths.length);
  for (let s = 0; s < lengths.length; s++) {
    const l = lengths[s]!;
    if (l === 0) continue;
    let c = next[l]!++;
    let r = 0;
    for (let i = 0; i < l; i++, c >>= 1) r = (r << 1) | (c & 1);
    codes[s] = r;
  }
  return codes;
}
