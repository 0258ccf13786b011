"""The names of the bank's topics, depths and responses, in the reader's language.

The models keep their English labels (the database's choices); pages, forms and messages show
these, which translate.
"""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hearth.questions.models import Category, Depth, ResponseKind

CATEGORY_LABELS: dict[str, Promise] = {
    Category.EMOTIONAL: _("Emotional"),
    Category.PHYSICAL_AFFECTION: _("Physical affection"),
    Category.SEXUAL: _("Sexual"),
    Category.SPIRITUAL_VALUES: _("Spiritual and values"),
    Category.INTELLECTUAL: _("Intellectual"),
    Category.RECREATIONAL: _("Recreational and fun"),
    Category.GRATITUDE: _("Gratitude and appreciation"),
    Category.TRUST: _("Trust"),
    Category.COMMUNICATION: _("Communication"),
    Category.MEMORIES: _("Memories"),
    Category.DREAMS_FUTURE: _("Dreams and future"),
    Category.FAMILY_ROOTS: _("Family and roots"),
    Category.SUPPORT_STRESS: _("Support under stress"),
}

DEPTH_LABELS: dict[int, Promise] = {
    # Translators: how deep a question goes: light, personal or vulnerable.
    Depth.LIGHT: pgettext_lazy("question depth", "Light"),
    Depth.PERSONAL: pgettext_lazy("question depth", "Personal"),
    Depth.VULNERABLE: pgettext_lazy("question depth", "Vulnerable"),
}

RESPONSE_LABELS: dict[str, Promise] = {
    ResponseKind.THANKS: _("Thank you for telling me"),
    ResponseKind.SAME: _("I feel that too"),
    ResponseKind.MORE: _("Tell me more"),
    ResponseKind.MEANS_A_LOT: _("That means a lot to me"),
    ResponseKind.HERE: _("I'm here for you"),
    # Translators: a written reply to someone's answer, as one kind of response.
    ResponseKind.REPLY: pgettext_lazy("response kind", "Reply"),
}


def category_label(value: str) -> str:
    label = CATEGORY_LABELS.get(value)
    return str(label) if label is not None else value


def depth_label(value: int) -> str:
    label = DEPTH_LABELS.get(value)
    return str(label) if label is not None else str(value)


def response_label(value: str) -> str:
    label = RESPONSE_LABELS.get(value)
    return str(label) if label is not None else value


def category_choices() -> list[tuple[str, Promise]]:
    """(value, label) for every topic, the labels translating when shown."""
    return [(value, CATEGORY_LABELS[value]) for value in Category.values]


def reaction_choices() -> list[tuple[str, Promise]]:
    """The quick responses to an answer (a written reply is its own form)."""
    return [(k, RESPONSE_LABELS[k]) for k in ResponseKind.values if k != ResponseKind.REPLY]
