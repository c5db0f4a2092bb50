"""Staff pages of a forum's attendees: the list, exports, edits, deletion, print lists.

Viewers read and export; editors change. Contact details only reach staff.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django_tables2 import RequestConfig

from forums.attendees import export as attendee_export
from forums.attendees.filters import AttendeeFilter
from forums.attendees.forms import AttendeeForm, RegistrationSettingsForm
from forums.attendees.services import (
    SEATED,
    AlreadyRegistered,
    attendee_erase,
    attendee_register,
    attendee_totals,
    attendees_of,
    privacy_notice,
    registration_is_open,
)
from forums.attendees.tables import AttendeeTable
from forums.models import Attendee, Forum
from planner.listing import PER_PAGE, HtmxHttpRequest
from planner.permissions import editor_required, user_can_edit, user_can_view_contacts

TEMPLATES = "forums/attendees"


def _forum(forum_pk: int) -> Forum:
    return get_object_or_404(Forum.objects.select_related("venue"), pk=forum_pk)


def _list_url(forum: Forum) -> str:
    return reverse("forums:attendees:list", args=[forum.pk])


def _filtered(request: HtmxHttpRequest, forum: Forum) -> tuple[AttendeeFilter, AttendeeTable]:
    filterset = AttendeeFilter(request.GET or None, queryset=attendees_of(forum), forum=forum)
    table = AttendeeTable(
        filterset.qs,
        show_contacts=user_can_view_contacts(request.user),
        can_edit=user_can_edit(request.user),
    )
    return filterset, table


@require_GET
@login_required
def attendee_list(request: HtmxHttpRequest, forum_pk: int) -> HttpResponse:
    forum = _forum(forum_pk)
    filterset, table = _filtered(request, forum)
    RequestConfig(request, paginate={"per_page": PER_PAGE}).configure(table)
    context = {
        "forum": forum,
        "filter": filterset,
        "table": table,
        "page_title": _("Attendees"),
        "can_edit": user_can_edit(request.user),
        "show_contacts": user_can_view_contacts(request.user),
    }
    template = f"{TEMPLATES}/attendee_list.html"
    if request.htmx and request.htmx.target == "table-region":
        return render(request, f"{template}#table-region", context)
    totals = attendee_totals(attendees_of(forum))
    context |= {
        "totals": totals,
        "status_totals": [
            (value, label, totals["status"][value]) for value, label in Attendee.Status.choices
        ],
        "category_totals": [
            (value, label, totals["category"][value]) for value, label in Attendee.Category.choices
        ],
        "registration_is_open": registration_is_open(forum),
    }
    return render(request, template, context)


def _export(request: HtmxHttpRequest, forum_pk: int, kind: str) -> HttpResponse:
    forum = _forum(forum_pk)
    _filterset, table = _filtered(request, forum)
    RequestConfig(request, paginate=False).configure(table)
    include_contacts = user_can_view_contacts(request.user)
    attendees = table.data.data.iterator(chunk_size=2000)
    header = attendee_export.export_header(include_contacts=include_contacts)
    rows = attendee_export.export_rows(attendees, forum=forum, include_contacts=include_contacts)
    name = attendee_export.filename(forum, kind)
    if kind == "csv":
        return attendee_export.csv_response(header, rows, name=name)
    return attendee_export.xlsx_response(header, rows, name=name, title=str(forum))


@require_GET
@login_required
def attendee_export_csv(request: HtmxHttpRequest, forum_pk: int) -> HttpResponse:
    return _export(request, forum_pk, "csv")


@require_GET
@login_required
def attendee_export_xlsx(request: HtmxHttpRequest, forum_pk: int) -> HttpResponse:
    return _export(request, forum_pk, "xlsx")


@require_http_methods(["GET", "POST"])
@editor_required
def attendee_create(request: HtmxHttpRequest, forum_pk: int) -> HttpResponse:
    forum = _forum(forum_pk)
    form = AttendeeForm(request.POST or None, forum=forum)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            attendee = attendee_register(
                forum=forum,
                name=data["name"],
                email=data["email"],
                organisation_name=data["organisation_name"],
                position=data["position"],
                phone=data["phone"],
                category=data["category"],
                status=data["status"],
                notes=data["notes"],
                source=Attendee.Source.STAFF,
            )
        except AlreadyRegistered:
            form.add_error(
                "email", _("Someone with this e-mail is already registered for this forum.")
            )
        else:
            messages.success(request, _("%(name)s was added.") % {"name": attendee.name})
            if "add_another" in request.POST:
                return redirect("forums:attendees:create", forum_pk=forum.pk)
            return redirect(_list_url(forum))
    return render(request, f"{TEMPLATES}/attendee_form.html", {"forum": forum, "form": form})


@require_http_methods(["GET", "POST"])
@editor_required
def attendee_update(request: HtmxHttpRequest, forum_pk: int, pk: int) -> HttpResponse:
    forum = _forum(forum_pk)
    attendee = get_object_or_404(attendees_of(forum), pk=pk)
    form = AttendeeForm(request.POST or None, instance=attendee, forum=forum)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("%(name)s was saved.") % {"name": attendee.name})
        return redirect(_list_url(forum))
    context = {"forum": forum, "form": form, "attendee": attendee}
    return render(request, f"{TEMPLATES}/attendee_form.html", context)


@require_http_methods(["GET", "POST"])
@editor_required
def attendee_erase_view(request: HtmxHttpRequest, forum_pk: int, pk: int) -> HttpResponse:
    forum = _forum(forum_pk)
    attendee = get_object_or_404(attendees_of(forum), pk=pk)
    if request.method == "POST":
        attendee_erase(attendee=attendee)
        messages.success(
            request, _("The personal data of %(name)s were deleted.") % {"name": attendee.name}
        )
        return redirect(_list_url(forum))
    return render(
        request, f"{TEMPLATES}/attendee_erase.html", {"forum": forum, "attendee": attendee}
    )


def _print(request: HtmxHttpRequest, forum_pk: int, template: str) -> HttpResponse:
    forum = _forum(forum_pk)
    attendees = attendees_of(forum).filter(status__in=SEATED)
    order = request.GET.get("order")
    if order == "organisation":
        attendees = attendees.order_by("organisation_name", "name", "pk")
    context = {"forum": forum, "attendees": attendees, "order": order}
    return render(request, f"{TEMPLATES}/{template}", context)


@require_GET
@login_required
def sign_in_sheet(request: HtmxHttpRequest, forum_pk: int) -> HttpResponse:
    return _print(request, forum_pk, "print_sign_in.html")


@require_GET
@login_required
def name_list(request: HtmxHttpRequest, forum_pk: int) -> HttpResponse:
    return _print(request, forum_pk, "print_names.html")


@require_http_methods(["GET", "POST"])
@editor_required
def registration_settings(request: HtmxHttpRequest, forum_pk: int) -> HttpResponse:
    forum = _forum(forum_pk)
    form = RegistrationSettingsForm(request.POST or None, instance=forum)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The registration settings were saved."))
        return redirect(_list_url(forum))
    context = {
        "forum": forum,
        "form": form,
        "notice": privacy_notice(forum, defaults=True),
        "public_url": request.build_absolute_uri(reverse("registration:register", args=[forum.pk])),
    }
    return render(request, f"{TEMPLATES}/registration_settings.html", context)
