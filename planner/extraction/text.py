"""Reading a document file into one plain text (spans index this text).

Each reader returns the text exactly as the draft will store it in
``source.text``: tables come out as rows with tab-separated cells.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path


class UnreadableDocument(Exception):
    """The file cannot be read as a document; the message is Korean and English."""


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for encoding in ("utf-8", "cp949"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break
        return text
    raise UnreadableDocument(
        "텍스트 인코딩을 알 수 없습니다 (UTF-8, CP949 아님). / "
        "Unknown text encoding (neither UTF-8 nor CP949)."
    )


def _html_text(data: bytes) -> str:
    import trafilatura

    html = _decode(data)
    text = trafilatura.extract(
        html, include_tables=True, include_comments=False, favor_recall=True, output_format="txt"
    )
    if not text:
        from lxml import html as lxml_html

        tree = lxml_html.fromstring(html)
        for bad in tree.xpath("//script|//style|//nav|//footer"):
            bad.drop_tree()
        text = tree.text_content()
    return text or ""


def _pdf_text(data: bytes) -> str:
    import pdfplumber

    pages = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                tables = page.find_tables()
                boxes = [t.bbox for t in tables]

                def outside(obj, boxes=boxes):
                    x = (obj["x0"] + obj["x1"]) / 2
                    y = (obj["top"] + obj["bottom"]) / 2
                    return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

                body = page.filter(outside).extract_text() if boxes else page.extract_text()
                parts = [body or ""]
                for table in tables:
                    rows = table.extract()
                    parts.append(
                        "\n".join(
                            "\t".join((c or "").replace("\n", " ").strip() for c in row)
                            for row in rows
                        )
                    )
                pages.append("\n".join(p for p in parts if p))
    except Exception as error:  # pdfminer raises many kinds on a broken file
        raise UnreadableDocument(
            f"PDF 파일을 읽을 수 없습니다. / The PDF file cannot be read ({error})."
        ) from error
    return "\n\n".join(pages)


def _docx_text(data: bytes) -> str:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    lines = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(block, document).text)
        elif tag == "tbl":
            for row in Table(block, document).rows:
                cells = []
                for cell in row.cells:
                    text = cell.text.replace("\n", " ").strip()
                    if not cells or cells[-1] is not cell:
                        cells.append(text)
                lines.append("\t".join(cells))
    return "\n".join(lines)


def _hwpx_text(data: bytes) -> str:
    """HWPX is a zip of OWPML XML; the section files hold paragraphs (hp:p) and tables (hp:tbl).

    Read with zipfile + lxml: python-hwpx parses into an object model meant for editing and gives
    no plain reading order of tables as rows, which is what the programme reader needs.
    """
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = sorted(
            (n for n in archive.namelist() if re.match(r"Contents/section\d+\.xml$", n)),
            key=lambda n: int(re.search(r"\d+", n.rsplit("/", 1)[-1]).group()),
        )
        if not names:
            raise UnreadableDocument(
                "HWPX 파일에 본문(section)이 없습니다. / The HWPX file has no section text."
            )
        lines: list[str] = []
        for name in names:
            root = etree.fromstring(archive.read(name))
            _hwpx_block(root, lines)
    return "\n".join(lines)


def _local(el) -> str:
    return el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""


def _hwpx_para(p) -> str:
    return "".join(t.text or "" for t in p.iter() if _local(t) == "t")


def _hwpx_table(table, lines: list[str]) -> None:
    for tr in (x for x in table.iter() if _local(x) == "tr"):
        cells = []
        for tc in (x for x in tr if _local(x) == "tc"):
            paras = [x for x in tc.iter() if _local(x) == "p"]
            cells.append(" ".join(_hwpx_para(p).strip() for p in paras).strip())
        lines.append("\t".join(cells))


def _hwpx_block(el, lines: list[str]) -> None:
    for child in el:
        tag = _local(child)
        if tag == "tbl":
            _hwpx_table(child, lines)
        elif tag == "p":
            tables = [x for x in child.iter() if _local(x) == "tbl"]
            for table in tables:
                _hwpx_table(table, lines)
            if not tables:
                lines.append(_hwpx_para(child))
        else:
            _hwpx_block(child, lines)


def _kind_of(path: Path, data: bytes) -> str:
    suffix = path.suffix.lower()
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK"):
        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except zipfile.BadZipFile:
            return "unknown"
        if any(n.startswith("word/") for n in names):
            return "docx"
        if any(n.startswith("Contents/") for n in names):
            return "hwpx"
        return "unknown"
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix in (".txt", ".text", ".md", ""):
        return "txt"
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "unknown"


def read_document(path: str | Path) -> str:
    """The document's text, or UnreadableDocument with a message for the user."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableDocument(
            f"파일을 열 수 없습니다: {path} / Cannot open the file: {path} ({error.strerror})"
        ) from error
    if not data.strip():
        raise UnreadableDocument(f"빈 파일입니다: {path} / The file is empty: {path}")
    kind = _kind_of(path, data)
    if kind == "unknown":
        raise UnreadableDocument(
            f"지원하지 않는 형식입니다: {path.name} (txt, html, pdf, docx, hwpx) / "
            f"Unsupported format: {path.name} (txt, html, pdf, docx, hwpx)"
        )
    reader = {
        "txt": _decode,
        "html": _html_text,
        "pdf": _pdf_text,
        "docx": _docx_text,
        "hwpx": _hwpx_text,
    }[kind]
    try:
        text = reader(data)
    except UnreadableDocument:
        raise
    except Exception as error:
        raise UnreadableDocument(
            f"문서를 읽을 수 없습니다: {path.name} / The document cannot be read: "
            f"{path.name} ({type(error).__name__})"
        ) from error
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        if kind == "pdf":
            raise UnreadableDocument(
                "PDF에 텍스트 층이 없습니다 (스캔본?). 텍스트가 있는 PDF나 원문을 넣어 주세요. / "
                "The PDF has no text layer (a scan?). Give a PDF with text, or the text itself."
            )
        raise UnreadableDocument(
            f"문서에 글자가 없습니다: {path.name} / The document has no text: {path.name}"
        )
    if kind == "txt" and _looks_binary(text):
        raise UnreadableDocument(
            f"텍스트 파일이 아닙니다: {path.name} / Not a text file: {path.name}"
        )
    return text


def _looks_binary(text: str) -> bool:
    sample = text[:4000]
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\t\r\f") or c == "\ufffd")
    return bad > len(sample) * 0.05
