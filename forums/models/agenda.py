"""The run-of-show: parts, rows, their sub-items and the people on them."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from forums.models.forum import Forum
from planner.models import (
    LocalTimeModel,
    Person,
    RefQuerySet,
    RevisionedModel,
    RoleLine,
    SourcedModel,
    fuzzy_date,
)


class AgendaPart(SourcedModel):
    """A group of rows with its own label and range (제1부 합동위령제 10:30 …)."""

    forum = models.ForeignKey(
        Forum, verbose_name=_("forum"), on_delete=models.CASCADE, related_name="parts"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=300)
    day, day_precision, day_written, day_weekday = fuzzy_date(_("day"))
    start_time = models.TimeField(_("start (local time)"), null=True, blank=True)
    end_time = models.TimeField(_("end (local time)"), null=True, blank=True)
    room = models.CharField(_("room"), max_length=200, blank=True)

    objects = RefQuerySet.as_manager()

    class Meta:
        verbose_name = _("agenda part")
        verbose_name_plural = _("agenda parts")
        ordering = ("forum_id", "order", "pk")

    def __str__(self) -> str:
        return self.title


class SessionQuerySet(RefQuerySet):
    def with_lines(self) -> SessionQuerySet:
        """Rows in order with their sub-items and role lines (and their people) as lists.

        The lists are ``agenda_items`` and ``agenda_people`` on each row, and
        ``agenda_people`` on each sub-item: plain lists, not managers, because a
        prefetched manager builds a queryset per row (most of the read's time at a
        thousand rows). A fixed number of queries, however many rows.
        """
        item_people = SessionItemPerson.objects.select_related("person", "organisation")
        items = (
            SessionItem.objects.select_related("person")
            .prefetch_related(
                models.Prefetch("people", queryset=item_people, to_attr="agenda_people")
            )
            .order_by("order", "pk")
        )
        people = SessionPerson.objects.select_related("person", "organisation")
        return (
            self.order_by("order", "pk")
            .select_related("part")
            .prefetch_related(
                models.Prefetch("items", queryset=items, to_attr="agenda_items"),
                models.Prefetch(
                    "people", queryset=people.order_by("order", "pk"), to_attr="agenda_people"
                ),
            )
        )

    def for_agenda(self, forum: Forum) -> SessionQuerySet:
        """A forum's rows, read as the run-of-show read model reads them (``with_lines``)."""
        return self.filter(forum=forum).with_lines()


class Session(RevisionedModel, LocalTimeModel, SourcedModel):
    """One run-of-show row, in local wall-clock time.

    A row with minutes and no pin starts where the previous one ends (the cascade,
    written by the agenda services); a pinned row keeps its stated clock time; a row
    with neither a time nor minutes keeps its place by order alone and is never
    given a time. Stated minutes and a stated range are both kept as written.
    """

    INSTANT_FIELDS = ("starts_at",)  # the end follows from the minutes or the stated end
    ZONE_RELATED = ("forum",)
    SEQUENCE_FIELDS = ("day", "start_time", "end_time", "starts_at", "minutes", "title_ko")

    class Kind(models.TextChoices):
        RECEPTION = "reception", _("reception")
        OPENING = "opening", _("opening remarks")
        WELCOME = "welcome", _("welcome remarks")
        CONGRATULATORY = "congratulatory", _("congratulatory remarks")
        INTRODUCTIONS = "introductions", _("introductions and photo")
        KEYNOTE = "keynote", _("keynote")
        PRESENTATION = "presentation", _("presentation")
        DISCUSSION = "discussion", _("discussion")
        QA = "qa", _("questions and answers")
        PERFORMANCE = "performance", _("performance")
        CEREMONY = "ceremony", _("ceremony")
        CLOSING = "closing", _("closing")
        BREAK = "break", _("break")
        OTHER = "other", _("other")

    forum = models.ForeignKey(
        Forum, verbose_name=_("forum"), on_delete=models.CASCADE, related_name="sessions"
    )
    order = models.PositiveSmallIntegerField(_("order"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.OTHER, blank=True)
    # The item as printed, in the document's language.
    title_ko = models.CharField(_("item"), max_length=500)
    title_en = models.CharField(_("item (English)"), max_length=500, blank=True)
    part = models.ForeignKey(
        AgendaPart,
        verbose_name=_("part"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
    )
    # The day of a multi-day agenda; empty on a one-day forum (its date applies).
    day, day_precision, day_written, day_weekday = fuzzy_date(_("day"))
    start_time = models.TimeField(_("start (local time)"), null=True, blank=True)
    end_time = models.TimeField(_("end (local time)"), null=True, blank=True)
    minutes = models.PositiveSmallIntegerField(_("minutes"), null=True, blank=True)
    # Derived from day, start time and the forum's zone; empty while floating or untimed.
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    is_pinned = models.BooleanField(_("pinned to its clock time"), default=False)
    room = models.CharField(_("room"), max_length=200, blank=True)
    notes = models.TextField(_("remarks (비고)"), blank=True)
    internal_notes = models.TextField(_("internal notes"), blank=True)

    objects = SessionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agenda session")
        verbose_name_plural = _("agenda sessions")
        ordering = ("forum_id", "order", "pk")
        # Covers what a calendar's validator reads per forum (planner.calendar_validators).
        indexes = [
            models.Index(fields=("forum", "updated", "sequence"), name="session_calendar_state")
        ]
        constraints = [
            models.UniqueConstraint(fields=("forum", "order"), name="session_unique_order"),
            models.CheckConstraint(
                condition=Q(minutes__isnull=True) | Q(minutes__gt=0), name="session_has_minutes"
            ),
        ]

    def __str__(self) -> str:
        return self.title_ko

    def zone_name(self) -> str:
        return self.forum.timezone

    def local_start(self) -> datetime | None:
        day = self.day or self.forum.date
        if day is None or self.start_time is None:
            return None
        return datetime.combine(day, self.start_time)  # noqa: DTZ001 - wall clock

    def derive_instants(self, *, from_local: bool = False) -> None:
        if not from_local and self.unchanged_since_loaded(self._sequence_attnames()):
            return  # nothing moved (the agenda services re-derive after a forum change)
        tz = self.forum.tz
        if tz is not None and not from_local:
            won, local = self.follow_instant("starts_at", "start_time", tz)
            if won and local is not None:
                if local.date() != self.forum.date:
                    self.day, self.day_precision = local.date(), "day"
                if self.minutes:
                    self.end_time = (local + timedelta(minutes=self.minutes)).time()
        day = self.day if self.day is not None else self.forum.date
        precise = (
            self.day_precision if self.day is not None else self.forum.date_precision
        ) == "day"
        if tz is None or day is None or self.start_time is None or not precise:
            self.starts_at = None
            return
        self.starts_at = datetime.combine(day, self.start_time, tzinfo=tz)

    @property
    def ends_at(self) -> datetime | None:
        if self.starts_at is None:
            return None
        if self.minutes:
            return self.starts_at + timedelta(minutes=self.minutes)
        if self.end_time is not None:
            end = datetime.combine(
                self.starts_at.date(), self.end_time, tzinfo=self.starts_at.tzinfo
            )
            return end if end > self.starts_at else end + timedelta(days=1)
        return None

    @property
    def is_timed(self) -> bool:
        return self.start_time is not None or self.minutes is not None

    @property
    def stated_minutes_disagree(self) -> bool:
        """Stated minutes that differ from the stated range (both kept as written)."""
        if not (self.minutes and self.start_time and self.end_time):
            return False
        start = self.start_time.hour * 60 + self.start_time.minute
        end = self.end_time.hour * 60 + self.end_time.minute
        return (end - start) % 1440 != self.minutes


class SessionItem(SourcedModel):
    """A numbered sub-item of a row, e.g. 발제 ① and ②, each with its presenter."""

    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="items"
    )
    order = models.PositiveSmallIntegerField(_("order"))
    marker = models.CharField(_("marker"), max_length=10, blank=True)
    title_ko = models.CharField(_("title"), max_length=500)
    title_en = models.CharField(_("title (English)"), max_length=500, blank=True)
    person = models.ForeignKey(
        Person,
        verbose_name=_("presenter"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="session_items",
    )
    printed_as = models.CharField(_("presenter as printed"), max_length=300, blank=True)
    # Further people of the item beyond its presenter, as role lines in ``people``.

    objects = RefQuerySet.as_manager()

    class Meta:
        verbose_name = _("session item")
        verbose_name_plural = _("session items")
        ordering = ("session_id", "order", "pk")
        constraints = [
            models.UniqueConstraint(fields=("session", "order"), name="session_item_unique_order"),
        ]

    def __str__(self) -> str:
        return f"{self.marker} {self.title_ko}".strip()


class SessionItemPerson(RoleLine):
    """Someone else named on a sub-item (a second presenter, a discussant)."""

    item = models.ForeignKey(
        SessionItem, verbose_name=_("item"), on_delete=models.CASCADE, related_name="people"
    )

    objects = RefQuerySet.as_manager()

    class Meta:
        verbose_name = _("session item role")
        verbose_name_plural = _("session item roles")
        ordering = ("item", "order", "pk")


class SessionPerson(RoleLine):
    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="people"
    )

    objects = RefQuerySet.as_manager()

    class Meta:
        verbose_name = _("session role")
        verbose_name_plural = _("session roles")
        ordering = ("session_id", "order", "pk")
