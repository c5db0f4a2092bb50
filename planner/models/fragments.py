"""Each calendar item's VEVENT, written once by icalendar and kept with its version.

A feed of 5,000 events is assembled from these instead of building 5,000 events
on every poll. ``version`` is a digest of what the text is made of (the row's and
its relations' change stamps, SEQUENCE, and the settings that shape the text:
host, language, tzdata release, output format); a row whose version differs
is written again on the next export that shows it.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarFragment(models.Model):
    kind = models.CharField(_("kind"), max_length=20)
    object_id = models.PositiveBigIntegerField(_("id of the item"))
    version = models.CharField(_("version"), max_length=64)
    uid = models.CharField(_("calendar UID"), max_length=255)
    # ``CalendarEntry.sort_text()``: the order of the VEVENTs in a calendar.
    sort_key = models.CharField(_("sort key"), max_length=400)
    # "Europe/Belgrade:2026 Asia/Seoul:2026": the TZIDs it uses, with the local year.
    zones = models.CharField(_("time zones"), max_length=400, blank=True)
    # For an item without a date (no VEVENT): its title, named in the calendar's description.
    summary = models.TextField(_("title"), blank=True)
    body = models.TextField(_("VEVENT"), blank=True)

    class Meta:
        verbose_name = _("calendar fragment")
        verbose_name_plural = _("calendar fragments")
        constraints = [
            models.UniqueConstraint(fields=("kind", "object_id"), name="fragment_unique_item")
        ]

    def __str__(self) -> str:
        return self.uid
