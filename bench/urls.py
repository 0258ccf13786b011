from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from bench.models import Ping
from hearth.urls import handler400  # noqa: F401 - Hearth's own error pages
from hearth.urls import urlpatterns as hearth_urlpatterns


def bare(request: HttpRequest) -> HttpResponse:
    """Nothing but the framework and the middleware: the yardstick for reads."""
    return HttpResponse("ok", content_type="text/plain")


@csrf_exempt
@require_POST
def insert(request: HttpRequest) -> HttpResponse:
    """One row written and acknowledged: the yardstick for writes."""
    ping = Ping.objects.create(note=request.POST.get("note", "")[:40])
    return JsonResponse({"id": ping.pk}, status=201)


urlpatterns = [
    path("bench/bare/", bare, name="bench_bare"),
    path("bench/insert/", insert, name="bench_insert"),
    *hearth_urlpatterns,
]
