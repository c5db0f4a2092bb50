from django.http import HttpRequest

from planner.permissions import user_can_view_contacts


def navigation(request: HttpRequest) -> dict:
    """The top namespace of the current URL, so the base layout can mark the active menu.

    Agenda and attendee pages are nested in ``forums``: their first namespace is ``forums``.
    """
    match = getattr(request, "resolver_match", None)
    user = getattr(request, "user", None)
    return {
        "active_nav": match.namespaces[0] if match and match.namespaces else "",
        # Called by the template only where a page shows contact details (one query).
        "can_view_contacts": lambda: user_can_view_contacts(user),
    }
