"""From a document to a reviewed draft: give the text, review what was read, create rows.

Plain POST-and-redirect steps; the draft waits on the server in a DraftReview.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from planner.drafts.errors import DraftError
from planner.drafts.service import draft_import
from planner.listing import HtmxHttpRequest
from planner.models import DraftReview
from planner.permissions import editor_required
from planner.review_forms import ReviewForm, SourceForm
from planner.review_text import highlighted, matches


@require_http_methods(["GET", "POST"])
@editor_required
def review_start(request: HtmxHttpRequest) -> HttpResponse:
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
            )
            return redirect(review)
    status = 400 if request.method == "POST" else 200
    return render(request, "planner/review_start.html", {"form": form}, status=status)


@require_http_methods(["GET", "POST"])
@editor_required
def review_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    review = get_object_or_404(DraftReview.objects.select_related("document"), pk=pk)
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
        ctx = draft_import(draft=draft)
    except DraftError as error:
        form.add_draft_error(error)
        return None
    if review.filename and not ctx.document.filename:
        ctx.document.filename = review.filename
        ctx.document.save(update_fields=["filename", "updated"])
    review.draft = draft
    review.document = ctx.document
    review.status = DraftReview.Status.CREATED
    review.save(update_fields=["draft", "document", "status", "updated"])
    created = [*ctx.events.values(), *ctx.trips.values(), *ctx.agreements]
    return redirect(created[0] if created else ctx.document)
