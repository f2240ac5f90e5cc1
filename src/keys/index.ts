export { KeyDecoder, type KeyToken } from './decode.js';
export { KeyCaption, KEY_HOLD } from './caption.js';
export { sameItems, type KeyItem } from './item.js';
export { keyCells, textCells, type KeyCell } from './cells.js';
