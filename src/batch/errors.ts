import { UsageError } from '../options/usage-error.js';

/**
 * A batch that cannot start (no matching files, colliding outputs, a bad config file, a bad --shard):
 * nothing is rendered. It is a UsageError so the CLI reports it in one line with exit status 2.
 */
export class BatchSetupError extends UsageError {
  override name = 'BatchSetupError';
}
