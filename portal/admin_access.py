"""Rules every admin page follows, whichever app registered it: what a staff user may filter a list by, pick in
an autocomplete or a list filter, and open on the public site.

- A changelist (and anything built on it, such as the CSV exports) accepts only the lookups its own `list_filter`
  and `date_hierarchy` declare. Django's default lets any staff user filter on any field of the model, so a
  reviewer could recover a private token character by character with `?status_token__regex=^d`.
- Fields that hold secrets or staff-only notes are never a lookup, a filter or a search field (a system check).
- Relational list filters, autocompletes and form pickers offer only what the user may pick (portal.scoping).
- "View on site" opens only records the user may see in the admin.
"""

import re

from django.apps import apps
from django.contrib import admin
from django.contrib.admin import helpers, widgets
from django.contrib.admin.filters import FieldListFilter, ListFilter, RelatedFieldListFilter
from django.contrib.admin.utils import get_fields_from_path
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.contenttypes.models import ContentType
from django.core import checks
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.http import Http404, HttpResponseRedirect
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .admin_filters_guard import answering_database_refusals
from .page_cache import remember_for_content
from .registry import registry
from .scoping import picker_choices, picker_label

# Names of fields that must never be looked up from a URL: private-link tokens, credentials, staff-only notes.
NEVER_LOOKED_UP = re.compile(r"token|password|secret|internal_note", re.IGNORECASE)


def declared_lookups(model_admin, request):
    """The query-string parameters this changelist's own filters use, and nothing else."""
    allowed = set()
    for item in model_admin.get_list_filter(request):
        if isinstance(item, type) and issubclass(item, ListFilter) and not issubclass(item, FieldListFilter):
            allowed.add(item.parameter_name)  # a SimpleListFilter reads its own parameter
            continue
        path = item[0] if isinstance(item, (list, tuple)) else item
        if isinstance(path, str):
            allowed |= _field_filter_parameters(model_admin.model, path)
    hierarchy = model_admin.date_hierarchy
    if hierarchy:
        allowed |= {f"{hierarchy}__year", f"{hierarchy}__month", f"{hierarchy}__day"}
    return allowed


def _field_filter_parameters(model, path):
    """What Django's built-in list filters put in the URL for the field at `path`."""
    field = get_fields_from_path(model, path)[-1]
    parameters = {path, f"{path}__exact", f"{path}__isnull", f"{path}__isempty"}
    target = getattr(field, "target_field", None)
    if field.is_relation and target is not None:
        parameters.add(f"{path}__{target.name}__exact")
    if isinstance(field, models.DateField):  # DateTimeField included
        parameters |= {f"{path}__gte", f"{path}__lt"}
    return parameters


def only_declared_lookups(model_admin, lookup, value, request=None):
    """ModelAdmin.lookup_allowed for every admin: an allow-list instead of Django's "any field of the model"."""
    if NEVER_LOOKED_UP.search(lookup):
        return False
    # Popups of raw-id widgets filter by the field's limit_choices_to; Django allows exactly those pairs.
    for fk_lookup in model_admin.model._meta.related_fkey_lookups:
        if callable(fk_lookup):
            fk_lookup = fk_lookup()
        if (lookup, value) in widgets.url_params_from_lookup_dict(fk_lookup).items():
            return True
    if request is None:
        return False
    return lookup in declared_lookups(model_admin, request)


class PickableRelatedFieldListFilter(RelatedFieldListFilter):
    """The default list filter of relations: offers only the records the user may pick (their labs' calls, their
    colleagues…), labelled as in the pickers; administrators see every choice."""

    def field_choices(self, field, request, model_admin):
        choices = picker_choices(field.related_model, request)
        if choices is None:
            if field.related_model not in registry.public_models:
                return super().field_choices(field, request, model_admin)
            # Public records (labs, focus areas, partners) change only with public content: read once per version.
            ordering = self.field_admin_ordering(field, request, model_admin)
            key = f"admin-filter.{field.model._meta.label}.{field.name}.{get_language()}.{ordering}"
            read = super().field_choices
            return remember_for_content(key, lambda: read(field, request, model_admin))
        ordering = self.field_admin_ordering(field, request, model_admin)
        if ordering:
            choices = choices.order_by(*ordering)
        target = getattr(field, "target_field", None)
        key = target.attname if target is not None else "pk"
        return [(getattr(record, key), picker_label(record)) for record in choices]


class PickableAutocompleteJsonView(AutocompleteJsonView):
    """The admin's autocomplete answers with exactly the choices the form field accepts (portal.scoping), so a
    lab manager can pick reviewers and owners among their labs' staff without seeing every account, and no one
    gets choices they could not save."""

    def has_perm(self, request, obj=None):
        if self.model_admin.has_view_permission(request, obj=obj):
            return True
        # Picking a value for a field one may fill in does not need the rights to browse the picked model.
        opts = self.source_field.model._meta
        return any(
            request.user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}") for action in ("add", "change")
        )

    def get_queryset(self):
        queryset = super().get_queryset()
        choices = picker_choices(self.source_field.remote_field.model, self.request)
        if choices is not None:
            queryset = queryset.filter(pk__in=choices.values("pk"))
        return queryset

    def serialize_result(self, obj, to_field_name):
        return {"id": str(getattr(obj, to_field_name)), "text": picker_label(obj)}


def autocomplete_view(request):
    return PickableAutocompleteJsonView.as_view(admin_site=admin.site)(request)


def view_on_site(request, content_type_id, object_id):
    """The admin's "view on site" link, for records the user may see in the admin only: Django's own shortcut
    redirects any staff user to any record's public address, hidden or not."""
    try:
        model = ContentType.objects.get_for_id(int(content_type_id)).model_class()
    except (ObjectDoesNotExist, ValueError, OverflowError):
        raise Http404 from None
    model_admin = admin.site._registry.get(model)
    if model_admin is None or not hasattr(model, "get_absolute_url"):
        raise Http404
    try:
        record = model_admin.get_queryset(request).filter(pk=object_id).first()
    except (ValueError, TypeError):
        raise Http404 from None
    if record is None or not model_admin.has_view_permission(request, record):
        raise Http404
    return HttpResponseRedirect(record.get_absolute_url())


def action_checkbox(model_admin, obj):
    """The row's checkbox for actions, as Django draws it, without a widget template per row: on a list of 100
    rows the template renders were a quarter of the page's time."""
    return format_html(
        '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
        helpers.ACTION_CHECKBOX_NAME,
        str(obj.pk),
        format_html(_("Select this object for an action - {}"), str(obj)),
    )


def install():
    """Called once from PortalConfig.ready: the rules apply to every ModelAdmin, ours and third-party ones."""
    admin.ModelAdmin.lookup_allowed = only_declared_lookups
    admin.ModelAdmin.action_checkbox = action_checkbox
    admin.ModelAdmin.changelist_view = answering_database_refusals(admin.ModelAdmin.changelist_view)
    FieldListFilter.register(lambda field: field.remote_field, PickableRelatedFieldListFilter, take_priority=True)


@checks.register(checks.Tags.admin, checks.Tags.security)
def check_no_secret_lookups(app_configs=None, **kwargs):
    """No admin offers a secret or staff-only field as a list filter, a search field or a date hierarchy."""
    errors = []
    for model, model_admin in admin.site._registry.items():
        if app_configs is not None and apps.get_app_config(model._meta.app_label) not in app_configs:
            continue
        paths = [item[0] if isinstance(item, (list, tuple)) else item for item in model_admin.list_filter]
        paths += [name.lstrip("^=@") for name in model_admin.search_fields]
        paths.append(model_admin.date_hierarchy or "")
        for path in paths:
            if isinstance(path, str) and NEVER_LOOKED_UP.search(path):
                errors.append(
                    checks.Error(
                        f"{type(model_admin).__qualname__} offers {path!r}, a secret or staff-only field, as a "
                        "filter or search field.",
                        hint="Remove it: staff must not be able to look records up by it.",
                        obj=model_admin,
                        id="portal.E001",
                    )
                )
    return errors
