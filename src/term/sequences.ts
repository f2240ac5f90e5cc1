/**
 * The control functions the terminal acts on, named by their mnemonics (ECMA-48, DEC, xterm).
 * Escape and CSI sequences are identified by their final byte with the prefix or intermediate
 * byte above it (`Csi.DECSET` is `CSI ? … h`), as the parser collects them; a sequence with any
 * other combination is not one of ours and is ignored.
 */

/** C0 and C1 control characters. */
export const enum Control {
  BS = 0x08,
  HT = 0x09,
  LF = 0x0a,
  VT = 0x0b,
  FF = 0x0c,
  CR = 0x0d,
  /** Shift Out: G1 into GL. */
  SO = 0x0e,
  /** Shift In: G0 into GL. */
  SI = 0x0f,
  IND = 0x84,
  NEL = 0x85,
  HTS = 0x88,
  RI = 0x8d,
  SS2 = 0x8e,
  SS3 = 0x8f,
}

/** Prefix and intermediate bytes, as they sit above the final byte in an identifier. */
const enum Mark {
  Space = 0x20 << 8,
  Bang = 0x21 << 8,
  Quote = 0x22 << 8,
  Hash = 0x23 << 8,
  Apostrophe = 0x27 << 8,
  Question = 0x3f << 8,
}

/** ESC Fe (final 0x40..0x5f) is the 7-bit form of the C1 control Fe + 0x40: ESC D is IND. */
export const enum C1Escape {
  First = 0x40,
  Last = 0x5f,
  Offset = 0x40,
}

export const enum Esc {
  /** ESC 6: back index. */
  DECBI = 0x36,
  /** ESC 7: save cursor. */
  DECSC = 0x37,
  /** ESC 8: restore cursor. */
  DECRC = 0x38,
  /** ESC 9: forward index. */
  DECFI = 0x39,
  /** ESC c: full reset. */
  RIS = 0x63,
  /** ESC n: G2 into GL. */
  LS2 = 0x6e,
  /** ESC o: G3 into GL. */
  LS3 = 0x6f,
  /** ESC # 8: screen alignment test. */
  DECALN = Mark.Hash | 0x38,
}

/**
 * Intermediate bytes of charset designations (ESC ( F and friends): `(` `)` `*` `+` name one of
 * G0..G3 for a 94-character set, `-` `.` `/` one of G1..G3 for a 96-character set.
 */
export const enum Designate {
  G0 = 0x28,
  G3 = 0x2b,
  G1Of96 = 0x2d,
  G3Of96 = 0x2f,
}

export const enum Csi {
  ICH = 0x40, // @
  CUU = 0x41, // A
  CUD = 0x42, // B
  CUF = 0x43, // C
  CUB = 0x44, // D
  CNL = 0x45, // E
  CPL = 0x46, // F
  CHA = 0x47, // G
  CUP = 0x48, // H
  CHT = 0x49, // I
  ED = 0x4a, // J
  EL = 0x4b, // K
  IL = 0x4c, // L
  DL = 0x4d, // M
  DCH = 0x50, // P
  SU = 0x53, // S
  SD = 0x54, // T
  ECH = 0x58, // X
  CBT = 0x5a, // Z
  HPA = 0x60, // `
  HPR = 0x61, // a
  REP = 0x62, // b
  VPA = 0x64, // d
  VPR = 0x65, // e
  HVP = 0x66, // f
  TBC = 0x67, // g
  SM = 0x68, // h
  RM = 0x6c, // l
  SGR = 0x6d, // m
  DECSTBM = 0x72, // r
  /** CSI s: DECSLRM while left/right margins are enabled, SCOSC (save cursor) otherwise. */
  DECSLRM_OR_SCOSC = 0x73,
  /** CSI t: window operations. */
  XTWINOPS = 0x74,
  /** CSI u: restore cursor. */
  SCORC = 0x75,
  DECSET = Mark.Question | 0x68, // ? h
  DECRST = Mark.Question | 0x6c, // ? l
  DECSED = Mark.Question | 0x4a, // ? J
  DECSEL = Mark.Question | 0x4b, // ? K
  SL = Mark.Space | 0x40, // SP @
  SR = Mark.Space | 0x41, // SP A
  DECSCUSR = Mark.Space | 0x71, // SP q
  DECSTR = Mark.Bang | 0x70, // ! p
  DECSCA = Mark.Quote | 0x71, // " q
  DECIC = Mark.Apostrophe | 0x7d, // ' }
  DECDC = Mark.Apostrophe | 0x7e, // ' ~
}

/** ANSI modes (SM / RM). */
export const enum AnsiMode {
  /** Insert/replace. */
  IRM = 4,
  /** Line feed/new line: LF also returns the carriage. */
  LNM = 20,
}

/** DEC private modes (DECSET / DECRST). */
export const enum DecMode {
  /** Reverse video of the whole screen. */
  DECSCNM = 5,
  /** Origin mode: cursor addressing relative to the margins. */
  DECOM = 6,
  /** Autowrap. */
  DECAWM = 7,
  CursorBlink = 12,
  /** Cursor visible. */
  DECTCEM = 25,
  ReverseWraparound = 45,
  AltScreen = 47,
  /** Left/right margins enabled. */
  DECLRMM = 69,
  /** The alternate screen, cleared when left. */
  AltScreenClearOnLeave = 1047,
  SaveCursor = 1048,
  /** Save the cursor and enter a cleared alternate screen; leave and restore. */
  AltScreenSaveCursor = 1049,
}

/** XTWINOPS operations the terminal keeps: the title stack. */
export const enum WindowOp {
  PushTitle = 22,
  PopTitle = 23,
}

/** Operating system commands by number. */
export const enum Osc {
  IconNameAndTitle = 0,
  Title = 2,
  SetIndexedColor = 4,
  Hyperlink = 8,
  SetForeground = 10,
  SetBackground = 11,
  SetCursorColor = 12,
  ResetIndexedColors = 104,
  ResetForeground = 110,
  ResetBackground = 111,
  ResetCursorColor = 112,
}
