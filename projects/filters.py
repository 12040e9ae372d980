import django_filters
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from labs.models import FocusArea, JointLab, Organisation
from portal.filters import KeywordFilter, PublicFilterSet

from .models import Project


class ProjectFilter(PublicFilterSet):
    q = KeywordFilter(fields=["title", "summary", "description", "keywords"])
    lab = django_filters.ModelChoiceFilter(
        label=_("Lab"), queryset=JointLab.objects.all(), to_field_name="slug", empty_label=_("All labs")
    )
    focus_area = django_filters.ModelChoiceFilter(
        label=_("Focus area"),
        field_name="focus_areas",
        queryset=FocusArea.objects.select_related("lab"),
        empty_label=_("All focus areas"),
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Project.Status.choices, empty_label=_("Any status"))
    partner = django_filters.ModelChoiceFilter(
        label=_("Partner organisation"),
        field_name="partners",
        # EXISTS, not a join with DISTINCT over every project-partner link (that spilled to disk at scale 5).
        queryset=Organisation.objects.filter(
            Exists(Project.partners.through.objects.filter(organisation=OuterRef("pk")))
        ),
        to_field_name="slug",
        empty_label=_("Any partner"),
    )
    sort = django_filters.OrderingFilter(
        label=_("Sort by"),
        fields=(("title", "title"), ("start_date", "start"), ("lab__name", "lab")),
        field_labels={"title": _("Title"), "start_date": _("Start date"), "lab__name": _("Lab")},
        empty_label=_("Title"),
    )

    to_many_filters = ("focus_area", "partner")

    class Meta:
        model = Project
        fields = []
