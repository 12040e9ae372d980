from django.http import Http404, HttpResponsePermanentRedirect


def renamed(queryset, **old_values):
    """The record of `queryset` that once had these values (its audit history remembers), or None."""
    history = queryset.model.history.filter(**old_values).order_by("-history_date")
    record_id = history.values_list("id", flat=True).first()
    return queryset.filter(pk=record_id).first() if record_id is not None else None


class FollowRenamedSlugMixin:
    """A detail page reached by a slug that has since been renamed answers 301 to the current address."""

    def find_renamed(self):
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            current = self.find_renamed()
            if current is None:
                raise
            return HttpResponsePermanentRedirect(current.get_absolute_url())
