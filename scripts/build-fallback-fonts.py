#!/usr/bin/python3
"""
Builds the fallback fonts bundled in fonts/ from Debian's font packages, once; the results are
committed, so rendering never depends on what a machine has installed.

  apt-get install python3-fonttools python3-pil fonts-noto-color-emoji fonts-noto-core fonts-nanum-coding
  /usr/bin/python3 scripts/build-fallback-fonts.py [SymbolsNerdFontMono-Regular.ttf to copy in]

- Noto Color Emoji: its 136x128 bitmaps are scaled (LANCZOS) to 48x45 and reduced to 64 colours
  (libimagequant, as pngquant does). Emoji take two cells, about 17 px wide at the default 14 px
  font and 34 px at --scale 2, so 48 px stays sharp; the file shrinks from 10.9 MB to about 4 MB, which
  keeps the npm package under 12 MB. Glyph order, cmap and the GSUB sequences (ZWJ, skin tones,
  keycaps, flags) are kept as they are.
- NanumGothicCoding (Hangul), the Noto Sans symbol and script fonts, and Symbols Nerd Font Mono:
  copied unchanged.
"""
import io
import json
import shutil
import sys
from pathlib import Path

from fontTools.ttLib import TTFont
from PIL import Image

OUT = Path(__file__).resolve().parent.parent / 'fonts'
NOTO = Path('/usr/share/fonts/truetype/noto')
NANUM = Path('/usr/share/fonts/truetype/nanum')

# Copied as they are (Debian fonts-noto-core): the files src/fonts/font-files.ts tries, in its order.
NOTO_FILES = json.loads((OUT / 'script-fallbacks.json').read_text())


EMOJI_WIDTH = 48
EMOJI_COLORS = 64


def shrink_emoji(src: Path, dst: Path) -> None:
    # recalcTimestamp off: the same bytes on every run, not today's date in head.modified.
    font = TTFont(src, recalcTimestamp=False)
    cblc = font['CBLC']
    cbdt = font['CBDT']
    for strike, data in zip(cblc.strikes, cbdt.strikeData):
        size = strike.bitmapSizeTable
        k = EMOJI_WIDTH / size.hori.widthMax
        size.ppemX = round(size.ppemX * k)
        size.ppemY = round(size.ppemY * k)
        for metrics in (size.hori, size.vert):
            for name in ('ascender', 'descender', 'widthMax', 'maxBeforeBL', 'minAfterBL', 'minOriginSB', 'minAdvanceSB'):
                setattr(metrics, name, round(getattr(metrics, name) * k))
        for glyph in data.values():
            image = Image.open(io.BytesIO(glyph.imageData)).convert('RGBA')
            w, h = max(1, round(image.width * k)), max(1, round(image.height * k))
            small = image.resize((w, h), Image.LANCZOS).quantize(EMOJI_COLORS, method=Image.LIBIMAGEQUANT, dither=Image.Dither.NONE)
            out = io.BytesIO()
            small.save(out, format='PNG', optimize=True)
            glyph.imageData = out.getvalue()
            m = glyph.metrics
            m.width, m.height = w, h
            m.BearingX = round(m.BearingX * k)
            m.BearingY = round(m.BearingY * k)
            m.Advance = round(m.Advance * k)
    font.save(dst)


def main() -> None:
    # Symbols Nerd Font Mono is not in Debian: it was copied once from the file given here.
    if len(sys.argv) > 1:
        shutil.copyfile(sys.argv[1], OUT / 'SymbolsNerdFontMono-Regular.ttf')
    shrink_emoji(NOTO / 'NotoColorEmoji.ttf', OUT / 'NotoColorEmoji-Small.ttf')
    # Copied unchanged: its licence reserves the name NanumGothicCoding for the unmodified font.
    shutil.copyfile(NANUM / 'NanumGothicCoding.ttf', OUT / 'NanumGothicCoding.ttf')
    for name in NOTO_FILES:
        shutil.copyfile(NOTO / name, OUT / name)


if __name__ == '__main__':
    main()
