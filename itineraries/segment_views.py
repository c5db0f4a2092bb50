"""A trip's travel segments (flights, trains), each end in its own time zone."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from itineraries import services
from itineraries.crud import TripItemViews
from itineraries.forms import TravelSegmentForm
from itineraries.models import TravelSegment


class SegmentViews(TripItemViews):
    model = TravelSegment
    form_class = TravelSegmentForm
    name, path, id_prefix = "segment", "travel", "segment"
    regions = ("conflicts", "programme", "segments")
    label_key = "segment"
    hint = gettext_lazy(
        "Departure in the local time of the place left, arrival in the local time of the place "
        "reached, each with its own time zone."
    )
    add_title = gettext_lazy("New travel segment")
    edit_title = gettext_lazy("Edit %(segment)s")
    added = gettext_lazy("Added %(segment)s.")
    saved = gettext_lazy("Saved %(segment)s.")
    delete_title = gettext_lazy("Delete a travel segment")
    delete_question = gettext_lazy("Delete %(segment)s? Its history is kept.")
    deleted = gettext_lazy("Deleted %(segment)s.")

    def save(self, item: TravelSegment, expected_revision: int | None) -> TravelSegment:
        return services.segment_save(segment=item, expected_revision=expected_revision)

    def anchor(self, item: TravelSegment | None) -> str:
        return f"segment-{item.pk}" if item else "segments"
