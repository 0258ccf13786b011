from django.contrib import admin
from django.urls import include, path

from hearth import views
from hearth.api import api

urlpatterns = [
    path("", views.home, name="home"),
    path("health/", views.health, name="health"),
    # Django's set_language: the language a browser chose for pages seen signed out.
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("allauth.urls")),
    path("", include("hearth.accounts.urls")),
    path("", include("hearth.relationships.urls")),
    path("", include("hearth.questions.urls")),
    path("", include("hearth.activity.urls")),
    path("", include("hearth.checkins.urls")),
    path("", include("hearth.assessments.urls")),
    path("", include("hearth.insights.urls")),
    path("", include("hearth.practices.urls")),
    path("", include("hearth.lessons.urls")),
    path("", include("hearth.gratitude.urls")),
    path("", include("hearth.reviews.urls")),
    path("", include("hearth.notifications.urls")),
    path("", include("hearth.reminders.urls")),
    path("", include("hearth.privacy.urls")),
    path("", include("hearth.safety.urls")),
    path("", include("hearth.pwa.urls")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]

# A request Django stops before it knows who is asking (an unknown host, say) still gets our page.
handler400 = "hearth.errors.bad_request"
