from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from labs.admin import AUDIT_FIELDS
from portal.scoping import LabScopedAdminMixin

from .models import Application, Review
from .review_forms import ReviewForm, comment_field, review_form_for, score_field
from .selectors import reviews_visible_to
from .services import review_save, reviews_delete


def review_documents(application: Application) -> list[tuple[str, str]]:
    """(label, url) of the application's CV, transcript and received referee letters: downloads that check the
    user's rights and, under blind review, strip the files' metadata. Referees are numbered, never named."""

    def url(document):
        return reverse("admin:recruitment_application_document", args=[application.pk, document])

    links = [(_("CV"), url("cv"))]
    if application.transcript:
        links.append((_("Transcript"), url("transcript")))
    for referee in application.referees.all():
        if referee.letter:
            links.append((_("Letter from referee %(n)d") % {"n": referee.order}, url(f"letter-{referee.pk}")))
    return links


@admin.register(Review)
class ReviewAdmin(LabScopedAdminMixin, SimpleHistoryAdmin):
    def visible_to(self, user, queryset):
        return reviews_visible_to(user, queryset)

    form = ReviewForm
    change_form_template = "admin/recruitment/review/change_form.html"
    list_display = ["application", "reviewer", "score", "recommendation", "conflict_of_interest", "updated_at"]
    list_filter = ["recommendation", "conflict_of_interest", "application__call"]
    list_select_related = ["application", "reviewer"]
    search_fields = ["application__reference"]
    readonly_fields = ["score", *AUDIT_FIELDS]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("application__call", "reviewer")

    def _assignable(self, request):
        """Applications assigned to this reviewer and not yet reviewed by them."""
        return Application.objects.filter(reviewers=request.user).exclude(reviews__reviewer=request.user)

    def _scored_application(self, request, obj):
        if obj is not None:
            return obj.application
        pk = request.POST.get("application") or request.GET.get("application") or ""
        if not pk.isdigit():
            return None
        return self._assignable(request).filter(pk=pk).select_related("call").first()

    def _criteria(self, request, obj):
        application = self._scored_application(request, obj)
        return list(application.call.criteria.all()) if application else []

    def _scores_own_review(self, request, obj):
        return obj is None or obj.reviewer_id == request.user.pk

    def has_change_permission(self, request, obj=None):
        # A review is its reviewer's alone, and only while they are assigned (a declared conflict ends it).
        if obj is not None and not (
            obj.reviewer_id == request.user.pk and obj.application.reviewers.filter(pk=request.user.pk).exists()
        ):
            return False
        return super().has_change_permission(request, obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        if self._scores_own_review(request, obj):
            kwargs["form"] = review_form_for(self._criteria(request, obj))
        return super().get_form(request, obj, change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        if not (self._scores_own_review(request, obj) and self.has_change_permission(request, obj)):
            fields = ["application", "reviewer", "scores_given", "recommendation", "comment", "conflict_of_interest"]
            return [(None, {"fields": [*fields, "score"]})]
        fieldsets = [(None, {"fields": ["application"]})]
        for criterion in self._criteria(request, obj):
            fieldsets.append(
                (criterion.name, {"fields": [score_field(criterion), comment_field(criterion)], "classes": ["rubric"]})
            )
        fieldsets.append(
            (_("Overall"), {"fields": ["recommendation", "comment", "conflict_of_interest", "score"]}),
        )
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        readonly = ["score", "scores_given", *AUDIT_FIELDS]
        return [*readonly, "application", "reviewer"] if obj else readonly

    @admin.display(description=_("scores"))
    def scores_given(self, review):
        rows = review.scores.select_related("criterion")
        return format_html_join(
            "", "<p><strong>{}</strong>: {} {}</p>", ((row.criterion.name, row.score, row.comment) for row in rows)
        ) or format_html("{}", "—")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "application":
            kwargs["queryset"] = self._assignable(request)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        return {"application": request.GET.get("application")}

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        obj = self.get_object(request, object_id) if object_id else None
        application = self._scored_application(request, obj)
        extra_context = dict(extra_context or {})
        if application is not None and (obj is None or self.has_view_permission(request, obj)):
            extra_context["review_documents"] = review_documents(application)
            extra_context["reviewed_application"] = application
            extra_context["no_rubric"] = not application.call.criteria.exists()
        return super().changeform_view(request, object_id, form_url, extra_context)

    def delete_model(self, request, obj):
        reviews_delete(reviews=type(obj).objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        reviews_delete(reviews=queryset)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.reviewer = request.user
        review_save(review=obj, by=request.user, scores=form.scores(), comments=form.comments())
        if obj.conflict_of_interest:
            self.message_user(
                request, _("Conflict of interest recorded: you are no longer a reviewer of this application.")
            )
