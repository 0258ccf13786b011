"""Running queued background work inside a test, as the worker would."""

from django_tasks_db.models import DBTaskResult


def run_ready_tasks(limit: int = 100) -> list[object]:
    """Run every task that is due (its run_after passed), in order; what each returned."""
    returned: list[object] = []
    for _ in range(limit):
        queued = DBTaskResult.objects.ready().order_by("enqueued_at").first()
        if queued is None:
            break
        queued.claim("tests")
        result = queued.task_result
        value = queued.task.call(*result.args, **result.kwargs)
        queued.set_successful(value)
        returned.append(value)
    return returned


def waiting_tasks() -> list[DBTaskResult]:
    """Tasks queued and not yet run, due or not."""
    return list(DBTaskResult.objects.filter(status="READY").order_by("run_after", "enqueued_at"))
