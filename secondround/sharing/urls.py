from django.urls import path

from . import coach_views, organisation_views, package_views, views

urlpatterns = [
    # The candidate's side.
    path("opportunities/<int:pk>/sharing/", views.sharing_home, name="sharing_home"),
    path("opportunities/<int:pk>/sharing/share/", views.share_create, name="share_create"),
    path("opportunities/<int:pk>/sharing/invite/", views.share_invite, name="share_invite"),
    path(
        "opportunities/<int:pk>/sharing/package/",
        package_views.coach_package_create,
        name="coach_package_create",
    ),
    path("opportunities/<int:pk>/sharing/reply/", package_views.reply_import, name="reply_import"),
    path("shares/<int:pk>/", views.share_detail, name="share_detail"),
    path("shares/<int:pk>/revoke/", views.share_revoke, name="share_revoke"),
    path(
        "coach-packages/<int:pk>/",
        package_views.coach_package_download,
        name="coach_package_download",
    ),
    path("comments/<slug:kind>/<int:pk>/done/", views.comment_done, name="comment_done"),
    # The coach's side: read-only pages of what was shared.
    path("shared/", coach_views.shared_home, name="shared_home"),
    path("shared/join/<str:token>/", views.share_join, name="share_join"),
    path(
        "shared/opportunities/<int:pk>/",
        coach_views.shared_opportunity,
        name="shared_opportunity",
    ),
    path(
        "shared/opportunities/<int:pk>/research/",
        coach_views.shared_research,
        name="shared_research",
    ),
    path(
        "shared/opportunities/<int:pk>/stories/", coach_views.shared_stories, name="shared_stories"
    ),
    path("shared/opportunities/<int:pk>/salary/", coach_views.shared_salary, name="shared_salary"),
    path("shared/opportunities/<int:pk>/fit/", coach_views.shared_fit, name="shared_fit"),
    path("shared/rounds/<int:pk>/debrief/", coach_views.shared_debrief, name="shared_debrief"),
    path("shared/rounds/<int:pk>/questions/", coach_views.shared_bank, name="shared_bank"),
    path("shared/rounds/<int:pk>/practice/", coach_views.shared_practice, name="shared_practice"),
    path("shared/rounds/<int:pk>/brief/", coach_views.shared_brief, name="shared_brief"),
    path("shared/rounds/<int:pk>/letters/", coach_views.shared_letters, name="shared_letters"),
    path("shared/stories/<int:pk>/", coach_views.shared_story, name="shared_story"),
    path("shared/attempts/<int:pk>/", coach_views.shared_attempt, name="shared_attempt"),
    path(
        "shared/attempts/<int:pk>/audio/",
        coach_views.shared_attempt_audio,
        name="shared_attempt_audio",
    ),
    path("shared/comments/<slug:kind>/<int:pk>/", coach_views.comment_add, name="comment_add"),
    # A coach package opened on the coach's own machine.
    path("packages/import/", package_views.package_import, name="package_import"),
    path("packages/<int:pk>/", package_views.received_package, name="received_package"),
    path("packages/<int:pk>/comment/", package_views.package_comment, name="package_comment"),
    path("packages/<int:pk>/reply/", package_views.package_reply, name="package_reply"),
    # A career centre.
    path("organisations/join/", organisation_views.organisation_join, name="organisation_join"),
    path(
        "organisations/<int:pk>/",
        organisation_views.organisation_home,
        name="organisation_home",
    ),
    path(
        "organisations/<int:pk>/invite/",
        organisation_views.organisation_invite,
        name="organisation_invite",
    ),
    path(
        "organisations/<int:pk>/code/",
        organisation_views.organisation_code,
        name="organisation_code",
    ),
    path(
        "organisations/invitation/<str:token>/",
        organisation_views.organisation_invitation,
        name="organisation_invitation",
    ),
]
