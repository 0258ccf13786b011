from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def email_can_send() -> bool:
    """Whether this Hearth really sends e-mail (settings.EMAIL_CAN_SEND)."""
    return bool(settings.EMAIL_CAN_SEND)
