"""What people contributes to the portal kernel (see portal/registry.py): the people directory in search, the
sitemap and the page cache, and where lab scoping finds the labs a staff account works for."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from portal.registry import (
    SearchType,
    SitemapEntry,
    register_picker,
    register_private_path,
    register_public_models,
    register_search_type,
    register_sitemap,
    register_staff_labs,
)

from .models import LabRole, Person, StaffLabAccess
from .selectors import people_visible_to, staff_colleagues_of, staff_display_name

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
# The one-time link add_staff prints (people.staff.password_set_url): /admin/password/set/<user id>/<token>/.
register_private_path("admin/password/set/", secret_segments=2)

# Lab-scoped staff pick among the people they can see and, for owners and reviewers, the staff of their labs.
register_picker(Person, people_visible_to)
register_picker(get_user_model(), staff_colleagues_of, label=staff_display_name)
