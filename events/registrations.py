"""What events contributes to the portal kernel (see portal/registry.py): published events are public content
(searchable, in the sitemap, on their lab's page); registrations are private, have private links, a retention
period, and calendar files attached to their e-mails."""

from django.utils.translation import gettext_lazy as _

from labs.models import JointLab
from portal.registry import (
    PageSection,
    SearchType,
    SitemapEntry,
    register_email_attachments,
    register_lab_owned,
    register_page_section,
    register_private_path,
    register_public_models,
    register_retention_purge,
    register_search_type,
    register_sitemap,
)

from .models import EmailCalendarFile, Event
from .personal_data import registrations_purge_expired
from .selectors import UPCOMING_ON_LAB_PAGE, upcoming_events

register_search_type(
    SearchType(
        "events",
        _("Events"),
        Event,
        (("title", "A"), ("summary", "B"), ("description", "C")),
        {"is_published": True},
        position=70,
    )
)
register_sitemap(sections=["events:event_list"], entries=[SitemapEntry("events", Event, {"is_published": True})])
register_public_models(Event)
register_lab_owned(Event, "lab")
register_private_path("events/registrations/")
register_retention_purge("event registration(s)", registrations_purge_expired)
register_page_section(
    PageSection(
        "lab-events",
        JointLab,
        "events/includes/upcoming_events.html",
        lambda lab: list(upcoming_events(lab=lab)[:UPCOMING_ON_LAB_PAGE]),
        position=30,
    )
)


def _calendar_files(email):
    return [
        (file.filename, file.content, "text/calendar") for file in EmailCalendarFile.objects.filter(email_id=email.pk)
    ]


register_email_attachments(_calendar_files)
