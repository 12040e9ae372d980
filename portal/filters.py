import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .search import MAX_QUERY_LENGTH


class KeywordFilter(django_filters.CharFilter):
    """`q`: every word must appear in one of `fields` (case-insensitive)."""

    def __init__(self, *, fields, **kwargs):
        self.search_fields = fields
        kwargs.setdefault("label", _("Keyword"))
        kwargs.setdefault("max_length", MAX_QUERY_LENGTH)
        kwargs.setdefault("widget", forms.TextInput(attrs={"type": "search"}))
        super().__init__(**kwargs)

    def filter(self, qs, value):
        for word in (value or "").split():
            any_field = Q()
            for field in self.search_fields:
                any_field |= Q(**{f"{field}__icontains": word})
            qs = qs.filter(any_field)
        return qs


class PublicFilterSet(django_filters.FilterSet):
    """Filters of the public lists: a relation may multiply rows, so results are always distinct."""

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset).distinct()
