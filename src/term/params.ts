/** Most parameters a sequence may carry; the rest are dropped, as xterm does. */
export const MAX_VALUES = 32;
/** Values are clamped here so that arithmetic on them stays exact and nothing huge gets allocated. */
export const MAX_PARAM = 0x7fffffff;

/**
 * The numeric parameters of one CSI or DCS sequence: top-level parameters separated by `;`, each
 * optionally followed by `:` sub-parameters. An omitted value is -1.
 */
export class Params {
  /** All values in order, parameters and sub-parameters alike. */
  readonly values = new Int32Array(MAX_VALUES);
  /** Index into `values` of each top-level parameter. */
  readonly starts = new Int32Array(MAX_VALUES + 1);
  length = 0;
  private used = 0;
  private current = -1;
  private nextIsSub = false;

  reset(): void {
    this.length = 0;
    this.used = 0;
    this.current = -1;
    this.nextIsSub = false;
  }

  digit(d: number): void {
    const c = this.current;
    this.current = c < 0 ? d : c >= 214748364 ? MAX_PARAM : c * 10 + d;
  }

  separator(): void {
    this.push();
    this.nextIsSub = false;
  }

  subSeparator(): void {
    this.push();
    this.nextIsSub = true;
  }

  /** Called once the final byte arrives. */
  finish(): void {
    if (this.used > 0 || this.current >= 0 || this.nextIsSub) this.push();
    this.starts[this.length] = this.used;
  }

  private push(): void {
    if (this.used < MAX_VALUES) {
      if (!this.nextIsSub) this.starts[this.length++] = this.used;
      this.values[this.used++] = this.current;
    }
    this.current = -1;
  }

  /** Top-level parameter `i`, or `def` when absent or omitted. */
  get(i: number, def: number): number {
    if (i >= this.length) return def;
    const v = this.values[this.starts[i]];
    return v < 0 ? def : v;
  }

  /** Like get, but 0 also means the default (movement counts). */
  count(i: number, def = 1): number {
    const v = this.get(i, 0);
    return v === 0 ? def : v;
  }

  /** Number of sub-parameters following top-level parameter i. */
  subCount(i: number): number {
    return this.starts[i + 1] - this.starts[i] - 1;
  }

  /** Sub-parameter j (0-based) of parameter i, -1 when omitted. */
  sub(i: number, j: number): number {
    return this.values[this.starts[i] + 1 + j];
  }
}
