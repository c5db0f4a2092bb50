"""Core pages: the dashboard, agreements, people, organisations and source documents."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from planner import selectors
from planner.filters import AgreementFilter, DocumentFilter, OrganisationFilter, PersonFilter
from planner.listing import HtmxHttpRequest, render_list
from planner.permissions import user_can_edit, user_can_view_contacts
from planner.review_text import document_quotes
from planner.tables import AgreementTable, DocumentTable, OrganisationTable, PersonTable


@require_GET
def home(request: HtmxHttpRequest) -> HttpResponse:
    """Staff get the dashboard; anonymous visitors the public page of the forums app."""
    if not request.user.is_authenticated:
        return import_string(settings.PUBLIC_HOME_VIEW)(request)
    today = timezone.localdate()
    context = {
        "today": today,
        "upcoming_trips": selectors.upcoming_trips(today),
        "recent_trips": selectors.recent_trips(today),
        "upcoming_forums": selectors.upcoming_forums(today),
        "recent_forums": selectors.recent_forums(today),
        "expiring_agreements": selectors.agreements_expiring(today),
        "horizon": selectors.one_year_after(today),
        "counts": selectors.counts(),
        "can_edit": user_can_edit(request.user),
    }
    return render(request, "planner/home.html", context)


@require_GET
@login_required
def agreement_list(request: HtmxHttpRequest) -> HttpResponse:
    return render_list(
        request,
        template="planner/agreement_list.html",
        filterset=AgreementFilter(request.GET or None, queryset=selectors.agreements_for_list()),
        table_class=AgreementTable,
        title=_("Agreements"),
    )


@require_GET
@login_required
def agreement_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    agreement = get_object_or_404(selectors.agreement_for_detail(), pk=pk)
    return render(request, "planner/agreement_detail.html", {"agreement": agreement})


@require_GET
@login_required
def person_list(request: HtmxHttpRequest) -> HttpResponse:
    return render_list(
        request,
        template="planner/person_list.html",
        filterset=PersonFilter(request.GET or None, queryset=selectors.people_for_list()),
        table_class=PersonTable,
        title=_("People"),
    )


@require_GET
@login_required
def person_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(selectors.person_for_detail(), pk=pk)
    context = {"person": person, "can_view_contacts": user_can_view_contacts(request.user)}
    return render(request, "planner/person_detail.html", context)


@require_GET
@login_required
def organisation_list(request: HtmxHttpRequest) -> HttpResponse:
    return render_list(
        request,
        template="planner/organisation_list.html",
        filterset=OrganisationFilter(
            request.GET or None, queryset=selectors.organisations_for_list()
        ),
        table_class=OrganisationTable,
        title=_("Organisations"),
    )


@require_GET
@login_required
def organisation_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(selectors.organisation_for_detail(), pk=pk)
    context = {"organisation": organisation, "chain": selectors.parent_chain(organisation)}
    return render(request, "planner/organisation_detail.html", context)


@require_GET
@login_required
def document_list(request: HtmxHttpRequest) -> HttpResponse:
    return render_list(
        request,
        template="planner/document_list.html",
        filterset=DocumentFilter(request.GET or None, queryset=selectors.documents_for_list()),
        table_class=DocumentTable,
        title=_("Source documents"),
        extra={"can_edit": user_can_edit(request.user)},
    )


@require_GET
@login_required
def document_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(selectors.document_for_detail(), pk=pk)
    context = {"document": document, "quotes": document_quotes(document)}
    return render(request, "planner/document_detail.html", context)
