"""The staff side of interviews, offers and the waiting list: interview slots per call (who booked what), offers
(made through recruitment.services.offer_make, conditions marked met), and what the application page shows of them.
Only staff who triage an application's lab see any of it; reviewers never do."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminSplitDateTime
from django.http import Http404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from portal.downloads import private_file_response
from portal.forms import ValidatedFileField
from portal.scoping import LabScopedAdminMixin

from .models import Application, InterviewSlot, Offer, OfferCondition
from .selectors import TRIAGE_PERMISSION, applications_triaged_by, triages
from .services import OFFER_FROM, OfferRefused, offer_condition_mark_met, offer_make, offer_problem


def _triages_anything(request):
    return request.user.is_active and request.user.is_staff and request.user.has_perm(TRIAGE_PERMISSION)


class TriageOnlyMixin:
    """Permissions from the triage role rather than per-model ones: whoever decides on applications of a lab
    handles its interviews and offers (lab scoping still applies through LabScopedAdminMixin)."""

    def has_view_permission(self, request, obj=None):
        return _triages_anything(request)

    def has_add_permission(self, request, *args):
        return _triages_anything(request)

    def has_change_permission(self, request, obj=None):
        return _triages_anything(request)

    def has_delete_permission(self, request, obj=None):
        return _triages_anything(request)


def _applicant(application):
    return "—" if application is None else f"{application.reference} — {application.name}"


class BookedFilter(admin.SimpleListFilter):
    title = _("booking")
    parameter_name = "booked"

    def lookups(self, request, model_admin):
        return [("yes", _("booked")), ("no", _("free"))]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(booked_by__isnull=self.value() == "no")
        return queryset


@admin.register(InterviewSlot)
class InterviewSlotAdmin(LabScopedAdminMixin, TriageOnlyMixin, admin.ModelAdmin):
    lab_path = "call__programme__lab"
    list_display = ["starts_at", "ends_at", "call", "mode", "where", "booked", "booked_at", "rescheduled"]
    list_filter = [BookedFilter, "mode", "call"]
    list_select_related = ["call__programme__lab", "booked_by"]
    date_hierarchy = "starts_at"
    fields = ["call", "starts_at", "ends_at", "mode", "place", "link", "booked", "booked_at", "rescheduled"]

    def get_readonly_fields(self, request, obj=None):
        booked = ["booked", "booked_at", "rescheduled"]
        if obj is not None and obj.booked_by_id:
            # The student was e-mailed this time and place: it changes through the conversation, not here.
            return ["call", "starts_at", "ends_at", "mode", "place", "link", *booked]
        return booked

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj is not None and obj.booked_by_id)

    @admin.display(description=_("place or link"))
    def where(self, slot):
        return slot.where

    @admin.display(description=_("booked by"))
    def booked(self, slot):
        # Only staff who triage the call's lab come here (lab scoping and the triage role): they see who applied.
        return _applicant(slot.booked_by)


class OfferAddForm(forms.ModelForm):
    reply_by = forms.SplitDateTimeField(
        label=_("Reply by"),
        widget=AdminSplitDateTime,
        help_text=_("Hong Kong time. Unanswered, the offer lapses then."),
    )
    conditions = forms.CharField(
        label=_("Conditions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line, e.g. “Bachelor's degree awarded”. Leave empty for an unconditional offer."),
    )
    letter_pdf = ValidatedFileField(
        label=_("Offer letter (PDF)"), allowed=("pdf",), required=False, help_text=_("Optional. PDF only.")
    )

    class Meta:
        model = Offer
        fields = ["application", "reply_by", "letter_text"]

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["application"]
        field.queryset = applications_triaged_by(request.user).filter(status__in=OFFER_FROM, offer__isnull=True)
        field.queryset = field.queryset.select_related("call")
        field.label_from_instance = lambda application: (
            f"{application.reference} — {application.name} ({application.get_status_display()})"
        )
        field.help_text = _("Applications invited to interview or on the waiting list (promoting them).")

    def clean(self):
        cleaned = super().clean()
        application, reply_by = cleaned.get("application"), cleaned.get("reply_by")
        if application is not None:
            problem = offer_problem(application=application, reply_by=reply_by)
            if problem:
                raise forms.ValidationError(problem)
        return cleaned


class ConditionForm(forms.ModelForm):
    met = forms.BooleanField(label=_("met"), required=False)

    class Meta:
        model = OfferCondition
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.met_at:
            self.fields["met"].initial = True
            self.fields["met"].disabled = True  # who and when stay recorded


class OfferConditionInline(TriageOnlyMixin, admin.TabularInline):
    model = OfferCondition
    form = ConditionForm
    extra = 0
    can_delete = False
    fields = ["text", "met", "met_at", "met_by"]
    readonly_fields = ["text", "met_at", "met_by"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Offer)
class OfferAdmin(LabScopedAdminMixin, TriageOnlyMixin, admin.ModelAdmin):
    lab_path = "application__call__programme__lab"
    list_display = ["application", "applicant", "status", "reply_by", "made_at", "answered_at", "conditions_met"]
    list_filter = ["application__status", "application__call"]
    list_select_related = ["application__call__programme__lab"]
    search_fields = ["application__reference", "application__name"]
    inlines = [OfferConditionInline]
    readonly_fields = ["application_link", "status", "reply_by", "letter_text", "letter_link", "made_by", "made_at"]
    readonly_fields += ["answered_at"]

    def has_delete_permission(self, request, obj=None):
        return False  # the student was e-mailed it; the workflow (reject) ends an offer

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("application__call__programme__lab", "made_by")
        return queryset.prefetch_related("conditions")

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            form = OfferAddForm

            class RequestOfferAddForm(form):
                def __init__(self, *args, **inner):
                    super().__init__(*args, request=request, **inner)

            kwargs["form"] = RequestOfferAddForm
            kwargs["fields"] = None
        return super().get_form(request, obj, change, **kwargs)

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["application", "reply_by", "letter_text", "conditions", "letter_pdf"]
        return self.readonly_fields

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else self.readonly_fields

    def get_inlines(self, request, obj):
        return self.inlines if obj is not None else []

    def save_model(self, request, obj, form, change):
        if change:
            return  # nothing of the offer itself changes once made; conditions are marked in save_formset
        data = form.cleaned_data
        try:
            offer = offer_make(
                application=data["application"],
                reply_by=data["reply_by"],
                letter_text=data["letter_text"],
                conditions=data["conditions"].splitlines(),
                letter=data["letter_pdf"],
                by=request.user,
            )
        except OfferRefused as refusal:  # the application moved since the form was checked
            self.message_user(request, str(refusal), level=messages.ERROR)
            raise Http404 from refusal
        obj.pk = offer.pk

    def save_related(self, request, form, formsets, change):
        for formset in formsets:
            self.save_formset(request, form, formset, change)

    def save_formset(self, request, form, formset, change):
        # Only "met" is ticked here, and through the service: the rows themselves never change in this form.
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for condition_form in formset.forms:
            ticked = condition_form.cleaned_data.get("met") and not condition_form.instance.met_at
            if ticked and offer_condition_mark_met(condition=condition_form.instance, by=request.user):
                formset.changed_objects.append((condition_form.instance, ["met"]))

    @admin.display(description=_("application"))
    def application_link(self, offer):
        url = reverse("admin:recruitment_application_change", args=[offer.application_id])
        return format_html('<a href="{}">{}</a>', url, offer.application.reference)

    @admin.display(description=_("applicant"))
    def applicant(self, offer):
        return offer.application.name

    @admin.display(description=_("status"))
    def status(self, offer):
        return offer.application.get_status_display()

    @admin.display(description=_("conditions met"))
    def conditions_met(self, offer):
        conditions = list(offer.conditions.all())
        return f"{sum(1 for c in conditions if c.met_at)}/{len(conditions)}" if conditions else "—"

    @admin.display(description=_("offer letter (PDF)"))
    def letter_link(self, offer):
        if not offer.letter:
            return "—"
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:recruitment_offer_letter", args=[offer.pk]), _("Download")
        )

    def get_urls(self):
        return [
            path(
                "<int:object_id>/letter/", self.admin_site.admin_view(self.letter_view), name="recruitment_offer_letter"
            ),
            *super().get_urls(),
        ]

    def letter_view(self, request, object_id):
        offer = self.get_queryset(request).filter(pk=object_id).first()
        if offer is None or not self.has_view_permission(request, offer) or not offer.letter:
            raise Http404
        return private_file_response(
            offer.letter, filename=f"{offer.application.reference}-offer.pdf", content_type="application/pdf"
        )


class BookedInterviewInline(TriageOnlyMixin, admin.TabularInline):
    """The interview time the applicant booked, on the application's page."""

    model = InterviewSlot
    fk_name = "booked_by"
    extra = 0
    max_num = 0
    can_delete = False
    verbose_name = verbose_name_plural = _("interview booked")
    fields = ["starts_at", "ends_at", "mode", "place", "link", "booked_at", "rescheduled"]
    readonly_fields = fields

    def has_view_permission(self, request, obj=None):
        # Read-only, so no part of what the page posts back: the application's form stays valid without it.
        if request.method == "POST":
            return False
        # obj: the application (None when the rows are fetched, after the application's page was allowed).
        return _triages_anything(request) if obj is None else triages(request.user, obj)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def selection_tools(request, application: Application | None) -> dict:
    """The "Make an offer" / "See the offer" link of an application's admin page, for staff who triage it."""
    if application is None or not triages(request.user, application):
        return {}
    offer = Offer.objects.filter(application=application).only("pk").first()
    if offer is not None:
        return {"offer_url": reverse("admin:recruitment_offer_change", args=[offer.pk])}
    if application.status in OFFER_FROM:
        return {"make_offer_url": f"{reverse('admin:recruitment_offer_add')}?application={application.pk}"}
    return {}
