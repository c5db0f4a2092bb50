from django.http import HttpRequest


def navigation(request: HttpRequest) -> dict:
    """The name of the current URL, so the base layout can mark the active menu."""
    match = getattr(request, "resolver_match", None)
    return {"active_nav": match.namespace if match else ""}
