from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlannerConfig(AppConfig):
    name = "planner"
    verbose_name = _("Planner core")

    def ready(self) -> None:
        from planner import checks  # noqa: F401  (registers the checks)
        from planner.calendar_tombstones import connect_receivers

        connect_receivers()
