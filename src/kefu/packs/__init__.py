"""Built-in demo knowledge packs, written for kefu, in English and Chinese.

Each pack is one CSV per language under ``packs/data`` (``<pack>.<lang>.csv``).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from kefu.errors import NotFoundError

PACKS: dict[str, str] = {
    "ecommerce": "An online store: payment failures, returns, refunds, shipping, orders.",
    "finance": "A retail bank: cards, transfers, fees, loans; no personalised investment advice.",
    "healthcare": "A clinic network: appointments, refills, insurance; emergencies first.",
}


def pack_files(name: str) -> list[Path]:
    """The CSV files of one pack (all languages), or of every pack for ``"demo"``."""
    if name == "demo":
        return [p for pack in PACKS for p in pack_files(pack)]
    if name not in PACKS:
        raise NotFoundError(f"unknown pack {name!r}; choose one of: {', '.join(PACKS)} (or demo)")
    folder = resources.files("kefu.packs") / "data"
    return sorted(Path(str(folder / f"{name}.{lang}.csv")) for lang in ("en", "zh"))
