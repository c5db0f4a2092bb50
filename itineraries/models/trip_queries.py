"""Named reads of trips: what each page needs, fetched in a fixed number of queries."""

from __future__ import annotations

from django.db.models import Count, Prefetch

from planner.models.base import RefQuerySet

# What the trip page's summary shows of the trip itself, read with the trip by an edit view
# (``trip_rows.SUMMARY`` reads the same).
SUMMARY_RELATED = ("organisation", "head__organisation", "document")


class TripQuerySet(RefQuerySet):
    def for_list(self) -> TripQuerySet:
        from itineraries.models import Stop

        return (
            self.select_related("organisation", "head")
            .prefetch_related(Prefetch("stops", queryset=Stop.objects.order_by("order", "pk")))
            .annotate(engagement_count=Count("engagements", distinct=True))
        )

    def for_edit(self) -> TripQuerySet:
        """A trip an edit view changes and then answers with regions of."""
        return self.select_related(*SUMMARY_RELATED)
