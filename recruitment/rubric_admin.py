"""The rubric of a call, edited on the call's admin page; the call's shortlist is reached from there too."""

from django import forms
from django.contrib import admin
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import RubricCriterion
from .services import rubric_add_default
from .shortlist_admin import shortlist_view


class RubricCriterionInline(admin.StackedInline):
    model = RubricCriterion
    extra = 0
    fields = [("order", "name", "weight"), "description", ("min_score", "max_score"), "level_labels"]
    formfield_overrides = {}
    verbose_name = _("rubric criterion")
    verbose_name_plural = _("Rubric: what reviewers score (a call without criteria gets the four classic ones)")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in ("description", "level_labels"):
            kwargs["widget"] = forms.Textarea(attrs={"rows": 3, "cols": 80})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    # Whoever may change the call (in their labs: the admin scopes the call itself) edits its rubric.
    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("recruitment.view_call") or request.user.has_perm("recruitment.change_call")

    def has_add_permission(self, request, obj=None):
        return request.user.has_perm("recruitment.add_call" if obj is None else "recruitment.change_call")

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm("recruitment.change_call")

    def has_delete_permission(self, request, obj=None):
        return request.user.has_perm("recruitment.change_call")


class RubricAdminMixin:
    """For CallAdmin: the rubric inline, a default rubric for new calls, the shortlist page and its link."""

    def get_inlines(self, request, obj):
        return [*super().get_inlines(request, obj), RubricCriterionInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if not change:
            rubric_add_default(call=form.instance)

    def get_urls(self):
        shortlist = self.admin_site.admin_view(lambda request, call_id: shortlist_view(self, request, call_id))
        return [path("<int:call_id>/shortlist/", shortlist, name="recruitment_call_shortlist"), *super().get_urls()]

    @admin.display(description=_("shortlist"))
    def shortlist_link(self, call):
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:recruitment_call_shortlist", args=[call.pk]), _("Shortlist")
        )
