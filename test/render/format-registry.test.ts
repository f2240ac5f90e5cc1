import { describe, expect, it } from 'vitest';
import { formatEntry, formatOfExtension, FORMATS_IN_PROSE, isOutputFormat, OUTPUT_FORMATS, orList, type OutputFormat } from '../../src/formats/registry.js';
import { hasDarkTwin } from '../../src/render/dark-twin.js';
import { framesRendered, isAnimated } from '../../src/render/frame-tuning.js';
import { outputPixels } from '../../src/render/limits.js';
import { render } from '../../src/render/render.js';

const CAST = '{"version": 2, "width": 8, "height": 2, "title": "t"}\n[0.1, "o", "hi"]\n[0.5, "o", "!"]\n';

/** How each format's bytes begin: the format's own signature, so the registry's loader wrote that format. */
const SIGNATURES: Partial<Record<OutputFormat, RegExp>> = {
  gif: /^GIF89a/,
  svg: /^<svg /,
  png: /^\x89PNG/,
  txt: /^hi!\n$/,
  cast: /^\{"version": ?2/,
  webp: /^RIFF[\s\S]{4}WEBP/,
  apng: /^\x89PNG[\s\S]*acTL/,
};

describe('the format registry', () => {
  it('knows each format by its extension, in any case, and nothing else', () => {
    for (const format of OUTPUT_FORMATS) {
      expect(formatOfExtension(formatEntry(format).extension)).toBe(format);
      expect(formatOfExtension(formatEntry(format).extension.toUpperCase())).toBe(format);
      expect(isOutputFormat(format)).toBe(true);
    }
    expect(formatOfExtension('bmp')).toBeUndefined();
    expect(formatOfExtension('')).toBeUndefined();
    expect(isOutputFormat('toString')).toBe(false);
  });

  it('holds facts that agree: pixels are binary, text is not, and a format draws or is animated only when it is a picture', () => {
    for (const format of OUTPUT_FORMATS) {
      const entry = formatEntry(format);
      expect(entry.binary, format).toBe(entry.drawing === 'raster');
      if (entry.drawing === 'none') expect(entry.animated, format).toBe(false);
      // Only a recording carries the keys typed; a picture shows them only through --keys.
      expect(entry.writesKeys, format).toBe(format === 'cast');
      expect(entry.animated || entry.still || entry.drawing === 'none', format).toBe(true);
    }
    expect(FORMATS_IN_PROSE.map((f) => formatEntry(f).label).join(', ')).toBe('GIF, SVG, PNG, WebP, APNG, MP4, WebM, text, asciicast');
    expect(orList(['a'])).toBe('a');
    expect(orList(['a', 'b', 'c'])).toBe('a, b or c');
  });

  it('answers the render flow: twins for raster pictures, frames for animations, pixels for pictures', async () => {
    const info = { cols: 8, rows: 2, title: '', loop: 0 };
    for (const format of OUTPUT_FORMATS) {
      const entry = formatEntry(format);
      expect(hasDarkTwin({ format, theme: 'auto' }), format).toBe(entry.drawing === 'raster');
      expect(hasDarkTwin({ format }), format).toBe(false);
      expect(isAnimated({ format }), format).toBe(entry.animated);
      expect(isAnimated({ format, at: { seconds: 1 } }), format).toBe(false);
      expect(framesRendered({ format, at: { seconds: 1 } }, 7), format).toBe(1);
      expect((await outputPixels(format, info, {})) === undefined, format).toBe(entry.drawing === 'none');
    }
    expect(framesRendered({ format: 'gif' }, 7)).toBe(7);
    expect(framesRendered({ format: 'png' }, 0)).toBe(1);
    expect(framesRendered({ format: 'txt' }, 0)).toBe(1);
    expect(framesRendered({ format: 'cast' }, 0)).toBeUndefined();
  });

  it('loads each format’s own writer', async () => {
    for (const [format, signature] of Object.entries(SIGNATURES) as Array<[OutputFormat, RegExp]>) {
      const bytes = Buffer.from(await render(CAST, { format })).toString('latin1');
      expect(bytes, format).toMatch(signature);
    }
  });

  it('refuses --at for a format that cannot be a still, naming the ones that can', async () => {
    for (const format of OUTPUT_FORMATS.filter((f) => !formatEntry(f).still && formatEntry(f).drawing !== 'none')) {
      await expect(render(CAST, { format, at: { seconds: 0.2 } })).rejects.toThrow(
        `--at makes a still, which ${format.toUpperCase()} is not: use .gif, .png, .webp or .apng`,
      );
    }
  });
});
