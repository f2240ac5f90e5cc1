/** Bits packed least significant first, as deflate stores them. */
export class BitWriter {
  private out: Uint8Array;
  private length = 0;
  private bits = 0;
  private count = 0;

  constructor(capacity = 1024) {
    this.out = new Uint8Array(Math.max(16, capacity));
  }

  /** The low `n` bits of `value` (n ≤ 16). */
  write(value: number, n: number): void {
    this.bits |= value << this.count;
    this.count += n;
    while (this.count >= 8) {
      if (this.length === this.out.length) this.grow(1);
      this.out[this.length++] = this.bits & 0xff;
      this.bits >>>= 8;
      this.count -= 8;
    }
  }

  /** Pads with zero bits to the next byte boundary. */
  align(): void {
    if (this.count > 0) this.write(0, 8 - this.count);
  }

  /** Whole bytes, after align(). */
  bytes(data: Uint8Array): void {
    if (this.length + data.length > this.out.length) this.grow(data.length);
    this.out.set(data, this.length);
    this.length += data.length;
  }

  /** Everything written, the last byte padded with zeros. */
  finish(): Uint8Array {
    this.align();
    return this.out.subarray(0, this.length);
  }

  private grow(needed: number): void {
    const next = new Uint8Array(Math.max(this.out.length * 2, this.length + needed));
    next.set(this.out.subarray(0, this.length));
    this.out = next;
  }
}
