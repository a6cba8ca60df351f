"""The web pages: customer chat at /, the embeddable widget script, /agent and /admin.

Plain HTML, CSS and JavaScript shipped inside the package: no build step, no CDN, so the
pages work offline. The Content-Security-Policy allows scripts and styles from this server
only (no inline script), so a message that smuggles markup in can never run; the pages also
insert every message as text, never as HTML (an answer's Markdown is rendered by building
elements around text nodes: static/markdown.js).
"""

from __future__ import annotations

from importlib import resources

from fastapi import APIRouter, HTTPException
from fastapi.responses import Response

router = APIRouter(include_in_schema=False)

_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
}
_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"
)


def _static(name: str) -> bytes:
    path = resources.files("kefu.service") / "static" / name
    try:
        return path.read_bytes()
    except (FileNotFoundError, IsADirectoryError, OSError) as exc:
        raise HTTPException(404, f"no such file: {name}") from exc


def _page(name: str, *, embeddable: bool) -> Response:
    # The chat page may be framed by any site (that is what the widget does); the consoles
    # may not be framed at all (clickjacking).
    ancestors = "*" if embeddable else "'none'"
    headers = {
        "Content-Security-Policy": f"{_CSP}; frame-ancestors {ancestors}",
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-cache",
    }
    if not embeddable:
        headers["X-Frame-Options"] = "DENY"
    return Response(_static(name), media_type=_TYPES[".html"], headers=headers)


@router.api_route("/", methods=["GET", "HEAD"])
def chat_page() -> Response:
    return _page("index.html", embeddable=True)


@router.api_route("/agent", methods=["GET", "HEAD"])
def agent_page() -> Response:
    return _page("agent.html", embeddable=False)


@router.api_route("/admin", methods=["GET", "HEAD"])
def admin_page() -> Response:
    return _page("admin.html", embeddable=False)


@router.api_route("/favicon.ico", methods=["GET", "HEAD"])
def favicon() -> Response:
    """The pages name /static/icon.svg as their icon; this answers browsers and tools that ask
    for /favicon.ico anyway, instead of a 404."""
    return Response(
        _static("icon.svg"), media_type=_TYPES[".svg"], headers={"Cache-Control": "max-age=86400"}
    )


@router.api_route("/widget.js", methods=["GET", "HEAD"])
def widget() -> Response:
    """One <script> tag puts a chat button on any site (see docs/service.md)."""
    return Response(
        _static("widget.js"),
        media_type=_TYPES[".js"],
        headers={"Cache-Control": "no-cache", "Access-Control-Allow-Origin": "*"},
    )


@router.api_route("/static/{name}", methods=["GET", "HEAD"])
def static(name: str) -> Response:
    suffix = name[name.rfind(".") :] if "." in name else ""
    if "/" in name or "\\" in name or name.startswith(".") or suffix not in _TYPES:
        raise HTTPException(404, f"no such file: {name}")
    if suffix == ".html":
        raise HTTPException(404, f"no such file: {name}")
    return Response(_static(name), media_type=_TYPES[suffix], headers={"Cache-Control": "no-cache"})
