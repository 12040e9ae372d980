import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from .forms import FastSelect
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
    is in use is the list made distinct (DISTINCT over the whole list is costly)."""

    to_many_filters = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.form.fields.values():
            if type(field.widget) is forms.Select:
                field.widget = FastSelect(attrs=field.widget.attrs, choices=field.widget.choices)

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if any(self.form.cleaned_data.get(name) not in (None, "") for name in self.to_many_filters):
            queryset = queryset.distinct()
        return queryset
