"""The run-of-show PDF: one A4 page for the 6th forum, Korean text, fonts embedded."""

import io
import shutil
import subprocess

import pytest
from django.urls import reverse
from pypdf import PdfReader

from forums.agenda import services
from tests.forums.agenda_helpers import SEED_TABLE, load_forum6, row, user_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def forum():
    return load_forum6()


@pytest.fixture
def editor(client):
    client.force_login(user_in("editor", "pdf.editor"))
    return client


def pdf_of(client, forum, **params) -> PdfReader:
    response = client.get(reverse("forums:agenda:pdf", args=[forum.pk]), params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.content))


def squeeze(text: str) -> str:
    return "".join(text.split())


def embedded_font_files(reader: PdfReader) -> list[tuple[str, str]]:
    """(font name, /FontFile2 or /FontFile3) for every font with an embedded file."""
    found = []
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            targets = [d.get_object() for d in descendants] if descendants else [font]
            for target in targets:
                descriptor = target["/FontDescriptor"].get_object()
                for key in ("/FontFile", "/FontFile2", "/FontFile3"):
                    if key in descriptor:
                        found.append((str(target["/BaseFont"]), key))
    return found


def test_pdf_is_one_page_with_the_seed_rows(editor, forum):
    reader = pdf_of(editor, forum)

    text = reader.pages[0].extract_text()
    assert len(reader.pages) == 1
    for needle in (
        "사전환담",
        "주제를토론",
        "박소아 원장(오케스트라)",
        "14:50~15:00",
        "16:55~17:00",
    ):
        assert needle in text
    flat = squeeze(text)
    for time_range, minutes, title, lines, notes in SEED_TABLE:
        assert squeeze(f"{time_range} {minutes}'") in flat
        assert squeeze(f"▶ {title}") in flat
        assert squeeze(notes) in flat
        for line in lines:
            assert squeeze(line) in flat
    assert "(사회: 한국행정연구원 엄지선 연구위원)" in text
    assert "초안(미발행)" in text


def test_pdf_embeds_its_fonts_korean_and_the_arrow_fallback(editor, forum):
    reader = pdf_of(editor, forum)

    fonts = embedded_font_files(reader)
    names = " ".join(name for name, _key in fonts)
    assert fonts
    assert {key for _name, key in fonts} <= {"/FontFile2", "/FontFile3"}
    assert "Pretendard-GOV" in names
    # "▶" is not in the Pretendard GOV subset: it comes from the fallback font, embedded too.
    assert "Noto-Sans-CJK" in names


def test_pdf_is_a4_and_an_attachment(editor, forum):
    response = editor.get(reverse("forums:agenda:pdf", args=[forum.pk]))
    reader = PdfReader(io.BytesIO(response.content))

    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert response["Content-Disposition"] == (
        f'attachment; filename="run-of-show-forum-{forum.pk}-draft.pdf"'
    )


def test_pdf_of_an_issued_version_carries_its_label(editor, forum):
    services.agenda_issue_version(forum=forum)
    services.session_update(session=row(forum, 6), minutes=35)

    current = pdf_of(editor, forum).pages[0].extract_text()
    issued = pdf_of(editor, forum, version=1).pages[0].extract_text()

    assert "v1" in current and "미발행" in current and "17:00~17:05" in current
    assert "v1" in issued and "16:55~17:00" in issued and "17:00~17:05" not in issued


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_pdf_renders_to_an_image(editor, forum, tmp_path):
    response = editor.get(reverse("forums:agenda:pdf", args=[forum.pk]))
    source = tmp_path / "agenda.pdf"
    source.write_bytes(response.content)

    subprocess.run(
        ["pdftoppm", "-png", "-r", "30", str(source), str(tmp_path / "page")], check=True
    )

    assert [p.name for p in tmp_path.glob("page*.png")] == ["page-1.png"]
