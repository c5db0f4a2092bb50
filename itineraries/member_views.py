"""The delegation: people and agencies with a role, edited inline on the trip page."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from itineraries import services
from itineraries.crud import TripItemViews
from itineraries.forms import DelegationMemberForm
from itineraries.models import DelegationMember


class MemberViews(TripItemViews):
    model = DelegationMember
    form_class = DelegationMemberForm
    name, path, id_prefix = "member", "delegation", "member"
    regions = ("delegation",)
    related = ("person", "organisation")
    label_key = "member"
    add_title = gettext_lazy("New delegation member")
    added = gettext_lazy("Added %(member)s to the delegation.")
    delete_title = gettext_lazy("Remove a delegation member")
    delete_question = gettext_lazy("Remove %(member)s from the delegation? Its history is kept.")
    deleted = gettext_lazy("Removed %(member)s from the delegation.")
    delete_button = gettext_lazy("Remove")

    def save(self, item: DelegationMember, expected_revision: int | None) -> DelegationMember:
        return services.member_save(member=item, expected_revision=expected_revision)

    def hint_for(self, item: DelegationMember) -> str:
        if item.pk:
            return ""
        return _("A person, an agency, or both (a person and the agency they represent).")
