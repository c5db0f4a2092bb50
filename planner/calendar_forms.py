"""The form that creates a personal calendar feed."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from planner import calendar_registry as registry
from planner.forms import CleanInputMixin
from planner.models import CalendarFeed


class CalendarFeedForm(CleanInputMixin, forms.ModelForm):
    class Meta:
        model = CalendarFeed
        fields = ("scope", "trip", "forum", "include_sessions", "label")
        widgets = {"scope": forms.RadioSelect}

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.owner = owner
        for name in ("trip", "forum"):
            parent = registry.parent(name)
            self.fields[name].queryset = parent.objects().order_by(*parent.choice_order)
        self.fields["trip"].help_text = _("Only for a feed of one trip.")
        self.fields["forum"].help_text = _("Only for a feed of one forum.")

    def clean(self):
        cleaned = super().clean()
        scope = cleaned.get("scope")
        if scope == CalendarFeed.Scope.TRIP and not cleaned.get("trip"):
            self.add_error("trip", _("Choose the trip this feed follows."))
        if scope == CalendarFeed.Scope.FORUM and not cleaned.get("forum"):
            self.add_error("forum", _("Choose the forum this feed follows."))
        # A feed follows exactly what its scope says; other choices are dropped.
        if scope != CalendarFeed.Scope.TRIP:
            cleaned["trip"] = None
            self.instance.trip = None
        if scope != CalendarFeed.Scope.FORUM:
            cleaned["forum"] = None
            self.instance.forum = None
        return cleaned
