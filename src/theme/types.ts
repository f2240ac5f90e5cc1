/** A colour as 0xRRGGBB. */
export type Rgb = number;

export interface Theme {
  readonly name: string;
  readonly background: Rgb;
  readonly foreground: Rgb;
  readonly cursor?: Rgb;
  readonly selection?: Rgb;
  /** The 16 ANSI colours: 0-7 normal, 8-15 bright. */
  readonly palette: readonly Rgb[];
  /** Where the values come from (the theme author's published definition). */
  readonly source?: string;
}
