"""Help and safety in Spanish: the page's frame, the shipped resources and the quick exit's notes.

The Spanish resources say the same as the English, section for section, with every number and
link exactly as they are; a host's own file is shown as written, whatever the reader's language.
"""

import re
import tomllib
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from hearth.safety import resources
from hearth.safety.checks import help_resources_are_readable
from hearth.safety.resources import DEFAULT_FILE, help_resources, load_resources, translated_file

HELP, QUIET = "/help/", "/quiet/"
SPANISH_FILE = translated_file("es")
NUMBER = re.compile(r"\+?\d[\d ().-]*\d|\d")
LINK = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|tel:\S+", re.IGNORECASE)


@pytest.fixture(autouse=True)
def language_restored():
    """A request in Spanish leaves Spanish active in this thread; the next test starts afresh."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


def read(path: Path) -> dict[str, object]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def fixed_parts(text: str) -> tuple[list[str], list[str]]:
    """What a translation must keep exactly: numbers and links, in order."""
    return NUMBER.findall(text), LINK.findall(text)


def compare(english: object, spanish: object, where: str) -> None:
    assert type(spanish) is type(english), where
    if isinstance(english, dict):
        assert isinstance(spanish, dict)
        assert sorted(spanish) == sorted(english), where
        for key in english:
            compare(english[key], spanish[key], f"{where}.{key}")
    elif isinstance(english, list):
        assert isinstance(spanish, list)
        assert len(spanish) == len(english), where
        for number, (e, s) in enumerate(zip(english, spanish, strict=True)):
            compare(e, s, f"{where}[{number}]")
    elif isinstance(english, str):
        assert isinstance(spanish, str)
        assert spanish.strip(), where
        assert fixed_parts(spanish) == fixed_parts(english), where
        if len(english) > 24:
            assert spanish.strip() != english.strip(), f"{where} is still the English"
    else:
        assert spanish == english, where


def sent_in_spanish(client, url: str) -> str:
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 200
    return response.content.decode()


def test_the_spanish_resources_have_the_english_structure_numbers_and_links():
    assert SPANISH_FILE.relative_to(DEFAULT_FILE.parent).parts == (
        "locale",
        "es",
        DEFAULT_FILE.name,
    )
    compare(read(DEFAULT_FILE), read(SPANISH_FILE), "help_resources")


def test_the_spanish_resources_load_and_invent_no_numbers_or_links():
    spanish, english = load_resources(SPANISH_FILE), load_resources(DEFAULT_FILE)
    assert len(spanish.intro) == len(english.intro)
    for ours, theirs in zip(spanish.sections, english.sections, strict=True):
        assert len(ours.paragraphs) == len(theirs.paragraphs), ours.title
        assert len(ours.points) == len(theirs.points), ours.title
        assert len(ours.contacts) == len(theirs.contacts), ours.title
    every_text = SPANISH_FILE.read_text()
    assert not re.search(r"\d{3}", every_text), "no phone numbers we cannot vouch for"
    assert not re.search(r"https?://|www\.|<a ", every_text)


def test_the_reader_gets_the_shipped_resources_in_their_language():
    with translation.override("es"):
        assert help_resources() == load_resources(SPANISH_FILE)
    with translation.override("en"):
        assert help_resources() == load_resources(DEFAULT_FILE)


@pytest.mark.django_db
def test_the_help_page_is_in_spanish_for_a_member(client, alice, ours):
    client.force_login(alice)
    page = sent_in_spanish(client, HELP)
    assert '<html lang="es"' in page
    assert "<title>Ayuda y seguridad" in page
    assert '<a class="quick-exit" href="/quiet/" data-quick-exit>Salida rápida</a>' in page
    assert "Pulsar Esc dos veces" in page
    assert "Nadie de tus relaciones recibe aviso" in page
    for section in load_resources(SPANISH_FILE).sections:
        assert section.title in page
    for english in (
        "Quick exit",
        "Nobody in your relationships",
        "If you are in danger right now",
        "Planning for your safety",
        "local emergency number",
    ):
        assert english not in page, english


@pytest.mark.django_db
def test_each_reader_gets_their_own_language_request_after_request(client):
    """Nothing read for one person is kept for the next: the languages alternate cleanly."""
    for language, title, other in [
        ("es", "Si estás en peligro ahora mismo", "If you are in danger right now"),
        ("en", "If you are in danger right now", "Si estás en peligro ahora mismo"),
        ("es", "Planificar tu seguridad", "Planning for your safety"),
    ]:
        response = client.get(HELP, HTTP_ACCEPT_LANGUAGE=language)
        page = response.content.decode()
        assert title in page and other not in page, language
        assert "Accept-Language" in response["Vary"]
        assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_a_hosts_own_resources_are_shown_as_written_to_a_spanish_reader(client, settings, tmp_path):
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
    page = sent_in_spanish(client, HELP)
    assert "Our team is here for you." in page
    assert "Talk to our counsellors" in page
    assert "help@counselling.example.org" in page
    assert "Salida rápida" in page
    assert "Si estás en peligro ahora mismo" not in page


@pytest.mark.django_db
def test_a_broken_host_file_falls_back_to_the_shipped_resources_in_spanish(
    client, settings, tmp_path
):
    broken = tmp_path / "broken.toml"
    broken.write_text('[[sections]]\ntitle = "Unfinished"\n')
    settings.HELP_RESOURCES_FILE = broken
    page = sent_in_spanish(client, HELP)
    assert "Si estás en peligro ahora mismo" in page
    assert "Unfinished" not in page


@pytest.mark.django_db
def test_a_broken_translation_falls_back_to_the_english_and_the_host_is_told(
    client, settings, tmp_path, monkeypatch
):
    shipped = tmp_path / "help_resources.toml"
    shipped.write_text(DEFAULT_FILE.read_text())
    (tmp_path / "locale" / "es").mkdir(parents=True)
    (tmp_path / "locale" / "es" / "help_resources.toml").write_text('intro = "Hola"\n')
    monkeypatch.setattr(resources, "DEFAULT_FILE", shipped)
    settings.HELP_RESOURCES_FILE = shipped
    page = sent_in_spanish(client, HELP)
    assert "If you are in danger right now" in page
    assert "Salida rápida" in page
    (warning,) = help_resources_are_readable()
    assert warning.id == "safety.W002"
    assert "help_resources.toml" in warning.msg


def test_the_shipped_translations_pass_the_start_up_check():
    assert help_resources_are_readable() == []


@pytest.mark.django_db
def test_even_with_no_readable_file_the_spanish_page_says_where_to_turn(
    client, settings, tmp_path, monkeypatch
):
    settings.HELP_RESOURCES_FILE = tmp_path / "missing.toml"
    monkeypatch.setattr(resources, "DEFAULT_FILE", tmp_path / "also-missing.toml")
    page = sent_in_spanish(client, HELP)
    assert "Llama al número de emergencias de tu zona" in page
    assert "Call your local emergency number" not in page


@pytest.mark.django_db
def test_the_quiet_page_is_ordinary_notes_in_spanish(client, alice):
    client.force_login(alice)
    page = sent_in_spanish(client, QUIET)
    assert '<html lang="es">' in page
    assert "<title>Notas</title>" in page
    assert "Leche de avena" in page and "Oat milk" not in page
    for telltale in ("hearth", "ayuda", "seguridad", "salida", "relaci", "alice", "<script"):
        assert telltale not in page.lower(), telltale
