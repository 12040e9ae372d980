from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from labs.admin import AUDIT_FIELDS
from portal.admin import flag_action
from portal.scoping import LabScopedAdminMixin
from portal.translation_admin import SimplifiedFromTraditionalMixin

from .models import Project, ProjectMember
from .services import projects_set_featured


class ProjectMemberInline(LabScopedAdminMixin, admin.TabularInline):
    model = ProjectMember
    lab_path = "project__lab"
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["person", "role", "order"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person")


@admin.register(Project)
class ProjectAdmin(LabScopedAdminMixin, SimplifiedFromTraditionalMixin, TranslationAdmin, SimpleHistoryAdmin):
    # Tens of thousands of rows: 50 a page (search and filters narrow them); drawing 100 was most of the time.
    list_per_page = 50
    list_display = ["title", "lab", "status", "start_date", "end_date", "is_public", "is_featured"]
    # The dates, partners and funder fields are filters too: the knowledge-transfer report links to these lists.
    list_filter = [
        "status",
        "is_public",
        "is_featured",
        "lab",
        "focus_areas",
        "partners",
        "collaboration_type",
        "funding_scheme",
        "start_date",
        "end_date",
    ]
    search_fields = ["title", "summary", "keywords", "lab__name"]
    autocomplete_fields = ["lab", "focus_areas", "partners"]
    prepopulated_fields = {"slug": ["title"]}
    list_select_related = ["lab"]
    date_hierarchy = "start_date"
    # No DISTINCT on the whole list: the admin adds it itself when a filter or search crosses a many-to-many
    # relation (focus areas, partners). Over every project it cost ~150 ms of the list's SQL at 10,000 projects.
    readonly_fields = AUDIT_FIELDS
    inlines = [ProjectMemberInline]
    actions = [
        flag_action(
            projects_set_featured,
            True,
            description=_("Feature the selected projects on the home page"),
            done_message=_("%(count)d projects featured."),
        ),
        flag_action(
            projects_set_featured,
            False,
            description=_("Stop featuring the selected projects"),
            done_message=_("%(count)d projects no longer featured."),
        ),
    ]
    fieldsets = [
        (
            None,
            {"fields": ["lab", "title", "slug", "status", ("start_date", "end_date"), ("is_public", "is_featured")]},
        ),
        (_("Public text"), {"fields": ["summary", "description", "keywords"]}),
        (_("Image"), {"fields": ["image", "image_alt"]}),
        (_("Relations"), {"fields": ["focus_areas", "partners"]}),
        (_("Funder reporting"), {"fields": ["collaboration_type", "partner_contribution_hkd", "funding_scheme"]}),
        (_("Audit"), {"fields": AUDIT_FIELDS, "classes": ["collapse"]}),
    ]


@admin.register(ProjectMember)
class ProjectMemberAdmin(LabScopedAdminMixin, SimpleHistoryAdmin):
    lab_path = "project__lab"
    list_display = ["person", "project", "role", "order"]
    list_filter = ["role", "project__lab"]
    search_fields = ["person__name", "project__title"]
    autocomplete_fields = ["project", "person"]
    list_select_related = ["person", "project"]
    readonly_fields = AUDIT_FIELDS
