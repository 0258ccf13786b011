from datetime import timedelta

import pytest
from django.utils import timezone

from hearth.accounts.tests.factories import UserFactory
from hearth.relationships import services
from hearth.relationships.models import Invitation, Member, Relationship
from hearth.relationships.services import MembershipError
from hearth.relationships.tests.factories import RelationshipFactory, add_member

pytestmark = pytest.mark.django_db


def test_starting_a_relationship_makes_its_creator_the_first_member(alice):
    relationship = services.relationship_create(
        user=alice, name="  Us  ", kind="family", phase="long_term", time_zone="Asia/Tokyo"
    )
    assert relationship.name == "Us"
    assert list(relationship.memberships.values_list("user", flat=True)) == [alice.pk]


def test_a_relationship_needs_a_known_time_zone(alice):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.relationship_create(
            user=alice, name="Us", kind="romantic", phase="new", time_zone="Mars/Olympus"
        )
    assert not Relationship.objects.exists()


def test_accepting_an_invitation_makes_a_member_and_uses_the_invitation(ours, alice, charlie):
    invitation = services.invitation_create(member=ours.memberships.get(user=alice))
    member = services.invitation_accept(user=charlie, invitation=invitation)
    assert member.relationship == ours
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.ACCEPTED
    assert invitation.accepted_by == charlie


def test_an_invitation_works_only_once(ours, alice, charlie):
    invitation = services.invitation_create(member=ours.memberships.get(user=alice))
    services.invitation_accept(user=charlie, invitation=invitation)
    with pytest.raises(MembershipError, match="already been used"):
        services.invitation_accept(user=UserFactory.create(), invitation=invitation)
    assert ours.memberships.current().count() == 3


def test_an_expired_invitation_changes_nothing(ours, alice, charlie):
    invitation = services.invitation_create(member=ours.memberships.get(user=alice))
    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=timezone.now() - timedelta(days=8),
        expires_at=timezone.now() - timedelta(days=1),
    )
    with pytest.raises(MembershipError, match="expired"):
        services.invitation_accept(user=charlie, invitation=invitation)
    assert not ours.memberships.filter(user=charlie).exists()


def test_a_revoked_invitation_no_longer_works(ours, alice, charlie):
    alices = ours.memberships.get(user=alice)
    invitation = services.invitation_create(member=alices)
    services.invitation_revoke(member=alices, invitation_id=invitation.pk)
    with pytest.raises(MembershipError, match="withdrawn"):
        services.invitation_accept(user=charlie, invitation=invitation)


def test_a_member_cannot_revoke_another_relationships_invitation(ours, theirs, alice, charlie):
    invitation = services.invitation_create(member=theirs.memberships.get(user=charlie))
    with pytest.raises(MembershipError):
        services.invitation_revoke(
            member=ours.memberships.get(user=alice), invitation_id=invitation.pk
        )
    invitation.refresh_from_db()
    assert invitation.revoked_at is None


def test_a_relationship_holds_at_most_twelve_members(alice):
    relationship = RelationshipFactory.create(kind="family")
    first = add_member(relationship, alice)
    invitations = [services.invitation_create(member=first) for _ in range(11)]
    extra = services.invitation_create(member=first)
    for invitation in invitations:
        services.invitation_accept(user=UserFactory.create(), invitation=invitation)
    assert relationship.memberships.current().count() == 12

    with pytest.raises(MembershipError, match="12 members"):
        services.invitation_accept(user=UserFactory.create(), invitation=extra)
    with pytest.raises(MembershipError, match="full"):
        services.invitation_create(member=first)
    assert relationship.memberships.current().count() == 12
    extra.refresh_from_db()
    assert extra.status == Invitation.Status.PENDING


def test_a_current_member_cannot_join_twice(ours, alice, bob):
    invitation = services.invitation_create(member=ours.memberships.get(user=alice))
    with pytest.raises(MembershipError, match="already a member"):
        services.invitation_accept(user=bob, invitation=invitation)


def test_leaving_keeps_history_and_archives_a_relationship_left_with_one_member(ours, alice, bob):
    services.member_leave(member=ours.memberships.get(user=alice))
    ours.refresh_from_db()
    assert ours.is_archived
    assert Relationship.objects.filter(pk=ours.pk).exists()
    alices = Member.objects.get(relationship=ours, user=alice)
    assert alices.left_at is not None
    assert list(ours.memberships.current().values_list("user", flat=True)) == [bob.pk]


def test_a_relationship_with_others_remaining_stays_open_when_one_leaves(ours, alice, charlie):
    invitation = services.invitation_create(member=ours.memberships.get(user=alice))
    services.invitation_accept(user=charlie, invitation=invitation)
    services.member_leave(member=ours.memberships.get(user=alice))
    ours.refresh_from_db()
    assert not ours.is_archived
    assert ours.memberships.current().count() == 2


def test_someone_who_left_can_come_back_with_a_new_invitation(ours, alice, bob, charlie):
    invitation = services.invitation_create(member=ours.memberships.get(user=alice))
    services.invitation_accept(user=charlie, invitation=invitation)
    services.member_leave(member=ours.memberships.get(user=bob))
    again = services.invitation_create(member=ours.memberships.get(user=alice))
    services.invitation_accept(user=bob, invitation=again)
    assert ours.memberships.filter(user=bob).count() == 2
    assert ours.memberships.current().filter(user=bob).count() == 1


def test_an_archived_relationship_takes_no_invitations_until_reopened(ours, alice):
    alices = ours.memberships.get(user=alice)
    services.relationship_archive(member=alices)
    with pytest.raises(MembershipError, match="archived"):
        services.invitation_create(member=alices)
    services.relationship_reopen(member=alices)
    assert services.invitation_create(member=alices).status == Invitation.Status.PENDING


def test_a_person_can_belong_to_several_relationships(alice):
    from hearth.relationships.selectors import memberships_of

    for kind in ("romantic", "friendship", "family"):
        services.relationship_create(
            user=alice, name=kind.title(), kind=kind, phase="new", time_zone="UTC"
        )
    assert sorted(m.relationship.kind for m in memberships_of(alice)) == [
        "family",
        "friendship",
        "romantic",
    ]


@pytest.mark.parametrize("code", ["", "abc", "ABCD-EFG!", "0000-0000", "ABCD-EFGHJ"])
def test_malformed_codes_get_a_clear_message(code):
    with pytest.raises(MembershipError, match="doesn't look like an invitation code"):
        services.check_code_format(code)


def test_codes_are_read_forgivingly():
    assert services.check_code_format(" abcd-efgh ") == "ABCDEFGH"
