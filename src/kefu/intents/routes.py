"""What each trained intent means to the dialogue: its *route*.

A model folder may hold ``routes.json``, ``{"label": "route", ...}``, written by
``kefu train intents --routes FILE`` (a CSV ``label,route`` or a JSON object) and editable by
hand afterwards. Routes (docs/intents.md, "Routing in the dialogue"):

- ``answer``: retrieve and answer as usual (every intent the map does not name);
- ``human``: hand the conversation to a person;
- ``emergency``: the emergency reply and a person;
- ``smalltalk``: a friendly reply, no retrieval answer needed;
- ``oos``: out of scope, declined with a person. The out-of-scope label and every message
  below the classifier's threshold always mean ``oos``, whatever the map says.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Literal, cast, get_args

from kefu.errors import ConfigError

Route = Literal["answer", "human", "emergency", "smalltalk", "oos"]
ROUTES: tuple[Route, ...] = get_args(Route)
FILENAME = "routes.json"


def parse_routes(data: Mapping[str, object], *, source: str) -> dict[str, Route]:
    """Check a {label: route} mapping; an unknown route is an error naming the file."""
    out: dict[str, Route] = {}
    for label, route in data.items():
        if route not in ROUTES:
            raise ConfigError(
                f"{source}: route {route!r} for {label!r} is not one of {', '.join(ROUTES)}"
            )
        out[str(label)] = cast(Route, route)
    return out


def read_routes_file(path: Path, *, oos_label: str = "oos") -> dict[str, Route]:
    """A JSON object ``{label: route}``, or a CSV with ``label,route`` columns (header
    optional). The out-of-scope label may be listed only as ``oos``."""
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if path.suffix.lower() == ".json" or raw.lstrip().startswith("{"):
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{path}: not valid JSON: {exc}") from exc
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: expected a JSON object {{label: route}}")
    else:
        rows = [r for r in csv.reader(io.StringIO(raw)) if r and any(c.strip() for c in r)]
        if rows and [c.strip().lower() for c in rows[0][:2]] == ["label", "route"]:
            rows = rows[1:]
        if any(len(r) < 2 for r in rows):
            raise ConfigError(f"{path}: every row needs a label and a route")
        data = {r[0].strip(): r[1].strip() for r in rows}
    routes = parse_routes(data, source=str(path))
    if routes.get(oos_label, "oos") != "oos":
        raise ConfigError(f"{path}: the out-of-scope label {oos_label!r} can only route to oos")
    return routes


def check_routes(routes: Mapping[str, Route], classes: Iterable[str]) -> None:
    """Refuse labels the training data lacks: a misspelt intent would silently mean answer."""
    unknown = sorted(set(routes) - set(classes))
    if unknown:
        raise ConfigError(f"the routes name labels the training data lacks: {', '.join(unknown)}")


def save_routes(folder: Path, routes: Mapping[str, Route]) -> Path:
    path = folder / FILENAME
    text = json.dumps(dict(sorted(routes.items())), ensure_ascii=False, indent=2)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def load_routes(folder: Path) -> dict[str, Route]:
    """The folder's route map; none saved means every intent is answered."""
    path = folder / FILENAME
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a JSON object {{label: route}}")
    return parse_routes(data, source=str(path))


def route_of(label: str, routes: Mapping[str, Route], *, oos_label: str) -> Route:
    if label == oos_label:
        return "oos"
    return routes.get(label, "answer")
