"""Source documents, what the record adds to them, and their contact lines."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from planner.models.base import RefQuerySet, SourcedModel
from planner.models.directory import Organisation, Person


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
