import html

import pytest
from django.urls import reverse

from hearth.relationships import services
from hearth.relationships.models import Invitation, Relationship

pytestmark = pytest.mark.django_db


def test_starting_a_relationship_from_the_page(client, alice):
    client.force_login(alice)
    response = client.post(
        reverse("relationships:create"),
        {"name": "Sunday walks", "kind": "friendship", "phase": "deepening", "time_zone": "UTC"},
        follow=True,
    )
    relationship = Relationship.objects.get(name="Sunday walks")
    assert response.redirect_chain[-1][0] == reverse("relationships:detail", args=[relationship.pk])
    assert "Invite someone" in response.content.decode()


def test_a_form_with_bad_input_explains_and_saves_nothing(client, alice):
    client.force_login(alice)
    response = client.post(
        reverse("relationships:create"),
        {"name": "", "kind": "situationship", "phase": "new", "time_zone": "Nowhere/Land"},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"name", "kind", "time_zone"}
    assert not Relationship.objects.exists()


def test_members_see_each_other_on_the_relationship_page(client, ours, alice, bob):
    client.force_login(alice)
    page = client.get(reverse("relationships:detail", args=[ours.pk])).content.decode()
    assert "Alice" in page and "Bob" in page


def test_an_invitation_shows_its_link_and_code_to_members(client, ours, alice):
    client.force_login(alice)
    client.post(reverse("relationships:invite", args=[ours.pk]))
    invitation = Invitation.objects.get(relationship=ours)
    page = client.get(reverse("relationships:detail", args=[ours.pk])).content.decode()
    assert f"/invite/{invitation.token}/" in page
    assert invitation.display_code in page


def test_someone_without_an_account_is_sent_to_sign_up_and_back(client, ours, alice):
    invitation = services.invitation_create(member=ours.memberships.get(user=alice))
    page = client.get(reverse("relationships:invitation", args=[invitation.token]))
    assert page.status_code == 200
    assert f"/accounts/signup/?next=/invite/{invitation.token}/" in page.content.decode()

    signup = client.post(
        f"/accounts/signup/?next=/invite/{invitation.token}/",
        {
            "display_name": "Dana",
            "email": "dana@example.com",
            "password1": "plenty of words here",
            "password2": "plenty of words here",
            "time_zone": "Europe/Berlin",
            "is_adult": "on",
        },
    )
    assert signup.status_code == 302
    assert signup["Location"] == f"/invite/{invitation.token}/"
    client.post(signup["Location"])
    assert ours.memberships.current().filter(user__email="dana@example.com").exists()


def test_joining_by_code_with_spaces_and_lowercase(client, ours, alice, charlie):
    invitation = services.invitation_create(member=ours.memberships.get(user=alice))
    client.force_login(charlie)
    typed = f" {invitation.code[:4].lower()} {invitation.code[4:].lower()} "
    response = client.post(reverse("relationships:join"), {"code": typed})
    assert response.status_code == 302
    assert ours.memberships.current().filter(user=charlie).exists()


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("hello", "doesn't look like an invitation code"),
        ("ZZZZ-ZZZZ", "couldn't find an invitation"),
    ],
)
def test_joining_with_a_bad_code_explains_why(client, ours, charlie, code, message):
    client.force_login(charlie)
    response = client.post(reverse("relationships:join"), {"code": code})
    assert response.status_code == 200
    assert message in html.unescape(response.content.decode())
    assert not ours.memberships.filter(user=charlie).exists()


def test_a_used_invitation_link_is_not_found_even_for_the_one_who_used_it(
    client, ours, alice, bob, charlie
):
    invitation = services.invitation_create(member=ours.memberships.get(user=alice))
    services.invitation_accept(user=charlie, invitation=invitation)
    client.force_login(charlie)
    page = client.get(reverse("relationships:invitation", args=[invitation.token]))
    assert page.status_code == 404
    assert "already been used" in html.unescape(page.content.decode())


def test_an_unknown_invitation_link_is_a_clear_404(client):
    response = client.get(reverse("relationships:invitation", args=["not-a-real-token"]))
    assert response.status_code == 404
    assert "couldn't find that invitation" in html.unescape(response.content.decode())


def test_leaving_from_the_page(client, ours, alice):
    client.force_login(alice)
    confirm = client.get(reverse("relationships:leave", args=[ours.pk]))
    assert "archived, not deleted" in confirm.content.decode()
    client.post(reverse("relationships:leave", args=[ours.pk]))
    assert not ours.memberships.current().filter(user=alice).exists()
    assert client.get(reverse("relationships:detail", args=[ours.pk])).status_code == 404


def test_revoking_from_the_page(client, ours, alice):
    client.force_login(alice)
    invitation = services.invitation_create(member=ours.memberships.get(user=alice))
    client.post(reverse("relationships:revoke", args=[ours.pk, invitation.pk]))
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.REVOKED


def test_switching_between_relationships(client, alice, ours):
    client.force_login(alice)
    other = services.relationship_create(
        user=alice, name="Book club", kind="friendship", phase="new", time_zone="UTC"
    )
    client.get(reverse("relationships:detail", args=[other.pk]))
    home = client.get("/")
    assert home["Location"] == reverse("questions:today", args=[other.pk])
    nav = client.get(reverse("relationships:list")).content.decode()
    assert "Book club" in nav and "Alice &amp; Bob" in nav


def test_the_settings_page_changes_the_phase(client, ours, alice):
    client.force_login(alice)
    client.post(
        reverse("relationships:settings", args=[ours.pk]),
        {"name": "Us two", "phase": "reconnecting", "time_zone": "America/Toronto"},
    )
    ours.refresh_from_db()
    assert (ours.name, ours.phase, ours.time_zone) == ("Us two", "reconnecting", "America/Toronto")


def test_someone_who_joins_lands_on_todays_question(client, ours, alice, charlie):
    invitation = services.invitation_create(member=ours.memberships.get(user=alice))
    client.force_login(charlie)
    joined = client.post(reverse("relationships:invitation", args=[invitation.token]))
    assert joined.url == reverse("questions:today", args=[ours.pk])
    page = client.get(joined.url).content.decode()
    assert "answers open once all of you have answered" in page


def test_an_invitation_offers_its_link_to_copy_or_share_and_a_qr_code(client, ours, alice):
    services.invitation_create(member=ours.memberships.get(user=alice))
    client.force_login(alice)
    page = client.get(reverse("relationships:detail", args=[ours.pk])).content.decode()
    assert "data-share-url=" in page and "data-copy=" in page
    assert "<svg" in page and "QR code for the invitation" in page


def test_the_invitation_page_says_what_hearth_is_and_what_it_shares(client, ours, alice):
    invitation = services.invitation_create(member=ours.memberships.get(user=alice))
    page = client.get(reverse("relationships:invitation", args=[invitation.token])).content.decode()
    assert "What Hearth is" in page and "What the others will see" in page
    assert "What stays yours" in page


def test_a_newcomer_is_told_how_the_daily_ritual_works_and_to_invite_first(client, alice):
    client.force_login(alice)
    page = client.get(reverse("relationships:list")).content.decode()
    assert "Here is how Hearth works" in page and "all of you have answered" in page
    created = client.post(
        reverse("relationships:create"),
        {"name": "Us", "kind": "friendship", "phase": "new", "time_zone": "UTC"},
        follow=True,
    )
    assert "Invite someone first" in created.content.decode()
