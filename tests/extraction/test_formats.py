"""Each input format read into the same text, and bad files refused with a clear message."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from planner.extraction.text import UnreadableDocument, read_document

REPO = Path(__file__).resolve().parents[2]
PROGRAMME = [("10:00~10:30", "개회식"), ("10:30~11:00", "기조연설")]


def _check_programme(text):
    assert [line.split("\t")[:2] for line in text.splitlines() if line.startswith("10:")] == [
        list(row) for row in PROGRAMME
    ]


def test_formats_txt_utf8(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("시간\t내용\n10:00~10:30\t개회식\n10:30~11:00\t기조연설\n", encoding="utf-8")
    _check_programme(read_document(path))


def test_formats_txt_cp949(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("회의 안내: 7월 8일(수)".encode("cp949"))
    assert read_document(path) == "회의 안내: 7월 8일(수)"


def test_formats_html_main_text(tmp_path):
    path = tmp_path / "a.html"
    body = "".join(f"<p>행사 안내 문단 {n}: 포럼은 정부청사에서 열린다.</p>" for n in range(8))
    path.write_text(
        f"<html><head><title>t</title></head><body><nav>메뉴 홈</nav><article>"
        f"<h1>제2회 행정 포럼</h1>{body}</article></body></html>",
        encoding="utf-8",
    )
    text = read_document(path)
    assert ("제2회 행정 포럼" in text, "포럼은 정부청사에서 열린다" in text) == (True, True)


def test_formats_docx_paragraphs_and_table(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("제2회 행정 포럼")
    table = document.add_table(rows=0, cols=2)
    for row in PROGRAMME:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = row
    path = tmp_path / "a.docx"
    document.save(path)
    text = read_document(path)
    assert text.splitlines()[0] == "제2회 행정 포럼"
    _check_programme(text)


def _hwpx(path, paragraphs, rows):
    ns = 'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph"'
    paras = "".join(f"<hp:p><hp:run><hp:t>{p}</hp:t></hp:run></hp:p>" for p in paragraphs)
    cells = "".join(
        "<hp:tr>"
        + "".join(
            f"<hp:tc><hp:subList><hp:p><hp:run><hp:t>{c}</hp:t></hp:run></hp:p>"
            "</hp:subList></hp:tc>"
            for c in row
        )
        + "</hp:tr>"
        for row in rows
    )
    table = f"<hp:p><hp:run><hp:tbl>{cells}</hp:tbl></hp:run></hp:p>"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/hwp+zip")
        archive.writestr(
            "Contents/section0.xml", f"<hs:sec {ns} xmlns:hs='urn:s'>{paras}{table}</hs:sec>"
        )


def test_formats_hwpx_sections_and_table(tmp_path):
    path = tmp_path / "a.hwpx"
    _hwpx(path, ["제2회 행정 포럼"], PROGRAMME)
    text = read_document(path)
    assert text.splitlines()[0] == "제2회 행정 포럼"
    _check_programme(text)


def test_formats_pdf_with_text_layer(tmp_path):
    from weasyprint import HTML

    rows = "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in PROGRAMME)
    path = tmp_path / "a.pdf"
    style = "table{border-collapse:collapse} td{border:1px solid #000;padding:4px}"
    HTML(
        string=f"<html><head><style>{style}</style></head><body><p>Forum programme</p>"
        f"<table>{rows}</table></body></html>"
    ).write_pdf(path)
    text = read_document(path)
    assert text.splitlines()[0] == "Forum programme"
    _check_programme(text)


def test_formats_pdf_without_text_layer(tmp_path):
    from weasyprint import HTML

    path = tmp_path / "scan.pdf"
    HTML(
        string="<html><body><div style='width:5cm;height:5cm;background:#888'></div></body></html>"
    ).write_pdf(path)
    with pytest.raises(UnreadableDocument, match="text layer"):
        read_document(path)


def test_formats_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(UnreadableDocument, match="empty"):
        read_document(path)


def test_formats_garbage_bytes(tmp_path):
    path = tmp_path / "noise.bin"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(UnreadableDocument):
        read_document(path)


def test_formats_broken_pdf(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n garbage without objects")
    with pytest.raises(UnreadableDocument):
        read_document(path)


def test_formats_command_refuses_bad_file_without_traceback(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    done = subprocess.run(
        [sys.executable, "manage.py", "extract_document", str(path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (done.returncode, "빈 파일" in done.stderr, "Traceback" in done.stderr) == (
        1,
        True,
        False,
    )
