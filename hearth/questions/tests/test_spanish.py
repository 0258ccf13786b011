"""The question pages and the API in Spanish: the interface's words, and the bank's questions
where content/locale/es has them."""

import json
from pathlib import Path

import pytest
from django.utils.html import escape

from hearth.content_translations import catalogue, fingerprint
from hearth.questions.models import Question
from hearth.questions.tests.factories import todays_prompt
from hearth.tests.api import Caller

pytestmark = pytest.mark.django_db

SPANISH = {"HTTP_ACCEPT_LANGUAGE": "es"}


@pytest.fixture
def spanish_question(settings, tmp_path):
    """A content folder like the real one whose Spanish has one question, written here."""

    def translate(question: Question, text: str, choices: list[str] | None = None) -> None:
        real = Path(settings.CONTENT_DIR)
        for item in real.iterdir():
            if item.name != "locale":
                (tmp_path / item.name).symlink_to(item)
        english: dict[str, object] = {"text": question.text}
        entry: dict[str, object] = {"source": "", "text": text}
        if question.choices:
            english["choices"] = list(question.choices)
            entry["choices"] = choices or []
        entry["source"] = fingerprint(english)
        lines = [f"[{json.dumps(question.key)}]"]
        lines += [
            f"{field} = {json.dumps(value, ensure_ascii=False)}" for field, value in entry.items()
        ]
        folder = tmp_path / "locale" / "es" / "questions"
        folder.mkdir(parents=True)
        (folder / f"{question.category}.toml").write_text("\n".join(lines) + "\n")
        settings.CONTENT_DIR = str(tmp_path)
        catalogue.cache_clear()

    yield translate
    catalogue.cache_clear()


def test_the_prompt_page_speaks_spanish(client, ours, alice):
    prompt = todays_prompt(ours)
    client.force_login(alice)
    page = client.get(f"/r/{ours.pk}/today/", **SPANISH).content.decode()
    assert "Saltar esta pregunta" in page
    assert "Skip this question" not in page
    english = client.get(f"/r/{ours.pk}/today/").content.decode()
    assert "Skip this question" in english
    assert escape(prompt.question.text) in english


def test_a_question_shows_in_spanish_where_the_content_has_it(
    client, ours, alice, spanish_question
):
    prompt = todays_prompt(ours)
    question = prompt.question
    choices = [f"Opción {n}" for n in range(1, len(question.choices) + 1)]
    spanish_question(question, "¿Qué te hizo sonreír hoy, aunque fuera un momento?", choices)
    client.force_login(alice)

    page = client.get(f"/r/{ours.pk}/prompts/{prompt.pk}/", **SPANISH).content.decode()
    assert escape("¿Qué te hizo sonreír hoy, aunque fuera un momento?") in page
    assert all(escape(choice) in page for choice in choices)

    as_alice = Caller(client, alice)
    as_alice.auth.update(SPANISH)
    shown = as_alice.call("GET", f"/api/relationships/{ours.pk}/prompts/{prompt.pk}").json()
    assert shown["question"]["text"] == "¿Qué te hizo sonreír hoy, aunque fuera un momento?"
    assert shown["question"]["choices"] == choices

    # In English, and in the export's words, the question stays as written.
    english = Caller(client, alice).call("GET", f"/api/relationships/{ours.pk}/prompts/{prompt.pk}")
    assert english.json()["question"]["text"] == question.text


def test_the_journal_finds_a_question_by_its_spanish_words(
    client, ours, alice, bob, spanish_question
):
    from hearth.questions.tests.factories import answer_as

    prompt = todays_prompt(ours)
    answer_as(ours.memberships.get(user=alice), prompt)
    answer_as(ours.memberships.get(user=bob), prompt)
    spanish_question(
        prompt.question, "Una pregunta con la palabra murciélago dentro.", ["a", "b", "c"]
    )
    client.force_login(alice)
    found = client.get(f"/r/{ours.pk}/journal/?q=murciélago", **SPANISH).content.decode()
    assert "Una pregunta con la palabra murciélago dentro." in found
    english_words = prompt.question.text.split()[0]
    assert (
        "Lo que coincide"
        in client.get(f"/r/{ours.pk}/journal/?q={english_words}", **SPANISH).content.decode()
    )


def test_refusals_through_the_api_speak_spanish(client, ours, alice):
    prompt = todays_prompt(ours)
    as_alice = Caller(client, alice)
    as_alice.auth.update(SPANISH)
    refused = as_alice.call(
        "PUT",
        f"/api/relationships/{ours.pk}/prompts/{prompt.pk}/answer",
        {"text": "", "choice": None},
    )
    assert refused.status_code == 400
    detail = refused.json()["detail"]
    assert detail in (
        "Escribe algo primero; bastan unas pocas palabras.",
        "Elige una de las opciones y, si quieres, añade unas palabras.",
    )
