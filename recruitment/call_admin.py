from django.contrib import admin
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from labs.admin import AUDIT_FIELDS
from portal.admin import flag_action
from portal.scoping import LabScopedAdminMixin
from portal.translation_admin import SimplifiedFromTraditionalMixin

from .models import Application, Call
from .rubric_admin import RubricAdminMixin
from .selectors import calls_visible_to
from .services import calls_set_published


class CallStateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return Call.State.choices

    def queryset(self, request, queryset):
        match self.value():
            case Call.State.OPEN:
                return queryset.open()
            case Call.State.UPCOMING:
                return queryset.upcoming()
            case Call.State.CLOSED:
                return queryset.closed()
        return queryset


@admin.register(Call)
class CallAdmin(
    RubricAdminMixin, LabScopedAdminMixin, SimplifiedFromTraditionalMixin, TranslationAdmin, SimpleHistoryAdmin
):
    def visible_to(self, user, queryset):
        return calls_visible_to(user, queryset)

    list_display = [
        "title",
        "programme",
        "lab_name",
        "opens_at",
        "closes_at",
        "state_display",
        "places",
        "is_published",
        "applications_by_status",
        "shortlist_link",
    ]
    list_filter = [CallStateFilter, "is_published", "programme__kind", "programme__lab"]
    search_fields = ["title", "description", "programme__name", "programme__lab__name"]
    autocomplete_fields = ["programme"]
    prepopulated_fields = {"slug": ["title"]}
    list_select_related = ["programme__lab"]
    date_hierarchy = "closes_at"
    readonly_fields = AUDIT_FIELDS
    actions = [
        flag_action(
            calls_set_published,
            True,
            description=_("Publish the selected calls"),
            done_message=_("%(count)d calls published."),
        ),
        flag_action(
            calls_set_published,
            False,
            description=_("Withdraw the selected calls from the public site"),
            done_message=_("%(count)d calls withdrawn."),
        ),
    ]

    def get_queryset(self, request):
        counts = {
            f"n_{status}": Count("applications", filter=Q(applications__status=status), distinct=True)
            for status in Application.Status.values
        }
        return super().get_queryset(request).annotate(**counts)

    @admin.display(description=_("applications"))
    def applications_by_status(self, call):
        parts = [
            (reverse("admin:recruitment_application_changelist") + f"?call__id__exact={call.pk}&status__exact={status}",
             f"{getattr(call, f'n_{status}')} {label}")
            for status, label in Application.Status.choices
            if getattr(call, f"n_{status}", 0)
        ]  # fmt: skip
        return format_html_join(", ", '<a href="{}">{}</a>', parts) or "—"

    @admin.display(description=_("lab"), ordering="programme__lab__name")
    def lab_name(self, call):
        return call.programme.lab.display_name

    @admin.display(description=_("state"))
    def state_display(self, call):
        return call.get_state_display()
