from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from labs.admin import AUDIT_FIELDS
from labs.models import Organisation
from portal.admin import StatusHistoryInline
from portal.csv_export import csv_response
from portal.scoping import LabScopedAdminMixin
from portal.workflow import TransitionNotAllowed

from .models import AlliancePage, MembershipApplication
from .selectors import alliance_programmes, membership_applications_to_decide, membership_applications_visible_to
from .services import membership_move

WORKFLOW = MembershipApplication.WORKFLOW
APPLICANT_FIELDS = [*MembershipApplication.APPLICANT_FIELDS, "consented_at"]
SIMILAR_ORGANISATIONS = 5


@admin.register(AlliancePage)
class AlliancePageAdmin(LabScopedAdminMixin, TranslationAdmin, SimpleHistoryAdmin):
    lab_path = "programme__lab"
    list_display = ["programme", "lab_name", "accepting_applications"]
    list_filter = ["accepting_applications"]
    search_fields = ["programme__name", "programme__lab__name"]
    list_select_related = ["programme__lab"]
    readonly_fields = AUDIT_FIELDS
    fieldsets = [
        (None, {"fields": ["programme", "accepting_applications"]}),
        (_("Public text"), {"fields": ["members_do", "members_get"]}),
        (_("Audit"), {"fields": AUDIT_FIELDS, "classes": ["collapse"]}),
    ]

    @admin.display(description=_("lab"), ordering="programme__lab__name")
    def lab_name(self, page):
        return page.programme.lab.display_name

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "programme":
            formfield.queryset = formfield.queryset.select_related("lab")  # each choice is named with its lab
        return formfield


class AllianceFilter(admin.SimpleListFilter):
    """The alliances the user has applications of, each named with its lab (fetched in the same query)."""

    title = _("alliance")
    parameter_name = "alliance"

    def lookups(self, request, model_admin):
        applied_to = model_admin.get_queryset(request).values("programme")
        programmes = alliance_programmes().filter(pk__in=applied_to).select_related("lab")
        return [(str(programme.pk), str(programme)) for programme in programmes.order_by("lab__name", "name")]

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset
        # Only a choice this filter offers; anything else (another lab's alliance, junk) lists nothing.
        offered = {key for key, _label in self.lookup_choices}
        return queryset.filter(programme_id=value) if value in offered else queryset.none()


class MembershipToDoFilter(admin.SimpleListFilter):
    """The applications still waiting for a decision: the admin home's figure links here."""

    title = _("to do")
    parameter_name = "todo"
    DECIDE = "decide"

    def lookups(self, request, model_admin):
        return [(self.DECIDE, _("To decide (submitted or under review)"))]

    def queryset(self, request, queryset):
        if self.value() == self.DECIDE:
            return membership_applications_to_decide(queryset)
        return queryset


class MembershipReviewForm(forms.ModelForm):
    """The admin form: the partner organisation, staff notes and one workflow move, checked against the table."""

    move_to = forms.ChoiceField(label=_("Move to"), required=False)
    move_note = forms.CharField(
        label=_("Note on the move"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Staff only: the applicant sees the new status, never this note."),
    )

    class Meta:
        model = MembershipApplication
        fields = ["organisation", "internal_notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.instance.status if self.instance.pk else MembershipApplication.Status.SUBMITTED
        # The applicant withdraws from their own page; staff use the other moves.
        targets = sorted(WORKFLOW.targets(current) - {WORKFLOW.withdrawn})
        self.fields["move_to"].choices = [("", _("— keep the current status —"))] + [
            (status, WORKFLOW.label(status)) for status in targets
        ]
        self.fields["move_to"].error_messages["invalid_choice"] = _(
            "That move is not allowed from the current status; the page may be out of date."
        )


@admin.register(MembershipApplication)
class MembershipApplicationAdmin(LabScopedAdminMixin, SimpleHistoryAdmin):
    lab_path = "programme__lab"

    def visible_to(self, user, queryset):
        return membership_applications_visible_to(user, queryset)

    form = MembershipReviewForm
    change_list_template = "admin/alliances/membershipapplication/change_list.html"
    list_display = ["reference", "organisation_name", "organisation_kind", "alliance", "status", "age"]
    list_filter = ["status", MembershipToDoFilter, "organisation_kind", AllianceFilter]
    search_fields = ["reference", "organisation_name", "contact_name", "email"]
    list_select_related = ["programme__lab"]
    date_hierarchy = "submitted_at"
    autocomplete_fields = ["organisation"]
    readonly_fields = [
        "reference",
        "status",
        "submitted_at",
        "language",
        "programme",
        "resulting_partnership",
        "similar_organisations",
        *APPLICANT_FIELDS,
        *AUDIT_FIELDS,
    ]
    inlines = [StatusHistoryInline]
    fieldsets = [
        (None, {"fields": ["reference", "programme", "status", "submitted_at", "language"]}),
        (_("Workflow"), {"fields": ["move_to", "move_note", "organisation", "resulting_partnership"]}),
        (_("Existing partner organisations with a similar name"), {"fields": ["similar_organisations"]}),
        (_("Staff only"), {"fields": ["internal_notes"]}),
        (_("From the applicant"), {"fields": APPLICANT_FIELDS}),
        (_("Audit"), {"fields": AUDIT_FIELDS, "classes": ["collapse"]}),
    ]

    def has_add_permission(self, request):
        return False  # applications come from organisations through the public form

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if obj is not None and WORKFLOW.is_final(obj.status):
            return [*readonly, "organisation"]  # decided: the record of who was approved stays as it was
        return readonly

    @admin.display(description=_("alliance"), ordering="programme__name")
    def alliance(self, application):
        return f"{application.programme.name} ({application.programme.lab.display_name})"

    @admin.display(description=_("age"), ordering="submitted_at")
    def age(self, application):
        days = (timezone.now() - application.submitted_at).days
        return _("%(days)d days") % {"days": days}

    @admin.display(description=_("resulting partnership"))
    def resulting_partnership(self, application):
        if not application.partnership_id:
            return "—"
        url = reverse("admin:labs_partnership_change", args=[application.partnership_id])
        return format_html('<a href="{}">{}</a>', url, application.partnership)

    @admin.display(description=_("to link instead of creating a new one"))
    def similar_organisations(self, application):
        if not application.pk or application.partnership_id:
            return "—"
        words = application.organisation_name.strip()
        matches = Organisation.objects.filter(
            Q(name_en__icontains=words)
            | Q(name_zh_hant__icontains=words)
            | Q(name_zh_hans__icontains=words)
            | Q(short_name__iexact=words)
        ).order_by("name")[:SIMILAR_ORGANISATIONS]
        rows = format_html_join(
            "",
            '<li><a href="{}">{}</a></li>',
            ((reverse("admin:labs_organisation_change", args=[org.pk]), org.name) for org in matches),
        )
        return format_html("<ul>{}</ul>", rows) if rows else _("None: approving creates a new partner organisation.")

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        move_to = form.cleaned_data.get("move_to")
        if not move_to:
            return
        try:
            partnership = membership_move(
                application=form.instance,
                to=move_to,
                by=request.user,
                note=form.cleaned_data.get("move_note", ""),
                organisation=form.cleaned_data.get("organisation"),
            )
        except TransitionNotAllowed as refusal:
            self.message_user(request, str(refusal), level=messages.ERROR)
        else:
            if partnership is not None:
                self.message_user(
                    request,
                    _("Approved: %(organisation)s is now listed as an alliance member of %(lab)s.")
                    % {"organisation": partnership.organisation, "lab": partnership.lab.display_name},
                )

    def get_urls(self):
        return [
            path(
                "export/", self.admin_site.admin_view(self.export_view), name="alliances_membershipapplication_export"
            ),
            *super().get_urls(),
        ]

    def export_view(self, request):
        """The changelist as CSV, with the filters and search currently applied."""
        if not self.has_view_permission(request):
            raise Http404
        try:
            changelist = self.get_changelist_instance(request)
        except IncorrectLookupParameters:
            return redirect(reverse("admin:alliances_membershipapplication_changelist") + "?e=1")
        queryset = changelist.get_queryset(request).select_related("programme__lab")
        header = [
            "reference", "submitted_at", "status", "alliance", "lab", "organisation", "kind", "size", "website",
            "contact", "role", "email", "phone", "offers", "seeks",
        ]  # fmt: skip
        rows = (
            [
                a.reference,
                timezone.localtime(a.submitted_at).isoformat(timespec="minutes"),
                a.get_status_display(),
                a.programme.name,
                a.programme.lab.display_name,
                a.organisation_name,
                a.get_organisation_kind_display(),
                a.get_organisation_size_display(),
                a.website,
                a.contact_name,
                a.role,
                a.email,
                a.phone,
                a.offer,
                a.seek,
            ]
            for a in queryset
        )
        return csv_response("membership-applications", header, rows)
