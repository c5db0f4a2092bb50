"""Source documents, what the record adds to them, and their contact lines."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from planner.models.base import RefQuerySet, SourcedModel, fuzzy_date
from planner.models.directory import Organisation, Person


class SourceDocument(SourcedModel):
    class Kind(models.TextChoices):
        PRESS_RELEASE = "press_release", _("press release")
        PLAN = "plan", _("event plan")
        AGENDA = "agenda", _("agenda")
        ARTICLE = "article", _("article or blog post")
        INVITATION = "invitation", _("invitation")
        OTHER = "other", _("other")

    class Subject(models.TextChoices):
        """What the document is mainly about (planner-draft/1 ``kind``)."""

        TRIP = "trip", _("trip")
        EVENT = "event", _("event")
        AGREEMENT = "agreement", _("agreement")
        MIXED = "mixed", _("several")

    # A fragment may have no headline; the kind may not be stated.
    title = models.CharField(_("title"), max_length=300, blank=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind, default=Kind.PRESS_RELEASE, blank=True
    )
    subject = models.CharField(_("about"), max_length=20, choices=Subject, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    # The publisher as the document names it, also when it is no organisation we keep.
    publisher_name = models.CharField(_("publisher (as written)"), max_length=200, blank=True)
    publisher = models.ForeignKey(
        Organisation,
        verbose_name=_("publisher"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
    )
    published_on, published_on_precision, published_on_written, published_on_weekday = fuzzy_date(
        _("published on")
    )
    embargo_until = models.DateTimeField(_("embargoed until"), null=True, blank=True)
    updated_on = models.CharField(_("updated on"), max_length=100, blank=True)
    author = models.CharField(_("author"), max_length=200, blank=True)
    edition_date = models.CharField(_("edition"), max_length=100, blank=True)
    url = models.URLField(_("original address"), blank=True)
    filename = models.CharField(_("file name"), max_length=200, blank=True)
    text = models.TextField(_("original text"))
    # Everyone the document names, also those no trip, event or agreement refers to.
    organisations = models.ManyToManyField(
        Organisation, verbose_name=_("organisations named"), blank=True, related_name="named_in"
    )
    people = models.ManyToManyField(
        Person, verbose_name=_("people named"), blank=True, related_name="named_in"
    )

    objects = RefQuerySet.as_manager()

    class Meta:
        verbose_name = _("source document")
        verbose_name_plural = _("source documents")
        ordering = ("title", "pk")

    def __str__(self) -> str:
        return self.title or self.url or f"#{self.pk}"

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
        ordering = ("document_id", "pk")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.subject}"


class Contact(SourcedModel):
    """A press-release contact line: department, responsibility, official, phone."""

    class Responsibility(models.TextChoices):
        RESPONSIBLE = "responsible", _("official in charge")
        DESK = "desk", _("desk officer")

    # A contact line may lack any part: a phone with no name, a name with no department.
    department = models.ForeignKey(
        Organisation,
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contact_lines",
    )
    responsibility = models.CharField(
        _("responsibility"), max_length=20, choices=Responsibility, blank=True
    )
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
        ordering = ("document_id", "responsibility", "pk")

    def __str__(self) -> str:
        parts = [self.department or "", self.rank, self.person or "", self.phone]
        return " ".join(str(part) for part in parts if part)
