from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    name = "forums"
    verbose_name = _("Forums")

    def ready(self) -> None:
        from forums import calendar, related
        from forums.draft_review import forum_matches, forum_quotes
        from forums.drafts import events_in, events_out
        from planner.drafts.registry import register_section

        register_section(
            key="events",
            order=10,
            importer=events_in,
            exporter=events_out,
            matches=forum_matches,
            quotes=forum_quotes,
        )
        calendar.register()
        related.register()
