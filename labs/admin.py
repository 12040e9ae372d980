from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from portal.scoping import LabScopedAdminMixin
from portal.translation_admin import SimplifiedFromTraditionalMixin

from .models import FocusArea, JointLab, Organisation, Partnership, Programme
from .selectors import organisations_editable_by

AUDIT_FIELDS = ("created_at", "updated_at")


class PartnershipInline(LabScopedAdminMixin, TranslationTabularInline):
    model = Partnership
    extra = 0
    autocomplete_fields = ["organisation"]
    fields = ["organisation", "role", "since", "note"]


class FocusAreaInline(LabScopedAdminMixin, TranslationStackedInline):
    model = FocusArea
    extra = 0
    fields = [("name", "slug", "order"), "summary", "description"]
    prepopulated_fields = {"slug": ["name"]}


class ProgrammeInline(LabScopedAdminMixin, TranslationTabularInline):
    model = Programme
    extra = 0
    fields = ["name", "slug", "kind"]
    prepopulated_fields = {"slug": ["name"]}
    show_change_link = True


@admin.register(JointLab)
class JointLabAdmin(LabScopedAdminMixin, SimplifiedFromTraditionalMixin, TranslationAdmin, SimpleHistoryAdmin):
    lab_path = "pk"
    list_display = ["name", "short_name", "status", "established_on", "partner_count", "project_count"]
    list_filter = ["status"]
    search_fields = ["name", "short_name", "tagline", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = AUDIT_FIELDS
    fieldsets = [
        (None, {"fields": ["name", "short_name", "slug", "status", "established_on"]}),
        (
            _("Public text"),
            {"fields": ["tagline", "summary", "description", "locations", "website", "logo", "brand_colour"]},
        ),
        (_("Staff"), {"fields": ["inbox_email"]}),
        (_("Audit"), {"fields": AUDIT_FIELDS, "classes": ["collapse"]}),
    ]

    # people/admin.py extends this admin with the lab's roles: people depends on labs, not the reverse.
    inlines = [PartnershipInline, FocusAreaInline, ProgrammeInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                partner_total=Count("partnerships__organisation", distinct=True),
                project_total=Count("projects", distinct=True),
            )
            .order_by("name")  # aggregation drops Meta.ordering
        )

    @admin.display(description=_("partners"), ordering="partner_total")
    def partner_count(self, lab):
        return lab.partner_total

    @admin.display(description=_("projects"), ordering="project_total")
    def project_count(self, lab):
        return lab.project_total


@admin.register(Organisation)
class OrganisationAdmin(LabScopedAdminMixin, SimplifiedFromTraditionalMixin, TranslationAdmin, SimpleHistoryAdmin):
    def visible_to(self, user, queryset):
        return queryset  # partners are public records: every member of staff may look them up

    def editable_by(self, user, queryset):
        return organisations_editable_by(user, queryset)

    list_display = ["name", "short_name", "kind", "region", "lab_count"]
    list_filter = ["kind", "region"]
    search_fields = ["name", "short_name", "region"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = AUDIT_FIELDS
    inlines = [PartnershipInline]

    def get_queryset(self, request):
        queryset = super().get_queryset(request).annotate(lab_total=Count("partnerships__lab", distinct=True))
        return queryset.order_by("name")  # aggregation drops Meta.ordering

    @admin.display(description=_("labs"), ordering="lab_total")
    def lab_count(self, organisation):
        return organisation.lab_total


@admin.register(Partnership)
class PartnershipAdmin(LabScopedAdminMixin, SimplifiedFromTraditionalMixin, TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["organisation", "lab", "role", "since"]
    list_filter = ["role", "lab"]
    search_fields = ["organisation__name", "organisation__short_name", "lab__name", "note"]
    autocomplete_fields = ["lab", "organisation"]
    list_select_related = ["lab", "organisation"]
    readonly_fields = AUDIT_FIELDS


@admin.register(FocusArea)
class FocusAreaAdmin(LabScopedAdminMixin, SimplifiedFromTraditionalMixin, TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["name", "lab", "order"]
    list_filter = ["lab"]
    list_editable = ["order"]
    search_fields = ["name", "summary", "lab__name"]
    autocomplete_fields = ["lab"]
    prepopulated_fields = {"slug": ["name"]}
    list_select_related = ["lab"]
    readonly_fields = AUDIT_FIELDS


@admin.register(Programme)
class ProgrammeAdmin(LabScopedAdminMixin, SimplifiedFromTraditionalMixin, TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["name", "lab", "kind"]
    list_filter = ["kind", "lab"]
    search_fields = ["name", "description", "lab__name"]
    autocomplete_fields = ["lab"]
    prepopulated_fields = {"slug": ["name"]}
    list_select_related = ["lab"]
    readonly_fields = AUDIT_FIELDS
