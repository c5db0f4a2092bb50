"""The shared core: who, where, which document said so, and what was agreed."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from planner.timezones import IANA_ZONES, validate_timezone, zone


class TimeStampedModel(models.Model):
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class RefQuerySet(models.QuerySet):
    def get_by_natural_key(self, ref: str):
        return self.get(ref=ref)


class SourcedModel(TimeStampedModel):
    """A row that may come from a document fixture, found again by its ``ref``."""

    ref = models.SlugField(
        _("source key"),
        max_length=80,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Stable key of rows loaded from a source document."),
    )

    class Meta:
        abstract = True

    def natural_key(self) -> tuple[str]:
        return (self.ref,)


def timezone_field(verbose_name: str = _("time zone"), **kwargs) -> models.CharField:
    # No ``choices`` here: forms offer TIMEZONE_CHOICES; the database checks the list.
    return models.CharField(
        verbose_name,
        max_length=64,
        validators=[validate_timezone],
        **kwargs,
    )


def valid_timezone_constraint(field: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=Q(**{f"{field}__in": IANA_ZONES}), name=name)


class DatePrecision(models.TextChoices):
    DAY = "day", _("exact day")
    MONTH = "month", _("month only")
    YEAR = "year", _("year only")


class Organisation(SourcedModel):
    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("ministry")
        OFFICE = "office", _("office or bureau")
        DIVISION = "division", _("division")
        AGENCY = "agency", _("agency")
        INTERNATIONAL = "international", _("international organisation")
        RESEARCH = "research", _("research institute")
        UNIVERSITY = "university", _("university")
        LOCAL_GOVERNMENT = "local_government", _("local government")
        COMPANY = "company", _("company")
        MEDIA = "media", _("media")
        OTHER = "other", _("other")

    name_ko = models.CharField(_("name (Korean)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.OTHER)
    country = CountryField(_("country"), blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="units",
    )
    website = models.URLField(_("website"), blank=True)

    objects = RefQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ("name_ko", "pk")
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=F("pk")), name="organisation_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.name_ko or self.name_en

    def get_absolute_url(self) -> str:
        return reverse("planner:organisation_detail", args=[self.pk])


class Person(SourcedModel):
    name_ko = models.CharField(_("name (Korean)"), max_length=100, blank=True)
    name_latin = models.CharField(_("name (Latin script)"), max_length=100, blank=True)
    position_ko = models.CharField(_("position (Korean)"), max_length=200, blank=True)
    position_en = models.CharField(_("position (English)"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
    )
    # Contact details are for staff only; public pages never show them.
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    objects = RefQuerySet.as_manager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ("name_ko", "name_latin", "pk")
        constraints = [
            models.CheckConstraint(
                condition=~Q(name_ko="") | ~Q(name_latin=""), name="person_has_a_name"
            ),
        ]

    def __str__(self) -> str:
        if self.name_ko and self.name_latin:
            return f"{self.name_ko} ({self.name_latin})"
        return self.name_ko or self.name_latin

    def get_absolute_url(self) -> str:
        return reverse("planner:person_detail", args=[self.pk])


class Venue(SourcedModel):
    name_ko = models.CharField(_("name (Korean)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    city_ko = models.CharField(_("city (Korean)"), max_length=100)
    city_en = models.CharField(_("city (English)"), max_length=100, blank=True)
    country = CountryField(_("country"))
    timezone = timezone_field()
    address = models.CharField(_("address"), max_length=300, blank=True)

    objects = RefQuerySet.as_manager()

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ("name_ko", "pk")
        constraints = [valid_timezone_constraint("timezone", "venue_valid_timezone")]

    def __str__(self) -> str:
        return f"{self.name_ko} ({self.city_ko})"

    @property
    def tz(self) -> ZoneInfo:
        return zone(self.timezone)


class SourceDocument(SourcedModel):
    class Kind(models.TextChoices):
        PRESS_RELEASE = "press_release", _("press release")
        PLAN = "plan", _("event plan")
        ARTICLE = "article", _("article or blog post")
        OTHER = "other", _("other")

    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.PRESS_RELEASE)
    publisher = models.ForeignKey(
        Organisation,
        verbose_name=_("publisher"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
    )
    published_on = models.DateField(_("published on"), null=True, blank=True)
    url = models.URLField(_("original address"), blank=True)
    filename = models.CharField(_("file name"), max_length=200, blank=True)
    text = models.TextField(_("original text"))

    objects = RefQuerySet.as_manager()

    class Meta:
        verbose_name = _("source document")
        verbose_name_plural = _("source documents")
        ordering = ("title", "pk")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("planner:document_detail", args=[self.pk])


class DocumentNote(SourcedModel):
    """What the record knows about a document beyond its text: inferences and errata."""

    class Kind(models.TextChoices):
        INFERENCE = "inference", _("inference")
        DISCREPANCY = "discrepancy", _("discrepancy")
        OMISSION = "omission", _("not stated")

    document = models.ForeignKey(
        SourceDocument, verbose_name=_("document"), on_delete=models.CASCADE, related_name="notes"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    subject = models.CharField(_("subject"), max_length=200)
    text = models.TextField(_("note"))

    objects = RefQuerySet.as_manager()

    class Meta:
        verbose_name = _("document note")
        verbose_name_plural = _("document notes")
        ordering = ("document", "pk")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.subject}"


class Contact(SourcedModel):
    """A press-release contact line: department, responsibility, official, phone."""

    class Responsibility(models.TextChoices):
        RESPONSIBLE = "responsible", _("official in charge")
        DESK = "desk", _("desk officer")

    department = models.ForeignKey(
        Organisation, verbose_name=_("department"), on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="contact_lines"
    )
    responsibility = models.CharField(_("responsibility"), max_length=20, choices=Responsibility)
    rank = models.CharField(_("rank"), max_length=50, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    document = models.ForeignKey(
        SourceDocument,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="contacts",
    )

    objects = RefQuerySet.as_manager()

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ("document", "responsibility", "pk")

    def __str__(self) -> str:
        return f"{self.department} {self.rank} {self.person.name_ko} {self.phone}".strip()


class Agreement(SourcedModel):
    class Kind(models.TextChoices):
        MOU = "mou", _("memorandum of understanding")
        AGREEMENT = "agreement", _("agreement")
        DECLARATION = "declaration", _("joint declaration")

    title_ko = models.CharField(_("title (Korean)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.MOU)
    parties = models.ManyToManyField(
        Organisation, verbose_name=_("parties"), related_name="agreements"
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    signed_on_precision = models.CharField(
        _("precision of the signing date"),
        max_length=10,
        choices=DatePrecision,
        default=DatePrecision.DAY,
    )
    signed_place = models.CharField(_("signed in"), max_length=200, blank=True)
    in_force_from = models.DateField(_("in force from"), null=True, blank=True)
    validity_years = models.PositiveSmallIntegerField(_("validity (years)"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    document = models.ForeignKey(
        SourceDocument,
        verbose_name=_("source document"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreements",
    )

    objects = RefQuerySet.as_manager()

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ("-signed_on", "pk")

    def __str__(self) -> str:
        return self.title_ko

    def get_absolute_url(self) -> str:
        return reverse("planner:agreement_detail", args=[self.pk])

    @property
    def valid_until(self) -> date | None:
        """Last day in force: N years from entry into force, less a day."""
        if self.in_force_from is None or self.validity_years is None:
            return None
        start = self.in_force_from
        try:
            anniversary = start.replace(year=start.year + self.validity_years)
        except ValueError:  # 29 February
            anniversary = start.replace(year=start.year + self.validity_years, day=28)
        return anniversary - timedelta(days=1)


class CooperationArea(SourcedModel):
    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="areas"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name_ko = models.CharField(_("area (Korean)"), max_length=200)
    name_en = models.CharField(_("area (English)"), max_length=200, blank=True)

    objects = RefQuerySet.as_manager()

    class Meta:
        verbose_name = _("cooperation area")
        verbose_name_plural = _("cooperation areas")
        ordering = ("agreement", "order", "pk")

    def __str__(self) -> str:
        return self.name_ko


class FollowUp(SourcedModel):
    """An action an agreement calls for; it may become a trip, forum or meeting."""

    class Kind(models.TextChoices):
        EXPERT_EXCHANGE = "expert_exchange", _("expert exchange")
        FORUM = "forum", _("forum")
        SEMINAR = "seminar", _("seminar")
        ROADMAP = "roadmap", _("roadmap")
        VISIT = "visit", _("visit")
        OTHER = "other", _("other")

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")
        DROPPED = "dropped", _("dropped")

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="follow_ups"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    title = models.CharField(_("title"), max_length=300)
    partner = models.ForeignKey(
        Organisation,
        verbose_name=_("partner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    due_by = models.DateField(_("due by"), null=True, blank=True)
    due_text = models.CharField(_("due (as stated)"), max_length=100, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PLANNED)

    objects = RefQuerySet.as_manager()

    class Meta:
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")
        ordering = ("agreement", "pk")

    def __str__(self) -> str:
        return self.title


class Role(models.TextChoices):
    """What someone does on an agenda row or in a meeting."""

    HEAD = "head", _("head of delegation")
    COUNTERPART = "counterpart", _("counterpart")
    PARTICIPANT = "participant", _("participant")
    SPEAKER = "speaker", _("speaker")
    PRESENTER = "presenter", _("presenter")
    MODERATOR = "moderator", _("moderator")
    PANELIST = "panelist", _("panelist")
    MC = "mc", _("master of ceremonies")
    HOST = "host", _("host")
    INTERPRETER = "interpreter", _("interpreter")
    OTHER = "other", _("other")


class RoleLine(SourcedModel):
    """(role, optional person, title as printed): a role without a name is normal."""

    role = models.CharField(_("role"), max_length=20, choices=Role)
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="%(app_label)s_%(class)s_lines",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="%(app_label)s_%(class)s_lines",
    )
    printed_as = models.CharField(_("as printed"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        who = self.printed_as or (str(self.person) if self.person_id else "")
        return f"{self.get_role_display()}: {who}" if who else self.get_role_display()

    @property
    def display_name(self) -> str:
        if self.person_id:
            return str(self.person)
        if self.printed_as:
            return self.printed_as
        return str(self.organisation) if self.organisation_id else ""
