"""The activity log in Spanish."""

import pytest
from django.urls import reverse

from hearth.activity.models import Activity

pytestmark = pytest.mark.django_db


def test_the_activity_page_speaks_spanish(client, alice):
    Activity.objects.create(user=alice, kind="token_created", detail="alice-token")
    client.force_login(alice)
    page = client.get(reverse("activity:list"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Tu actividad" in page and "Creaste un token de la API" in page
    assert "Your activity" not in page and "Made an API token" not in page
    assert "alice-token" in page, "what the person named stays as they wrote it"
