import type { Charsets } from './charsets.js';
import type { Modes } from './modes.js';
import { dispatchOsc } from './osc.js';
import type { Params } from './params.js';
import type { ParserHandler } from './parser.js';
import type { Pen } from './pen.js';
import type { Printer } from './printer.js';
import type { Screen } from './screen.js';
import { C1Escape, Control, Csi, Designate, Esc, WindowOp } from './sequences.js';
import type { TerminalState } from './state.js';

/**
 * What the parser found, decoded into operations on the terminal's state: each control function
 * by its mnemonic, its parameters read with their defaults. Sequences the terminal does not act
 * on are dropped here.
 */
export class Dispatcher implements ParserHandler {
  private readonly screen: Screen;
  private readonly printer: Printer;
  private readonly pen: Pen;
  private readonly modes: Modes;
  private readonly charsets: Charsets;

  constructor(private readonly state: TerminalState) {
    this.screen = state.screen;
    this.printer = state.printer;
    this.pen = state.pen;
    this.modes = state.modes;
    this.charsets = state.charsets;
  }

  print(codes: Uint16Array, start: number, end: number): number {
    return this.printer.print(codes, start, end);
  }

  execute(code: number): void {
    this.printer.interrupt();
    switch (code) {
      case Control.BS:
        this.screen.backspace();
        break;
      case Control.HT:
        this.screen.tab(1);
        break;
      case Control.LF:
      case Control.VT:
      case Control.FF:
        this.screen.lineFeed();
        break;
      case Control.CR:
        this.screen.carriageReturn();
        break;
      case Control.SO:
        this.charsets.gl = 1;
        break;
      case Control.SI:
        this.charsets.gl = 0;
        break;
      case Control.IND:
        this.screen.index();
        break;
      case Control.NEL:
        this.screen.nextLine();
        break;
      case Control.HTS:
        this.screen.setTabStop();
        break;
      case Control.RI:
        this.screen.reverseIndex();
        break;
      case Control.SS2:
        this.charsets.singleShift = 2;
        break;
      case Control.SS3:
        this.charsets.singleShift = 3;
        break;
      default:
        break;
    }
  }

  esc(final: number, collected: number): void {
    if (collected === 0 && final >= C1Escape.First && final <= C1Escape.Last) {
      this.execute(final + C1Escape.Offset);
      return;
    }
    this.printer.interrupt();
    if (collected >= Designate.G0 && collected <= Designate.G3) {
      this.charsets.designate(collected - Designate.G0, final);
      return;
    }
    if (collected >= Designate.G1Of96 && collected <= Designate.G3Of96) {
      this.charsets.designate96(collected - Designate.G1Of96 + 1);
      return;
    }
    // Identifiers with more than one intermediate byte match no case.
    switch ((collected << 8) | final) {
      case Esc.DECSC:
        this.state.saveCursor();
        break;
      case Esc.DECRC:
        this.state.restoreCursor();
        break;
      case Esc.RIS:
        this.state.fullReset();
        break;
      case Esc.LS2:
        this.charsets.gl = 2;
        break;
      case Esc.LS3:
        this.charsets.gl = 3;
        break;
      case Esc.DECBI:
        this.screen.backIndex();
        break;
      case Esc.DECFI:
        this.screen.forwardIndex();
        break;
      case Esc.DECALN:
        this.screen.alignmentTest();
        break;
      default:
        break;
    }
  }

  csi(final: number, collected: number, params: Params): void {
    // REP repeats only a character printed immediately before it.
    const repeatable = this.printer.interrupt();
    if (collected === 0) {
      if (final === Csi.REP) {
        if (repeatable) this.printer.repeat(params.count(0));
        this.printer.interrupt();
      } else this.csiUnmarked(final, params);
      return;
    }
    // Identifiers with more than one prefix or intermediate byte match no case.
    switch ((collected << 8) | final) {
      case Csi.DECSET:
        this.setDecModes(params, true);
        break;
      case Csi.DECRST:
        this.setDecModes(params, false);
        break;
      case Csi.DECSED:
        this.screen.eraseInDisplay(params.get(0, 0), true);
        break;
      case Csi.DECSEL:
        this.screen.eraseInLine(params.get(0, 0), true);
        break;
      case Csi.DECSCUSR:
        this.modes.setCursorStyle(params.get(0, 0));
        break;
      case Csi.SL:
        this.screen.scrollColumns(params.count(0), true);
        break;
      case Csi.SR:
        this.screen.scrollColumns(params.count(0), false);
        break;
      case Csi.DECSTR:
        this.state.softReset();
        break;
      case Csi.DECSCA:
        this.pen.setProtected(params.get(0, 0) === 1);
        break;
      case Csi.DECIC:
        this.screen.shiftColumns(params.count(0), true);
        break;
      case Csi.DECDC:
        this.screen.shiftColumns(params.count(0), false);
        break;
      default:
        break;
    }
  }

  /** CSI sequences with neither a prefix nor an intermediate byte, most of them. */
  private csiUnmarked(final: number, p: Params): void {
    const screen = this.screen;
    switch (final) {
      case Csi.ICH:
        screen.insertChars(p.count(0));
        break;
      case Csi.CUU:
        screen.up(p.count(0));
        break;
      case Csi.CUD:
        screen.down(p.count(0));
        break;
      case Csi.VPR:
        screen.downToEdge(p.count(0));
        break;
      case Csi.CUF:
        screen.forward(p.count(0));
        break;
      case Csi.HPR:
        screen.forwardToEdge(p.count(0));
        break;
      case Csi.CUB:
        screen.back(p.count(0));
        break;
      case Csi.CNL:
        screen.down(p.count(0));
        screen.carriageReturn();
        break;
      case Csi.CPL:
        screen.up(p.count(0));
        screen.carriageReturn();
        break;
      case Csi.CHA:
      case Csi.HPA:
        screen.moveToColumn(p.count(0) - 1);
        break;
      case Csi.CUP:
      case Csi.HVP:
        screen.moveTo(p.count(1) - 1, p.count(0) - 1);
        break;
      case Csi.VPA:
        screen.moveToRow(p.count(0) - 1);
        break;
      case Csi.CHT:
        screen.tab(Math.min(p.count(0), screen.cols));
        break;
      case Csi.CBT:
        screen.backTab(Math.min(p.count(0), screen.cols));
        break;
      case Csi.ED:
        screen.eraseInDisplay(p.get(0, 0), false);
        break;
      case Csi.EL:
        screen.eraseInLine(p.get(0, 0), false);
        break;
      case Csi.IL:
        screen.insertLines(p.count(0));
        break;
      case Csi.DL:
        screen.deleteLines(p.count(0));
        break;
      case Csi.DCH:
        screen.deleteChars(p.count(0));
        break;
      case Csi.SU:
        screen.scrollUp(p.count(0));
        break;
      case Csi.SD:
        // With five parameters it is a mouse-tracking request.
        if (p.length < 5) screen.scrollDown(p.count(0));
        break;
      case Csi.ECH:
        screen.eraseChars(p.count(0));
        break;
      case Csi.TBC:
        if (p.get(0, 0) === 0) screen.clearTabStop();
        else if (p.get(0, 0) === 3) screen.tabs.clearAll();
        break;
      case Csi.SM:
      case Csi.RM:
        for (let i = 0; i < p.length; i++) this.state.setAnsiMode(p.get(i, 0), final === Csi.SM);
        break;
      case Csi.SGR:
        this.pen.sgr(p);
        break;
      case Csi.DECSTBM:
        screen.setScrollRegion(p.count(0) - 1, Math.min(p.count(1, screen.rows), screen.rows) - 1);
        break;
      case Csi.DECSLRM_OR_SCOSC:
        if (this.modes.leftRight) screen.setLeftRightMargins(p.count(0) - 1, Math.min(p.count(1, screen.cols), screen.cols) - 1);
        else this.state.saveCursor();
        break;
      case Csi.SCORC:
        this.state.restoreCursor();
        break;
      case Csi.XTWINOPS:
        this.windowOp(p);
        break;
      default:
        break;
    }
  }

  private setDecModes(p: Params, on: boolean): void {
    for (let i = 0; i < p.length; i++) this.state.setDecMode(p.get(i, 0), on);
  }

  /** Of the window operations only the title stack (for the title of the screen, 0, or window, 2) matters here. */
  private windowOp(p: Params): void {
    const which = p.get(1, 0);
    if (which !== 0 && which !== 2) return;
    const op = p.get(0, 0);
    if (op === WindowOp.PushTitle) this.state.titles.push();
    else if (op === WindowOp.PopTitle) this.state.titles.pop();
  }

  osc(data: string): void {
    this.printer.interrupt();
    dispatchOsc(data, this.state);
  }
}
