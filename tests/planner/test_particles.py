"""Korean particles chosen by the word; countries in Korean order in Korean."""

import pytest
from django.template import Context, Template
from django.utils import translation
from django_countries import countries

from planner.particles import with_particles


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“회의”을(를) 저장했습니다.", "“회의”를 저장했습니다."),
        ("“만찬”을(를) 저장했습니다.", "“만찬”을 저장했습니다."),
        ("방문 도시 서울을(를) 추가했습니다.", "방문 도시 서울을 추가했습니다."),
        ("v3(으)로 발행합니다", "v3으로 발행합니다"),
        ("서울(으)로 이동", "서울로 이동"),
        ("부산(으)로 이동", "부산으로 이동"),
        (
            "전화번호 “010-1111-222”이(가) 올바르지 않습니다.",
            "전화번호 “010-1111-222”가 올바르지 않습니다.",
        ),
        ("김민재은(는) 같은 시간에", "김민재는 같은 시간에"),
        ("“홍길동”와(과) 일치하는", "“홍길동”과 일치하는"),
    ],
)
def test_with_particles_picks_the_form_of_the_word(text, expected):
    assert with_particles(text) == expected


def test_a_word_in_latin_script_keeps_both_forms():
    assert with_particles("“Geneva”을(를) 저장했습니다.") == "“Geneva”을(를) 저장했습니다."


def test_particles_filter_in_a_template():
    template = Template("{% load planner_display %}{{ text|particles }}")

    assert (
        template.render(Context({"text": "“회의”을(를) 추가했습니다."})) == "“회의”를 추가했습니다."
    )


def test_countries_sort_in_korean_order_in_korean():
    with translation.override("ko"):
        names = [name for _code, name in countries][:3]

    assert names == ["가나", "가봉", "가이아나"]
