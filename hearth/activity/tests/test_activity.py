import pytest
from django.urls import reverse

from hearth.accounts.tests.factories import PASSWORD
from hearth.activity.models import Activity
from hearth.relationships import services

pytestmark = pytest.mark.django_db


def kinds(user) -> list[str]:
    return list(Activity.objects.filter(user=user).order_by("pk").values_list("kind", flat=True))


def test_sign_ins_and_membership_changes_are_in_the_persons_own_log(client, alice, charlie):
    client.post("/accounts/login/", {"login": "alice@example.com", "password": PASSWORD})
    relationship = services.relationship_create(
        user=alice, name="Us", kind="friendship", phase="new", time_zone="UTC"
    )
    invitation = services.invitation_create(member=relationship.memberships.get())
    services.invitation_accept(user=charlie, invitation=invitation)
    services.member_leave(member=relationship.memberships.get(user=charlie))
    assert kinds(alice) == ["signed_in", "relationship_started", "invited"]
    assert kinds(charlie) == ["joined", "left"]


def test_the_activity_page_shows_only_my_own(client, alice, bob):
    Activity.objects.create(user=bob, kind="exported")
    client.force_login(alice)
    Activity.objects.create(user=alice, kind="token_created", detail="alice-token")
    page = client.get(reverse("activity:list")).content.decode()
    assert "alice-token" in page
    assert page.count("Downloaded a copy") == 0
