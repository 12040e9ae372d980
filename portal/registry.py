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
    first: Callable | None = None  # () -> Q of the records shown first in their group (open calls)

    def public_queryset(self):
        return self.model._default_manager.filter(**self.public_filter).select_related(*self.related)


@dataclass(frozen=True)
class Matchable:
    """A kind of record that ranking (portal.ranking) suggests for challenge requests or finds for visitors: its
    profile is the text a person reads to judge the fit (public fields only for public records)."""

    key: str
    model: type[models.Model]
    profile: Callable  # record -> text, in every language the record is written in
    part_of: Callable | None = None  # record -> the records whose profile includes this one's (a focus area's lab)


@dataclass(frozen=True)
class SitemapEntry:
    key: str
    model: type[models.Model]
    public_filter: dict = field(default_factory=dict)
    related: tuple = ()


@dataclass(frozen=True)
class Picker:
    """What a lab-scoped staff user may pick (in forms, autocompletes and list filters) among records of a model
    that is shared rather than owned by one lab, and how a choice is labelled."""

    choices: Callable  # (user, queryset) -> the records of queryset this user may pick
    label: Callable = str  # record -> the text shown for it


@dataclass(frozen=True)
class PageSection:
    """A block one app adds to the public page of another app's record (a lab's latest news on the lab page)."""

    key: str
    model: type[models.Model]
    template: str  # renders `items` (and `record`)
    items: Callable  # record -> what to show, fetched in a number of queries that does not grow with the rows
    position: int = 100  # where it stands among the sections of the same page


@dataclass
class Registry:
    search_types: list[SearchType] = field(default_factory=list)
    sitemap_sections: list[str] = field(default_factory=list)  # URL names of the list pages
    sitemap_entries: list[SitemapEntry] = field(default_factory=list)
    public_models: set = field(default_factory=set)  # saving one of these changes what the public site shows
    lab_owned: dict = field(default_factory=dict)  # model -> ORM path from it to its JointLab ("pk" for a lab)
    private_paths: dict[str, int] = field(default_factory=dict)  # URL path prefix -> secret segments after it
    private_parameters: set = field(default_factory=set)  # query parameters whose values logs must not keep
    retention_purges: list[tuple[str, Callable]] = field(default_factory=list)
    staff_lab_ids: Callable | None = None  # user -> ids of the labs that staff account works for
    pickers: dict = field(default_factory=dict)  # model -> Picker: what a lab-scoped user may pick of it
    all_labs_permission: str = ""  # the permission that lifts lab scoping
    page_sections: list[PageSection] = field(default_factory=list)
    email_attachments: list[Callable] = field(default_factory=list)  # outbox e-mail -> [(name, content, type)]
    matchables: dict = field(default_factory=dict)  # model -> Matchable
    correspondences: list = field(default_factory=list)  # portal.conversation.Correspondence of each submission kind
    admin_home: Callable | None = None  # (request, app_list) -> context of the admin home (the staff workspace)


registry = Registry()


def register_search_type(search_type: SearchType) -> None:
    registry.search_types.append(search_type)


def register_matchable(matchable: Matchable) -> None:
    """Keep ranking data (search terms, an embedding) for every record of `matchable.model`, refreshed on save."""
    registry.matchables[matchable.model] = matchable


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


def register_private_path(prefix: str, *, secret_segments: int = 1) -> None:
    """A URL path prefix followed by a secret token (a status page, an upload link): never logged, never indexed.
    `secret_segments`: how many path segments after the prefix are secret (2 for /<user id>/<token>/)."""
    registry.private_paths[prefix] = secret_segments


def register_private_parameter(name: str) -> None:
    """A query parameter that may carry what a visitor typed (a problem description carried into a form): its
    value is redacted from every log line, like a private link's token."""
    registry.private_parameters.add(name)


def register_retention_purge(label: str, purge: Callable) -> None:
    """purge(now=…) -> (records erased, files removed); run by `manage.py purge_expired`."""
    registry.retention_purges.append((label, purge))


def register_staff_labs(lab_ids: Callable, *, all_labs_permission: str) -> None:
    registry.staff_lab_ids = lab_ids
    registry.all_labs_permission = all_labs_permission


def register_picker(model: type[models.Model], choices: Callable, *, label: Callable = str) -> None:
    """Records of a shared `model` a lab-scoped user may pick, e.g. people they can see, colleagues of their labs."""
    registry.pickers[model] = Picker(choices, label)


def register_page_section(section: PageSection) -> None:
    """Show `section` on the public page of every record of `section.model` ({% page_sections record %})."""
    registry.page_sections.append(section)


def register_email_attachments(attachments: Callable) -> None:
    """attachments(email) -> [(filename, content, mimetype)]: files an app keeps for one of its queued e-mails
    (an event's calendar file), sent with it on every attempt."""
    registry.email_attachments.append(attachments)


def register_correspondence(correspondence) -> None:
    """A kind of submission whose submitter and staff write to each other (portal.conversation): the daily
    reminders of unanswered questions go through every one registered."""
    registry.correspondences.append(correspondence)


def register_admin_home(context: Callable) -> None:
    """context(request, app_list) -> what the admin home shows above Django's own context: the layer that combines
    the apps says what waits for the signed-in staff member and how the apps are grouped."""
    registry.admin_home = context
