"""What people contributes to the portal kernel (see portal/registry.py): the people directory in search, the
sitemap and the page cache, and where lab scoping finds the labs a staff account works for."""

from django.utils.translation import gettext_lazy as _

from portal.registry import (
    SearchType,
    SitemapEntry,
    register_public_models,
    register_search_type,
    register_sitemap,
    register_staff_labs,
)

from .models import LabRole, Person, StaffLabAccess

register_search_type(
    SearchType(
        "people",
        _("People"),
        Person,
        (("name", "A"), ("chinese_name", "A"), ("position", "B"), ("short_bio", "C")),
        {"is_public": True},
        position=40,
    )
)
register_sitemap(sections=["people:person_list"], entries=[SitemapEntry("people", Person, {"is_public": True})])
register_public_models(Person, LabRole)


def _staff_lab_ids(user):
    return StaffLabAccess.objects.filter(user=user).values_list("lab_id", flat=True)


register_staff_labs(_staff_lab_ids, all_labs_permission="people.access_all_labs")
