"""Every hand-made draft of the shared corpora goes in and comes back out with every fact."""

from __future__ import annotations

import subprocess
import sys

import pytest

from planner.drafts.service import draft_export, draft_import
from planner.models import Organisation, Person, SourceDocument
from tests.drafts.conftest import SHARED, corpus_drafts, load
from tests.drafts.normalise import differences, facts

pytestmark = pytest.mark.django_db

DRAFTS = corpus_drafts()


@pytest.mark.skipif(not DRAFTS, reason="the shared corpora (../shared/corpus) are not there")
@pytest.mark.parametrize("path", DRAFTS, ids=[path.name.split(".")[0] for path in DRAFTS])
def test_draft_round_trip_keeps_every_fact(path, compare):
    draft = load(path)

    document = draft_import(draft=draft).document
    exported = draft_export(document=document)

    score = compare(draft, exported)
    assert (score.held, score.invented) == (score.facts, 0)
    # Stricter than the scorer: every key of the draft, refs resolved, lists in any order.
    assert differences(facts(draft), facts(exported)) == []


@pytest.mark.skipif(not DRAFTS, reason="the shared corpora (../shared/corpus) are not there")
def test_all_corpus_drafts_in_one_database_keep_their_own_facts(compare):
    """Documents share people and organisations; none may lose or gain facts by it."""
    drafts = [load(path) for path in DRAFTS]
    documents = [draft_import(draft=draft).document for draft in drafts]

    for draft, document in zip(drafts, documents, strict=True):
        exported = draft_export(document=document)
        assert differences(facts(draft), facts(exported)) == [], document.title


def test_score_corpus_roundtrip_command(tmp_path):
    """The reviewers' own command: import_draft prints `source: REF`, export_draft the draft.

    On one seed document (the in-process tests above cover every draft; this one is
    about the commands' contract, each run a new process).
    """
    tool = SHARED / "tools" / "score_corpus.py"
    seed = SHARED / "corpus" / "seeds" / "002_3861a4dd3f27feed.draft.json"
    if not (tool.exists() and seed.exists()):
        pytest.skip(f"{tool} or {seed} is not there")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / seed.name).write_bytes(seed.read_bytes())
    database = tmp_path / "roundtrip.sqlite3"
    env = {"DATABASE_URL": f"sqlite:///{database}", "PATH": "/usr/bin:/bin"}
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], check=True, env=env, timeout=300)

    result = subprocess.run(
        [sys.executable, str(tool), "roundtrip", str(corpus), "--", *manage],
        capture_output=True, text=True, env=env, timeout=600, check=True,
    )  # fmt: skip

    last = result.stdout.strip().splitlines()[-1]
    assert "corpus 1 documents: facts 8, held 8 (100.0%), invented 0, failed 0" in last, last


def test_import_reuses_an_identical_organisation_and_keeps_namesakes_apart():
    draft = {
        "format": "planner-draft/1",
        "source": {"text": "행정안전부 김철수 과장"},
        "organisations": [{"ref": "o1", "name_ko": "행정안전부", "kind": "ministry"}],
        "people": [{"ref": "p1", "name_ko": "김철수", "position_ko": "과장", "organisation": "o1"}],
    }
    other = {**draft, "people": [{**draft["people"][0], "position_ko": "국장"}]}

    draft_import(draft=draft)
    draft_import(draft=draft)
    draft_import(draft=other)

    assert Organisation.objects.filter(name_ko="행정안전부").count() == 1
    assert sorted(Person.objects.values_list("position_ko", flat=True)) == ["과장", "국장"]
    assert SourceDocument.objects.count() == 3
