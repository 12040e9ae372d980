"""List filters of the challenge requests admin that Django's field filters cannot express."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from labs.models import JointLab
from portal.scoping import own_lab_choices

from .selectors import belonging_to_labs


class ResponsibleLabFilter(admin.SimpleListFilter):
    """The lab a request belongs to, by the rule of the lab scoping (assigned, else preferred): the per-lab figures
    of the knowledge-transfer report link here, so a lab's list and its report count the same requests."""

    title = _("responsible lab")
    parameter_name = "responsible_lab"

    def lookups(self, request, model_admin):
        return [(str(lab.pk), lab.display_name) for lab in own_lab_choices(JointLab, request).order_by("name")]

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset
        # Only a lab this filter offers; another lab's id (or junk) lists nothing.
        offered = {key for key, _label in self.lookup_choices}
        return queryset.filter(belonging_to_labs([int(value)])) if value in offered else queryset.none()
