/** A mistake in how the command was called: exit status 2, as for commander's own errors. */
export class UsageError extends Error {
  override name = 'UsageError';
}
