/** A problem with the input itself, reported as `file:line: problem` without a stack trace. */
export class CastError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly problem: string,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${problem}`);
    this.name = 'CastError';
  }
}
