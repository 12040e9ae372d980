"""Lab scoping of the staff side: who may see which lab's records.

Portal administrators (and superusers) see everything. Everyone else sees the records of the labs they were
given (people.StaffLabAccess). The rule is applied in get_queryset, so changelists, change/delete/history
pages, search, autocomplete, actions, exports and downloads all inherit it.
"""

from django.apps import apps
from django.db.models import Q
from django.http import Http404

ALL_LABS_PERMISSION = "people.access_all_labs"


def sees_all_labs(user):
    return user.is_active and (user.is_superuser or user.has_perm(ALL_LABS_PERMISSION))


def lab_ids_of(user):
    """The ids of the labs this staff user works for (cached on the user object for the request)."""
    if not hasattr(user, "_portal_lab_ids"):
        access = apps.get_model("people", "StaffLabAccess")
        user._portal_lab_ids = frozenset(access.objects.filter(user=user).values_list("lab_id", flat=True))
    return user._portal_lab_ids


class LabScopedAdminMixin:
    """For ModelAdmins and inlines whose records belong to a lab. `lab_path` is the ORM path to the JointLab
    ("lab", "programme__lab", …); override `lab_condition` when ownership is more than one path."""

    lab_path = "lab"

    def lab_condition(self, request, lab_ids):
        return Q(**{f"{self.lab_path}__in": lab_ids})

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if sees_all_labs(request.user):
            return queryset
        # A subquery, not a join: the outer query keeps one row per record, so counts and averages stay right.
        owned = self.model._default_manager.filter(self.lab_condition(request, lab_ids_of(request.user)))
        return queryset.filter(pk__in=owned.values("pk"))

    def in_scope(self, request, obj):
        if obj is None or sees_all_labs(request.user):
            return True
        return self.get_queryset(request).filter(pk=obj.pk).exists()

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self.in_scope(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.in_scope(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.in_scope(request, obj)

    def save_related(self, request, form, formsets, change):
        # Choices of other labs are not offered to a scoped user, so the form cannot send them back: keep the
        # ones already linked (an enterprise's or an administrator's choice) instead of silently dropping them.
        hidden = {}
        if change and not sees_all_labs(request.user):
            for name, field in form.fields.items():
                related = getattr(form.instance, name, None)
                if hasattr(field, "queryset") and hasattr(related, "exclude") and hasattr(related, "add"):
                    hidden[name] = list(related.exclude(pk__in=field.queryset.values("pk")))
        super().save_related(request, form, formsets, change)
        for name, objects in hidden.items():
            getattr(form.instance, name).add(*objects)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        restricted = _restrict_to_own_labs(db_field, request)
        if restricted is not None:
            kwargs["queryset"] = restricted
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        restricted = _restrict_to_own_labs(db_field, request)
        if restricted is not None:
            kwargs["queryset"] = restricted
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    # django-simple-history's history pages fall back to old versions of records the user cannot see
    # (to show deleted ones); refuse those before anything renders.
    def history_view(self, request, object_id, extra_context=None):
        self._require_in_scope(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._require_in_scope(request, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def _require_in_scope(self, request, object_id):
        if sees_all_labs(request.user):
            return
        if not self.get_queryset(request).filter(pk=object_id).exists():
            raise Http404


# Related models that belong to a lab, and the path from each to it: a scoped user may only pick their own.
LAB_OWNED_CHOICES = {
    ("labs", "jointlab"): "pk",
    ("labs", "focusarea"): "lab",
    ("labs", "programme"): "lab",
    ("projects", "project"): "lab",
    ("people", "call"): "programme__lab",
}


def own_lab_choices(model, request):
    """The records of a lab-owned model this user may pick (all of them for administrators)."""
    if sees_all_labs(request.user):
        return model._default_manager.all()
    path = LAB_OWNED_CHOICES[(model._meta.app_label, model._meta.model_name)]
    return model._default_manager.filter(**{f"{path}__in": lab_ids_of(request.user)})


def _restrict_to_own_labs(db_field, request):
    related = db_field.remote_field.model
    if sees_all_labs(request.user) or (related._meta.app_label, related._meta.model_name) not in LAB_OWNED_CHOICES:
        return None
    return own_lab_choices(related, request)
