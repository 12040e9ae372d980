"""List filters of the applications admin that Django's field filters cannot express."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .selectors import applications_awaiting_review_by, applications_reviewed_by


class YourReviewFilter(admin.SimpleListFilter):
    """The applications assigned to the signed-in user, with or without their review: the admin home's "reviews
    due" figure links here. It speaks of the user's own reviews only, so it reveals nothing of anyone else's."""

    title = _("your review")
    parameter_name = "your_review"
    DUE = "due"
    DONE = "done"

    def lookups(self, request, model_admin):
        return [(self.DUE, _("Assigned to you, not reviewed yet")), (self.DONE, _("Reviewed by you"))]

    def queryset(self, request, queryset):
        if self.value() == self.DUE:
            return applications_awaiting_review_by(request.user, queryset)
        if self.value() == self.DONE:
            reviewed = applications_reviewed_by(request.user).filter(reviews__reviewer=request.user)
            return queryset.filter(pk__in=reviewed.values("pk"))
        return queryset
