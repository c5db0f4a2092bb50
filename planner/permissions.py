"""Who may do what: the "viewer" group reads and exports, the "editor" group changes.

Superusers can do everything. Contact details (e-mail, phone) are for staff only:
members of either group, Django staff users and superusers.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

VIEWER_GROUP = "viewer"
EDITOR_GROUP = "editor"


def _group_names(user: Any) -> frozenset[str]:
    """The user's group names, looked up once per user object (one query at most)."""
    cached = getattr(user, "_planner_group_names", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._planner_group_names = cached
    return cached


def user_can_edit(user: Any) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or EDITOR_GROUP in _group_names(user)


def user_has_role(user: Any) -> bool:
    """May use the staff pages at all: in the viewer or editor group, Django staff or a
    superuser. An account with none of these sees only the public pages (deny by default,
    ``planner.access``)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser or user.is_staff:
        return True
    return bool(_group_names(user) & {VIEWER_GROUP, EDITOR_GROUP})


def user_can_view_contacts(user: Any) -> bool:
    """Phone numbers and e-mail addresses: the same people who may use the staff pages."""
    return user_has_role(user)


def editor_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Login first (redirect to the login page), then 403 unless the user may edit."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not user_can_edit(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return login_required(wrapper)
