"""What an import or an export carries from section to section: refs and indexes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from planner.drafts.errors import DraftError, join
from planner.drafts.values import as_text, check_country, collect_meta
from planner.models import Agreement, Organisation, Person, RoleLine, SourceDocument


def save_row(row: models.Model, path: str, exclude: list[str] | None = None) -> models.Model:
    """``full_clean()`` then ``save()``; a refusal names the draft path, not a traceback."""
    try:
        row.full_clean(exclude=exclude, validate_unique=False)
    except ValidationError as error:
        details = "; ".join(
            f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
        )
        raise DraftError(path, details) from error
    row.save()
    return row


@dataclass
class ImportContext:
    draft: dict
    document: SourceDocument | None = None
    # The document is a publication (the sample documents): its programme is public.
    publish: bool = False
    organisations: dict[str, Organisation] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    agreements: list[Agreement] = field(default_factory=list)
    contacts: list = field(default_factory=list)
    # Filled by the apps' sections: draft index → row.
    events: dict[int, Any] = field(default_factory=dict)
    trips: dict[int, Any] = field(default_factory=dict)
    # "Add to this trip": the draft's first trip goes into this stored trip (at this revision).
    into_trip: Any = None
    into_trip_revision: int | None = None
    # Rows created; the summary line of import_draft counts them.
    created: dict[str, int] = field(default_factory=dict)

    def count(self, label: str) -> None:
        self.created[label] = self.created.get(label, 0) + 1

    def organisation(self, ref: Any, path: str) -> Organisation:
        if ref not in self.organisations:
            raise DraftError(path, f"no organisation with ref “{ref}” in this draft")
        return self.organisations[ref]

    def person(self, ref: Any, path: str) -> Person:
        if ref not in self.people:
            raise DraftError(path, f"no person with ref “{ref}” in this draft")
        return self.people[ref]

    def event(self, index: Any, path: str) -> Any:
        if index not in self.events:
            raise DraftError(path, f"no event with index {index} in this draft")
        return self.events[index]

    def agreement(self, index: Any, path: str) -> Agreement:
        if not isinstance(index, int) or not 0 <= index < len(self.agreements):
            raise DraftError(path, f"no agreement with index {index} in this draft")
        return self.agreements[index]

    def fill_role_line(self, line: RoleLine, ref: dict, path: str) -> RoleLine:
        """person / organisation / as_written of a PERSONREF onto a role line."""
        if "person" in ref and ref["person"] is not None:
            line.person = self.person(ref["person"], join(path, "person"))
        if "organisation" in ref and ref["organisation"] is not None:
            line.organisation = self.organisation(ref["organisation"], join(path, "organisation"))
        line.printed_as = as_text(ref.get("as_written"))
        if not (line.person_id or line.organisation_id or line.printed_as):
            raise DraftError(path, "names nobody: give person, organisation or as_written")
        line.provenance = collect_meta(ref)
        if ref.get("country"):
            line.provenance.setdefault("", {})["country"] = check_country(
                ref["country"], join(path, "country")
            )
        return line


@dataclass
class ExportContext:
    document: SourceDocument
    out: dict = field(default_factory=dict)
    _organisation_refs: dict[int, str] = field(default_factory=dict)
    _person_refs: dict[int, str] = field(default_factory=dict)
    # Filled by the sections as they export: row pk → index in the draft's list.
    event_index: dict[int, int] = field(default_factory=dict)
    agreement_index: dict[int, int] = field(default_factory=dict)

    def organisation_ref(self, organisation: Organisation) -> str:
        if organisation.pk in self._organisation_refs:
            return self._organisation_refs[organisation.pk]
        ref = f"o{len(self._organisation_refs) + 1}"
        self._organisation_refs[organisation.pk] = ref
        entry = {
            "ref": ref,
            "name_ko": organisation.name_ko or None,
            "name_en": organisation.name_en or None,
            "acronym": organisation.acronym or None,
            "kind": organisation.kind or None,
            "country": organisation.country.code or None,
            "parent": self.organisation_ref(organisation.parent) if organisation.parent else None,
        }
        if organisation.ref:
            entry["key"] = organisation.ref
        if organisation.website:
            entry["extra"] = {"website": organisation.website}
        self.out.setdefault("organisations", []).append(entry)
        return ref

    def person_ref(self, person: Person) -> str:
        if person.pk in self._person_refs:
            return self._person_refs[person.pk]
        ref = f"p{len(self._person_refs) + 1}"
        self._person_refs[person.pk] = ref
        entry = {
            "ref": ref,
            "name_ko": person.name_ko or None,
            "name_latin": person.name_latin or None,
            "position_ko": person.position_ko or None,
            "position_en": person.position_en or None,
            "organisation": (
                self.organisation_ref(person.organisation) if person.organisation else None
            ),
        }
        if person.country:
            entry["country"] = person.country.code
        if person.ref:
            entry["key"] = person.ref
        extra = {name: getattr(person, name) for name in ("email", "phone", "notes")}
        extra = {name: value for name, value in extra.items() if value}
        if extra:
            entry["extra"] = extra
        self.out.setdefault("people", []).append(entry)
        return ref

    def personref(self, line: RoleLine, **more: Any) -> dict:
        ref: dict[str, Any] = {}
        if line.person_id:
            ref["person"] = self.person_ref(line.person)
        if line.organisation_id:
            ref["organisation"] = self.organisation_ref(line.organisation)
        if line.printed_as:
            ref["as_written"] = line.printed_as
        ref.update({key: value for key, value in more.items() if value})
        meta = dict((line.provenance or {}).get("", {}))
        if "country" in meta:
            ref["country"] = meta.pop("country")
        ref.update(meta)
        return ref
