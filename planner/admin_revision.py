"""The Django admin checks revisions too: a stale admin save is refused like any other.

``RevisionedAdminForm`` carries the revision the page was opened at in a hidden field.
On a bound form for an existing row it locks the stored row (the admin saves inside a
transaction), refuses the save when the revision moved or was not posted at all, and
otherwise gives the instance the next revision, so that an admin save and a save
through the site's own forms (``save_if_current``) always see each other.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

STALE = _("Someone else saved this first.")
MISSING = _("This form did not say which version you opened. Reload the page and try again.")


class RevisionedAdminForm(forms.ModelForm):
    # Not "revision": the admin would pass that name to the model form factory, which
    # refuses a non-editable model field.
    opened_revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["opened_revision"].initial = self.instance.revision

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None or (self.prefix and not self.has_changed()):
            return cleaned  # a new row, or an inline row that is not being saved
        expected = cleaned.get("opened_revision")
        if expected is None and "opened_revision" not in self.errors:
            raise forms.ValidationError(MISSING, code="missing_revision")
        model = type(self.instance)
        current = model.objects.select_for_update().filter(pk=self.instance.pk).first()
        if current is None or current.revision != expected:
            raise forms.ValidationError(STALE, code="stale")
        self.instance.revision = current.revision + 1
        return cleaned


# Links staff paste without a scheme are web addresses: https (Django 6's default).
HTTPS_LINKS = {models.URLField: {"assume_scheme": "https"}}


class RevisionedAdmin(admin.ModelAdmin):
    form = RevisionedAdminForm
    formfield_overrides = HTTPS_LINKS


class RevisionedTabularInline(admin.TabularInline):
    form = RevisionedAdminForm
    formfield_overrides = HTTPS_LINKS
