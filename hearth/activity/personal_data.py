from hearth.activity.models import Activity
from hearth.personal_data import Erasure, Label, declare

declare(
    Activity,
    what="Your activity log: sign-ins, exports, membership and token changes (no IP addresses "
    "or devices)",
    owner="user",
    erasure=Erasure.WITH_ACCOUNT,
    table="activity",
    fields={"when": "created_at", "what": Label("kind"), "detail": "detail"},
)
