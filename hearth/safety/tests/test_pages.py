"""The quiet path to help: open to anyone, recorded nowhere, told to nobody."""

import re

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hearth.activity.models import Activity
from hearth.safety import resources

pytestmark = pytest.mark.django_db

HELP, QUIET = "/help/", "/quiet/"
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER")


def row_counts() -> dict[str, int]:
    """How many rows every model's table holds (join tables included)."""
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models(include_auto_created=True)
    }


def writes_during(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return [
        q["sql"] for q in queries.captured_queries if q["sql"].lstrip().upper().startswith(WRITES)
    ]


def without_csrf_tokens(page: str) -> str:
    """A page as a person sees it; CSRF tokens are masked afresh on every request."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", page)


def test_the_urls_are_named():
    assert reverse("safety:help") == HELP
    assert reverse("safety:quiet") == QUIET


def test_the_help_page_is_open_to_someone_not_signed_in(client):
    response = client.get(HELP)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Quick exit" in page
    assert "call your local emergency number" in page.lower()


def test_the_help_page_shows_every_section_of_the_resources(client, alice):
    client.force_login(alice)
    page = client.get(HELP).content.decode()
    shipped = resources.load_resources(resources.DEFAULT_FILE)
    for section in shipped.sections:
        assert section.title.replace("'", "&#x27;") in page


@pytest.mark.parametrize("url", [HELP, QUIET])
def test_the_help_page_changes_nothing_in_the_database(client, alice, bob, ours, theirs, url):
    client.force_login(alice)
    before = row_counts()
    activities = list(Activity.objects.values_list("pk", "kind"))
    writes = writes_during(client, url)
    client.get(url)
    assert writes == []
    assert row_counts() == before
    assert list(Activity.objects.values_list("pk", "kind")) == activities


@pytest.mark.parametrize("url", [HELP, QUIET])
def test_the_pages_change_nothing_for_someone_not_signed_in(client, ours, url):
    before = row_counts()
    assert writes_during(client, url) == []
    assert row_counts() == before


@pytest.mark.parametrize("url", [HELP, QUIET])
def test_the_pages_only_answer_reading(client, alice, ours, url):
    client.force_login(alice)
    before = row_counts()
    assert client.post(url).status_code == 405
    assert row_counts() == before


@pytest.mark.parametrize("url", [HELP, QUIET])
def test_the_pages_are_not_cached_and_pass_on_no_address(client, alice, url):
    for signed_in in (False, True):
        if signed_in:
            client.force_login(alice)
        response = client.get(url)
        assert response["Cache-Control"] == "no-store"
        assert response["Referrer-Policy"] == "no-referrer"


def test_the_quick_exit_is_a_plain_link_that_works_without_javascript(client):
    page = client.get(HELP).content.decode()
    assert re.search(r'<a class="quick-exit" href="/quiet/" data-quick-exit>Quick exit</a>', page)


def test_the_quiet_page_looks_like_ordinary_notes(client, alice):
    client.force_login(alice)
    page = client.get(QUIET).content.decode()
    assert "<title>Notes</title>" in page
    for telltale in ("hearth", "help", "safety", "relationship", "alice", "log out", "<script"):
        assert telltale not in page.lower(), telltale


def test_a_hosts_own_resources_are_shown(client, settings, tmp_path):
    own = tmp_path / "ours.toml"
    own.write_text(
        'intro = "Our team is here for you."\n'
        "[[sections]]\n"
        'title = "Talk to our counsellors"\n'
        'text = "Someone answers every weekday."\n'
        "[[sections.contacts]]\n"
        'name = "Counselling team"\n'
        'reach = "help@counselling.example.org"\n'
    )
    settings.HELP_RESOURCES_FILE = own
    page = client.get(HELP).content.decode()
    assert "Our team is here for you." in page
    assert "Talk to our counsellors" in page
    assert "help@counselling.example.org" in page
    assert 'href="mailto:' not in page and "If you are in danger right now" not in page


def test_a_broken_resources_file_still_shows_help(client, settings, tmp_path, caplog):
    broken = tmp_path / "broken.toml"
    broken.write_text('[[sections]]\ntitle = "Unfinished"\n')
    settings.HELP_RESOURCES_FILE = broken
    response = client.get(HELP)
    assert response.status_code == 200
    page = response.content.decode()
    assert "If you are in danger right now" in page
    assert "Unfinished" not in page
    assert "broken.toml" in caplog.text


def test_even_with_no_readable_file_the_page_says_where_to_turn(
    client, settings, tmp_path, monkeypatch
):
    settings.HELP_RESOURCES_FILE = tmp_path / "missing.toml"
    monkeypatch.setattr(resources, "DEFAULT_FILE", tmp_path / "also-missing.toml")
    response = client.get(HELP)
    assert response.status_code == 200
    assert "Call your local emergency number" in response.content.decode()


def test_the_menu_offers_help_to_people_signed_in(client, alice, ours):
    client.force_login(alice)
    page = client.get(reverse("relationships:detail", args=[ours.pk])).content.decode()
    nav = page.split('<nav aria-label="Main">', 1)[1].split("</nav>", 1)[0]
    help_link = nav.split('<a href="/help/">', 1)[1].split("</a>", 1)[0]
    assert "Help and safety" in help_link  # its name; a phone shows "Help"
    footer = page.split('<footer class="site-footer">', 1)[1]
    assert '<a href="/help/">Help and safety</a>' in footer


def test_the_footer_offers_help_to_everyone(client):
    page = client.get(reverse("home")).content.decode()
    footer = page.split('<footer class="site-footer">', 1)[1]
    assert '<a href="/help/">Help and safety</a>' in footer


def test_every_page_loads_the_quick_exit_script_from_this_server(client, alice, ours):
    client.force_login(alice)
    for url in (reverse("home"), reverse("relationships:detail", args=[ours.pk]), HELP):
        page = client.get(url, follow=True).content.decode()
        assert (
            '<script src="/static/hearth/safety.js" data-quiet-url="/quiet/" defer></script>'
        ) in page


def test_another_member_sees_nothing_of_a_visit(alice, bob, ours):
    """Bob's pages read the same before and after Alice looks for help."""
    alices, bobs = Client(), Client()
    alices.force_login(alice)
    bobs.force_login(bob)
    bobs_pages = [
        reverse("relationships:detail", args=[ours.pk]),
        reverse("relationships:list"),
        reverse("activity:list"),
        reverse("home"),
    ]

    def what_bob_sees() -> list[str]:
        return [
            without_csrf_tokens(bobs.get(url, follow=True).content.decode()) for url in bobs_pages
        ]

    before = what_bob_sees()
    assert alices.get(HELP).status_code == 200
    assert alices.get(QUIET).status_code == 200
    assert what_bob_sees() == before
