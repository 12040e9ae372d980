"""The read-only rows under an application's admin page: its referees' letters and its reviews."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import ApplicationReferee, Review
from .selectors import reviews_visible_to


class RefereeInline(admin.TabularInline):
    model = ApplicationReferee
    extra = 0
    can_delete = False
    # corrections: the student's changes from the status page (staff are not e-mailed for each), oldest first.
    fields = ["name", "email", "institution", "letter_link", "letter_uploaded_at", "resent_at", "corrections"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("letter"))
    def letter_link(self, referee):
        if not referee.letter:
            return _("not received yet")
        url = reverse("admin:recruitment_application_document", args=[referee.application_id, f"letter-{referee.pk}"])
        return format_html('<a href="{}">{}</a>', url, _("Download the letter"))


class ReviewInline(admin.TabularInline):
    model = Review
    extra = 0
    can_delete = False
    fields = ["reviewer", "score", "recommendation", "conflict_of_interest", "comment"]  # per criterion: the review
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        # Reviewers judge independently: each sees only their own review.
        return reviews_visible_to(request.user, super().get_queryset(request).select_related("reviewer"))
