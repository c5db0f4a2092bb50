"""Deny by default: every page is for staff unless it is listed here as public.

A view that forgets its decorator is still closed: this middleware runs before
every view. Anonymous visitors of a staff page go to the login page; a logged-in
account with no role (in neither the "viewer" nor the "editor" group, not Django
staff, not a superuser) gets the 403 page. The views' own checks (``editor_required``
and the querysets) still apply on top.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from planner.permissions import user_has_role

# URL namespaces and names anyone may open (the admin checks is_staff itself).
PUBLIC_NAMESPACES = frozenset({"registration", "public", "admin"})
PUBLIC_NAMES = frozenset(
    {
        "login",
        "logout",
        "set_language",
        "password_change",
        "password_change_done",
        "password_reset",
        "password_reset_done",
        "password_reset_confirm",
        "password_reset_complete",
        "health",
        # Served by its unguessable token; the selector checks the owner's role.
        "calendar:feed",
    }
)


# Pages an anonymous visitor sees in a public form (the home page lists public forums).
ANONYMOUS_NAMES = frozenset({"home"})


def is_public(request: HttpRequest) -> bool:
    match = request.resolver_match
    if match is None:
        return True  # a 404 in the making
    if set(match.namespaces) & PUBLIC_NAMESPACES:
        return True
    if match.view_name in ANONYMOUS_NAMES and not request.user.is_authenticated:
        return True
    return match.view_name in PUBLIC_NAMES


class StaffOnlyMiddleware:
    """After AuthenticationMiddleware: refuses staff pages to those without a role."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable, args: Any, kwargs: Any
    ) -> HttpResponse | None:
        if is_public(request):
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not user_has_role(request.user):
            raise PermissionDenied
        return None
