import { Charsets } from './charsets.js';
import { Modes } from './modes.js';
import { Palette } from './palette.js';
import { Pen } from './pen.js';
import { Printer } from './printer.js';
import { Screen } from './screen.js';
import { AnsiMode, DecMode } from './sequences.js';
import { Titles } from './titles.js';

/**
 * Everything escape sequences change, one part per concept, and the operations that change
 * several parts at once: saving and restoring the cursor, modes with side effects, resets.
 */
export class TerminalState {
  readonly modes = new Modes();
  readonly pen = new Pen();
  readonly palette = new Palette();
  readonly charsets = new Charsets();
  readonly titles = new Titles();
  readonly screen: Screen;
  readonly printer: Printer;

  constructor(cols: number, rows: number) {
    this.screen = new Screen(cols, rows, this.modes, this.pen);
    this.printer = new Printer(this.screen, this.pen, this.modes, this.charsets);
  }

  resize(cols: number, rows: number): void {
    this.screen.resize(cols, rows);
    this.printer.interrupt();
  }

  /** DECSC: position, pen, origin mode and charsets, for the screen in use. */
  saveCursor(): void {
    const screen = this.screen;
    screen.saved = { x: screen.x, y: screen.y, pen: this.pen.save(), originMode: this.modes.origin, charsets: this.charsets.save() };
  }

  /** DECRC. */
  restoreCursor(): void {
    const screen = this.screen;
    const saved = screen.saved;
    // xterm saves the pending-wrap flag but does not bring it back: the cursor sits on the last column.
    screen.wrapPending = false;
    if (saved === null) {
      // Restoring with nothing saved restores the power-on state: home, default pen, ASCII.
      screen.x = 0;
      screen.y = 0;
      this.pen.reset();
      this.modes.origin = false;
      this.charsets.restore(null);
      return;
    }
    screen.x = Math.min(saved.x, screen.cols - 1);
    screen.y = Math.min(saved.y, screen.rows - 1);
    this.pen.restore(saved.pen);
    this.modes.origin = saved.originMode;
    this.charsets.restore(saved.charsets);
  }

  /** SM / RM. */
  setAnsiMode(mode: number, on: boolean): void {
    if (mode === AnsiMode.IRM) this.modes.insert = on;
    else if (mode === AnsiMode.LNM) this.modes.newline = on;
  }

  /** DECSET / DECRST. */
  setDecMode(mode: number, on: boolean): void {
    const { modes, screen } = this;
    switch (mode) {
      case DecMode.DECOM:
        modes.origin = on;
        screen.moveTo(0, 0);
        break;
      case DecMode.DECAWM:
        modes.autowrap = on;
        if (!on) screen.wrapPending = false;
        break;
      case DecMode.DECSCNM:
        if (modes.reverseVideo !== on) {
          modes.reverseVideo = on;
          screen.invalidateRows();
        }
        break;
      case DecMode.CursorBlink:
        modes.cursorBlink = on;
        break;
      case DecMode.DECTCEM:
        modes.cursorVisible = on;
        break;
      case DecMode.ReverseWraparound:
        modes.reverseWrap = on;
        break;
      case DecMode.DECLRMM:
        modes.leftRight = on;
        if (!on) screen.resetLeftRightMargins();
        break;
      case DecMode.AltScreen:
      case DecMode.AltScreenClearOnLeave:
        if (on) screen.enterAlt(false);
        else screen.leaveAlt(mode === DecMode.AltScreenClearOnLeave);
        break;
      case DecMode.SaveCursor:
        if (on) this.saveCursor();
        else this.restoreCursor();
        break;
      case DecMode.AltScreenSaveCursor:
        if (on) {
          if (!screen.isAlt) this.saveCursor();
          screen.enterAlt(true);
        } else {
          screen.leaveAlt(false);
          this.restoreCursor();
        }
        break;
      default:
        break;
    }
  }

  /** DECSTR. */
  softReset(): void {
    this.modes.softReset();
    this.screen.resetMargins();
    this.charsets.reset();
    this.pen.reset();
    this.screen.wrapPending = false;
    this.screen.saved = null;
  }

  /** RIS. The window title is the window's, not the screen's: xterm keeps it. */
  fullReset(): void {
    this.softReset();
    this.modes.fullReset();
    this.screen.reset();
    this.pen.setLink('');
    this.palette.reset();
    this.printer.interrupt();
  }
}
