"""One renderer gives every form's widgets their KRDS classes (FORM_RENDERER)."""

import re

from django import forms


class Everything(forms.Form):
    name = forms.CharField(label="이름")
    count = forms.IntegerField(label="인원", required=False)
    kind = forms.ChoiceField(label="구분", choices=[("a", "가"), ("b", "나")])
    notes = forms.CharField(label="비고", widget=forms.Textarea, required=False)
    agreed = forms.BooleanField(label="동의", required=False)
    token = forms.CharField(widget=forms.HiddenInput, required=False)
    own = forms.CharField(widget=forms.TextInput(attrs={"class": "krds-input small"}))
    days = forms.MultipleChoiceField(
        label="요일", choices=[("mon", "월"), ("tue", "화")], widget=forms.CheckboxSelectMultiple
    )


def classes(html: str, name: str) -> str | None:
    tag = re.search(rf'<(?:input|select|textarea)[^>]*name="{name}"[^>]*>', html).group(0)
    found = re.search(r'class="([^"]*)"', tag)
    return found.group(1) if found else None


def test_every_widget_gets_its_krds_class_and_plain_inputs_keep_theirs():
    html = str(Everything())
    assert classes(html, "name") == "krds-input"
    assert classes(html, "count") == "krds-input"
    assert classes(html, "kind") == "krds-form-select"
    assert classes(html, "notes") == "krds-input"
    assert classes(html, "agreed") is None
    assert classes(html, "token") is None
    assert classes(html, "own") == "krds-input small"
    # A list of checkboxes is no <select>: neither it nor its boxes look like one.
    assert classes(html, "days") is None
    assert "krds-form-select" not in str(Everything()["days"])


def test_a_field_with_errors_is_marked_and_keeps_its_value():
    form = Everything({"name": "", "count": "많이", "kind": "a", "own": "x"})
    assert not form.is_valid()
    html = str(form)
    assert classes(html, "name") == "krds-input is-error"
    assert classes(html, "count") == "krds-input is-error"
    assert 'value="많이"' in html
    assert classes(html, "kind") == "krds-form-select"


def test_a_field_group_is_the_krds_form_group():
    form = Everything({"name": "", "kind": "a", "own": "x"})
    form.is_valid()
    group = form["name"].as_field_group()
    assert 'class="form-group has-error"' in group
    assert '<label for="id_name">이름</label>' in group
    assert 'class="form-hint-invalid"' in group
    assert 'class="krds-form-check"' in form["agreed"].as_field_group()
