"""The names of the bank's topics, depths and responses, in the reader's language (the models'
choices carry the translatable labels); unknown values are shown as they are."""

from django.utils.functional import Promise

from hearth.questions.models import Category, Depth, ResponseKind


def category_label(value: str) -> str:
    return str(Category(value).label) if value in Category.values else value


def depth_label(value: int) -> str:
    return str(Depth(value).label) if value in Depth.values else str(value)


def response_label(value: str) -> str:
    return str(ResponseKind(value).label) if value in ResponseKind.values else value


def category_choices() -> list[tuple[str, str | Promise]]:
    """(value, label) for every topic, the labels translating when shown."""
    return list(Category.choices)


def reaction_choices() -> list[tuple[str, str | Promise]]:
    """The quick responses to an answer (a written reply is its own form)."""
    return [(k, label) for k, label in ResponseKind.choices if k != ResponseKind.REPLY]
