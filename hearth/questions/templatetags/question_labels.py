"""Topics, depths and responses by their names in the reader's language."""

from django import template

from hearth.questions import labels
from hearth.relationships.models import Member

register = template.Library()

register.filter("category_label", labels.category_label)
register.filter("depth_label", labels.depth_label)
register.filter("response_label", labels.response_label)


@register.filter
def option_label(options: list[tuple[int, str]], value: int) -> str:
    """The words of option `value` among (value, words) pairs; empty when there is none."""
    return next((str(label) for number, label in options if number == value), "")


@register.filter
def names(members: list[Member]) -> str:
    """Members' names in a row, separated by commas."""
    return ", ".join(member.display_name for member in members)
