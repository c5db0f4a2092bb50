"""System checks run by every management command and at server start."""

from __future__ import annotations

from django.core import checks

from planner.tzdata import zone_source_problem


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
