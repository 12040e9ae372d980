from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from labs.admin import AUDIT_FIELDS, JointLabAdmin
from labs.models import JointLab
from portal.admin import flag_action
from portal.scoping import LabScopedAdminMixin
from portal.second_factor.services import may_reset_second_factor, second_factor_reset, with_authenticator_flag
from portal.translation_admin import SimplifiedFromTraditionalMixin

from .models import LabRole, Person, StaffLabAccess
from .selectors import people_editable_by, people_visible_to
from .services import people_set_public


class LabRoleInline(LabScopedAdminMixin, admin.TabularInline):
    model = LabRole
    extra = 0
    autocomplete_fields = ["person", "lab"]
    fields = ["person", "lab", "role", "start_date", "end_date", "display_order"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person", "lab")


class LabRoleForLabInline(LabRoleInline):
    fields = ["person", "role", "start_date", "end_date", "display_order"]


class LabRoleForPersonInline(LabRoleInline):
    fields = ["lab", "role", "start_date", "end_date", "display_order"]


admin.site.unregister(JointLab)


@admin.register(JointLab)
class JointLabWithRolesAdmin(JointLabAdmin):
    inlines = [*JointLabAdmin.inlines, LabRoleForLabInline]


@admin.register(Person)
class PersonAdmin(LabScopedAdminMixin, SimplifiedFromTraditionalMixin, TranslationAdmin, SimpleHistoryAdmin):
    def visible_to(self, user, queryset):
        return people_visible_to(user, queryset)

    def editable_by(self, user, queryset):
        return people_editable_by(user, queryset)

    list_display = ["name", "chinese_name", "honorific", "position", "organisation", "is_public"]
    list_filter = ["is_public", "lab_roles__role", "lab_roles__lab", "organisation__kind"]
    search_fields = ["name", "chinese_name", "position", "organisation__name", "public_email"]
    autocomplete_fields = ["organisation"]
    prepopulated_fields = {"slug": ["name"]}
    list_select_related = ["organisation"]
    readonly_fields = AUDIT_FIELDS
    inlines = [LabRoleForPersonInline]
    actions = [
        flag_action(
            people_set_public,
            True,
            description=_("Show the selected people on the public site"),
            done_message=_("%(count)d people are now public."),
        ),
        flag_action(
            people_set_public,
            False,
            description=_("Hide the selected people from the public site"),
            done_message=_("%(count)d people are now hidden."),
        ),
    ]
    fieldsets = [
        (None, {"fields": ["name", "chinese_name", "honorific", "slug", "position", "organisation", "is_public"]}),
        (_("Public profile"), {"fields": ["short_bio", "photo", "public_email", "homepage", "orcid"]}),
        (_("Audit"), {"fields": AUDIT_FIELDS, "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        # Filtering by role or lab joins roles; distinct keeps one row per person.
        return super().get_queryset(request).distinct()


@admin.register(LabRole)
class LabRoleAdmin(LabScopedAdminMixin, SimpleHistoryAdmin):
    list_display = ["person", "lab", "role", "start_date", "end_date", "display_order"]
    list_filter = ["role", "lab"]
    search_fields = ["person__name", "person__chinese_name", "lab__name"]
    autocomplete_fields = ["person", "lab"]
    list_select_related = ["person", "lab"]
    readonly_fields = AUDIT_FIELDS


class StaffLabAccessInline(admin.TabularInline):
    model = StaffLabAccess
    extra = 0
    autocomplete_fields = ["lab"]
    verbose_name_plural = _("labs this account works for")


admin.site.unregister(User)


@admin.register(User)
class PortalUserAdmin(UserAdmin):
    """Staff accounts with their labs; `manage.py add_staff` does the same from the command line."""

    inlines = [*UserAdmin.inlines, StaffLabAccessInline]
    list_display = ["username", "email", "is_staff", "is_active", "group_names", "has_authenticator", "last_login"]
    list_filter = ["is_staff", "is_active", "groups", "lab_access__lab"]
    actions = ["reset_second_factor"]

    def get_queryset(self, request):
        return with_authenticator_flag(super().get_queryset(request).prefetch_related("groups"))

    @admin.display(description=_("roles"))
    def group_names(self, user):
        return ", ".join(group.name for group in user.groups.all())

    @admin.display(description=_("authenticator app"), boolean=True)
    def has_authenticator(self, user):
        return user.has_authenticator

    @admin.action(
        description=_("Reset the two-step sign-in of the selected accounts (they set it up again)"),
        permissions=["change"],
    )
    def reset_second_factor(self, request, queryset):
        """For a lost phone: the account's authenticator and recovery codes go; its next sign-in sets up anew."""
        refused = [user.get_username() for user in queryset if not may_reset_second_factor(request.user, user)]
        if refused:
            self.message_user(
                request,
                _("Nothing was reset: you may not reset the two-step sign-in of %(accounts)s.")
                % {"accounts": ", ".join(refused)},
                level=messages.ERROR,
            )
            return
        for user in queryset:
            second_factor_reset(user=user, by=request.user)
            self.log_change(request, user, "Reset the two-step sign-in.")
        count = len(queryset)
        self.message_user(
            request,
            ngettext(
                "The two-step sign-in of %(count)d account was reset: it sets up a new authenticator app at its next sign-in.",
                "The two-step sign-in of %(count)d accounts was reset: each sets up a new authenticator app at its next sign-in.",
                count,
            )
            % {"count": count},
        )


@admin.register(StaffLabAccess)
class StaffLabAccessAdmin(admin.ModelAdmin):
    list_display = ["user", "lab"]
    list_filter = ["lab"]
    list_select_related = ["user", "lab"]
    search_fields = ["user__username", "user__email", "lab__name"]
    autocomplete_fields = ["user", "lab"]
