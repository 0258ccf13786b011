from django.urls import path

from hearth.relationships import views

app_name = "relationships"

urlpatterns = [
    path("relationships/", views.relationship_list, name="list"),
    path("relationships/new/", views.relationship_create, name="create"),
    path("join/", views.join_by_code, name="join"),
    path("invite/<str:token>/", views.invitation_open, name="invitation"),
    path("r/<int:relationship_id>/", views.relationship_detail, name="detail"),
    path("r/<int:relationship_id>/settings/", views.relationship_settings, name="settings"),
    path("r/<int:relationship_id>/invitations/", views.invitation_create, name="invite"),
    path(
        "r/<int:relationship_id>/invitations/<int:invitation_id>/revoke/",
        views.invitation_revoke,
        name="revoke",
    ),
    path("r/<int:relationship_id>/leave/", views.member_leave, name="leave"),
    path("r/<int:relationship_id>/archive/", views.relationship_archive, name="archive"),
    path("r/<int:relationship_id>/reopen/", views.relationship_reopen, name="reopen"),
]
