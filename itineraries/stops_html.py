"""The trip page's list of stops, written in Python like the programme's rows
(row_html.py): as a template each stop cost five URL reversals, an include per move
button and a dozen translations. The markup is what the template wrote."""

from __future__ import annotations

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from itineraries.models import Stop
from itineraries.programme_html import stop_name
from planner.html_rows import esc
from planner.language import is_english
from planner.row_url import RowUrl
from planner.time_display import fuzzy_date

SLOT = "stops-editor"  # where a stop's forms open


def stop_items(trip_pk: int, stops: list[Stop], *, can_edit: bool, csrf_token: str) -> SafeString:
    if not stops:
        none = esc(_("No stops yet."))
        return mark_safe(f'<li class="empty">{none}</li>')
    words = {
        key: esc(text)
        for key, text in {
            "zone": _("time zone"),
            "no_zone": _("time zone not known"),
            "arrival": _("arrival"),
            "departure": _("departure"),
            "tbd": _("Date TBD"),
            "edit": _("Edit"),
            "delete": _("Delete"),
            "history": _("History"),
        }.items()
    }
    urls = {
        name: RowUrl(f"itineraries:stop_{name}", trip_pk)
        for name in ("edit", "move", "delete", "history")
    }
    csrf = ""
    if csrf_token and csrf_token != "NOTPROVIDED":
        csrf = f'<input type="hidden" name="csrfmiddlewaretoken" value="{esc(csrf_token)}">'
    english, last = is_english(), len(stops) - 1

    def link(name: str, pk: int, label: str, kind: str = "tertiary", extra: str = "") -> str:
        url = urls[name](pk)
        return (
            f'<a class="krds-btn xsmall {kind}" href="{url}" hx-get="{url}"'
            f' hx-target="#{SLOT}">{label}{extra}</a>'
        )

    def move(stop: Stop, direction: str) -> str:
        url = urls["move"](stop.pk)
        if direction == "up":
            arrow, text = "↑", _("Move “%(label)s” up") % {"label": stop.city_ko}
        else:
            arrow, text = "↓", _("Move “%(label)s” down") % {"label": stop.city_ko}
        return (
            f'<form method="post" action="{url}" hx-post="{url}" hx-target="#{SLOT}">{csrf}'
            f'<input type="hidden" name="direction" value="{direction}">'
            '<button type="submit" class="krds-btn xsmall tertiary move-button">'
            f'<span aria-hidden="true">{arrow}</span><span class="sr-only">{esc(text)}</span>'
            "</button></form>"
        )

    def day(stop: Stop, field: str) -> str:
        if getattr(stop, field):
            return esc(fuzzy_date(stop, field))
        return f'<span class="tbd">{words["tbd"]}</span>'

    items = []
    for index, stop in enumerate(stops):
        zone = f"<code>{esc(stop.timezone)}</code>" if stop.timezone else ""
        zone = zone or f'<span class="tbd">{words["no_zone"]}</span>'
        note = f'<p class="note">{esc(stop.dates_note)}</p>' if stop.dates_note else ""
        actions = ""
        if can_edit:
            city = f'<span class="sr-only"> {esc(stop.city_ko)}</span>'
            actions = link("edit", stop.pk, words["edit"], "secondary", city)
            actions += move(stop, "up") if index else ""
            actions += move(stop, "down") if index < last else ""
            actions += link("delete", stop.pk, words["delete"])
        actions += link("history", stop.pk, words["history"])
        items.append(
            f'<li class="stop-row" id="stop-{stop.pk}"><div class="stop-main">'
            f'<p class="stop-name"><span class="stop-order">{index + 1}</span> '
            f"{stop_name(stop, english)}</p>"
            '<dl class="stop-facts">'
            f"<div><dt>{words['zone']}</dt><dd>{zone}</dd></div>"
            f"<div><dt>{words['arrival']}</dt><dd>{day(stop, 'arrival_date')}</dd></div>"
            f"<div><dt>{words['departure']}</dt><dd>{day(stop, 'departure_date')}</dd></div>"
            f"</dl>{note}</div>"
            f'<div class="item-actions screen-only">{actions}</div></li>\n'
        )
    return mark_safe("".join(items))
