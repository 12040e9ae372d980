"""Assigning reviewers in the application admin: the reviewers field and the bulk action both go through
recruitment.services, which e-mails only the newly assigned."""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from portal.scoping import picker_choices, picker_label

from .models.reviewer_choices import may_review
from .services import application_set_reviewers, applications_assign_reviewers


class AssignReviewersForm(forms.Form):
    reviewers = forms.ModelMultipleChoiceField(
        label=_("Reviewers"), queryset=get_user_model().objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        users = get_user_model()
        choices = picker_choices(users, request)
        queryset = (users.objects.all() if choices is None else choices).filter(may_review()).order_by("username")
        field = self.fields["reviewers"]
        field.queryset = queryset
        field.label_from_instance = picker_label


@admin.action(description=_("Assign reviewers to the selected"), permissions=["triage"])
def assign_reviewers(modeladmin, request, queryset):
    form = AssignReviewersForm(request.POST if "apply" in request.POST else None, request=request)
    if "apply" in request.POST and form.is_valid():
        try:
            added = applications_assign_reviewers(
                applications=queryset, reviewers=form.cleaned_data["reviewers"], by=request.user
            )
        except ValidationError as refusal:
            modeladmin.message_user(request, " ".join(refusal.messages), level=messages.ERROR)
        else:
            modeladmin.message_user(
                request, _("%(count)d new assignment(s); the reviewers were e-mailed.") % {"count": added}
            )
        return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "opts": modeladmin.model._meta,
        "title": _("Assign reviewers"),
        "form": form,
        "applications": queryset,
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/recruitment/application/assign_reviewers.html", context)


class ReviewerAssignmentMixin:
    """For ApplicationAdmin: the reviewers field saved through the service; the bulk action offered."""

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "move_to_shortlisted" in actions:  # offered to those who may move applications in bulk
            actions["assign_reviewers"] = self.get_action(assign_reviewers)
        return actions

    def save_related(self, request, form, formsets, change):
        chosen = form.cleaned_data.pop("reviewers", None)  # set below, through the service
        super().save_related(request, form, formsets, change)
        if chosen is None:
            return
        field = form.fields["reviewers"]
        # Reviewers the user cannot pick (another lab's staff, assigned by an administrator) stay assigned.
        kept = form.instance.reviewers.exclude(pk__in=field.queryset.values("pk"))
        application_set_reviewers(application=form.instance, reviewers=[*chosen, *kept], by=request.user)
