from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from labs.admin import AUDIT_FIELDS
from portal.scoping import LabScopedAdminMixin

from .forms import ReviewForm
from .models import Application, Review
from .selectors import reviews_visible_to
from .services import review_save, reviews_delete


@admin.register(Review)
class ReviewAdmin(LabScopedAdminMixin, SimpleHistoryAdmin):
    def visible_to(self, user, queryset):
        return reviews_visible_to(user, queryset)

    form = ReviewForm
    list_display = ["application", "reviewer", "score", "recommendation", "conflict_of_interest", "updated_at"]
    list_filter = ["recommendation", "conflict_of_interest", "application__call"]
    list_select_related = ["application", "reviewer"]
    search_fields = ["application__reference"]
    readonly_fields = ["score", *AUDIT_FIELDS]

    def get_fields(self, request, obj=None):
        return ["application", *Review.CRITERIA, "recommendation", "comment", "conflict_of_interest", "score"]

    def get_readonly_fields(self, request, obj=None):
        readonly = ["score", *AUDIT_FIELDS]
        return [*readonly, "application"] if obj else readonly

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "application":
            # Only applications assigned to this reviewer and not yet reviewed by them.
            kwargs["queryset"] = Application.objects.filter(reviewers=request.user).exclude(
                reviews__reviewer=request.user
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        return {"application": request.GET.get("application")}

    def delete_model(self, request, obj):
        reviews_delete(reviews=type(obj).objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        reviews_delete(reviews=queryset)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.reviewer = request.user
        review_save(review=obj, by=request.user)
        if obj.conflict_of_interest:
            self.message_user(
                request, _("Conflict of interest recorded: you are no longer a reviewer of this application.")
            )
