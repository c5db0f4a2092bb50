"""The run-of-show's rows in templates: the editor's table body, and the day/part headings."""

from __future__ import annotations

from collections.abc import Sequence

from django import template
from django.utils.safestring import SafeString, mark_safe

from forums.agenda.editor_rows import EditorRows, row_breaks
from forums.agenda.rows import AgendaRow

register = template.Library()


@register.simple_tag(takes_context=True)
def editor_rows(context: template.Context, rows: Sequence[AgendaRow]) -> SafeString:
    """Every row of the editor's table, with the headings between them."""
    kit = EditorRows(context["forum"], can_edit=context["can_edit"], typed=context.get("typed"))
    return kit.render(rows, focus=context.get("focus"))


@register.simple_tag
def ros_breaks(rows: Sequence[AgendaRow], index: int, cols: int) -> SafeString:
    """The headings row ``index`` opens (a new day, a new part)."""
    previous = rows[index - 1].session if index else None
    return mark_safe(row_breaks(previous, rows[index].session, cols))  # escaped inside
