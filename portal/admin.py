from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.utils import bulk_update_with_history

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
