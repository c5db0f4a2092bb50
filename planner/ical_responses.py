"""Calendar files as HTTP responses: file names, validators, ``304 Not Modified``."""

from __future__ import annotations

import hashlib
from urllib.parse import quote

from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control
from django.utils.text import slugify
from icalendar import Calendar


def ascii_filename(fallback: str) -> str:
    """A file name every browser and mail client accepts: ASCII letters, digits, dashes."""
    return f"{slugify(fallback)[:80] or 'calendar'}.ics"


def content_disposition(title: str, fallback: str) -> str:
    """``attachment`` with an ASCII ``filename`` and the Korean one as RFC 5987 ``filename*``."""
    plain = ascii_filename(fallback)
    readable = " ".join(f"{title.strip() or fallback}.ics".split())
    for unsafe in '/\\:*?"<>|':
        readable = readable.replace(unsafe, "-")
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(readable, safe='')}"


def etag_matches(request: HttpRequest, etag: str) -> bool:
    """``If-None-Match`` by RFC 9110 13.1.2: ``*`` matches any current representation;
    otherwise weak comparison (a proxy may weaken the tag when it compresses)."""
    header = request.headers.get("If-None-Match", "")
    tags = {part.strip() for part in header.split(",") if part.strip()}
    if "*" in tags:
        return True
    return etag.removeprefix("W/") in {tag.removeprefix("W/") for tag in tags}


def not_modified(request: HttpRequest, etag: str, *, max_age: int = 0) -> HttpResponse | None:
    """A 304 when the client holds ``etag`` (checked before building anything), else None."""
    if not etag_matches(request, etag):
        return None
    response = HttpResponseNotModified()
    response["ETag"] = etag
    patch_cache_control(response, private=True, max_age=max_age)
    return response


def calendar_response(
    request: HttpRequest,
    calendar: Calendar | bytes,
    *,
    title: str,
    fallback_name: str,
    max_age: int = 0,
    etag: str | None = None,
) -> HttpResponse:
    """``text/calendar; charset=utf-8`` with a strong ETag; ``304`` when the client has it.

    ``etag`` is a validator computed before the build (``planner.calendar_validators``);
    without one, the digest of the body is the tag.
    """
    body = calendar if isinstance(calendar, bytes) else calendar.to_ical()
    etag = etag or f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    unchanged = not_modified(request, etag, max_age=max_age)
    if unchanged is not None:
        return unchanged
    response = HttpResponse(
        b"" if request.method == "HEAD" else body,
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = content_disposition(title, fallback_name)
    response["Content-Length"] = str(len(body))
    response["ETag"] = etag
    patch_cache_control(response, private=True, max_age=max_age)
    return response
