"""The README tells what a newcomer trips over: dated sample data, the live view, viewers."""

from pathlib import Path

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_readme_says_the_sample_data_is_dated():
    assert "**14 November 2024**" in README
    assert "**8–15 July 2026**" in README


def test_readme_shows_the_live_view_of_a_past_event():
    assert "/forums/2/live/rehearsal/" in README and "2024-11-14 15:20" in README


def test_readme_says_how_to_create_a_viewer():
    assert "u.groups.add(Group.objects.get(name='viewer'))" in README
