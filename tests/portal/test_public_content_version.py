"""The page cache follows public content at once — bulk admin actions included — and submissions leave it alone."""

import pytest
from django.test import Client
from django.urls import reverse

from portal.page_cache import content_version
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300


def test_a_person_hidden_with_the_bulk_action_leaves_the_cached_people_page_at_once(
    admin_client, page_cache, django_capture_on_commit_callbacks
):
    visitor = Client()  # no session cookie: served from the page cache
    person = factories.PersonFactory(name="Soon Hidden")
    assert "Soon Hidden" in visitor.get("/people/").content.decode()  # now cached

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:people_person_changelist"),
            {"action": "people_set_public_off", "_selected_action": [person.pk]},
        )

    assert "Soon Hidden" not in visitor.get("/people/").content.decode()


@pytest.mark.parametrize(
    ("changelist", "action", "factory", "field"),
    [
        ("admin:projects_project_changelist", "projects_set_featured_on", factories.ProjectFactory, "is_featured"),
        ("admin:recruitment_call_changelist", "calls_set_published_on", factories.CallFactory, "is_published"),
    ],
)
def test_every_bulk_flag_action_makes_cached_pages_stale(
    admin_client, changelist, action, factory, field, django_capture_on_commit_callbacks
):
    record = factory(**{field: False})
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(reverse(changelist), {"action": action, "_selected_action": [record.pk]})
    record.refresh_from_db()
    assert getattr(record, field) is True
    assert content_version() > before


def test_a_bulk_action_that_changes_nothing_keeps_the_cache(admin_client, django_capture_on_commit_callbacks):
    person = factories.PersonFactory(is_public=True)
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:people_person_changelist"),
            {"action": "people_set_public_on", "_selected_action": [person.pk]},
        )
    assert content_version() == before


def test_submissions_and_their_workflow_never_make_cached_pages_stale(django_capture_on_commit_callbacks):
    from challenges.services import challenge_transition

    area = factories.FocusAreaFactory()
    call = factories.CallFactory(programme__lab=area.lab)
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        challenge = factories.ChallengeRequestFactory(preferred_lab=area.lab)
        challenge.focus_areas.set([area])
        challenge_transition(challenge=challenge, to="under_review")
        application = factories.ApplicationFactory(call=call)
        application.focus_areas.set([area])
        factories.ReviewFactory(application=application)
    assert content_version() == before


def test_editing_public_content_makes_cached_pages_stale():
    before = content_version()
    factories.PartnershipFactory()
    assert content_version() > before
