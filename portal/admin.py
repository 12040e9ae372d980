from django.contrib import admin, messages
from django.contrib.contenttypes.admin import GenericTabularInline
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import OutboxEmail, StatusChange
from .outbox import outbox_retry

admin.site.site_header = _("Joint Lab Portal administration")
admin.site.site_title = _("Joint Lab Portal staff")
admin.site.index_title = _("Labs, people, projects and submissions")


def flag_action(service, value, *, description, done_message):
    """A bulk admin action that calls an app's flag service (e.g. people_set_public) on the selected records."""

    def action(modeladmin, request, queryset):
        editable = modeladmin.editable_by(request.user, queryset) if hasattr(modeladmin, "editable_by") else queryset
        skipped = queryset.count() - editable.count()
        changed = service(queryset=editable, value=value, by=request.user, reason=str(description))
        modeladmin.message_user(request, done_message % {"count": changed})
        if skipped:
            modeladmin.message_user(
                request,
                _("%(count)d selected record(s) left unchanged: they belong to labs you do not work for.")
                % {"count": skipped},
                level=messages.WARNING,
            )

    action.__name__ = f"{service.__name__}_{'on' if value else 'off'}"
    return admin.action(description=description)(action)


@admin.register(OutboxEmail)
class OutboxEmailAdmin(admin.ModelAdmin):
    """What the portal has sent or still has to send; read-only apart from retrying."""

    list_display = ["subject", "recipient_list", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["subject", "to"]
    date_hierarchy = "created_at"
    readonly_fields = [field.name for field in OutboxEmail._meta.fields]
    actions = ["retry_now"]

    @admin.display(description=_("to"))
    def recipient_list(self, email):
        return ", ".join(email.recipients)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Try to send the selected e-mails now"), permissions=["view"])
    def retry_now(self, request, queryset):
        sent = outbox_retry(emails=queryset)
        self.message_user(request, _("%(count)d e-mail(s) sent.") % {"count": sent})


class StatusHistoryInline(GenericTabularInline):
    """The workflow history of a submission: who moved it, when, from, to and why."""

    model = StatusChange
    extra = 0
    can_delete = False
    fields = ["changed_at", "from_label", "to_label", "changed_by", "actor_label", "note"]
    readonly_fields = fields
    verbose_name_plural = _("status history")

    # The workflow's words ("Under review"), not the stored codes ("under_review").
    @admin.display(description=_("from"))
    def from_label(self, change):
        return self.parent_model.WORKFLOW.label(change.from_status) if change.from_status else "—"

    @admin.display(description=_("to"))
    def to_label(self, change):
        return self.parent_model.WORKFLOW.label(change.to_status)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


# Staff set up their second factor on its own pages and administrators reset it from the user list
# (portal/second_factor/): django-otp's device admins would let secrets be read and devices added past those rules.
for device_model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(device_model):
        admin.site.unregister(device_model)
