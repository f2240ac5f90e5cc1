/** Events in the recording's own clock: `time` is seconds since the recording started. */
export type CastEvent =
  | { readonly time: number; readonly kind: 'output'; readonly data: string }
  | { readonly time: number; readonly kind: 'input'; readonly data: string }
  | { readonly time: number; readonly kind: 'marker'; readonly label: string }
  | { readonly time: number; readonly kind: 'resize'; readonly cols: number; readonly rows: number }
  | { readonly time: number; readonly kind: 'exit'; readonly status: number };

/** Colours as written in a cast header: `#rrggbb` strings, the palette 8 or 16 of them joined by ':'. */
export interface CastTheme {
  readonly fg?: string;
  readonly bg?: string;
  readonly palette?: string;
}

export interface CastHeader {
  readonly version: 1 | 2 | 3;
  readonly cols: number;
  readonly rows: number;
  readonly title?: string;
  readonly command?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly timestamp?: number;
  /** The recording's own idle_time_limit (seconds): what --idle-time-limit falls back to. */
  readonly idleLimit?: number;
  readonly theme?: CastTheme;
  /** v3 `term.type`, e.g. xterm-256color. */
  readonly termType?: string;
}

export interface Cast {
  readonly header: CastHeader;
  /** Read lazily from the source, in order, with times never going backwards. Iterate once. */
  readonly events: AsyncIterable<CastEvent>;
}

export type WarningHandler = (message: string) => void;
