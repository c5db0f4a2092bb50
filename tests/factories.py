"""factory_boy factories for the domain models; defaults echo the seed documents."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from forums.models import (
    Forum,
    ForumOrganiser,
    ForumPerson,
    ForumSeries,
    Session,
    SessionItem,
    SessionPerson,
)
from itineraries.models import (
    DelegationGroup,
    DelegationMember,
    Engagement,
    EngagementPerson,
    Stay,
    Stop,
    Trip,
)
from planner.models import (
    Agreement,
    Contact,
    CooperationArea,
    DocumentNote,
    FollowUp,
    Organisation,
    Person,
    Role,
    SourceDocument,
    Venue,
)

SEOUL = ZoneInfo("Asia/Seoul")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"staff{n}")
    is_staff = True
    password = factory.django.Password("pw-for-tests")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name_ko = factory.Sequence(lambda n: f"기관{n}")
    name_en = factory.Sequence(lambda n: f"Organisation {n}")
    kind = Organisation.Kind.MINISTRY
    country = "KR"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name_ko = factory.Sequence(lambda n: f"홍길동{n}")
    name_latin = factory.Sequence(lambda n: f"Hong Gildong {n}")
    position_ko = "과장"
    position_en = "Director"
    organisation = factory.SubFactory(OrganisationFactory)


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    name_ko = "김대중컨벤션센터"
    name_en = "Kimdaejung Convention Center"
    city_ko = "광주"
    city_en = "Gwangju"
    country = "KR"
    timezone = "Asia/Seoul"


class SourceDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SourceDocument

    title = factory.Sequence(lambda n: f"보도자료 {n}")
    kind = SourceDocument.Kind.PRESS_RELEASE
    text = "담당 부서\t인공지능정부실"


class DocumentNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentNote

    document = factory.SubFactory(SourceDocumentFactory)
    kind = DocumentNote.Kind.INFERENCE
    subject = "연도"
    text = "문서에 연도가 없어 발표 시점에서 추정함."


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    department = factory.SubFactory(OrganisationFactory, kind=Organisation.Kind.DIVISION)
    person = factory.SubFactory(PersonFactory)
    responsibility = Contact.Responsibility.RESPONSIBLE
    rank = "과장"
    phone = "044-205-2781"


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement

    title_ko = factory.Sequence(lambda n: f"디지털정부 협력 양해각서 {n}")
    title_en = factory.Sequence(lambda n: f"MOU on digital government {n}")
    signed_on = date(2023, 11, 22)
    in_force_from = date(2023, 11, 22)
    validity_years = 5


class CooperationAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CooperationArea

    agreement = factory.SubFactory(AgreementFactory)
    order = factory.Sequence(int)
    name_ko = "인공지능 활용"


class FollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUp

    agreement = factory.SubFactory(AgreementFactory)
    kind = FollowUp.Kind.EXPERT_EXCHANGE
    title = "전문가 교류"
    due_text = "내년 초까지"


class TripFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Trip

    title_ko = factory.Sequence(lambda n: f"차관 출장 {n}")
    title_en = factory.Sequence(lambda n: f"Vice-minister's trip {n}")
    organisation = factory.SubFactory(OrganisationFactory)
    head = factory.SubFactory(PersonFactory)
    start_date = date(2026, 7, 8)
    end_date = date(2026, 7, 15)
    status = Trip.Status.PLANNED


class StopFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stop

    trip = factory.SubFactory(TripFactory)
    order = factory.Sequence(lambda n: n + 1)
    city_ko = "베오그라드"
    city_en = "Belgrade"
    country = "RS"
    timezone = "Europe/Belgrade"


class EngagementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Engagement

    stop = factory.SubFactory(StopFactory)
    trip = factory.SelfAttribute("stop.trip")
    title_ko = factory.Sequence(lambda n: f"면담 {n}")
    date = date(2026, 7, 10)
    status = Engagement.Status.TENTATIVE


class EngagementPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EngagementPerson

    engagement = factory.SubFactory(EngagementFactory)
    person = factory.SubFactory(PersonFactory)
    role = Role.COUNTERPART
    side = EngagementPerson.Side.COUNTERPART


class DelegationGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DelegationGroup

    trip = factory.SubFactory(TripFactory)
    name = "K-AI Gov 얼라이언스 사절단"
    agency_count = 6


class DelegationMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DelegationMember

    trip = factory.SubFactory(TripFactory)
    organisation = factory.SubFactory(OrganisationFactory, kind=Organisation.Kind.AGENCY)
    role = DelegationMember.Role.AGENCY


class StayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stay

    trip = factory.SubFactory(TripFactory)
    venue = factory.SubFactory(
        VenueFactory,
        name_ko="호텔 모스크바",
        name_en="Hotel Moskva",
        city_ko="베오그라드",
        city_en="Belgrade",
        country="RS",
        timezone="Europe/Belgrade",
        address="Terazije 20",
    )
    check_in_date = date(2026, 7, 10)
    check_out_date = date(2026, 7, 12)


class ForumSeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ForumSeries

    name_ko = "정부혁신 미래전략 포럼"


class ForumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Forum

    series = factory.SubFactory(ForumSeriesFactory)
    edition = 6
    title_ko = factory.Sequence(lambda n: f"제6회 정부혁신 미래전략 포럼 {n}")
    theme_ko = "정부혁신을 위한 공공부문 AI 활용"
    date = date(2024, 11, 14)
    starts_at = datetime(2024, 11, 14, 15, 0, tzinfo=SEOUL)
    ends_at = datetime(2024, 11, 14, 17, 0, tzinfo=SEOUL)
    venue = factory.SubFactory(VenueFactory)
    timezone = factory.LazyAttribute(lambda o: o.venue.timezone if o.venue else "Asia/Seoul")
    rooms = "208~213호"
    status = Forum.Status.HELD


class ForumOrganiserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ForumOrganiser

    forum = factory.SubFactory(ForumFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = ForumOrganiser.Role.HOST


class ForumPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ForumPerson

    forum = factory.SubFactory(ForumFactory)
    role = Role.MC
    printed_as = "한국행정연구원 엄지선 연구위원"


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    forum = factory.SubFactory(ForumFactory)
    order = factory.Sequence(lambda n: n + 1)
    title_ko = "개회사"
    minutes = 3
    starts_at = factory.LazyAttribute(
        lambda s: datetime(2024, 11, 14, 15, 0, tzinfo=SEOUL) + timedelta(minutes=s.order)
    )


class SessionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionItem

    session = factory.SubFactory(SessionFactory)
    order = factory.Sequence(lambda n: n + 1)
    marker = "①"
    title_ko = "정부혁신을 위한 공공부문 AI 도입 추진 사례와 거버넌스"
    printed_as = "조세현 한국행정연구원 선임연구위원"


class SessionPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionPerson

    session = factory.SubFactory(SessionFactory)
    role = Role.PANELIST
    printed_as = factory.Sequence(lambda n: f"토론자{n}")
    order = factory.Sequence(int)


def open_until():
    """A registration deadline tomorrow: the factory forums are past events, whose
    registration otherwise closes at their start."""
    return timezone.now() + timedelta(days=1)
