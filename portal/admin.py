from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.utils import bulk_update_with_history

from .models import OutboxEmail, StatusChange
from .outbox import deliver

admin.site.site_header = _("Joint Lab Portal administration")
admin.site.site_title = _("Joint Lab Portal staff")
admin.site.index_title = _("Labs, people, projects and submissions")


def flag_action(field, value, *, description, done_message):
    """A bulk admin action that sets a boolean flag and records the change in each row's history."""

    def action(modeladmin, request, queryset):
        changed = list(queryset.exclude(**{field: value}))
        now = timezone.now()
        for obj in changed:
            setattr(obj, field, value)
            obj.updated_at = now
        bulk_update_with_history(
            changed,
            queryset.model,
            [field, "updated_at"],
            default_user=request.user,
            default_change_reason=str(description),
        )
        modeladmin.message_user(request, done_message % {"count": len(changed)})

    action.__name__ = f"set_{field}_{'on' if value else 'off'}"
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
        sent = 0
        for email in queryset.exclude(status=OutboxEmail.Status.SENT):
            if email.status == OutboxEmail.Status.FAILED:
                OutboxEmail.objects.filter(pk=email.pk).update(status=OutboxEmail.Status.QUEUED)
            sent += deliver(email.pk)
        self.message_user(request, _("%(count)d e-mail(s) sent.") % {"count": sent})


class StatusHistoryInline(GenericTabularInline):
    """The workflow history of a submission: who moved it, when, from, to and why."""

    model = StatusChange
    extra = 0
    can_delete = False
    fields = ["changed_at", "from_status", "to_status", "changed_by", "actor_label", "note"]
    readonly_fields = fields
    verbose_name_plural = _("status history")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False
