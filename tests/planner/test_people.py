"""People created where they are chosen: search-as-you-type, "새 인물", duplicate warnings."""

import pytest
from django.urls import reverse

from itineraries.forms import DelegationMemberForm
from planner.models import Organisation, Person
from planner.people import possible_duplicates
from planner.permissions import EDITOR_GROUP, VIEWER_GROUP
from tests import factories as f
from tests.itineraries.conftest import HTMX

pytestmark = pytest.mark.django_db


def _logged_in(client, group: str):
    from django.contrib.auth.models import Group

    user = f.UserFactory(is_staff=False)
    user.groups.add(Group.objects.get_or_create(name=group)[0])
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(client):
    return _logged_in(client, EDITOR_GROUP)


@pytest.fixture
def viewer_client(client):
    return _logged_in(client, VIEWER_GROUP)


TARGET = {"field": "person", "id": "new-member-person"}


def _new(**fields) -> dict:
    data = {
        "newperson-name_ko": "황명석",
        "newperson-name_latin": "Hwang Myeong-seok",
        "newperson-position_ko": "정부혁신국장",
        "newperson-organisation": "",
        "newperson-new_organisation": "",
    }
    return {**TARGET, **data, **{f"newperson-{k}": v for k, v in fields.items()}}


def test_possible_duplicates_rank_the_same_name_in_the_same_organisation_first():
    ministry = f.OrganisationFactory(name_ko="행정안전부")
    elsewhere = f.PersonFactory(name_ko="황명석", name_latin="")
    same_org = f.PersonFactory(name_ko="황명석", name_latin="", organisation=ministry)
    latin = f.PersonFactory(name_ko="황명섭", name_latin="HWANG MYEONG-SEOK")
    f.PersonFactory(name_ko="김민재", name_latin="Kim Min-jae")

    found = possible_duplicates(
        name_ko="황명석", name_latin="Hwang Myeong-seok", organisation=ministry
    )

    assert [(d.person.pk, d.reason) for d in found] == [
        (same_org.pk, "이름과 기관이 같음"),
        (elsewhere.pk, "이름이 같음"),
        (latin.pk, "로마자 이름이 같음"),
    ]


def test_person_new_inline_creates_the_person_and_chooses_them(editor_client):
    response = editor_client.post(reverse("planner:person_new"), _new(), headers=HTMX)

    person = Person.objects.get(name_ko="황명석")
    page = response.content.decode()
    assert "<html" not in page
    assert 'id="new-member-person" class="krds-form-select" hx-swap-oob="true"' in page
    assert f'<option value="{person.pk}" selected>' in page
    assert (person.name_latin, person.position_ko) == ("Hwang Myeong-seok", "정부혁신국장")


def test_person_new_warns_of_a_namesake_and_creates_nothing(editor_client):
    known = f.PersonFactory(name_ko="황명석", name_latin="")

    response = editor_client.post(reverse("planner:person_new"), _new(), headers=HTMX)

    assert Person.objects.filter(name_ko="황명석").count() == 1
    page = response.content.decode()
    assert "같은 사람일 수 있습니다" in page
    assert f"pick={known.pk}" in page
    assert 'name="newperson-create_anyway"' in page
    assert 'value="Hwang Myeong-seok"' in page  # nothing typed is lost


def test_person_new_anyway_creates_the_namesake(editor_client):
    f.PersonFactory(name_ko="황명석", name_latin="")

    editor_client.post(reverse("planner:person_new"), _new(create_anyway="on"), headers=HTMX)

    assert Person.objects.filter(name_ko="황명석").count() == 2


def test_person_new_with_a_typed_organisation_reuses_a_known_one(editor_client):
    known = f.OrganisationFactory(name_ko="혁신기획과")

    editor_client.post(
        reverse("planner:person_new"), _new(new_organisation="혁신기획과"), headers=HTMX
    )
    editor_client.post(
        reverse("planner:person_new"),
        _new(name_ko="구경배", name_latin="", new_organisation="디지털정부혁신실"),
        headers=HTMX,
    )

    assert Person.objects.get(name_ko="황명석").organisation == known
    assert Person.objects.get(name_ko="구경배").organisation.name_ko == "디지털정부혁신실"
    assert Organisation.objects.count() == 2


def test_person_new_without_script_returns_to_the_form_it_came_from(editor_client):
    back = reverse("itineraries:member_add", args=[f.TripFactory().pk])

    response = editor_client.post(reverse("planner:person_new"), {**_new(), "next": back})

    assert response.status_code == 302
    assert response["Location"] == back
    assert Person.objects.filter(name_ko="황명석").exists()


def test_person_new_without_a_name_is_refused_in_korean(editor_client):
    response = editor_client.post(
        reverse("planner:person_new"), _new(name_ko="", name_latin=""), headers=HTMX
    )

    assert not Person.objects.exists()
    assert "한글 이름이나 로마자 이름을 입력하십시오." in response.content.decode()


def test_person_search_narrows_the_choice_as_staff_type(editor_client):
    hwang = f.PersonFactory(name_ko="황명석")
    f.PersonFactory(name_ko="김민재")

    response = editor_client.get(
        reverse("planner:person_search"), {**TARGET, "person__q": "황명"}, headers=HTMX
    )

    page = response.content.decode()
    assert f'<option value="{hwang.pk}" selected>' in page
    assert "김민재" not in page
    assert 'name="person" id="new-member-person"' in page


def test_person_search_pick_chooses_one_and_closes_the_new_person_box(editor_client):
    hwang = f.PersonFactory(name_ko="황명석")

    response = editor_client.get(
        reverse("planner:person_search"), {**TARGET, "pick": hwang.pk}, headers=HTMX
    )

    page = response.content.decode()
    assert f'<option value="{hwang.pk}" selected>' in page
    assert 'id="new-member-person-new" hx-swap-oob="true"' in page


def test_person_search_refuses_an_unsafe_target(editor_client):
    response = editor_client.get(
        reverse("planner:person_search"), {"field": "person", "id": '"><script>'}
    )

    assert response.status_code == 400


def test_viewer_cannot_create_people(viewer_client):
    response = viewer_client.post(reverse("planner:person_new"), _new(), headers=HTMX)

    assert response.status_code == 403
    assert not Person.objects.exists()


def test_delegation_member_form_offers_search_and_new_person():
    trip = f.TripFactory()

    html = str(DelegationMemberForm(trip=trip, auto_id="new-member-%s")["person"])

    assert 'name="person__q"' in html
    assert 'hx-target="#new-member-person"' in html
    assert reverse("planner:person_new") in html
    assert 'id="new-member-person-new"' in html
