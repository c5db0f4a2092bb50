from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ItinerariesConfig(AppConfig):
    name = "itineraries"
    verbose_name = _("Itineraries")

    def ready(self) -> None:
        from itineraries import calendar, calendar_stays, related
        from itineraries.draft_review import trip_matches, trip_quotes
        from itineraries.drafts import trips_in
        from itineraries.drafts_out import trips_out
        from planner.drafts.registry import register_section

        # After the events: an engagement points to its event by index.
        register_section(
            key="trips",
            order=20,
            importer=trips_in,
            exporter=trips_out,
            matches=trip_matches,
            quotes=trip_quotes,
        )
        calendar.register()
        calendar_stays.register()
        related.register()
