export interface Rng {
  next(): number;
  int(n: number): number;
  range(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}
export function rng(seed: number): Rng;
export function mutateCast(r: Rng, original: Uint8Array | string): { bytes: Uint8Array; applied: string[] };
export interface TerminalInput {
  readonly cols: number;
  readonly rows: number;
  readonly chunks: string[];
  readonly resizes: boolean;
}
export function terminalInput(r: Rng, maxPieces?: number): TerminalInput;
export function cliFlags(r: Rng, maxFlags?: number): string[];
export function mutateRecording(r: Rng, castText: Uint8Array | string, kind?: 'ttyrec' | 'terminalizer'): { bytes: Uint8Array; applied: string[] };
