import { readFileSync, statSync } from 'node:fs';
import type { OptionValues } from '../options/option-values.js';
import { UsageError } from '../options/usage-error.js';
import { fontFilesInDir, FontNotFoundError, readFontInfo, systemFontFiles } from '../fonts/index.js';
import { resolveTheme, themePair } from '../theme/index.js';

/** An operating-system failure to read a file, in words. */
function readProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return `cannot be read (${code ?? (error as Error).message})`;
}

function fontFile(path: string): void {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UsageError(`--font-file ${path}: ${readProblem(error)}`);
  }
  try {
    readFontInfo(bytes);
  } catch (error) {
    throw new UsageError(`--font-file ${path}: ${(error as Error).message}`);
  }
}

function fontDir(dir: string): void {
  let isFolder: boolean;
  try {
    isFolder = statSync(dir).isDirectory();
  } catch (error) {
    throw new UsageError(`--font-dir ${dir}: ${readProblem(error)}`);
  }
  if (!isFolder) throw new UsageError(`--font-dir ${dir}: not a folder`);
  const found = fontFilesInDir(dir);
  if (found.regular === undefined && (found.fallbacks ?? []).length === 0) {
    throw new UsageError(`--font-dir ${dir}: holds no .ttf, .otf or .ttc file`);
  }
}

/**
 * The options that name files or installed fonts, checked before any input is read: a wrong one
 * is a usage error (exit 2) naming the flag and the file, not a failure blamed on the input or output.
 */
export function checkOptionFiles(values: Pick<OptionValues, 'theme' | 'darkTheme' | 'fontFile' | 'fontDir' | 'fontFamily' | 'timing'>): void {
  const pair = themePair(values.theme, values.darkTheme);
  for (const theme of [pair.light, pair.dark]) {
    if (theme === undefined) continue;
    try {
      resolveTheme(theme);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  for (const path of values.fontFile ?? []) fontFile(path);
  if (values.fontDir !== undefined) fontDir(values.fontDir);
  if (values.fontFamily !== undefined) {
    try {
      systemFontFiles(values.fontFamily);
    } catch (error) {
      if (error instanceof FontNotFoundError) throw new UsageError(`--font-family: ${error.message}`);
      throw error;
    }
  }
  if (values.timing !== undefined && !/^https?:\/\//i.test(values.timing)) {
    try {
      statSync(values.timing);
    } catch (error) {
      throw new UsageError(`--timing ${values.timing}: ${readProblem(error)}`);
    }
  }
}
