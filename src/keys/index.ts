export { KeyDecoder, type KeyToken } from './decode.js';
export { KeyCaption, KEY_HOLD, sameItems, type KeyItem } from './caption.js';
export { keyCells, textCells, type KeyCell } from './cells.js';
