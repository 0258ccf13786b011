from datetime import datetime, time

from django.http import HttpRequest
from ninja import Field, Router, Schema

from hearth.api_types import errors, me
from hearth.notifications import selectors, services
from hearth.notifications.models import DeliveryPreferences, NotificationKind

router = Router(tags=["notifications"])


class NotificationOut(Schema):
    id: int
    kind: NotificationKind
    text: str = Field(description="What it says, in words for the person; never anyone's answer.")
    relationship_id: int | None
    url: str = Field(description="The page it leads to.")
    created_at: datetime
    read: bool


class NotificationsOut(Schema):
    unread: int
    notifications: list[NotificationOut]


class ReadIn(Schema):
    ids: list[int] | None = Field(None, max_length=200, description="Leave out to mark all.")


class DeliveryOut(Schema):
    push: bool = Field(description="Send notifications to the devices you turned it on for.")
    email: DeliveryPreferences.Email
    quiet_start: time = Field(description="Quiet hours, in your own time zone.")
    quiet_end: time = Field(description="The same as quiet_start for no quiet hours.")


def listed(request: HttpRequest) -> NotificationsOut:
    user = me(request)
    return NotificationsOut(
        unread=selectors.unread_count(user),
        notifications=[
            NotificationOut(
                id=n.pk,
                kind=NotificationKind(n.kind),
                text=selectors.headline(n),
                relationship_id=n.relationship_id,
                url=n.url,
                created_at=n.created_at,
                read=not n.is_unread,
            )
            for n in selectors.notifications_of(me(request))
        ],
    )


@router.get(
    "/notifications",
    response={200: NotificationsOut, **errors()},
    summary="What waits for you, newest first",
)
def notifications_list(request: HttpRequest) -> NotificationsOut:
    return listed(request)


@router.post(
    "/notifications/read",
    response={200: NotificationsOut, **errors(400, 422)},
    summary="Mark notifications read (these, or all)",
)
def notifications_read(request: HttpRequest, body: ReadIn) -> NotificationsOut:
    services.notifications_read(user=me(request), ids=body.ids)
    return listed(request)


@router.get(
    "/me/delivery",
    response={200: DeliveryOut, **errors()},
    summary="How Hearth may reach you outside the app",
)
def delivery_get(request: HttpRequest) -> DeliveryPreferences:
    return services.delivery_preferences_for(me(request))


@router.put("/me/delivery", response={200: DeliveryOut, **errors(400, 422)})
def delivery_put(request: HttpRequest, body: DeliveryOut) -> DeliveryPreferences:
    return services.delivery_preferences_set(
        user=me(request),
        push=body.push,
        email=body.email,
        quiet_start=body.quiet_start,
        quiet_end=body.quiet_end,
    )
