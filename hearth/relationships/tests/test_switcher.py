"""The switcher in the header lists a person's relationships that aren't archived, by name, and
marks the one they are in."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from hearth.accounts.models import User
from hearth.relationships.tests.factories import RelationshipFactory, add_member

pytestmark = pytest.mark.django_db


def test_the_switcher_lists_open_relationships_by_name_and_marks_the_current_one(
    client: Client, alice: User
) -> None:
    zeta = RelationshipFactory.create(name="Zeta walkers")
    alpha = RelationshipFactory.create(name="Alpha family")
    closed = RelationshipFactory.create(name="Middle book club", archived_at=timezone.now())
    for relationship in (zeta, alpha, closed):
        add_member(relationship, alice)
    client.force_login(alice)

    page = client.get(reverse("questions:today", args=[zeta.pk])).content.decode()
    switcher = page.split('<details class="switcher">')[1].split("</details>")[0]
    assert re.findall(r">([^<>]+)</a></li>", switcher)[:2] == ["Alpha family", "Zeta walkers"]
    assert "Middle book club" not in switcher
    assert f'href="/r/{zeta.pk}/" aria-current="page">Zeta walkers' in switcher
    assert '<summary><span class="visually-hidden">Relationships: </span>Zeta walkers' in switcher
