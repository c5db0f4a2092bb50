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
    what = gettext_lazy("travel segment %(segment)s")
    add_title = gettext_lazy("New travel segment")
    delete_title = gettext_lazy("Delete a travel segment")

    def save(self, item: TravelSegment, expected_revision: int | None) -> TravelSegment:
        return services.segment_save(segment=item, expected_revision=expected_revision)

    def anchor(self, item: TravelSegment | None) -> str:
        return f"segment-{item.pk}" if item else "segments"
