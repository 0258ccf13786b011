"""The library page draws its cards once per language, relationship and set of practices, and
follows whatever changes that set: a boundary, consent, the phase; and the reader's language."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from hearth.accounts.models import User
from hearth.practices.library import by_key
from hearth.questions.services import boundaries_set
from hearth.relationships.models import Relationship
from hearth.relationships.tests.factories import RelationshipFactory, add_member

pytestmark = pytest.mark.django_db


def cards(client: Client, relationship: Relationship, language: str = "en") -> list[str]:
    url = reverse("practices:library", args=[relationship.pk])
    page = client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    listed = page.split('<ul class="cards grid two">')[1].split("</ul>")[0]
    return re.findall(rf'href="/r/{relationship.pk}/practices/([\w-]+)/"', listed)


def test_a_boundary_set_after_the_cards_were_drawn_takes_its_practices_away(
    client: Client, ours: Relationship, alice: User, bob: User
) -> None:
    client.force_login(alice)
    before = cards(client, ours)
    assert any(by_key()[key].category == "gratitude" for key in before)
    boundaries_set(user=bob, categories={"gratitude"})
    after = cards(client, ours)
    assert after and all(by_key()[key].category != "gratitude" for key in after)


def test_the_cards_speak_the_reader_s_language(
    client: Client, ours: Relationship, alice: User
) -> None:
    client.force_login(alice)
    url = reverse("practices:library", args=[ours.pk])
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    spanish = client.get(url, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert '<p class="eyebrow">Gratitude</p>' in english
    assert '<p class="eyebrow">Gratitud</p>' in spanish
    assert '<p class="eyebrow">Gratitude</p>' not in spanish


def test_each_relationship_s_cards_lead_to_its_own_pages(
    client: Client, ours: Relationship, alice: User
) -> None:
    twin = RelationshipFactory.create(kind=ours.kind, phase=ours.phase)
    add_member(twin, alice)
    client.force_login(alice)
    assert cards(client, ours) == cards(client, twin)
    page = client.get(reverse("practices:library", args=[twin.pk])).content.decode()
    assert f"/r/{ours.pk}/practices/" not in page
