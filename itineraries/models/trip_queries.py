"""Named reads of trips: what each page needs, fetched in a fixed number of queries."""

from __future__ import annotations

from django.db.models import Count, Prefetch

from planner.models.base import RefQuerySet

# What the trip page's summary shows of the trip itself, read with the trip by an edit view
# (``for_detail`` selects the same).
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

    def for_detail(self, regions: frozenset[str] | None = None) -> TripQuerySet:
        """The trip page and its print view: stops, travel, the delegation, agreements
        and contacts. The engagements are read by ``programme_engagements``.

        With ``regions`` (the page regions an edit re-renders), only what they show:
        stays, agreements and contacts are in none, the delegation in its own.
        """
        from itineraries.models import DelegationGroup, DelegationMember, Stay, Stop
        from planner.models import Agreement, Contact

        programme = [Prefetch("stops", queryset=Stop.objects.order_by("order", "pk")), "segments"]
        delegation = [
            Prefetch(
                "members",
                queryset=DelegationMember.objects.select_related(
                    "person__organisation", "organisation", "group"
                ),
            ),
            Prefetch(
                "delegation_groups", queryset=DelegationGroup.objects.prefetch_related("stops")
            ),
        ]
        sources = [
            Prefetch("stays", queryset=Stay.objects.for_trip_page()),
            Prefetch("agreements", queryset=Agreement.objects.order_by("-signed_on", "pk")),
            Prefetch(
                "contacts",
                queryset=Contact.objects.select_related("department", "person").order_by(
                    "-responsibility", "pk"
                ),
            ),
        ]
        if regions is not None:
            delegation = delegation if "delegation" in regions else []
            sources = []
        trips = self.select_related("organisation", "head__organisation", "document")
        return trips.prefetch_related(*programme, *delegation, *sources)
