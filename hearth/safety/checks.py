from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Warning, register

from hearth.safety.resources import (
    ResourcesError,
    configured_file,
    is_shipped,
    load_resources,
    translated_file,
)


@register()
def help_resources_are_readable(**kwargs: Any) -> list[CheckMessage]:
    """Tell the host at start-up when their help resources file would not be shown."""
    try:
        load_resources(configured_file())
    except ResourcesError as error:
        return [
            Warning(
                str(error),
                hint="Fix the file or HEARTH_HELP_RESOURCES; until then /help/ shows "
                "the resources that ship with Hearth (docs/content-format.md).",
                id="safety.W001",
            )
        ]
    if is_shipped(configured_file()):
        return shipped_translations_are_readable()
    return []


def shipped_translations_are_readable() -> list[CheckMessage]:
    """A translation that breaks the format is passed over for the English; say so."""
    problems: list[CheckMessage] = []
    languages = dict.fromkeys(code.split("-")[0].lower() for code, _ in settings.LANGUAGES)
    for language in languages:
        path = translated_file(language)
        if language == "en" or not path.is_file():
            continue
        try:
            load_resources(path)
        except ResourcesError as error:
            problems.append(
                Warning(
                    str(error),
                    hint=f"Until it is fixed, people reading in {language!r} see the help "
                    "resources in English (docs/content-format.md).",
                    id="safety.W002",
                )
            )
    return problems
