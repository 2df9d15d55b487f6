from django.contrib import admin

from .models import Interviewer, Opportunity, Round


class RoundInline(admin.TabularInline):
    model = Round
    extra = 0
    fields = ["number", "name", "starts_at", "format"]


@admin.register(Opportunity)
class OpportunityAdmin(admin.ModelAdmin):
    list_display = ["company", "role_title", "status", "owner", "updated_at"]
    list_filter = ["status"]
    search_fields = ["company", "role_title"]
    inlines = [RoundInline]


class InterviewerInline(admin.TabularInline):
    model = Interviewer
    extra = 0
    fields = ["name", "title", "relation", "starts_at"]


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    list_display = ["__str__", "opportunity", "starts_at", "format"]
    inlines = [InterviewerInline]
