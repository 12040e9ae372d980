"""What the home page and the frame around every public page show: the labs, open calls, featured projects, the
latest news and the next events; and the partner institutions named in the footer.

Each is fetched in a number of queries that does not grow with the rows (tests/overview/test_public_pages.py)."""

from django.db.models import Prefetch
from django.utils.translation import get_language

from events.selectors import upcoming_events
from labs.models import FocusArea, JointLab, Organisation, Partnership
from news.selectors import latest_articles
from portal.page_cache import CONTENT_DERIVED_SECONDS, VISITOR_KEYED_SECONDS, content_version, remember_for_content
from projects.models import Project
from recruitment.selectors import calls_open_to_the_public

HOME_CALLS = 4
HOME_PROJECTS = 6
HOME_NEWS = 3
HOME_EVENTS = 3

# The institutions that run the labs, named in the footer: founders and hosts, not every alliance member.
FOOTER_ROLES = (Partnership.Role.FOUNDING_PARTNER, Partnership.Role.HOST)
FOOTER_PARTNERS_SECONDS = 3600


def home_page_data() -> dict:
    return {
        # Only what a lab card shows of its focus areas (name and link): whole rows in three languages, each with
        # its lab again, were the page's slowest query at 50 labs.
        "labs": JointLab.objects.prefetch_related(
            Prefetch("focus_areas", queryset=FocusArea.objects.select_related(None).only("name", "slug", "lab"))
        ),
        "open_calls": calls_open_to_the_public().order_by("closes_at")[:HOME_CALLS],
        "featured_projects": Project.objects.public()
        .filter(is_featured=True)
        .select_related("lab")
        .order_by("title")[:HOME_PROJECTS],
        "latest_news": latest_articles(limit=HOME_NEWS),
        "upcoming_events": upcoming_events()[:HOME_EVENTS],
    }


def partner_institutions() -> list[dict]:
    """The labs' founding partners and hosts as [{"name", "url"}], in the current language: one query, then kept
    in the cache until public content changes (the cache key carries the content version)."""

    def compute():
        organisations = (
            Organisation.objects.filter(partnerships__role__in=FOOTER_ROLES)
            .distinct()
            .order_by("name")
            .only("pk", "slug", "name", "short_name")
        )
        return [{"name": organisation.name, "url": organisation.get_absolute_url()} for organisation in organisations]

    return remember_for_content(f"footer-partners.{get_language()}", compute, FOOTER_PARTNERS_SECONDS)


def site_frame(request):
    """Context processor (portal/settings.py TEMPLATES): the footer's partner institutions, and the content version
    and lifetime of the fragments cached by it (the footer, the public lists). Callables, so they run only on pages whose template shows them (not
    the admin, not e-mails) and not at all while the footer is cached."""
    return {
        "footer_partners": partner_institutions,
        "content_version": content_version,
        "content_fragment_seconds": CONTENT_DERIVED_SECONDS,
        "visitor_keyed_seconds": VISITOR_KEYED_SECONDS,
    }
