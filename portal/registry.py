"""What each app contributes to the kernel, declared by the app itself.

The kernel knows no app: every app calls these from its `registrations.py` (imported by its AppConfig.ready), the
way NetBox apps register their search indexes. The kernel then reads the registry — site search, sitemaps, the
page cache, lab scoping, log redaction, robots.txt and the retention purge all serve whatever apps are installed.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import models


@dataclass(frozen=True)
class SearchType:
    """A kind of public record in site search and suggested matches."""

    key: str
    label: str
    model: type[models.Model]
    fields: tuple  # (field, weight) pairs, most important first; PostgreSQL triggers index exactly these
    public_filter: dict = field(default_factory=dict)  # what a record must match to be shown to the public
    related: tuple = ()  # what each result's title and URL need, fetched in the same query
    position: int = 100  # where its group stands on the results page

    def public_queryset(self):
        return self.model._default_manager.filter(**self.public_filter).select_related(*self.related)


@dataclass(frozen=True)
class SitemapEntry:
    key: str
    model: type[models.Model]
    public_filter: dict = field(default_factory=dict)
    related: tuple = ()


@dataclass
class Registry:
    search_types: list[SearchType] = field(default_factory=list)
    sitemap_sections: list[str] = field(default_factory=list)  # URL names of the list pages
    sitemap_entries: list[SitemapEntry] = field(default_factory=list)
    public_models: set = field(default_factory=set)  # saving one of these changes what the public site shows
    lab_owned: dict = field(default_factory=dict)  # model -> ORM path from it to its JointLab ("pk" for a lab)
    private_paths: list[str] = field(default_factory=list)  # URL path prefixes followed by a secret token
    retention_purges: list[tuple[str, Callable]] = field(default_factory=list)
    staff_lab_ids: Callable | None = None  # user -> ids of the labs that staff account works for
    all_labs_permission: str = ""  # the permission that lifts lab scoping


registry = Registry()


def register_search_type(search_type: SearchType) -> None:
    registry.search_types.append(search_type)


def register_sitemap(*, sections: Iterable[str] = (), entries: Iterable[SitemapEntry] = ()) -> None:
    registry.sitemap_sections.extend(sections)
    registry.sitemap_entries.extend(entries)


def register_public_models(*public_models: type[models.Model]) -> None:
    """Models whose changes the public pages show: saving or deleting one makes every cached page stale."""
    for model in public_models:
        registry.public_models.add(model)
        for many_to_many in model._meta.local_many_to_many:
            registry.public_models.add(many_to_many.remote_field.through)


def register_lab_owned(model: type[models.Model], path: str) -> None:
    """Records of `model` belong to the lab at ORM `path`: a lab-scoped user may only see or pick their own."""
    registry.lab_owned[model] = path


def register_private_path(prefix: str) -> None:
    """A URL path prefix followed by a secret token (a status page, an upload link): never logged, never indexed."""
    registry.private_paths.append(prefix)


def register_retention_purge(label: str, purge: Callable) -> None:
    """purge(now=…) -> (records erased, files removed); run by `manage.py purge_expired`."""
    registry.retention_purges.append((label, purge))


def register_staff_labs(lab_ids: Callable, *, all_labs_permission: str) -> None:
    registry.staff_lab_ids = lab_ids
    registry.all_labs_permission = all_labs_permission
