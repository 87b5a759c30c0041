"""The HTML pages: the dashboard at `/` and the API docs (Swagger UI at `/docs`, Redoc at `/redoc`), served from the
package's `static/` (no CDN)."""

from __future__ import annotations

import base64
import hashlib
import re
from importlib import resources
from pathlib import Path

from fastapi import APIRouter
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse

STATIC_DIR = Path(str(resources.files("dyad.serve") / "static"))

router = APIRouter(include_in_schema=False)


@router.get("/docs")
def swagger_ui() -> HTMLResponse:
    return docs_page(get_swagger_ui_html(
        openapi_url="/openapi.json", title="dyad API",
        swagger_js_url="/static/vendor/swagger-ui-dist/swagger-ui-bundle.js",
        swagger_css_url="/static/vendor/swagger-ui-dist/swagger-ui.css",
        swagger_favicon_url="data:,"))


@router.get("/redoc")
def redoc() -> HTMLResponse:
    return docs_page(get_redoc_html(
        openapi_url="/openapi.json", title="dyad API",
        redoc_js_url="/static/vendor/redoc/redoc.standalone.js", redoc_favicon_url="data:,",
        with_google_fonts=False))


@router.get("/")
def dashboard() -> FileResponse:
    return FileResponse(STATIC_DIR / "index.html", media_type="text/html; charset=utf-8")


def docs_page(page: HTMLResponse) -> HTMLResponse:
    """A docs page (Swagger UI, Redoc) with a policy of its own: its inline start-up script allowed by its
    hash, and inline styles (both libraries write style elements); nothing from outside the server."""
    body = bytes(page.body)
    hashes = []
    for script in re.findall(rb"<script>(.*?)</script>", body, flags=re.S):
        digest = base64.b64encode(hashlib.sha256(script).digest()).decode("ascii")
        hashes.append(f"'sha256-{digest}'")
    policy = (f"default-src 'self'; script-src 'self' {' '.join(hashes)}; style-src 'self' 'unsafe-inline'; "
              "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
              "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
    return HTMLResponse(body, headers={"Content-Security-Policy": policy})
