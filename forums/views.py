"""Forum pages: the list and one forum with its run-of-show."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from forums.filters import ForumFilter
from forums.selectors import forum_for_detail, forums_for_list, master_of_ceremonies, run_of_show
from forums.tables import ForumTable
from planner.listing import HtmxHttpRequest, render_list
from planner.models import Role


@require_GET
@login_required
def forum_list(request: HtmxHttpRequest) -> HttpResponse:
    return render_list(
        request,
        template="forums/forum_list.html",
        filterset=ForumFilter(request.GET or None, queryset=forums_for_list()),
        table_class=ForumTable,
        title=_("Forums"),
    )


@require_GET
@login_required
def forum_detail(request: HtmxHttpRequest, forum_pk: int) -> HttpResponse:
    forum = get_object_or_404(forum_for_detail(), pk=forum_pk)
    context = {
        "forum": forum,
        "rows": run_of_show(forum),
        "mcs": master_of_ceremonies(forum),
        "other_people": [line for line in forum.people.all() if line.role != Role.MC],
    }
    return render(request, "forums/forum_detail.html", context)
