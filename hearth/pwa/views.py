from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe

from hearth.pwa import worker
from hearth.pwa.manifest import web_app_manifest

# Browsers check for a new worker and manifest on every visit rather than keep an old one.
ALWAYS_ASK = "no-cache"


@require_safe
def manifest(request: HttpRequest) -> JsonResponse:
    response = JsonResponse(web_app_manifest(), content_type="application/manifest+json")
    response["Cache-Control"] = ALWAYS_ASK
    return response


@require_safe
def service_worker(request: HttpRequest) -> HttpResponse:
    context = {
        "version": worker.cache_version(render_to_string("pwa/offline.html")),
        "offline_assets": worker.OFFLINE_PAGE_ASSETS,
    }
    response = render(request, "pwa/sw.js", context, content_type="application/javascript")
    response["Service-Worker-Allowed"] = "/"
    response["Cache-Control"] = ALWAYS_ASK
    return response


@require_safe
def offline(request: HttpRequest) -> HttpResponse:
    """The same page for everyone: the worker keeps it and shows it when the network is gone."""
    return HttpResponse(render_to_string("pwa/offline.html"))
