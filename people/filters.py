import django_filters
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from labs.models import JointLab, Organisation
from portal.filters import KeywordFilter, PublicFilterSet

from .models import LabRole, Person


class PersonFilter(PublicFilterSet):
    q = KeywordFilter(fields=["name", "chinese_name", "position", "short_bio"])
    lab = django_filters.ModelChoiceFilter(
        label=_("Lab"),
        field_name="lab_roles__lab",
        queryset=JointLab.objects.all(),
        to_field_name="slug",
        empty_label=_("All labs"),
    )
    role = django_filters.ChoiceFilter(
        label=_("Role"), field_name="lab_roles__role", choices=LabRole.Role.choices, empty_label=_("Any role")
    )
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"),
        # EXISTS, not a join with DISTINCT over every person (see projects/filters.py).
        queryset=Organisation.objects.filter(Exists(Person.objects.filter(organisation=OuterRef("pk")))),
        to_field_name="slug",
        empty_label=_("Any organisation"),
    )

    to_many_filters = ("lab", "role")

    class Meta:
        model = Person
        fields = []
