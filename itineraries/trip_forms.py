"""The trip itself: what staff fill in when a trip is first planned, and change later."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from itineraries.models import Trip
from itineraries.rules import MAX_TRIP_DAYS
from planner.forms import DateInput, RevisionMixin, ServiceValidatedMixin


class TripForm(ServiceValidatedMixin, RevisionMixin, forms.ModelForm):
    class Meta:
        model = Trip
        fields = (
            "title_ko",
            "title_en",
            "organisation",
            "head",
            "start_date",
            "end_date",
            "status",
            "transfer_buffer_minutes",
            "purpose",
            "document",
        )
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "purpose": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["revision"].initial = self.instance.revision
        self.fields["organisation"].queryset = self.fields["organisation"].queryset.order_by(
            "name_ko"
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The trip cannot end before it starts."))
        elif start and end and (end - start).days + 1 > MAX_TRIP_DAYS:
            self.add_error(
                "end_date",
                _(
                    "A trip can last at most %(days)d days. Split a longer programme into "
                    "several trips."
                )
                % {"days": MAX_TRIP_DAYS},
            )
        return cleaned
