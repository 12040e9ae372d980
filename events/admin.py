from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from labs.admin import AUDIT_FIELDS
from portal.admin import StatusHistoryInline, flag_action
from portal.csv_export import csv_response
from portal.scoping import LabScopedAdminMixin
from portal.translation_admin import SimplifiedFromTraditionalMixin

from .models import Event, Registration
from .selectors import (
    events_visible_to,
    registrations_awaiting_attendance,
    registrations_visible_to,
    with_registration_counts,
)
from .services import event_fill_places, events_set_published, registrations_cancel, registrations_mark_attendance


class EventTimeFilter(admin.SimpleListFilter):
    title = _("when")
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return [("upcoming", _("Upcoming")), ("past", _("Past"))]

    def queryset(self, request, queryset):
        if self.value() == "upcoming":
            return queryset.upcoming()
        if self.value() == "past":
            return queryset.past()
        return queryset


class RegistrationToDoFilter(admin.SimpleListFilter):
    """What staff still have to do about registrations: the admin home's figure links here."""

    title = _("to do")
    parameter_name = "todo"
    ATTENDANCE = "attendance"

    def lookups(self, request, model_admin):
        return [(self.ATTENDANCE, _("Attendance to record (the event is over)"))]

    def queryset(self, request, queryset):
        if self.value() == self.ATTENDANCE:
            return registrations_awaiting_attendance(queryset)
        return queryset


@admin.register(Event)
class EventAdmin(LabScopedAdminMixin, SimplifiedFromTraditionalMixin, TranslationAdmin, SimpleHistoryAdmin):
    def visible_to(self, user, queryset):
        return events_visible_to(user, queryset)

    list_display = ["title", "lab", "kind", "starts_at", "places", "waiting_list", "is_published"]
    list_filter = [EventTimeFilter, "kind", "is_published", "lab"]
    search_fields = ["title", "summary", "venue", "lab__name"]
    autocomplete_fields = ["lab"]
    prepopulated_fields = {"slug": ["title"]}
    list_select_related = ["lab"]
    date_hierarchy = "starts_at"
    readonly_fields = AUDIT_FIELDS
    fieldsets = [
        (None, {"fields": ["lab", "kind", "title", "slug", "is_published"]}),
        (_("When and where"), {"fields": ["starts_at", "ends_at", "all_day", "venue", "online_url", "language"]}),
        (_("Registration"), {"fields": ["takes_registrations", "capacity", "registration_deadline"]}),
        (_("Text"), {"fields": ["summary", "description"]}),
        (_("Audit"), {"fields": AUDIT_FIELDS, "classes": ["collapse"]}),
    ]
    actions = [
        flag_action(
            events_set_published,
            True,
            description=_("Publish the selected events"),
            done_message=_("%(count)d events published."),
        ),
        flag_action(
            events_set_published,
            False,
            description=_("Take the selected events off the site"),
            done_message=_("%(count)d events taken off the site."),
        ),
    ]

    def get_queryset(self, request):
        return with_registration_counts(super().get_queryset(request))

    @admin.display(description=_("places taken"), ordering="taken")
    def places(self, event):
        url = reverse("admin:events_registration_changelist") + f"?event__id__exact={event.pk}"
        text = f"{event.taken} / {event.capacity}" if event.capacity is not None else str(event.taken)
        return format_html('<a href="{}">{}</a>', url, text)

    @admin.display(description=_("waiting"), ordering="waiting")
    def waiting_list(self, event):
        return event.waiting

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "capacity" in form.changed_data:
            promoted = event_fill_places(event=obj)
            if promoted:
                self.message_user(
                    request,
                    _("%(count)d person(s) moved from the waiting list to a place and e-mailed.")
                    % {"count": len(promoted)},
                )


class RegistrationForm(forms.ModelForm):
    class Meta:
        model = Registration
        fields = []


def _report(modeladmin, request, done, refused, done_message, refused_message):
    if done:
        modeladmin.message_user(request, done_message % {"count": len(done)})
    if refused:
        references = ", ".join(registration.reference for registration in refused)
        modeladmin.message_user(request, refused_message % {"refs": references}, level=messages.WARNING)


@admin.register(Registration)
class RegistrationAdmin(LabScopedAdminMixin, SimpleHistoryAdmin):
    def visible_to(self, user, queryset):
        return registrations_visible_to(user, queryset)

    form = RegistrationForm
    change_list_template = "admin/events/registration/change_list.html"
    # The organisation is on the record and in the export: the list fits a laptop screen.
    list_display = ["reference", "name", "email", "event", "status", "registered_at"]
    list_filter = ["status", RegistrationToDoFilter, "event", "event__lab"]
    search_fields = ["reference", "name", "email", "organisation"]
    list_select_related = ["event"]
    date_hierarchy = "registered_at"
    readonly_fields = [
        "reference",
        "event",
        "status",
        "registered_at",
        "language",
        "name",
        "email",
        "organisation",
        "consented_at",
        "reminded_at",
        "purged_at",
        *AUDIT_FIELDS,
    ]
    inlines = [StatusHistoryInline]
    actions = ["mark_attended", "mark_absent", "cancel_registrations"]

    def has_add_permission(self, request):
        return False  # registrations come from visitors through the public form

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("event__lab")

    @admin.action(description=_("Mark the selected as attended"), permissions=["change"])
    def mark_attended(self, request, queryset):
        done, refused = registrations_mark_attendance(registrations=list(queryset), attended=True, by=request.user)
        _report(
            self,
            request,
            done,
            refused,
            _("%(count)d registration(s) marked as attended."),
            _("Not marked (the event has not started, or they hold no place): %(refs)s"),
        )

    @admin.action(description=_("Mark the selected as not attended"), permissions=["change"])
    def mark_absent(self, request, queryset):
        done, refused = registrations_mark_attendance(registrations=list(queryset), attended=False, by=request.user)
        _report(
            self,
            request,
            done,
            refused,
            _("%(count)d registration(s) marked as not attended."),
            _("Not marked (the event has not started, or they hold no place): %(refs)s"),
        )

    @admin.action(description=_("Cancel the selected registrations"), permissions=["change"])
    def cancel_registrations(self, request, queryset):
        done, refused = registrations_cancel(registrations=list(queryset), by=request.user)
        _report(
            self,
            request,
            done,
            refused,
            _("%(count)d registration(s) cancelled; freed places went to the waiting list."),
            _("Not cancelled (already cancelled, or the event is over): %(refs)s"),
        )

    def get_urls(self):
        return [
            path("export/", self.admin_site.admin_view(self.export_view), name="events_registration_export"),
            *super().get_urls(),
        ]

    def export_view(self, request):
        """The attendee list as CSV, scoped and filtered like the list (e.g. one event's)."""
        if not self.has_view_permission(request):
            raise Http404
        try:
            queryset = self.get_changelist_instance(request).get_queryset(request)
        except IncorrectLookupParameters:
            return redirect(reverse("admin:events_registration_changelist") + "?e=1")
        header = ["reference", "event", "starts_at", "status", "name", "email", "organisation", "registered_at"]
        rows = (
            [
                registration.reference,
                registration.event.title,
                timezone.localtime(registration.event.starts_at).isoformat(timespec="minutes"),
                registration.get_status_display(),
                registration.name,
                registration.email,
                registration.organisation,
                timezone.localtime(registration.registered_at).isoformat(timespec="minutes"),
            ]
            for registration in queryset
        )
        return csv_response("attendees", header, rows)
