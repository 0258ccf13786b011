"""Labels read as plain words or questions: no trailing colon on any form's labels or legends."""

import re

import pytest
from django.urls import reverse

from hearth.practices.selectors import practices_for

pytestmark = pytest.mark.django_db

COLON_LABEL = re.compile(r":\s*</(label|legend)>")


@pytest.mark.parametrize(
    "route",
    ["questions:preferences", "checkins:checkin", "relationships:list", "accounts:profile"],
)
def test_no_label_ends_in_a_colon(client, ours, alice, route):
    client.force_login(alice)
    args = [ours.pk] if route == "questions:preferences" else []
    page = client.get(reverse(route, args=args)).content.decode()
    assert "<label" in page
    assert COLON_LABEL.findall(page) == []


@pytest.mark.parametrize("page_of", ["gratitude", "practice"])
def test_two_forms_on_one_page_never_share_an_id(client, ours, alice, page_of):
    client.force_login(alice)
    if page_of == "gratitude":
        url = reverse("gratitude:page", args=[ours.pk])
    else:
        url = reverse("practices:practice", args=[ours.pk, practices_for(ours)[0].key])
    ids = re.findall(r'\bid="([^"]+)"', client.get(url).content.decode())
    assert [i for i in set(ids) if ids.count(i) > 1] == []
