/** One item of the overlay: a word typed, or a key by name. */
export interface KeyItem {
  readonly text: string;
  /** A named key (drawn in the accent colour) rather than typed text. */
  readonly key: boolean;
}

/** Two captions show the same (frames need a repaint only when they do not). */
export const sameItems = (a: readonly KeyItem[] | undefined, b: readonly KeyItem[] | undefined): boolean =>
  (a ?? []).length === (b ?? []).length && (a ?? []).every((item, i) => item.text === b![i]!.text && item.key === b![i]!.key);
