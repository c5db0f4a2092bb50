"""Named reads of trips: what each page needs, fetched in a fixed number of queries."""

from __future__ import annotations

from django.db.models import Count, Prefetch

from planner.models.base import RefQuerySet, unread

# What the trip page shows of the people, organisations and forums a row names: a name
# and a link (a page of a thousand engagements names four thousand organisations).
FORUM_SHOWN = ("title_ko", "title_en", "status", "date", "date_precision", "date_written")
PERSON_SHOWN = ("name_ko", "name_latin", "position_ko", "position_en", "organisation")
ORGANISATION_SHOWN = ("name_ko", "name_en", "acronym")

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
        """The trip page and its print view: stops with their engagements and people,
        travel, the delegation, agreements and contacts.

        With ``regions`` (the page regions an edit re-renders), only what they show:
        stays, agreements and contacts are in none, the delegation in its own.
        """
        from itineraries.models import (
            DelegationGroup,
            DelegationMember,
            Engagement,
            EngagementPerson,
            Stay,
            Stop,
        )
        from planner.models import Agreement, Contact, Organisation, Person, Venue

        Forum = Engagement._meta.get_field("forum").related_model  # forums is not imported

        engagements = (
            Engagement.objects.select_related("venue", "host", "forum")
            .defer(*unread(Engagement), *unread(Venue, "venue"))
            .defer(*unread(Organisation, "host", keep=ORGANISATION_SHOWN))
            .defer(*unread(Forum, "forum", keep=FORUM_SHOWN))
            .prefetch_related(
                Prefetch(
                    "people",
                    queryset=EngagementPerson.objects.select_related(
                        "person__organisation", "organisation"
                    ).defer(
                        *unread(EngagementPerson),
                        *unread(Person, "person", keep=PERSON_SHOWN),
                        *unread(Organisation, "person__organisation", keep=ORGANISATION_SHOWN),
                        *unread(Organisation, "organisation", keep=ORGANISATION_SHOWN),
                    ),
                )
            )
        )
        programme = [
            Prefetch(
                "stops",
                queryset=Stop.objects.order_by("order", "pk").prefetch_related(
                    Prefetch("engagements", queryset=engagements)
                ),
            ),
            "segments",
        ]
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
