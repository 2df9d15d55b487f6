from django.contrib import admin
from django.urls import include, path

from secondround.accounts.forms import ThrottledAdminAuthenticationForm

# The admin's log-in is throttled like everyone's: staff accounts are the ones to guard.
admin.site.login_form = ThrottledAdminAuthenticationForm

urlpatterns = [
    path("", include("secondround.overview.urls")),
    path("", include("secondround.opportunities.urls")),
    path("", include("secondround.debrief.urls")),
    path("", include("secondround.research.urls")),
    path("", include("secondround.questions.urls")),
    path("", include("secondround.stories.urls")),
    path("", include("secondround.followup.urls")),
    path("", include("secondround.brief.urls")),
    path("", include("secondround.practice.urls")),
    path("", include("secondround.sharing.urls")),
    path("account/", include("secondround.accounts.urls")),
    path("account/data/", include("secondround.portability.urls")),
    path("account/model/", include("secondround.assistant.urls")),
    path("account/model/", include("secondround.rewriting.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "secondround.errors.bad_request"
