from datetime import datetime

from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema, Status

from hearth.api_types import ClockTime, clock_in, clock_out, errors, me
from hearth.notifications import devices, selectors, services, vapid
from hearth.notifications.models import DeliveryPreferences, NotificationKind, PushSubscription

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
    quiet_start: ClockTime = Field(description="Quiet hours from HH:MM, in your own time zone.")
    quiet_end: ClockTime = Field(description="Until HH:MM; the same as quiet_start for none.")


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
def delivery_get(request: HttpRequest) -> DeliveryOut:
    return delivery_out(services.delivery_preferences_for(me(request)))


@router.put("/me/delivery", response={200: DeliveryOut, **errors(400, 422)})
def delivery_put(request: HttpRequest, body: DeliveryOut) -> DeliveryOut:
    preferences = services.delivery_preferences_set(
        user=me(request),
        push=body.push,
        email=body.email,
        quiet_start=clock_in(body.quiet_start),
        quiet_end=clock_in(body.quiet_end),
    )
    return delivery_out(preferences)


def delivery_out(preferences: DeliveryPreferences) -> DeliveryOut:
    return DeliveryOut(
        push=preferences.push,
        email=DeliveryPreferences.Email(preferences.email),
        quiet_start=clock_out(preferences.quiet_start),
        quiet_end=clock_out(preferences.quiet_end),
    )


# --- web push: this person's devices ---------------------------------------------------------


class PushKeyOut(Schema):
    public_key: str = Field(
        description="Hearth's application server key (VAPID), base64url: pass it to "
        "pushManager.subscribe as applicationServerKey."
    )


class PushKeysIn(Schema):
    p256dh: str = Field(max_length=100, description="The device's public key, base64url.")
    auth: str = Field(max_length=40, description="The device's secret, base64url.")


class PushSubscriptionIn(Schema):
    """A browser's PushSubscription.toJSON(), as it is."""

    endpoint: str = Field(max_length=1000, description="The push service's https address.")
    keys: PushKeysIn


class DeviceOut(Schema):
    id: int
    label: str = Field(description="What the device seems to be, e.g. 'Firefox on Android'.")
    created_at: datetime
    last_used_at: datetime | None = Field(description="When a notification last reached it.")

    @staticmethod
    def resolve_label(device: PushSubscription) -> str:
        return device.shown_label


@router.get(
    "/push/key",
    response={200: PushKeyOut, **errors()},
    summary="The key a browser subscribes to Hearth's notifications with",
)
def push_key(request: HttpRequest) -> PushKeyOut:
    return PushKeyOut(public_key=vapid.application_server_key())


@router.get(
    "/push/subscriptions",
    response={200: list[DeviceOut], **errors()},
    summary="The devices you turned notifications on for",
)
def push_subscriptions_list(request: HttpRequest) -> list[PushSubscription]:
    return list(devices.devices_of(me(request)))


@router.post(
    "/push/subscriptions",
    response={201: DeviceOut, **errors(400, 422)},
    summary="Turn notifications on for this device",
)
def push_subscriptions_add(request: HttpRequest, body: PushSubscriptionIn) -> Status[object]:
    subscription = services.push_subscription_add(
        user=me(request),
        endpoint=body.endpoint,
        p256dh=body.keys.p256dh,
        auth=body.keys.auth,
        user_agent=request.headers.get("User-Agent", ""),
    )
    return Status(201, subscription)


@router.delete(
    "/push/subscriptions/{subscription_id}",
    response={204: None, **errors(404, 422)},
    summary="Turn notifications off for one of your devices",
)
def push_subscriptions_remove(request: HttpRequest, subscription_id: int) -> Status[None]:
    if not services.push_subscription_remove(user=me(request), subscription_id=subscription_id):
        raise Http404
    return Status(204, None)
