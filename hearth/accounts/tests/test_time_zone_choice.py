"""The time-zone list is written once per process, yet reads exactly as Django's own select:
the person's zone chosen, every other zone there, names escaped."""

import pytest
from django import forms
from django.test import Client

from hearth.accounts.forms import ProfileForm
from hearth.accounts.models import User
from hearth.accounts.timezones import time_zone_choices
from hearth.widgets import PlainSelect


def django_select(value: str | None) -> str:
    select = forms.Select(attrs={"data-guess": "browser"}, choices=time_zone_choices())
    return select.render("time_zone", value, attrs={"id": "id_time_zone"})


@pytest.mark.parametrize("value", ["Europe/Madrid", "UTC", "America/Port-au-Prince", None, "Mars"])
def test_the_time_zone_select_reads_as_djangos_own(value: str | None) -> None:
    ours = PlainSelect(attrs={"data-guess": "browser"}, choices=time_zone_choices())
    assert ours.render("time_zone", value, attrs={"id": "id_time_zone"}) == django_select(value)


def test_only_the_chosen_zone_is_selected() -> None:
    html = PlainSelect(choices=time_zone_choices()).render(
        "time_zone", "America/Argentina/Buenos_Aires"
    )
    assert html.count(" selected") == 1
    assert '<option value="America/Argentina/Buenos_Aires" selected>' in html


def test_settings_shows_the_zone_just_saved(client: Client, alice: User) -> None:
    client.force_login(alice)
    page = client.get("/settings/").content.decode()
    assert f'<option value="{alice.time_zone}" selected>' in page
    response = client.post(
        "/settings/",
        {"display_name": "Alice", "pronouns": "", "time_zone": "Asia/Tokyo", "language": ""},
    )
    assert response.status_code == 302
    page = client.get("/settings/").content.decode()
    assert '<option value="Asia/Tokyo" selected>' in page
    assert page.count(" selected>") == 1 + page.count('<option value="" selected>')


def test_the_profile_form_still_refuses_an_unknown_zone(alice: User) -> None:
    form = ProfileForm(
        {"display_name": "Alice", "time_zone": "Mars/Olympus", "language": ""}, instance=alice
    )
    assert not form.is_valid()
    assert "time_zone" in form.errors
