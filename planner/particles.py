"""Korean particles chosen by the word they follow: "회의를", "서울로", not "을(를)", "(으)로".

Messages are translated once with a placeholder, so the Korean catalogue writes
both forms ("“%(title)s”을(를) 저장했습니다."); once the word is known the right
one is picked by ``tossi`` (which reads final consonants, numbers and quotes:
"v3으로", "“회의”를"). A word it cannot read (Latin script) keeps both forms.
"""

from __future__ import annotations

import re

import tossi

# The paired forms the catalogue uses, after the word they attach to.
_PAIRED = re.compile(
    r"(\S+?)(을\(를\)|를\(을\)|이\(가\)|가\(이\)|은\(는\)|는\(은\)|와\(과\)|과\(와\)|\(으\)로)"
)
_PLAIN = {"(으)로": "으로", "를(을)": "을", "가(이)": "이", "는(은)": "은", "과(와)": "와"}


def _choose(match: re.Match) -> str:
    word, paired = match.group(1), match.group(2)
    particle = _PLAIN.get(paired, paired[0])
    chosen = tossi.postfix(word, particle)
    if "(" in chosen[len(word) :]:  # tossi could not tell: keep the catalogue's form
        return word + paired
    return chosen


def with_particles(text: str) -> str:
    """Replace every paired particle by the form its word takes."""
    return _PAIRED.sub(_choose, text) if "(" in text else text
