"""Search-as-you-type for a person choice, and "새 인물" beside it (see ``people_forms``).

``field`` and ``id`` name the ``<select>`` of the form being filled in; the answers
replace that select (htmx), with the found or new person chosen. Without script,
"새 인물" is a page of its own that returns to the form it came from.
"""

from __future__ import annotations

import re

from django.contrib import messages
from django.db.models import Q
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from planner.listing import HtmxHttpRequest
from planner.models import Person
from planner.people import person_create, person_label, possible_duplicates
from planner.people_forms import PersonNewForm
from planner.permissions import editor_required

SAFE_NAME = re.compile(r"^[\w-]{1,100}$")
MAX_CHOICES = 50


def _target(request: HtmxHttpRequest) -> tuple[str, str] | None:
    params = request.POST if request.method == "POST" else request.GET
    field, select_id = params.get("field", ""), params.get("id", "")
    if SAFE_NAME.match(field) and SAFE_NAME.match(select_id):
        return field, select_id
    return None


def _select(request, field: str, select_id: str, people, chosen: int | None, **extra):
    context = {
        "field": field,
        "select_id": select_id,
        "choices": [(p.pk, person_label(p)) for p in people],
        "chosen": chosen,
        **extra,
    }
    return render(request, "planner/_person_select.html", context)


def _matching(text: str):
    people = Person.objects.select_related("organisation").order_by("name_ko", "name_latin", "pk")
    for word in text.split()[:5]:
        people = people.filter(
            Q(name_ko__icontains=word)
            | Q(name_latin__icontains=word)
            | Q(position_ko__icontains=word)
            | Q(organisation__name_ko__icontains=word)
        )
    return people


@require_GET
@editor_required
def person_search(request: HtmxHttpRequest) -> HttpResponse:
    """The select again, narrowed to the people matching what was typed (the first chosen);
    ``pick`` chooses one person (from the duplicate warning) and closes "새 인물"."""
    target = _target(request)
    if target is None:
        return HttpResponseBadRequest()
    field, select_id = target
    pick = request.GET.get("pick", "")
    if pick.isdigit():
        people = list(Person.objects.select_related("organisation").filter(pk=int(pick)))
        chosen = people[0].pk if people else None
        return _select(request, field, select_id, people, chosen, close_new=True)
    text = request.GET.get(f"{field}__q", "").strip()[:100]
    people = list(_matching(text)[:MAX_CHOICES])
    chosen = people[0].pk if text and people else None
    return _select(request, field, select_id, people, chosen)


@require_http_methods(["GET", "POST"])
@editor_required
def person_new(request: HtmxHttpRequest) -> HttpResponse:
    """A small form: names, position, organisation. Possible duplicates are shown first,
    each with a way to choose it; "create anyway" makes the new person."""
    if request.GET.get("close"):
        return HttpResponse("")  # the inline box closed: an empty slot
    target = _target(request)
    params = request.POST if request.method == "POST" else request.GET
    back = params.get("next") or request.headers.get("Referer", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = ""
    form = PersonNewForm(request.POST or None)
    duplicates = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        duplicates = possible_duplicates(
            name_ko=data["name_ko"],
            name_latin=data["name_latin"],
            organisation=data["organisation"],
        )
        if not duplicates or data["create_anyway"]:
            person = person_create(person=form.instance, new_organisation=data["new_organisation"])
            message = _("Created the person %(name)s.") % {"name": person}
            if request.htmx and target:
                person = Person.objects.select_related("organisation").get(pk=person.pk)
                return _select(
                    request, *target, [person], person.pk, oob_select=True, message=message
                )
            messages.success(request, message)
            return redirect(back or person.get_absolute_url())
    context = {
        "form": form,
        "duplicates": duplicates,
        "field": target[0] if target else "",
        "select_id": target[1] if target else "",
        "inline": bool(request.htmx and target),
        "back": back,
    }
    template = "planner/_person_new.html" if context["inline"] else "planner/person_new.html"
    return render(request, template, context)
