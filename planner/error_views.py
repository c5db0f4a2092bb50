"""The 400 page says what was wrong with the request, in the site's look and language.

404, 403 and 500 use Django's own handlers with the templates in ``templates/``; 400
needs a view, because Django's handler does not pass the reason to its template.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.template import loader


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    # Only our own BadRequest messages are for people; others (a SuspiciousOperation
    # from a bot's Host header) stay in the log.
    reason = str(exception) if type(exception) is BadRequest else ""
    body = loader.render_to_string("400.html", {"reason": reason}, request)
    return HttpResponseBadRequest(body)


def login_locked_out(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    """django-axes' lockout page (AXES_LOCKOUT_CALLABLE): says why and for how long."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "cooloff_minutes": minutes}
    body = loader.render_to_string("registration/locked_out.html", context, request)
    return HttpResponse(body, status=429)
