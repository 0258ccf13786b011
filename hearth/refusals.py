"""A rule's "no", and the one way a page shows it (the API turns it into a 400 in hearth/api.py)."""

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest


class Refusal(Exception):
    """A rule said no. The message is written for the person who asked, and nothing changed.

    `fields` names the inputs at fault, each with its own words, so a form can say why on every
    field; `field` is the short way to blame one input with the message itself."""

    def __init__(
        self, message: str, *, field: str | None = None, fields: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.fields: dict[str, str] = dict(fields or {})
        if field is not None:
            self.fields[field] = message


def refusal_on_form(form: forms.BaseForm, refusal: Refusal, field: str | None = None) -> None:
    """Each message on the field it names (a refusal naming none goes on `field`, if given);
    the message itself on top unless a field says it. A hidden input can't show a message, so
    its words go on top too."""
    named = refusal.fields or ({field: refusal.message} if field else {})
    on_fields = {
        name: text
        for name, text in named.items()
        if name in form.fields and not form[name].is_hidden
    }
    if refusal.message not in on_fields.values():
        form.add_error(None, refusal.message)
    for name, text in on_fields.items():
        form.add_error(name, text)


@contextmanager
def refusal_shown(
    request: HttpRequest, form: forms.BaseForm | None = None, field: str | None = None
) -> Iterator[None]:
    """Run services; if a rule says no, undo everything done inside and show its words: on the
    form's fields when there is a form (`field` takes those that name none), else as a message
    on the next page. A view returns its success from inside the block and carries on after
    it when refused:

        with refusal_shown(request, form):
            services.thing_do(...)
            return redirect(...)
        return render(..., {"form": form})
    """
    try:
        with transaction.atomic():
            yield
    except Refusal as refusal:
        if form is None:
            messages.error(request, refusal.message)
        else:
            refusal_on_form(form, refusal, field)
