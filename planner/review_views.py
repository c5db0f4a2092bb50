"""From a document to a reviewed draft: give the text, review what was read, create rows.

Plain POST-and-redirect steps; the draft waits on the server in a DraftReview.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from planner.drafts.errors import DraftError
from planner.drafts.service import draft_import
from planner.listing import HtmxHttpRequest
from planner.models import DraftReview, StaleEditError
from planner.permissions import editor_required
from planner.review_forms import ReviewForm, SourceForm
from planner.review_text import highlighted, matches


@require_http_methods(["GET", "POST"])
@editor_required
def review_start(request: HtmxHttpRequest) -> HttpResponse:
    return review_start_for(request, action=reverse("planner:review_start"))


def review_start_for(request: HtmxHttpRequest, *, action: str, trip=None) -> HttpResponse:
    """Step 1, paste or upload. With ``trip`` (started from a trip page), the review adds
    what the document says to that trip, as it stands now (its revision is kept)."""
    form = SourceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        read = form.extract()
        if read is not None:
            draft, filename = read
            review = DraftReview.objects.create(
                draft=draft,
                text=(draft.get("source") or {}).get("text") or "",
                filename=filename,
                created_by=request.user,
                trip=trip,
                trip_revision=trip.revision if trip else None,
            )
            return redirect(review)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "action": action, "trip": trip}
    return render(request, "planner/review_start.html", context, status=status)


@require_http_methods(["GET", "POST"])
@editor_required
def review_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    review = get_object_or_404(DraftReview.objects.select_related("document", "trip"), pk=pk)
    if review.status == DraftReview.Status.CREATED:
        messages.info(request, _("This draft has already been created."))
        return redirect(review.document or "planner:document_list")
    draft = review.draft
    form = ReviewForm(draft, request.POST or None, matches=matches(draft))
    if request.method == "POST" and form.is_valid():
        done = _create(review, form)
        if done is not None:
            messages.success(request, _("Created the records from this document."))
            return done
    context = {
        "review": review,
        "form": form,
        "pieces": highlighted(review.text, draft),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "planner/review_detail.html", context, status=status)


def _create(review: DraftReview, form: ReviewForm) -> HttpResponseRedirect | None:
    draft = form.corrected_draft()
    try:
        ctx = draft_import(
            draft=draft, into_trip=review.trip, into_trip_revision=review.trip_revision
        )
    except DraftError as error:
        form.add_draft_error(error)
        return None
    except StaleEditError:
        form.add_error(
            None,
            _(
                "The trip was changed by someone else after this review was started. "
                "Start again from the trip page to add this document to it as it is now."
            ),
        )
        return None
    if review.filename and not ctx.document.filename:
        ctx.document.filename = review.filename
        ctx.document.save(update_fields=["filename", "updated"])
    review.draft = draft
    review.document = ctx.document
    review.status = DraftReview.Status.CREATED
    review.save(update_fields=["draft", "document", "status", "updated"])
    if review.trip is not None:
        return redirect(review.trip)
    created = [*ctx.events.values(), *ctx.trips.values(), *ctx.agreements]
    return redirect(created[0] if created else ctx.document)
