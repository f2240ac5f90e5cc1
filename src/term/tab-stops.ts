/** Tab stops by column: every eighth one at first, then as HTS and TBC set and clear them. */
export class TabStops {
  private stops: Uint8Array;

  constructor(cols: number) {
    this.stops = defaultStops(cols);
  }

  set(x: number): void {
    this.stops[x] = 1;
  }

  clear(x: number): void {
    this.stops[x] = 0;
  }

  clearAll(): void {
    this.stops.fill(0);
  }

  /** The column `n` stops right of `x`, stopping at `edge`. */
  next(x: number, n: number, edge: number): number {
    for (let i = 0; i < n && x < edge; i++) {
      x++;
      while (x < edge && this.stops[x] === 0) x++;
    }
    return x;
  }

  /** The column `n` stops left of `x`, stopping at `edge`. */
  previous(x: number, n: number, edge: number): number {
    for (let i = 0; i < n && x > edge; i++) {
      x--;
      while (x > edge && this.stops[x] === 0) x--;
    }
    return x;
  }

  /** Stops kept where columns remain; new columns get the default ones. */
  resize(cols: number): void {
    const stops = defaultStops(cols);
    stops.set(this.stops.subarray(0, Math.min(cols, this.stops.length)));
    this.stops = stops;
  }

  reset(cols: number): void {
    this.stops = defaultStops(cols);
  }
}

function defaultStops(cols: number): Uint8Array {
  const stops = new Uint8Array(cols);
  for (let x = 8; x < cols; x += 8) stops[x] = 1;
  return stops;
}
