"""Every language Hearth offers is complete: the interface's strings and the content."""

import pytest
from django.conf import settings
from django.core.management import call_command

from hearth.content_translations import all_gaps

TRANSLATED = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_question_deck_and_profile_item_has_a_current_translation(language):
    assert all_gaps(language) == []


def test_every_interface_string_has_a_compiled_translation(capsys):
    # Gathers the strings from a copy of the code, as a translator would, and fails listing
    # each one without a translation (or with a .mo not compiled from its .po).
    try:
        call_command("messages", "--check")
    except Exception:
        pytest.fail(capsys.readouterr().out)
