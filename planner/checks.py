"""System checks: the pinned zone data (always) and a production deployment (``--deploy``)."""

from __future__ import annotations

from django.conf import settings
from django.core import checks

from planner.tzdata import zone_source_problem

W001 = checks.Warning(
    "Production runs without a shared cache.",
    hint=(
        "Set REDIS_URL: the registration rate limit and one-time form tokens must be "
        "shared by every worker, or each worker keeps its own."
    ),
    id="planner.W001",
)


@checks.register(checks.Tags.compatibility)
def pinned_zone_data(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    problem = zone_source_problem()
    if not problem:
        return []
    return [
        checks.Error(
            f"Time zones must come from the pinned tzdata package: {problem}.",
            hint="Call planner.tzdata.use_pinned_tzdata() in settings before any zone is built.",
            id="planner.E001",
        )
    ]


@checks.register(checks.Tags.security, deploy=True)
def shared_cache(app_configs, **kwargs):
    backend = settings.CACHES["default"]["BACKEND"]
    if getattr(settings, "PRODUCTION", False) and backend.endswith("LocMemCache"):
        return [W001]
    return []
