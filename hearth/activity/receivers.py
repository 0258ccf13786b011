from typing import Any

from allauth.account.signals import password_changed, password_reset
from allauth.mfa.signals import authenticator_added, authenticator_removed
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver

from hearth.activity.models import Activity
from hearth.activity.services import activity_record


@receiver(user_logged_in)
def signed_in(sender: Any, user: Any, **kwargs: Any) -> None:
    activity_record(user=user, kind=Activity.Kind.SIGNED_IN)


@receiver(user_logged_out)
def signed_out(sender: Any, user: Any, **kwargs: Any) -> None:
    activity_record(user=user, kind=Activity.Kind.SIGNED_OUT)


@receiver(password_changed)
def changed_password(sender: Any, user: Any, **kwargs: Any) -> None:
    activity_record(user=user, kind=Activity.Kind.PASSWORD_CHANGED)


@receiver(password_reset)
def reset_password(sender: Any, user: Any, **kwargs: Any) -> None:
    activity_record(user=user, kind=Activity.Kind.PASSWORD_RESET)


@receiver(authenticator_added)
@receiver(authenticator_removed)
def changed_mfa(sender: Any, user: Any, authenticator: Any = None, **kwargs: Any) -> None:
    kind = getattr(authenticator, "type", "")
    activity_record(user=user, kind=Activity.Kind.MFA_CHANGED, detail=str(kind))
