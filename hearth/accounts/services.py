from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hearth.accounts.models import ApiToken, User, hash_token
from hearth.activity.models import Activity
from hearth.activity.services import activity_record
from hearth.refusals import Refusal


def profile_update(
    *,
    user: User,
    display_name: str,
    pronouns: str = "",
    time_zone: str = "UTC",
    language: str | None = None,
) -> User:
    """Save the profile; `language` is left as it was when None ("" follows the browser)."""
    user.display_name = display_name.strip()
    user.pronouns = pronouns.strip()
    user.time_zone = time_zone
    if language is not None:
        user.language = language
    user.full_clean(exclude=["password"])
    user.save(update_fields=["display_name", "pronouns", "time_zone", "language"])
    return user


@transaction.atomic
def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Make a personal API token; the raw token is returned once and never stored."""
    if not name.strip():
        raise Refusal(_("Give the token a name, so you can recognise it later."))
    raw = ApiToken.new_raw_token()
    token = ApiToken.objects.create(
        user=user, name=name.strip(), token_hash=hash_token(raw), hint=raw[:12]
    )
    activity_record(user=user, kind=Activity.Kind.TOKEN_CREATED, detail=token.name)
    return token, raw


def api_token_user(raw: str) -> User | None:
    """The active account a raw token belongs to, marking the token as used."""
    if not raw.startswith(ApiToken.PREFIX):
        return None
    token = ApiToken.objects.select_related("user").filter(token_hash=hash_token(raw)).first()
    if token is None or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user


def api_token_revoke(*, user: User, token_id: int) -> bool:
    deleted, _ = ApiToken.objects.filter(user=user, pk=token_id).delete()
    if deleted:
        activity_record(user=user, kind=Activity.Kind.TOKEN_REVOKED)
    return deleted > 0
