"""State changes of projects, shared by the admin, other apps' services and commands."""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import QuerySet
from django.utils import translation
from django.utils.text import slugify

from labs.models import FocusArea, JointLab
from portal.flags import records_set_flag

from .models import Project


def projects_set_featured(*, queryset: QuerySet, value: bool, by: AbstractBaseUser | None, reason: str = "") -> int:
    """Feature projects on the home page, or stop; the cached public pages change at once."""
    return records_set_flag(queryset=queryset, field="is_featured", value=value, by=by, reason=reason)


@transaction.atomic
def project_create_private(*, lab: JointLab, title: str, focus_areas: QuerySet[FocusArea] | list) -> Project:
    """A planned project that is not public yet (staff decide what of it may be published), with a slug unique in
    its lab. Used when an industry challenge becomes a project."""
    # The base text every language falls back to.
    with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        project = Project(
            lab=lab,
            title=title,
            slug=_unique_slug(lab, title),
            status=Project.Status.PLANNED,
            is_public=False,
        )
        project.full_clean()
        project.save()
    project.focus_areas.set([area for area in focus_areas if area.lab_id == lab.pk])
    return project


def _unique_slug(lab, title):
    base = slugify(title)[:80] or "project"
    slug, n = base, 2
    while Project.objects.filter(lab=lab, slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
