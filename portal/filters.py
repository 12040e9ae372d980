import copy
import hashlib

import django_filters
from django import forms
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.http import QueryDict
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .form_fields import FastSelect
from .page_cache import VISITOR_KEYED_SECONDS, remember_for_content
from .search import MAX_QUERY_LENGTH, matches_every_word


class KeywordFilter(django_filters.CharFilter):
    """`q`: every word must appear in one of `fields` (case-insensitive)."""

    def __init__(self, *, fields, **kwargs):
        self.search_fields = fields
        kwargs.setdefault("label", _("Keyword"))
        kwargs.setdefault("max_length", MAX_QUERY_LENGTH)
        kwargs.setdefault("widget", forms.TextInput(attrs={"type": "search"}))
        super().__init__(**kwargs)

    def filter(self, qs, value):
        if not (value or "").strip():
            return qs
        return qs.filter(matches_every_word(qs.model, self.search_fields, value))


class PublicFilterSet(django_filters.FilterSet):
    """Filters of the public lists. Filters through a to-many relation can repeat rows; only when one of those
    is in use is the list made distinct (DISTINCT over the whole list is costly).

    The options of a filter on records (labs, partners, focus areas) are read once per language until public
    content changes, as (value, label) pairs: building 200 organisations as model instances for each request
    was most of a list page's time. A chosen value is still checked against the database."""

    to_many_filters = ()
    _form_classes = {}  # FilterSet class -> its form class (built from the filters, which are the same each time)

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        # django-filter's own __init__ deep-copies every filter, with the querysets in their options, and then
        # builds a new form class for each request: about a third of a list page's time. A filter is configuration:
        # a shallow copy with its own options dict (the only thing a filter writes to) is enough.
        if queryset is None:
            queryset = self._meta.model._default_manager.all()
        self.is_bound = data is not None
        self.data = data or QueryDict()
        self.queryset = queryset
        self.request = request
        self.form_prefix = prefix
        self.filters = {name: _copy_of(base) for name, base in self.base_filters.items()}
        for filter_ in self.filters.values():
            filter_.model = queryset.model
            filter_.parent = self
        for name, field in self.form.fields.items():
            if isinstance(field, forms.ModelChoiceField) and type(field.widget) is forms.Select:
                empty = [("", field.empty_label)] if field.empty_label is not None else []
                choices, options_html = remember_for_content(
                    f"filter-options.{type(self).__module__}.{type(self).__qualname__}.{name}.{get_language()}",
                    lambda field=field, empty=empty: self._options(field, empty),
                )
                field.widget = FastSelect(attrs=field.widget.attrs, choices=choices, options_html=options_html)
            elif type(field.widget) is forms.Select:
                field.widget = FastSelect(attrs=field.widget.attrs, choices=field.widget.choices)

    def get_form_class(self):
        """Built once per FilterSet class: its fields come from the filters, the same for every request (a filter
        whose choices depend on the request builds its own each time)."""
        cls = type(self)
        if any(callable(getattr(filter_, "queryset", None)) for filter_ in self.filters.values()):
            return super().get_form_class()
        if cls not in self._form_classes:
            self._form_classes[cls] = super().get_form_class()
        return self._form_classes[cls]

    @staticmethod
    def _options(field, empty):
        """The field's choices as plain pairs, and their <option> markup (a plain string: it is cached)."""
        choices = [
            *((value, str(label)) for value, label in empty),
            *((field.prepare_value(record), str(field.label_from_instance(record))) for record in field.queryset),
        ]
        return choices, str(FastSelect.options_markup(choices))

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if any(self.form.cleaned_data.get(name) not in (None, "") for name in self.to_many_filters):
            queryset = queryset.distinct()
        return queryset


def _copy_of(base):
    """A filter for one request: its own options and form field; a method filter bound to this copy."""
    copied = copy.copy(base)
    copied.extra = dict(base.extra)
    copied.__dict__.pop("_field", None)
    if base.method is not None:
        copied.method = base.method
    return copied


class ContentCountPaginator(Paginator):
    """Counts a public list once per filter combination until public content changes: COUNT(*) over every
    matching row grew with the data (5 ms at 10,000 projects, 20 at 50,000), the rest of a list page does not.
    The key is the count query's own SQL, so every filter, language and visibility rule is part of it."""

    @cached_property
    def count(self):
        count_rows = lambda: Paginator.count.func(self)  # noqa: E731
        query = getattr(self.object_list, "query", None)
        if query is None:
            return count_rows()
        try:
            sql, params = query.get_compiler(using=self.object_list.db).as_sql()
        except EmptyResultSet:  # a filter that can match nothing (an unknown partner): no query at all
            return count_rows()
        digest = hashlib.sha256(repr((self.object_list.db, sql, params)).encode()).hexdigest()
        return remember_for_content(f"list-count.{digest}", count_rows, VISITOR_KEYED_SECONDS)
