import { BatchSetupError } from './errors.js';

export interface Shard {
  /** 1-based, as in Playwright's --shard. */
  readonly index: number;
  readonly total: number;
}

export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = match ? Number(match[1]) : NaN;
  const total = match ? Number(match[2]) : NaN;
  if (!match || total < 1 || index < 1 || index > total) {
    throw new BatchSetupError(`--shard: expected i/n with 1 <= i <= n, e.g. 2/3 (got "${text}")`);
  }
  return { index, total };
}

/**
 * The shard's contiguous slice of the (sorted) items: sizes differ by at most one, the first
 * `length % total` shards taking the extra item, so the n shards together cover every item once.
 */
export function shardSlice<T>(items: readonly T[], shard: Shard): T[] {
  const size = Math.floor(items.length / shard.total);
  const extra = items.length % shard.total;
  const i = shard.index - 1;
  const start = i * size + Math.min(i, extra);
  const end = start + size + (i < extra ? 1 : 0);
  return items.slice(start, end);
}
