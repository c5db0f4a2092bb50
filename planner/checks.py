"""System checks for a production deployment (``manage.py check --deploy``)."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Tags, Warning, register

W001 = Warning(
    "Production runs without a shared cache.",
    hint=(
        "Set REDIS_URL: the registration rate limit and one-time form tokens must be "
        "shared by every worker, or each worker keeps its own."
    ),
    id="planner.W001",
)


@register(Tags.security, deploy=True)
def shared_cache(app_configs, **kwargs):
    backend = settings.CACHES["default"]["BACKEND"]
    if getattr(settings, "PRODUCTION", False) and backend.endswith("LocMemCache"):
        return [W001]
    return []
