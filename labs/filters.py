import django_filters
from django.utils.translation import gettext_lazy as _

from portal.filters import KeywordFilter, PublicFilterSet

from .models import JointLab, Organisation


class OrganisationFilter(PublicFilterSet):
    q = KeywordFilter(fields=["name", "short_name", "description"])
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Organisation.Kind.choices, empty_label=_("Any kind"))
    lab = django_filters.ModelChoiceFilter(
        label=_("Lab"),
        field_name="partnerships__lab",
        queryset=JointLab.objects.all(),
        to_field_name="slug",
        empty_label=_("All labs"),
    )

    to_many_filters = ("lab",)

    class Meta:
        model = Organisation
        fields = []
