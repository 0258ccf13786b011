from hearth.activity.models import Activity
from hearth.personal_data import Erasure, Person, Tables, declare, records


def activity(person: Person) -> Tables:
    rows = Activity.objects.filter(user_id=person.user_id)
    return {
        "activity": records(
            rows,
            {"when": "created_at", "what": lambda a: a.get_kind_display(), "detail": "detail"},
        )
    }


declare(
    Activity,
    what="Your activity log: sign-ins, exports, membership and token changes (no IP addresses "
    "or devices)",
    rows=lambda person: Activity.objects.filter(user_id=person.user_id),
    erasure=Erasure.WITH_ACCOUNT,
    tables=("activity",),
    export=activity,
)
