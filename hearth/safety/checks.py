from typing import Any

from django.core.checks import CheckMessage, Warning, register

from hearth.safety.resources import ResourcesError, configured_file, load_resources


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
    return []
