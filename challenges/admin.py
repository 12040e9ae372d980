from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from labs.admin import AUDIT_FIELDS
from portal.conversation_admin import MOVE_NOTE_HELP, ConversationAdminMixin, ConversationFilter
from portal.csv_export import csv_response
from portal.downloads import private_file_response
from portal.scoping import LabScopedAdminMixin, own_lab_choices
from portal.uploads import FILE_KINDS
from portal.workflow import TransitionNotAllowed
from projects.admin import ProjectAdmin
from projects.models import Project

from .admin_filters import ResponsibleLabFilter
from .forms import CHALLENGE_ATTACHMENT_KINDS
from .models import ChallengeAttachment, ChallengeRequest
from .selectors import challenge_requests_visible_to
from .services import challenge_message_from_staff, challenge_move
from .suggestion_admin import SuggestionsAdminMixin

WORKFLOW = ChallengeRequest.WORKFLOW
# The form's fields, read-only for staff (related focus areas are triage and stay editable).
ENTERPRISE_FIELDS = [name for name in ChallengeRequest.ENTERPRISE_FIELDS if name != "focus_areas"] + ["consented_at"]


class ChallengeTriageForm(forms.ModelForm):
    """The admin form: triage fields plus one workflow move, checked against the transition table."""

    move_to = forms.ChoiceField(label=_("Move to"), required=False)
    move_note = forms.CharField(
        label=_("Note on the move"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=MOVE_NOTE_HELP,
    )
    link_project = forms.ModelChoiceField(
        label=_("Existing project"),
        queryset=Project.objects.select_related("lab"),
        required=False,
        help_text=_("Only for “Converted to project”: link this project instead of creating a new one."),
    )

    class Meta:
        model = ChallengeRequest
        fields = ["lab", "focus_areas", "owner", "matched_people", "matched_projects", "internal_notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.instance.status if self.instance.pk else ChallengeRequest.Status.SUBMITTED
        # The enterprise withdraws from its own page; staff use the other moves.
        targets = sorted(WORKFLOW.targets(current) - {WORKFLOW.withdrawn})
        self.fields["move_to"].choices = [("", _("— keep the current status —"))] + [
            (status, WORKFLOW.label(status)) for status in targets
        ]
        self.fields["move_to"].error_messages["invalid_choice"] = _(
            "That move is not allowed from the current status; the page may be out of date."
        )

    def clean(self):
        cleaned = super().clean()
        move_to = cleaned.get("move_to")
        converting = move_to == ChallengeRequest.Status.CONVERTED and not cleaned.get("link_project")
        if converting and not (cleaned.get("lab") or self.instance.preferred_lab):
            self.add_error("lab", _("Assign a lab before converting the request into a project."))
        return cleaned


class AttachmentInline(admin.TabularInline):
    model = ChallengeAttachment
    extra = 0
    can_delete = False
    fields = ["download", "kind", "size", "uploaded_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("file"))
    def download(self, attachment):
        url = reverse("admin:challenges_challengerequest_attachment", args=[attachment.challenge_id, attachment.pk])
        return format_html('<a href="{}">{}</a>', url, attachment.original_name)


@admin.register(ChallengeRequest)
class ChallengeRequestAdmin(SuggestionsAdminMixin, ConversationAdminMixin, LabScopedAdminMixin, SimpleHistoryAdmin):
    # Tens of thousands of rows: 50 a page (search and filters narrow them); drawing 100 was most of the time.
    list_per_page = 50

    def visible_to(self, user, queryset):
        return challenge_requests_visible_to(user, queryset)

    conversation_workflow = WORKFLOW
    conversation_files = CHALLENGE_ATTACHMENT_KINDS

    def write_to_submitter(self, request, challenge, form):
        challenge_message_from_staff(
            challenge=challenge,
            by=request.user,
            body=form.cleaned_data["body"],
            files=form.cleaned_data["files"],
            ask_for_information=form.cleaned_data["ask_for_information"],
        )

    form = ChallengeTriageForm
    change_list_template = "admin/challenges/challengerequest/change_list.html"
    list_display = [
        "reference",
        "title",
        "organisation_name",  # the sector is a filter and a dashboard chart: the list fits a laptop screen
        "status",
        "responsible_lab_name",
        "owner_name",
        "age",
    ]
    list_filter = [
        "status",
        ConversationFilter,
        ResponsibleLabFilter,  # and submitted_at below: the knowledge-transfer report links with both
        "lab",
        "preferred_lab",
        "sector",
        ("owner", admin.RelatedOnlyFieldListFilter),
        "confidentiality",
        "focus_areas",
        "submitted_at",
    ]
    search_fields = ["reference", "title", "organisation_name", "contact_name", "email", "problem_statement"]
    list_select_related = ["lab", "preferred_lab", "owner"]
    date_hierarchy = "submitted_at"
    autocomplete_fields = ["lab", "focus_areas", "owner", "matched_people", "matched_projects"]
    readonly_fields = [
        "reference",
        "status",
        "submitted_at",
        "language",
        "resulting_project",
        "suggested_matches",
        *ENTERPRISE_FIELDS,
        *AUDIT_FIELDS,
    ]
    inlines = [AttachmentInline]  # the status history stands beside the conversation
    # In reading order: what the enterprise sent and what it suggests, the conversation and history (after the
    # first three fieldsets), then the decisions.
    fieldsets = [
        (None, {"fields": ["reference", "status", "submitted_at", "language"]}),
        (_("From the enterprise"), {"fields": ENTERPRISE_FIELDS}),
        (_("Suggested matches"), {"fields": ["suggested_matches"]}),
        (_("Workflow"), {"fields": ["move_to", "move_note", "link_project", "resulting_project"]}),
        (
            _("Triage (staff only)"),
            {"fields": ["lab", "owner", "focus_areas", "matched_projects", "matched_people", "internal_notes"]},
        ),
        (_("Audit"), {"fields": AUDIT_FIELDS, "classes": ["collapse"]}),
    ]
    conversation_after_fieldsets = 3

    def has_add_permission(self, request):
        return False  # requests come from enterprises through the public form

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        linkable = own_lab_choices(Project, request).select_related("lab")

        class ScopedTriageForm(form):
            """Only projects of the user's labs can be linked (a per-request class: admin forms are shared)."""

            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self.fields["link_project"].queryset = linkable

        return ScopedTriageForm

    @admin.display(description=_("lab"), ordering="lab__name")
    def responsible_lab_name(self, challenge):
        lab = challenge.responsible_lab
        if lab is None:
            return "—"
        return (
            lab.display_name
            if challenge.lab_id
            else _("%(lab)s (chosen by the enterprise)") % {"lab": lab.display_name}
        )

    @admin.display(description=_("owner"), ordering="owner__first_name")
    def owner_name(self, challenge):
        # A name, not the sign-in e-mail address: the list must fit a laptop screen.
        owner = challenge.owner
        return (owner.get_full_name() or owner.get_username().split("@")[0]) if owner else "—"

    @admin.display(description=_("age"), ordering="submitted_at")
    def age(self, challenge):
        days = (timezone.now() - challenge.submitted_at).days
        return _("%(days)d days") % {"days": days}

    @admin.display(description=_("resulting project"))
    def resulting_project(self, challenge):
        if not challenge.project_id:
            return "—"
        url = reverse("admin:projects_project_change", args=[challenge.project_id])
        return format_html('<a href="{}">{}</a>', url, challenge.project)

    def save_related(self, request, form, formsets, change):
        # The workflow move comes after the many-to-many fields are saved: a request converted in the same save
        # that changes its focus areas gives the new project the new ones.
        super().save_related(request, form, formsets, change)
        move_to = form.cleaned_data.get("move_to")
        if not move_to:
            return
        try:
            project = challenge_move(
                challenge=form.instance,
                to=move_to,
                by=request.user,
                note=form.cleaned_data.get("move_note", ""),
                link_project=form.cleaned_data.get("link_project"),
            )
        except TransitionNotAllowed as refusal:
            self.message_user(request, str(refusal), level=messages.ERROR)
        else:
            if project is not None:
                self.message_user(request, _("Converted into project “%(project)s”.") % {"project": project})

    def get_urls(self):
        return [
            path(
                "<int:object_id>/attachments/<int:attachment_id>/",
                self.admin_site.admin_view(self.attachment_view),
                name="challenges_challengerequest_attachment",
            ),
            path("export/", self.admin_site.admin_view(self.export_view), name="challenges_challengerequest_export"),
            *self.suggestion_urls(),
            *super().get_urls(),
        ]

    def attachment_view(self, request, object_id, attachment_id):
        """Private files leave only through here: the same visibility rules as the request itself."""
        challenge = self.get_object(request, str(object_id))
        if challenge is None or not self.has_view_permission(request, challenge):
            raise Http404
        attachment = get_object_or_404(ChallengeAttachment, pk=attachment_id, challenge=challenge)
        number = list(challenge.attachments.values_list("pk", flat=True)).index(attachment.pk) + 1
        kind = FILE_KINDS[attachment.kind]
        return private_file_response(
            attachment.file,
            filename=f"{challenge.reference}-attachment-{number}{kind.extensions[0]}",
            content_type=kind.content_type,
        )

    def export_view(self, request):
        """The changelist as CSV, with the filters and search currently applied; no file contents."""
        if not self.has_view_permission(request):
            raise Http404
        try:
            changelist = self.get_changelist_instance(request)
        except IncorrectLookupParameters:
            return redirect(reverse("admin:challenges_challengerequest_changelist") + "?e=1")
        queryset = changelist.get_queryset(request).select_related("lab", "preferred_lab", "owner")
        header = [
            "reference", "submitted_at", "status", "title", "organisation", "size", "sector", "contact", "job_title",
            "email", "phone", "lab", "owner", "budget", "timeline", "confidentiality",
        ]  # fmt: skip
        rows = (
            [
                c.reference,
                timezone.localtime(c.submitted_at).isoformat(timespec="minutes"),
                c.get_status_display(),
                c.title,
                c.organisation_name,
                c.get_organisation_size_display(),
                c.get_sector_display(),
                c.contact_name,
                c.job_title,
                c.email,
                c.phone,
                c.responsible_lab or "",
                c.owner or "",
                c.get_budget_range_display(),
                c.get_timeline_display(),
                c.get_confidentiality_display(),
            ]
            for c in queryset
        )
        return csv_response("challenge-requests", header, rows)


admin.site.unregister(Project)


@admin.register(Project)
class ProjectWithSourceChallengesAdmin(ProjectAdmin):
    """The project admin, with the industry challenges a project came from (projects knows nothing of them)."""

    readonly_fields = [*ProjectAdmin.readonly_fields, "source_challenge_links"]
    fieldsets = [
        *ProjectAdmin.fieldsets[:-1],
        (_("From industry challenges"), {"fields": ["source_challenge_links"]}),
        ProjectAdmin.fieldsets[-1],
    ]

    @admin.display(description=_("from industry challenges"))
    def source_challenge_links(self, project):
        # References only: the request itself opens only for staff of its lab.
        links = [
            (reverse("admin:challenges_challengerequest_change", args=[pk]), reference)
            for pk, reference in project.source_challenges.values_list("pk", "reference")
        ]
        return format_html_join(", ", '<a href="{}">{}</a>', links) or "—"
