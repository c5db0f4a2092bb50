"""The printed run-of-show as a PDF (WeasyPrint), independent of anyone's browser.

The print stylesheet is read from the static files on disk, so its ``@font-face``
rules resolve to the vendored Pretendard GOV files as ``file://`` URLs; glyphs the
subset lacks (▶, ▲) fall back to Noto Sans CJK KR (fonts-noto-cjk, installed by
``make system-deps``). WeasyPrint embeds every font it uses. Nothing is fetched over
the network: only ``file:`` and ``data:`` URLs are allowed.
"""

from __future__ import annotations

from pathlib import Path

from django.contrib.staticfiles import finders
from django.core.exceptions import ImproperlyConfigured

PRINT_STYLESHEET = "css/agenda_print.css"


def static_path(name: str) -> Path:
    found = finders.find(name)
    if not found:
        raise ImproperlyConfigured(f"static file {name} not found")
    return Path(found)


def _fetcher():
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols=("file", "data"))


def render_pdf(html: str) -> bytes:
    """A PDF of the page ``html`` with the agenda print stylesheet."""
    import weasyprint  # imported late: it loads Pango, which only the PDF views need
    from weasyprint.text.fonts import FontConfiguration

    stylesheet = static_path(PRINT_STYLESHEET)
    fetcher = _fetcher()
    # @font-face rules only load through a FontConfiguration shared by the CSS and the PDF.
    fonts = FontConfiguration()
    document = weasyprint.HTML(
        string=html, base_url=stylesheet.parent.as_uri() + "/", url_fetcher=fetcher
    )
    css = weasyprint.CSS(filename=str(stylesheet), url_fetcher=fetcher, font_config=fonts)
    return document.write_pdf(stylesheets=[css], font_config=fonts)
