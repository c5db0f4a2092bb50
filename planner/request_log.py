"""Structured request logs: one JSON object per request, for the log collector.

Fields: time (UTC, ISO 8601), method, path (no query string: it may carry tokens),
status, duration in milliseconds, the client address (``planner.client_address``),
the user's id (never a name), and the request id the proxy sent (``X-Request-ID``)
or one made here, which is echoed back so a user's report can be found in the log.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from planner.client_address import client_address

logger = logging.getLogger("planner.requests")
FIELDS = ("method", "path", "status", "duration_ms", "client", "user", "request_id")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update({name: getattr(record, name) for name in FIELDS if hasattr(record, name)})
        return json.dumps(entry, ensure_ascii=False)


def _request_id(request: HttpRequest) -> str:
    given = request.headers.get("X-Request-ID", "")
    if given and len(given) <= 64 and given.isascii() and given.isprintable():
        return given
    return uuid.uuid4().hex


class RequestLogMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not settings.REQUEST_LOG:
            return self.get_response(request)
        started = time.monotonic()
        request_id = _request_id(request)
        response = self.get_response(request)
        user = getattr(request, "user", None)
        extra = {
            "method": request.method,
            "path": request.path,
            "status": response.status_code,
            "duration_ms": round((time.monotonic() - started) * 1000, 1),
            "client": client_address(request),
            "user": user.pk if user is not None and user.is_authenticated else None,
            "request_id": request_id,
        }
        level = logging.ERROR if response.status_code >= 500 else logging.INFO
        logger.log(
            level, "%s %s %s", request.method, request.path, response.status_code, extra=extra
        )
        response["X-Request-ID"] = request_id
        return response
