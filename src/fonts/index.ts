export { BUNDLED_FONTS_DIR, BUNDLED_FONT_FILES, type FontFiles, type FontStyle } from './font-files.js';
export { chosenFontFiles, fontFilesInDir, type FontChoice } from './user-fonts.js';
export { systemFontFiles, familyNames, FontNotFoundError } from './system-fonts.js';
export { readFontInfo, FontFormatError, type FontInfo } from './sfnt.js';
