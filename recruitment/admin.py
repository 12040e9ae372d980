from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from labs.admin import AUDIT_FIELDS
from portal.conversation_admin import MOVE_NOTE_HELP, ConversationAdminMixin, ConversationFilter
from portal.csv_export import csv_response
from portal.downloads import MetadataNotRemoved, private_file_response
from portal.scoping import LabScopedAdminMixin
from portal.workflow import TransitionNotAllowed

from .admin_filters import YourReviewFilter
from .application_inlines import RefereeInline, ReviewInline
from .forms import MESSAGE_FILE_KINDS
from .models import Application, ApplicationReferee
from .reviewer_admin import ReviewerAssignmentMixin
from .selection_admin import BookedInterviewInline, selection_tools
from .selectors import (
    applications_triaged_by,
    applications_visible_to,
    hides_identity,
    reviewer_only,
    triages,
)
from .services import (
    OWN_PATH_STATUSES,
    application_bulk_transition,
    application_message_from_staff,
    application_transition,
)

WORKFLOW = Application.WORKFLOW
APPLICANT_IDENTITY = list(Application.IDENTITY_FIELDS)
APPLICANT_FIELDS = [*Application.APPLICANT_FIELDS, "consented_at"]


class ApplicationMoveForm(forms.ModelForm):
    move_to = forms.ChoiceField(label=_("Move to"), required=False)
    move_note = forms.CharField(
        label=_("Note on the move"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=MOVE_NOTE_HELP,
    )

    class Meta:
        model = Application
        fields = ["reviewers", "internal_notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.instance.status if self.instance.pk else Application.Status.SUBMITTED
        targets = sorted(WORKFLOW.targets(current) - {WORKFLOW.withdrawn, *OWN_PATH_STATUSES})
        self.fields["move_to"].choices = [("", _("— keep the current status —"))] + [
            (status, WORKFLOW.label(status)) for status in targets
        ]
        self.fields["move_to"].error_messages["invalid_choice"] = _(
            "That move is not allowed from the current status; the page may be out of date."
        )


class AverageScoreFilter(admin.SimpleListFilter):
    title = _("average score")
    parameter_name = "average"
    RANGES = {"4-5": (4, None), "3-4": (3, 4), "0-3": (None, 3)}

    def lookups(self, request, model_admin):
        return [("4-5", _("4 or more")), ("3-4", _("3 to 4")), ("0-3", _("below 3")), ("none", _("not scored yet"))]

    def queryset(self, request, queryset):
        if self.value() == "none":
            return queryset.filter(average_score__isnull=True)
        if self.value() in self.RANGES:
            low, high = self.RANGES[self.value()]
            if low is not None:
                queryset = queryset.filter(average_score__gte=low)
            if high is not None:
                queryset = queryset.filter(average_score__lt=high)
        return queryset


def _bulk(to, description):
    def action(modeladmin, request, queryset):
        moved, refused = application_bulk_transition(applications=list(queryset), to=to, by=request.user)
        if moved:
            modeladmin.message_user(request, _("%(count)d application(s) moved.") % {"count": len(moved)})
        if refused:
            references = ", ".join(application.reference for application in refused)
            modeladmin.message_user(
                request,
                _("Not moved, the workflow does not allow it from their status: %(refs)s") % {"refs": references},
                level=messages.WARNING,
            )

    action.__name__ = f"move_to_{to}"
    return admin.action(description=description, permissions=["triage"])(action)


class ApplicationChangeList(ChangeList):
    """Staff who triage list (and export, and move in bulk) the applications of their own labs only: those of other
    labs they may be reviewing are reached from their dashboard, one at a time, with a reviewer's view."""

    def get_queryset(self, request, exclude_parameters=None):
        if not reviewer_only(request.user) and not getattr(self, "_triaged_only", False):
            self.root_queryset = applications_triaged_by(request.user, self.root_queryset)
            self._triaged_only = True
        return super().get_queryset(request, exclude_parameters)


def _reviews_only(request, application):
    """Whether this user sees `application` (or, with None, the list) as a reviewer rather than as triage staff."""
    return reviewer_only(request.user) if application is None else not triages(request.user, application)


@admin.register(Application)
class ApplicationAdmin(ReviewerAssignmentMixin, ConversationAdminMixin, LabScopedAdminMixin, SimpleHistoryAdmin):
    # Tens of thousands of rows: 50 a page (search and filters narrow them); drawing 100 was most of the time.
    list_per_page = 50

    # An application belongs to its call's lab; a reviewer also sees the ones assigned to them.
    def visible_to(self, user, queryset):
        return applications_visible_to(user, queryset)

    conversation_workflow = Application.WORKFLOW
    conversation_files = MESSAGE_FILE_KINDS
    conversation_after_fieldsets = 2  # what the applicant sent, then the conversation, then the workflow

    def may_read_conversation(self, request, application):
        return triages(request.user, application)  # never a reviewer: the thread names the applicant

    def write_to_submitter(self, request, application, form):
        data = form.cleaned_data
        application_message_from_staff(
            application=application,
            by=request.user,
            body=data["body"],
            files=data["files"],
            ask_for_information=data["ask_for_information"],
        )

    form = ApplicationMoveForm
    change_list_template = "admin/recruitment/application/change_list.html"
    change_form_template = "admin/recruitment/application/change_form.html"
    list_display = ["reference", "name", "call", "status", "university", "average", "reviews_counted", "submitted_at"]
    list_filter = [
        "status",
        ConversationFilter,
        YourReviewFilter,
        "call",
        "call__programme__lab",
        "university",
        "focus_areas",
        "reviewers",
        AverageScoreFilter,
    ]
    list_select_related = ["call__programme__lab"]
    date_hierarchy = "submitted_at"
    autocomplete_fields = ["reviewers"]
    inlines = [RefereeInline, ReviewInline, BookedInterviewInline]  # the status history stands beside the conversation
    actions = [
        _bulk("under_review", _("Move the selected to “Under review”")),
        _bulk("shortlisted", _("Shortlist the selected")),
        _bulk("waitlisted", _("Place the selected on the waiting list")),
        _bulk("rejected", _("Reject the selected")),
    ]

    def has_add_permission(self, request):
        return False  # applications come from students through the public form

    def has_triage_permission(self, request):
        return not reviewer_only(request.user)

    def get_changelist(self, request, **kwargs):
        return ApplicationChangeList

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("call__programme__lab")

    def get_search_fields(self, request):
        if reviewer_only(request.user):
            return ["reference", "university"]  # not by name: blind review must not be searchable around
        return ["reference", "name", "email", "university"]

    def get_readonly_fields(self, request, obj=None):
        return ["reference", "status", "submitted_at", "language", "documents", *APPLICANT_FIELDS, *AUDIT_FIELDS]

    def get_fieldsets(self, request, obj=None):
        applicant = [
            f for f in APPLICANT_FIELDS if not (obj and hides_identity(request.user, obj) and f in APPLICANT_IDENTITY)
        ]
        fieldsets = [
            (None, {"fields": ["reference", "status", "submitted_at", "language", "documents"]}),
            (_("From the applicant"), {"fields": applicant}),
        ]
        if not _reviews_only(request, obj):  # after what the applicant sent and the conversation (reading order)
            fieldsets.append((_("Workflow"), {"fields": ["move_to", "move_note", "reviewers", "internal_notes"]}))
            fieldsets.append((_("Audit"), {"fields": AUDIT_FIELDS, "classes": ["collapse"]}))
        return fieldsets

    REVIEWER_HIDDEN_COLUMNS = {"average", "reviews_counted"}  # reviewers judge without seeing each other's scores

    def get_list_display(self, request):
        if reviewer_only(request.user):
            return [
                "applicant_if_not_blind" if field == "name" else field
                for field in self.list_display
                if field not in self.REVIEWER_HIDDEN_COLUMNS
            ]
        return self.list_display

    def get_list_filter(self, request):
        if reviewer_only(request.user):
            return [item for item in self.list_filter if item not in ("reviewers", AverageScoreFilter)]
        return self.list_filter

    def lookup_allowed(self, lookup, value, request):
        # Under blind review a reviewer must not find out who applied by filtering in the URL.
        if reviewer_only(request.user) and lookup.split("__")[0] in (*APPLICANT_IDENTITY, "average_score", "reviewers"):
            return False
        return super().lookup_allowed(lookup, value, request)

    def history_view(self, request, object_id, extra_context=None):
        application = self.get_object(request, object_id)
        if reviewer_only(request.user) or (application is not None and not triages(request.user, application)):
            raise PermissionDenied  # the history lists every field's changes, staff notes included
        return super().history_view(request, object_id, extra_context)

    @admin.display(description=_("applicant"))
    def applicant_if_not_blind(self, application):
        return _("(blind review)") if application.call.blind_review else application.name

    def get_form(self, request, obj=None, change=False, **kwargs):
        if _reviews_only(request, obj):
            kwargs["fields"] = []
        return super().get_form(request, obj, change, **kwargs)

    @admin.display(description=_("average score"), ordering="average_score")
    def average(self, application):
        return f"{application.average_score:.2f}" if application.average_score is not None else "—"

    @admin.display(description=_("reviews"), ordering="review_count")
    def reviews_counted(self, application):
        return application.review_count

    @admin.display(description=_("documents"))
    def documents(self, application):
        links = [(reverse("admin:recruitment_application_document", args=[application.pk, "cv"]), _("CV"))]
        if application.transcript:
            links.append(
                (
                    reverse("admin:recruitment_application_document", args=[application.pk, "transcript"]),
                    _("Transcript"),
                )
            )
        return format_html_join(" · ", '<a href="{}">{}</a>', links)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        application = self.get_object(request, object_id)
        extra_context = dict(extra_context or {})
        if application is not None and application.reviewers.filter(pk=request.user.pk).exists():
            review = application.reviews.filter(reviewer=request.user).first()
            extra_context["review_url"] = (
                reverse("admin:recruitment_review_change", args=[review.pk])
                if review
                else f"{reverse('admin:recruitment_review_add')}?application={application.pk}"
            )
            extra_context["review_label"] = _("Edit your review") if review else _("Score this application")
        extra_context.update(selection_tools(request, application))  # Make an offer / See the offer
        return super().change_view(request, object_id, form_url, extra_context)

    def save_related(self, request, form, formsets, change):
        # The move comes after the reviewers and notes are saved, so whatever it triggers sees them.
        super().save_related(request, form, formsets, change)
        move_to = form.cleaned_data.get("move_to")
        if move_to:
            try:
                application_transition(
                    application=form.instance, to=move_to, by=request.user, note=form.cleaned_data.get("move_note", "")
                )
            except TransitionNotAllowed as refusal:
                self.message_user(request, str(refusal), level=messages.ERROR)

    def get_urls(self):
        return [
            path(
                "<int:object_id>/documents/<str:document>/",
                self.admin_site.admin_view(self.document_view),
                name="recruitment_application_document",
            ),
            path("export/", self.admin_site.admin_view(self.export_view), name="recruitment_application_export"),
            *super().get_urls(),
        ]

    def document_view(self, request, object_id, document):
        """CVs, transcripts and letters leave only through here, with the same scoping as the application."""
        application = self.get_object(request, str(object_id))
        if application is None or not self.has_view_permission(request, application):
            raise Http404
        if document in ("cv", "transcript"):
            stored = getattr(application, document)
            filename = f"{application.reference}-{document}.pdf"
        elif document.startswith("letter-") and document[7:].isdigit():
            referee = get_object_or_404(ApplicationReferee, pk=int(document[7:]), application=application)
            stored, filename = referee.letter, f"{application.reference}-letter-{referee.order}.pdf"
        else:
            raise Http404
        if not stored:
            raise Http404
        # Under blind review the file's metadata (author, title, XMP) would name the applicant: it is taken out.
        blind = hides_identity(request.user, application)
        try:
            return private_file_response(
                stored, filename=filename, content_type="application/pdf", strip_metadata=blind
            )
        except MetadataNotRemoved:
            self.message_user(
                request,
                _(
                    "This document could not be prepared for blind review (its author details could not be removed), "
                    "so it is not shown. Ask the lab's manager to look at it."
                ),
                level=messages.ERROR,
            )
            return redirect(reverse("admin:recruitment_application_change", args=[application.pk]))

    def export_view(self, request):
        """The list as CSV with average scores, scoped and filtered like the list; no files."""
        if not self.has_view_permission(request):
            raise Http404
        blind = reviewer_only(request.user)
        try:
            queryset = self.get_changelist_instance(request).get_queryset(request)
        except IncorrectLookupParameters:
            return redirect(reverse("admin:recruitment_application_changelist") + "?e=1")
        header = [
            "reference",
            "call",
            "status",
            "name",
            "email",
            "university",
            "degree",
            "submitted_at",
            "average_score",
            "reviews",
        ]
        rows = (
            [
                a.reference,
                a.call.title,
                a.get_status_display(),
                "" if blind and a.call.blind_review else a.name,
                "" if blind and a.call.blind_review else a.email,
                a.university,
                a.degree_programme,
                timezone.localtime(a.submitted_at).isoformat(timespec="minutes"),
                "" if a.average_score is None else f"{a.average_score:.2f}",
                a.review_count,
            ]
            for a in queryset
        )
        if blind:  # a reviewer's export carries no one else's scores either
            header = header[:-2]
            rows = (row[:-2] for row in rows)
        return csv_response("applications", header, rows)


from . import call_admin, review_admin  # noqa: E402,F401  (register the call and review admins)
