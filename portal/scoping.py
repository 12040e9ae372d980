"""Lab scoping of the staff side: who may see which lab's records.

Portal administrators (and superusers) see everything. Everyone else sees the records of the labs they were
given (the app that keeps staff access registers where to find them, see portal.registry). The rule is applied in
the apps' selectors and in get_queryset, so changelists, change/delete/history pages, search, autocomplete,
actions, exports, downloads and the dashboard all inherit it.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from .registry import registry


def sees_all_labs(user):
    return user.is_active and (
        user.is_superuser or bool(registry.all_labs_permission and user.has_perm(registry.all_labs_permission))
    )


def lab_ids_of(user):
    """The ids of the labs this staff user works for (cached on the user object for the request)."""
    if not hasattr(user, "_portal_lab_ids"):
        source = registry.staff_lab_ids
        user._portal_lab_ids = frozenset(source(user) if source and user.is_authenticated else ())
    return user._portal_lab_ids


def restrict_to_labs(queryset: QuerySet, user, condition) -> QuerySet:
    """`queryset` limited to the records for which `condition(lab_ids)` (a Q) holds, unless `user` sees every lab.
    A subquery, not a join: the outer query keeps one row per record, so counts and averages stay right."""
    if sees_all_labs(user):
        return queryset
    owned = queryset.model._default_manager.filter(condition(lab_ids_of(user)))
    return queryset.filter(pk__in=owned.values("pk"))


class LabScopedAdminMixin:
    """For ModelAdmins and inlines whose records belong to a lab. `lab_path` is the ORM path to the JointLab
    ("lab", "programme__lab", …); override `lab_condition` when ownership is more than one path."""

    lab_path = "lab"

    def lab_condition(self, user, lab_ids):
        return Q(**{f"{self.lab_path}__in": lab_ids})

    def get_queryset(self, request):
        return self.visible_to(request.user, super().get_queryset(request))

    def visible_to(self, user, queryset):
        """The records of `queryset` this user may see; admins of apps with a selector return the selector's."""
        return restrict_to_labs(queryset, user, lambda lab_ids: self.lab_condition(user, lab_ids))

    def editable_by(self, user, queryset):
        """The records of `queryset` this user may change, delete or flag. Records owned by one lab: all they see.
        Shared records (people, organisations) narrow this to the records linked to the user's labs."""
        return queryset

    def in_scope(self, request, obj):
        if obj is None or sees_all_labs(request.user):
            return True
        return self.get_queryset(request).filter(pk=obj.pk).exists()

    def may_edit(self, request, obj):
        if obj is None or sees_all_labs(request.user):
            return True
        return self.editable_by(request.user, self.get_queryset(request).filter(pk=obj.pk)).exists()

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self.in_scope(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.may_edit(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.may_edit(request, obj)

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
        return _label_like_pickers(super().formfield_for_foreignkey(db_field, request, **kwargs))

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        restricted = _restrict_to_own_labs(db_field, request)
        if restricted is not None:
            kwargs["queryset"] = restricted
        return _label_like_pickers(super().formfield_for_manytomany(db_field, request, **kwargs))

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


def picker_choices(model, request):
    """The records of `model` this user may pick, in a form field, an autocomplete or a list filter; None when any
    record may be picked (administrators among lab-owned records, and models no app registered a picker for)."""
    if model in registry.lab_owned:
        return None if sees_all_labs(request.user) else own_lab_choices(model, request)
    picker = registry.pickers.get(model)
    if picker is not None:
        return picker.choices(request.user, model._default_manager.all())
    return None


def picker_label(record):
    picker = registry.pickers.get(type(record))
    return picker.label(record) if picker else str(record)


def own_lab_choices(model, request):
    """The records of a lab-owned model this user may pick (all of them for administrators)."""
    if sees_all_labs(request.user):
        return model._default_manager.all()
    path = registry.lab_owned[model]
    return model._default_manager.filter(**{f"{path}__in": lab_ids_of(request.user)})


def _restrict_to_own_labs(db_field, request):
    return picker_choices(db_field.remote_field.model, request)


def _label_like_pickers(formfield):
    if formfield is not None and registry.pickers.get(getattr(formfield.queryset, "model", None)):
        formfield.label_from_instance = picker_label
    return formfield
