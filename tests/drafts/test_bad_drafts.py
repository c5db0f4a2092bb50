"""A bad draft is refused with the JSON path of what is wrong, and nothing is stored."""

from __future__ import annotations

import copy
import json

import pytest
from django.core.management import CommandError, call_command

from forums.models import Forum, Session
from itineraries.models import Trip
from planner.models import Organisation, Person, SourceDocument

pytestmark = pytest.mark.django_db

GOOD = {
    "format": "planner-draft/1",
    "source": {"title": "시험 문서", "language": "ko", "text": "7월 8일(수) 베오그라드"},
    "kind": "mixed",
    "organisations": [{"ref": "o1", "name_ko": "행정안전부", "kind": "ministry", "country": "KR"}],
    "people": [{"ref": "p1", "name_ko": "김민재", "position_ko": "차관", "organisation": "o1"}],
    "trips": [
        {
            "title_ko": "세르비아 방문",
            "head": {"person": "p1"},
            "start": "2026-07-08",
            "end": None,
            "stops": [{"order": 1, "place": {"country": "RS", "timezone": "Europe/Belgrade"}}],
            "engagements": [],
        }
    ],
    "events": [
        {
            "kind": "ceremony",
            "title_ko": "기념식",
            "start": "2026-07",
            "place": {"city": "베오그라드", "timezone": "Europe/Belgrade"},
            "sessions": [{"order": 1, "title": "개식", "start": "10:00"}],
        }
    ],
}


def _write(tmp_path, draft) -> str:
    path = tmp_path / "draft.json"
    path.write_text(json.dumps(draft, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _counts() -> tuple[int, ...]:
    models = (SourceDocument, Organisation, Person, Trip, Forum, Session)
    return tuple(model.objects.count() for model in models)


def test_good_draft_is_stored_and_names_its_source(tmp_path, capsys):
    call_command("import_draft", _write(tmp_path, GOOD))

    last = capsys.readouterr().out.strip().splitlines()[-1]
    document = SourceDocument.objects.get()
    assert last == f"source: {document.ref}"
    assert _counts() == (1, 1, 1, 1, 1, 1)


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        (lambda d: d["trips"][0].update(start=20260708), r"\$\.trips\[0\]\.start", "not valid"),
        (lambda d: d["trips"][0].update(start="2026-02-30"), r"\$\.trips\[0\]\.start", "calendar"),
        (lambda d: d["trips"][0]["head"].update(person="p9"), r"\$\.trips\[0\]\.head\.person",
         "no person"),
        (lambda d: d["events"][0]["place"].update(timezone="Mars/Olympus"),
         r"\$\.events\[0\]\.place\.timezone", "IANA"),
        (lambda d: d["events"][0]["sessions"][0].update(start="25:70"),
         r"\$\.events\[0\]\.sessions\[0\]\.start", "does not match"),
        (lambda d: d["people"][0].update(organisation="o7"), r"\$\.people\[0\]\.organisation",
         "no organisation"),
        (lambda d: d["trips"][0]["stops"][0]["place"].update(country="XX"),
         r"\$\.trips\[0\]\.stops\[0\]\.place\.country", "ISO 3166"),
        (lambda d: d["events"][0].update(agreements=[3]), r"\$\.events\[0\]\.agreements\[0\]",
         "no agreement"),
        (lambda d: d.update(trips="none"), r"\$\.trips", "not of type"),
        (lambda d: d["trips"][0].update(startdate="2026-07-08"), r"\$\.trips\[0\]", "startdate"),
    ],
)  # fmt: skip
def test_bad_draft_names_the_path_and_stores_nothing(tmp_path, change, path, words):
    draft = copy.deepcopy(GOOD)
    change(draft)

    with pytest.raises(CommandError, match=path) as refused:
        call_command("import_draft", _write(tmp_path, draft))

    assert words in str(refused.value)
    assert "nothing was stored" in str(refused.value)
    assert _counts() == (0, 0, 0, 0, 0, 0)


def test_file_that_is_not_json_is_refused(tmp_path):
    path = tmp_path / "draft.json"
    path.write_text("{not json", encoding="utf-8")

    with pytest.raises(CommandError, match="not JSON"):
        call_command("import_draft", str(path))


def test_export_of_an_unknown_document_is_refused():
    with pytest.raises(CommandError, match="no source document"):
        call_command("export_draft", "doc-404")
