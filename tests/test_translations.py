"""Every message staff can see has its Korean translation.

``makemessages`` is run over a copy of the source (it writes into the tree it reads),
and the catalogue it produces must hold no message that is new (no translation) or
fuzzy (a guess gettext made from a similar message, which Django does not use): either
would show English on a Korean page.
"""

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("planner", "itineraries", "forums", "templates", "locale", "manage.py")
GETTEXT = {"_", "gettext", "gettext_lazy", "ngettext", "pgettext", "npgettext", "gettext_noop"}


def untranslated(catalogue: str) -> list[str]:
    """The msgids of the entries that are fuzzy or have no translation."""
    missing = []
    for entry in catalogue.split("\n\n"):
        lines = [line for line in entry.splitlines() if not line.startswith("#~")]
        text = "\n".join(lines)
        msgid = "".join(re.findall(r'^(?:msgid )?"(.*)"$', _part(text, "msgid"), re.M))
        if not msgid:
            continue  # the header, or an obsolete entry
        strings = re.findall(r'^(?:msgstr(?:\[\d+\])? )?"(.*)"$', _part(text, "msgstr"), re.M)
        if re.search(r"^#,.*\bfuzzy\b", text, re.M) or not "".join(strings):
            missing.append(msgid)
    return missing


def _part(entry: str, keyword: str) -> str:
    """The lines of ``msgid`` (without ``msgid_plural``) or of every ``msgstr``."""
    found = re.search(rf"^{keyword}[ \[].*?(?=^msg(?!str\[)|\Z)", entry, re.M | re.S)
    return found.group(0) if found else ""


def test_the_checker_sees_a_missing_and_a_fuzzy_translation():
    catalogue = (
        'msgid ""\nmsgstr ""\n"Language: ko\\n"\n\n'
        'msgid "Save"\nmsgstr "저장"\n\n'
        'msgid "New"\nmsgstr ""\n\n'
        '#, fuzzy\n#| msgid "Keep it"\nmsgid "Keep as it is"\nmsgstr "그대로 두기"\n\n'
        'msgid "%(n)s row"\nmsgid_plural "%(n)s rows"\nmsgstr[0] "%(n)s행"\n\n'
        '#~ msgid "Old"\n#~ msgstr ""\n'
    )

    assert untranslated(catalogue) == ["New", "Keep as it is"]


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="gettext missing (make system-deps)")
def test_every_message_has_a_korean_translation(tmp_path):
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, tmp_path / name)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "ko", "-v0"],
        cwd=tmp_path,
        check=True,
    )

    catalogue = (tmp_path / "locale/ko/LC_MESSAGES/django.po").read_text()
    assert untranslated(catalogue) == []


def test_no_message_is_marked_inside_an_f_string():
    """xgettext does not read inside f-strings: a message marked there is left out of the
    catalogue, and its translation is dropped the next time makemessages runs."""
    found = []
    for app in ("planner", "itineraries", "forums"):
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                if not isinstance(node, ast.JoinedStr):
                    continue
                for call in ast.walk(node):
                    if (
                        isinstance(call, ast.Call)
                        and isinstance(call.func, ast.Name)
                        and call.func.id in GETTEXT
                    ):
                        found.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert found == []
