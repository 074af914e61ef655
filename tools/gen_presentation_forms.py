#!/usr/bin/env python3
"""Writes src/Marsad.Analysis/Resources/unicode/presentation_forms.tsv: for every code point of the Arabic
Presentation Forms-A (U+FB50-U+FDFF) and -B (U+FE70-U+FEFF) blocks that has a compatibility decomposition,
its NFKC form as space-separated hex code points. .NET cannot compute NFKC under InvariantGlobalization,
so the table is generated once from Python's unicodedata and embedded.
Run from the repository root: python3 tools/gen_presentation_forms.py"""
import datetime, unicodedata

out = "src/Marsad.Analysis/Resources/unicode/presentation_forms.tsv"
ranges = [(0xFB50, 0xFDFF), (0xFE70, 0xFEFF)]
with open(out, "w", encoding="utf-8", newline="\n") as f:
    f.write("# Arabic presentation forms -> NFKC (compatibility) decomposition.\n")
    f.write(f"# Source: Unicode Character Database {unicodedata.unidata_version} via Python unicodedata. Licence: Unicode License v3.\n")
    f.write(f"# Generated {datetime.date.today().isoformat()} by: python3 tools/gen_presentation_forms.py\n")
    f.write("# Format: code point (hex) TAB replacement code points (hex, space-separated)\n")
    for lo, hi in ranges:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            d = unicodedata.normalize("NFKC", ch)
            if d != ch:
                f.write(f"{cp:04X}\t{' '.join(f'{ord(x):04X}' for x in d)}\n")
