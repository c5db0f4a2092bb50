"""People created where they are chosen: the possible duplicates first, then the new row.

Staff add a counterpart or a delegate while filling another form. Before a new
Person is written, the people who may be the same are shown: the same Korean
name, the same Latin-script name (case aside), or the same name in the same
organisation (the strongest sign). Staff pick one of them or create anyway.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from planner.models import Organisation, Person

SAME_NAME_AND_ORGANISATION = _("same name and organisation")
SAME_NAME = _("same name")
SAME_LATIN_NAME = _("same Latin-script name")


@dataclass(frozen=True)
class PossibleDuplicate:
    person: Person
    reason: str


def possible_duplicates(
    *, name_ko: str, name_latin: str, organisation: Organisation | None = None
) -> list[PossibleDuplicate]:
    """Known people who may be this one, the likeliest first (at most 10)."""
    name_ko, name_latin = name_ko.strip(), name_latin.strip()
    match = Q(pk__in=[])
    if name_ko:
        match |= Q(name_ko=name_ko)
    if name_latin:
        match |= Q(name_latin__iexact=name_latin)
    found = []
    for person in Person.objects.filter(match).select_related("organisation")[:10]:
        same_name = bool(name_ko) and person.name_ko == name_ko
        if same_name and organisation is not None and person.organisation_id == organisation.pk:
            reason = SAME_NAME_AND_ORGANISATION
        elif same_name:
            reason = SAME_NAME
        else:
            reason = SAME_LATIN_NAME
        found.append(PossibleDuplicate(person=person, reason=str(reason)))
    order = {str(SAME_NAME_AND_ORGANISATION): 0, str(SAME_NAME): 1, str(SAME_LATIN_NAME): 2}
    return sorted(found, key=lambda d: (order[d.reason], d.person.pk))


@transaction.atomic
def person_create(*, person: Person, new_organisation: str = "") -> Person:
    """Save a new person; a typed organisation is the known one of that name, or a new one."""
    name = new_organisation.strip()
    if name:
        organisation = Organisation.objects.filter(Q(name_ko=name) | Q(name_en=name)).first()
        if organisation is None:
            organisation = Organisation(name_ko=name, kind="")
            organisation.full_clean()
            organisation.save()
        person.organisation = organisation
    person.full_clean()
    person.save()
    return person


def person_label(person: Person) -> str:
    """A person as a choice list shows them: enough to tell namesakes apart."""
    details = [person.position_ko or person.position_en]
    if person.organisation_id:
        details.append(str(person.organisation))
    extra = ", ".join(d for d in details if d)
    return f"{person} · {extra}" if extra else str(person)
