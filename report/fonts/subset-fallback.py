#!/usr/bin/python3
"""Makes the fallback fonts of the PDF plan from Debian's font packages.

    apt-get install python3-fonttools fonts-symbola fonts-droid-fallback
    cd report/fonts && /usr/bin/python3 subset-fallback.py

Symbola-subset.ttf: symbols and monochrome emoji, the emoji moved to the
Private Use Area as report/glyphs.go (emojiPUA) expects.
DroidSansFallback-subset.ttf: CJK punctuation, kana, full-width forms and
the ideographs of GB 2312 and JIS X 0208 (simplified Chinese and Japanese
in everyday use, 10,284 characters).
"""
import subprocess
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._c_m_a_p import cmap_format_4

SYMBOLA = "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"
DROID = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
SUBSET = ["/usr/bin/python3", "-m", "fontTools.subset", "--no-hinting",
          "--drop-tables+=GSUB,GPOS,GDEF,kern"]
# Astral emoji ranges and where they go in the Private Use Area.
REMAP = [(0x1F300, 0x1F64F, 0xE000), (0x1F680, 0x1F6FF, 0xE400), (0x1F900, 0x1F9FF, 0xE500)]

subprocess.run(SUBSET + [SYMBOLA, "--output-file=/tmp/sym.ttf", "--unicodes="
                + "U+20A0-20CF,U+2190-21FF,U+2200-22FF,U+2300-23FF,U+25A0-25FF,U+2600-26FF,"
                + "U+2700-27BF,U+1F300-1F64F,U+1F680-1F6FF,U+1F900-1F9FF"], check=True)
font = TTFont("/tmp/sym.ttf")
mapping = {}
for cp, glyph in font.getBestCmap().items():
    if cp < 0x10000:
        mapping[cp] = glyph
    for first, last, pua in REMAP:
        if first <= cp <= last:
            mapping[pua + cp - first] = glyph
table = cmap_format_4(4)
table.platformID, table.platEncID, table.language, table.cmap = 3, 1, 0, mapping
font["cmap"].tables = [table]
font.save("Symbola-subset.ttf")

cps = set(range(0x3000, 0x3100)) | set(range(0xFF00, 0xFFF0))
for cp in range(0x4E00, 0xA000):
    for enc in ("gb2312", "shift_jis"):
        try:
            chr(cp).encode(enc)
            cps.add(cp)
            break
        except UnicodeEncodeError:
            pass
subprocess.run(SUBSET + [DROID, "--output-file=DroidSansFallback-subset.ttf",
                         "--unicodes=" + ",".join("U+%04X" % c for c in sorted(cps))], check=True)
