"""The trip page's delegation table, written in Python like the programme's rows.

As a django-tables2 table each cell was a template of its own and each row reversed six
URLs: a third of the trip page's rendering for a dozen members.
"""

from __future__ import annotations

from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from itineraries.models import DelegationMember
from planner.html_rows import esc
from planner.language import is_english, localized
from planner.row_url import RowUrl

ROLE_RANK = {"head": 0, "member": 1, "agency": 2, "staff": 3}
ACTIONS = (("member_edit", "Edit"), ("member_delete", "Remove"), ("member_history", "History"))


def delegation_rows(members: list[DelegationMember]) -> list[DelegationMember]:
    """By agency, then role, then the order staff gave them; the head first."""

    def agency_name(member: DelegationMember) -> str:
        organisation = member.organisation or (
            member.person.organisation if member.person else None
        )
        return organisation.name_ko if organisation else ""

    return sorted(
        members,
        key=lambda m: (
            ROLE_RANK.get(m.role, 9) != 0,
            agency_name(m),
            ROLE_RANK.get(m.role, 9),
            m.order,
            m.pk,
        ),
    )


def delegation_table(trip_pk: int, members: list[DelegationMember], can_edit: bool) -> SafeString:
    english = is_english()
    person_url = RowUrl("planner:person_detail")
    organisation_url = RowUrl("planner:organisation_detail")
    actions = [
        (RowUrl(f"itineraries:{name}", trip_pk), esc(_(label)))
        for name, label in ACTIONS
        if can_edit or name == "member_history"
    ]
    roles = {value: esc(label) for value, label in DelegationMember.Role.choices}
    as_printed = esc(_("as printed"))
    rows = []
    for number, member in enumerate(members):
        agency = member.organisation or (member.person.organisation if member.person else None)
        agency_cell = "—"
        if agency:
            url = organisation_url(agency.pk)
            agency_cell = f'<a href="{url}">{esc(localized(agency, "name", english=english))}</a>'
        if member.group:
            agency_cell += f'<span class="cell-sub">{esc(member.group.name)}</span>'
        person = member.person
        if person:
            who = f'<a href="{person_url(person.pk)}">{esc(person)}</a>'
            position = localized(person, "position", english=english)
            if position:
                who += f'<span class="cell-sub">{esc(position)}</span>'
        else:
            who = esc(member.printed_as) if member.printed_as else "—"
        printed = ""
        if member.printed_as and person:
            printed = (
                f'<span class="cell-sub printed-as">{as_printed}: “{esc(member.printed_as)}”</span>'
            )
        name = esc(member)
        links = " ".join(
            f'<a href="{url}" hx-get="{url}" hx-target="#members-editor">{label}'
            f'<span class="sr-only"> {name}</span></a>'
            for url, label in ((pattern(member.pk), label) for pattern, label in actions)
        )
        rows.append(
            f'<tr class="{"odd" if number % 2 else "even"}">'
            f'<td><span class="role-label">{roles.get(member.role, esc(member.role))}</span></td>'
            f"<td>{agency_cell}</td>"
            f'<td><span id="member-{member.pk}">{who}</span>{printed}'
            f'<span class="cell-links screen-only">{links}</span></td></tr>'
        )
    if not rows:
        none = esc(_("None recorded."))
        rows.append(f'<tr><td colspan="3" class="empty">{none}</td></tr>')
    labels = (_("role"), _("agency"), _("person"))
    head = "".join(f'<th scope="col">{esc(capfirst(label))}</th>' for label in labels)
    return mark_safe(
        '<div class="krds-table-wrap scroll panel-table-wrap">'
        f'<table class="tbl col data panel-table"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
